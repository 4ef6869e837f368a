/*
 * The mark of a write whose row cannot be read back (a delete, an update), on
 * a Galera node. AddContact's COMMIT shows that it committed by reading its new row back; a delete leaves
 * no row of its own, and the row's absence shows nothing (a rival's delete on
 * another node leaves the same). Seen under load: the COMMIT answers OK, the
 * transaction having been aborted by the rival's write set, and the error
 * arrives with the next statement. So a delete's transaction that is not
 * logged with it (its log row follows a hook) also writes a row of
 * mod_localapi_write_marks keyed by 16 random bytes: that row, read back after
 * COMMIT (or looked for after a COMMIT that went unanswered), is there if and
 * only if this transaction committed. The table is created the first time it
 * is missing (sql/galera.sql holds the same statement); a mark is a 16-byte
 * key and a time, one per such delete, and rows older than a minute are never
 * read again.
 */
#include "command/command.h"

#include "ext/random/php_random.h"


#define LA_MARKS_TABLE "mod_localapi_write_marks"

static const char la_sql_mark[] = "INSERT INTO " LA_MARKS_TABLE " (mark) VALUES (UNHEX(?))";
static const char la_sql_found[] = "SELECT mark FROM " LA_MARKS_TABLE " WHERE mark = UNHEX(?)";
static const char la_sql_found_causal[] = "SET STATEMENT wsrep_sync_wait = 1 FOR"
	" SELECT mark FROM " LA_MARKS_TABLE " WHERE mark = UNHEX(?)";

static const char la_sql_create[] =
	"CREATE TABLE IF NOT EXISTS " LA_MARKS_TABLE " ("
	" mark binary(16) NOT NULL COMMENT 'random key written by one transaction, read back to tell that it committed',"
	" created_at timestamp NOT NULL DEFAULT current_timestamp(),"
	" PRIMARY KEY (mark)"
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

bool php_localapi_write_mark(la_link *link, char mark[PHP_LOCALAPI_MARK_LEN + 1], php_localapi_db_error *err)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char bytes[PHP_LOCALAPI_MARK_LEN / 2];
	MYSQL_BIND param;

	mark[0] = '\0';
	if (php_random_bytes_silent(bytes, sizeof(bytes)) != SUCCESS) {
		php_localapi_db_error_set(err, 0, "no random bytes for the mark of the write");
		return false;
	}
	for (size_t i = 0; i < sizeof(bytes); i++) {
		mark[2 * i] = hex[bytes[i] >> 4];
		mark[2 * i + 1] = hex[bytes[i] & 15];
	}
	mark[PHP_LOCALAPI_MARK_LEN] = '\0';
	php_localapi_bind_str(&param, mark, PHP_LOCALAPI_MARK_LEN);
	return php_localapi_db_exec(link, la_sql_mark, &param, NULL, NULL, err);
}

bool php_localapi_write_mark_found(la_link *link, const char *mark, bool causal, bool *found,
	php_localapi_db_error *err)
{
	MYSQL_BIND param;

	php_localapi_bind_str(&param, mark, PHP_LOCALAPI_MARK_LEN);
	return php_localapi_db_has_row(link, causal ? la_sql_found_causal : la_sql_found, &param, found, err);
}

/* After a failed attempt (rolled back): the marks table created when that is why. */
bool php_localapi_write_marks_repair(la_link *link, php_localapi_db_error *err)
{
	return php_localapi_own_table_repair(link, LA_MARKS_TABLE, la_sql_create, err);
}
