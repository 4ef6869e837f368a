/*
 * The duplicate-email rule across the nodes of a Galera cluster. Locking reads
 * keep it on one server, but Galera certifies transactions by the rows they
 * write, never by what they read: two calls on two nodes for the same new
 * email both saw no sub-account and both committed. On a Galera node every
 * sub-account insert therefore first writes the row of mod_localapi_email_claims
 * keyed by its email (as the column's collation compares it), so two such
 * transactions write the same primary key and certification lets only one
 * commit; the other fails with a deadlock error, is retried, and finds the
 * winner's row. First, because a rival already applied on this node is no
 * certification conflict: its contact row must then be seen by the duplicate
 * check, which so reads after the claim (a rival applied later conflicts with
 * the claim's row lock and aborts this transaction). The table is created the
 * first time it is missing (sql/galera.sql holds the same statement). On a
 * server that is not a Galera node nothing is written and the table is not
 * needed.
 *
 * Nothing the transaction writes after the claim can show that the claim is
 * still its own (a node may roll a transaction back underneath its session,
 * outcome.c), so a savepoint comes first; COMMIT releases it.
 */
#include "command/command.h"

#define LA_CLAIMS_TABLE "mod_localapi_email_claims"

/* The key is what utf8_unicode_ci compares (its weight string: case, accents and
 * trailing spaces ignored), hashed to fit any email length. */
static const char la_sql_claim[] =
	"INSERT INTO " LA_CLAIMS_TABLE " (email_key) VALUES"
	" (UNHEX(SHA2(WEIGHT_STRING(CONVERT(RTRIM(?) USING utf8mb4) COLLATE utf8mb4_unicode_ci), 256)))"
	" ON DUPLICATE KEY UPDATE claims = claims + 1";

static const char la_sql_create[] =
	"CREATE TABLE IF NOT EXISTS " LA_CLAIMS_TABLE " ("
	" email_key binary(32) NOT NULL COMMENT 'SHA-256 of the email''s utf8mb4_unicode_ci weight string',"
	" claims bigint(20) unsigned NOT NULL DEFAULT 1"
	" COMMENT 'sub-accounts added for this email, counted up so that every claim writes the row',"
	" updated_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),"
	" PRIMARY KEY (email_key)"
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

bool php_localapi_email_claim(la_link *link, const char *email, size_t len, php_localapi_db_error *err)
{
	MYSQL_BIND param;
	bool galera = false;

	if (!php_localapi_db_is_galera(link, &galera, err)) {
		return false;
	}
	if (!galera) {
		return true;
	}
	php_localapi_bind_str(&param, email, len);
	return php_localapi_db_savepoint(link, err) && php_localapi_db_exec(link, la_sql_claim, &param, NULL, NULL, err);
}

/* After a failed attempt (rolled back): the claims table created when its absence is why. */
bool php_localapi_email_claims_repair(la_link *link, php_localapi_db_error *err)
{
	return php_localapi_own_table_repair(link, LA_CLAIMS_TABLE, la_sql_create, err);
}
