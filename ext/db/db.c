/*
 * The MariaDB link: one connection per process (or per request when
 * localapi.persistent=0), pinged on reuse, rolled back at request end, with
 * its prepared statements cached for the life of the connection.
 *
 * A link does not autocommit: a command's statements are one transaction, ended
 * by its COMMIT or ROLLBACK. A read that is one statement (its own consistent
 * snapshot) runs with autocommit on instead, so that no ROLLBACK round trip
 * follows it; the link stays so until the first statement of a transaction
 * turns autocommit off again. A run of such reads costs one round trip each,
 * and a write pays one SET autocommit only when a read of that kind came
 * before it on the link.
 */
#include "db/db_link.h"

#include "ext/hash/php_hash.h"
#include "ext/hash/php_hash_sha.h"
#include "ext/standard/md5.h"
#include "ext/standard/php_string.h"
#include "ext/standard/info.h"
#include "zend_smart_str.h"

#include <errmsg.h>
#include <mysqld_error.h>

/* Session settings every link runs with; the time zone is deliberately left alone.
 * The isolation level is set by statement: its variable is tx_isolation on MariaDB
 * 10.11 and transaction_isolation on MySQL, which has no tx_isolation. */
#define LA_INIT_COMMAND \
	"SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'," \
	" SESSION autocommit = 0"
#define LA_INIT_ISOLATION "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ"

#define LA_KEY_PREFIX "localapi:"
#define LA_KEY_LEN PHP_LOCALAPI_LINK_KEY_LEN

/* A statement prepared on the link, and what rows.c keeps of its result's columns. */
typedef struct {
	MYSQL_STMT *stmt;
	php_localapi_db_shape *shape;    /* request memory: NULL until a read of its rows in this request */
	bool persistent;
} la_prepared;

struct la_link {
	MYSQL *mysql;
	HashTable statements;    /* address of the SQL text => la_prepared* */
	char key[LA_KEY_LEN + 1];    /* "localapi:" and the SHA-256 of the settings, never the settings */
	bool persistent;
	bool checked;            /* pinged (or connected) in this request */
	bool in_transaction;     /* statements ran since the last COMMIT or ROLLBACK */
	bool autocommit;         /* the session autocommits (a read of one statement left it so) */
	bool savepoint;          /* php_localapi_db_savepoint() set one in this transaction */
	signed char galera;      /* the server is a Galera node: 1, 0, or -1 not asked yet */
	char host[PHP_LOCALAPI_HOST_LABEL_LEN];    /* "name:port" of the listed host it is on; "" for a single host */
	bool tls;                /* connected with TLS settings */
	php_localapi_whmcs whmcs;    /* forgotten on every (re)connect */
};

/* Resource type of the links kept in EG(persistent_list). */
static int la_le_plink;

static void la_error_set(php_localapi_db_error *err, unsigned int code, const char *message)
{
	err->code = code;
	snprintf(err->message, sizeof(err->message), "%s", message && *message ? message : "unknown error");
}

void php_localapi_db_error_set(php_localapi_db_error *err, unsigned int code, const char *format, ...)
{
	va_list args;

	err->code = code;
	va_start(args, format);
	vsnprintf(err->message, sizeof(err->message), format, args);
	va_end(args);
}

static void la_error_from_mysql(php_localapi_db_error *err, MYSQL *mysql)
{
	la_error_set(err, mysql_errno(mysql), mysql_error(mysql));
}

void php_localapi_db_error_of_stmt(php_localapi_db_error *err, MYSQL_STMT *stmt)
{
	/* An error packet read in place of a row (a Galera node aborting a locking read for a
	 * rival's write set, seen in mid-result) is left on the connection, not the statement:
	 * without this it was answered "unknown error" instead of being retried as a deadlock. */
	if (mysql_stmt_errno(stmt) == 0 && stmt->mysql && mysql_errno(stmt->mysql) != 0) {
		la_error_from_mysql(err, stmt->mysql);
		return;
	}
	la_error_set(err, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
}

static void la_link_key_compute(char key[LA_KEY_LEN + 1], const php_localapi_db_settings *s)
{
	PHP_SHA256_CTX ctx;
	unsigned char digest[32];
	const char *parts[] = {
		s->host, s->socket, s->username, s->password, s->name,
		s->tls_ca, s->tls_ca_path, s->tls_cert, s->tls_key, s->tls_cipher,
		s->tls_verify_cert ? "1" : "0",
	};
	zend_long port = s->port;

	PHP_SHA256Init(&ctx);
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		const char *part = parts[i] ? parts[i] : "";
		/* The terminating NUL separates the parts, so "ab"+"c" and "a"+"bc" differ. */
		PHP_SHA256Update(&ctx, (const unsigned char *) part, strlen(part) + 1);
	}
	PHP_SHA256Update(&ctx, (const unsigned char *) &port, sizeof(port));
	PHP_SHA256Final(digest, &ctx);
	memcpy(key, LA_KEY_PREFIX, sizeof(LA_KEY_PREFIX) - 1);
	make_digest_ex(key + sizeof(LA_KEY_PREFIX) - 1, digest, sizeof(digest));
}

/* The key of the settings in force, recomputed only after a setting changed (localapi.c)
 * or configuration.php was read again (whmcs_config.c). */
static zend_string *la_link_key(const php_localapi_db_settings *settings)
{
	char key[LA_KEY_LEN + 1];

	if (!LOCALAPI_G(link_key_valid) || !LOCALAPI_G(link_key)) {
		la_link_key_compute(key, settings);
		if (LOCALAPI_G(link_key)) {
			zend_string_release(LOCALAPI_G(link_key));
		}
		/* Kept across requests (persistent), its hash computed once: a lookup per call
		 * in EG(persistent_list) then costs no hashing of the 73-byte key. */
		LOCALAPI_G(link_key) = zend_string_init(key, LA_KEY_LEN, 1);
		zend_string_hash_val(LOCALAPI_G(link_key));
		LOCALAPI_G(link_key_valid) = true;
	}
	return LOCALAPI_G(link_key);
}

static void la_statement_dtor(zval *zv)
{
	la_prepared *prepared = Z_PTR_P(zv);

	mysql_stmt_close(prepared->stmt);
	if (prepared->shape) {
		php_localapi_db_shape_free(prepared->shape);
	}
	pefree(prepared, prepared->persistent);
}

static void la_link_disconnect(la_link *link)
{
	zend_hash_clean(&link->statements);
	if (link->mysql) {
		mysql_close(link->mysql);
		link->mysql = NULL;
	}
	link->in_transaction = false;
	link->savepoint = false;
	link->autocommit = false;    /* LA_INIT_COMMAND, on the next connection */
	/* Another connection may reach another database: read its version and layout again. */
	memset(&link->whmcs, 0, sizeof(link->whmcs));
}

/* Every wait on the server is bounded, not only the connect: a server that
 * stops answering (hung, frozen, partitioned) costs a call these seconds, never more. */
static void la_link_set_timeouts(MYSQL *mysql)
{
	unsigned int connect = (unsigned int) LOCALAPI_G(connect_timeout);
	unsigned int read = (unsigned int) LOCALAPI_G(read_timeout);
	unsigned int write = (unsigned int) LOCALAPI_G(write_timeout);

	mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connect);
	mysql_options(mysql, MYSQL_OPT_READ_TIMEOUT, &read);
	mysql_options(mysql, MYSQL_OPT_WRITE_TIMEOUT, &write);
}

static bool la_tls_wanted(const php_localapi_db_settings *s)
{
	return *s->tls_ca || *s->tls_ca_path || *s->tls_cert || *s->tls_key || *s->tls_cipher || s->tls_verify_cert;
}

/* Any TLS setting asks for TLS, and then a server that cannot do it is an error, not plain text. */
static void la_tls_options(MYSQL *mysql, const php_localapi_db_settings *s)
{
	my_bool on = 1, verify = s->tls_verify_cert;
	const struct { enum mysql_option option; const char *value; } files[] = {
		{ MYSQL_OPT_SSL_CA, s->tls_ca }, { MYSQL_OPT_SSL_CAPATH, s->tls_ca_path },
		{ MYSQL_OPT_SSL_CERT, s->tls_cert }, { MYSQL_OPT_SSL_KEY, s->tls_key },
		{ MYSQL_OPT_SSL_CIPHER, s->tls_cipher },
	};

	mysql_options(mysql, MYSQL_OPT_SSL_ENFORCE, &on);
	mysql_options(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		if (*files[i].value) {
			mysql_options(mysql, files[i].option, files[i].value);
		}
	}
}

/* Opens the link's connection to one server; label names a host of a list ("" when db_host is one host). */
bool php_localapi_db_open(la_link *link, const php_localapi_db_settings *s, const char *host, unsigned int port,
	const char *label, php_localapi_db_error *err)
{
	my_bool off = 0;

	la_link_disconnect(link);
	link->mysql = mysql_init(NULL);
	if (!link->mysql) {
		la_error_set(err, CR_OUT_OF_MEMORY, "cannot allocate a connection");
		return false;
	}
	la_link_set_timeouts(link->mysql);
	mysql_options(link->mysql, MYSQL_OPT_RECONNECT, &off);
	mysql_options(link->mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(link->mysql, MYSQL_INIT_COMMAND, LA_INIT_COMMAND);
	mysql_options(link->mysql, MYSQL_INIT_COMMAND, LA_INIT_ISOLATION);
	link->tls = la_tls_wanted(s);
	if (link->tls) {
		la_tls_options(link->mysql, s);
	}
	if (!mysql_real_connect(link->mysql, host, s->username, s->password, s->name, port,
			*s->socket ? s->socket : NULL, 0)) {
		la_error_from_mysql(err, link->mysql);
		mysql_close(link->mysql);
		link->mysql = NULL;
		return false;
	}
	link->galera = -1;
	snprintf(link->host, sizeof(link->host), "%s", label);
	return true;
}

/* db_host is one host, or an ordered list of them (hosts.c). */
static bool la_link_connect(la_link *link, const php_localapi_db_settings *s, php_localapi_db_error *err)
{
	unsigned int port = (unsigned int) s->port;

	la_link_disconnect(link);
	if (php_localapi_hosts_listed(s->host)) {
		return php_localapi_hosts_connect(link, s, port, err);
	}
	return php_localapi_db_open(link, s, s->host, port, "", err);
}

/* A connection that died, or a Galera node that stopped being ready, is dropped (and
 * its host, when one of a list, rests) so that the caller's retry connects afresh. */
static void la_link_drop_if_unusable(la_link *link, const php_localapi_db_error *err)
{
	if (php_localapi_db_error_is_lost(err->code) || php_localapi_db_error_is_not_ready(err->code)) {
		if (link->host[0]) {
			php_localapi_hosts_failed(link->host);
		}
		la_link_disconnect(link);
	}
}

static la_link *la_link_new(const char *key, bool persistent)
{
	la_link *link = pecalloc(1, sizeof(*link), persistent);

	link->persistent = persistent;
	memcpy(link->key, key, sizeof(link->key));
	zend_hash_init(&link->statements, 8, NULL, la_statement_dtor, persistent);
	return link;
}

static void la_link_free(la_link *link)
{
	la_link_disconnect(link);
	zend_hash_destroy(&link->statements);
	pefree(link, link->persistent);
}

/* List destructor of persistent links: the engine calls it when EG(persistent_list)
 * is destroyed (process end, or thread end in a ZTS build). */
static void la_plink_dtor(zend_resource *res)
{
	if (res->ptr) {
		la_link_free((la_link *) res->ptr);
		res->ptr = NULL;
	}
}

static void la_request_link_dtor(zval *zv)
{
	la_link_free((la_link *) Z_PTR_P(zv));
}

void php_localapi_db_module_init(int module_number)
{
	la_le_plink = zend_register_list_destructors_ex(NULL, la_plink_dtor, "localapi persistent link", module_number);
}

/* The link made with these settings, if this process (or request) has one. */
static la_link *la_link_find(zend_string *key)
{
	zend_resource *le;

	if (!LOCALAPI_G(persistent)) {
		return LOCALAPI_G(request_links) ? zend_hash_find_ptr(LOCALAPI_G(request_links), key) : NULL;
	}
	le = zend_hash_find_ptr(&EG(persistent_list), key);
	return le && le->type == la_le_plink ? le->ptr : NULL;
}

static void la_link_register(la_link *link)
{
	if (link->persistent) {
		zend_register_persistent_resource(link->key, LA_KEY_LEN, link, la_le_plink);
		return;
	}
	if (!LOCALAPI_G(request_links)) {
		ALLOC_HASHTABLE(LOCALAPI_G(request_links));
		zend_hash_init(LOCALAPI_G(request_links), 2, NULL, la_request_link_dtor, 0);
	}
	zend_hash_str_add_new_ptr(LOCALAPI_G(request_links), link->key, LA_KEY_LEN, link);
}

/* One link per set of connection settings, as ext/pgsql and ext/mysqli keep them: a hook
 * that calls localAPI() with other settings gets a link of its own and leaves the
 * caller's alone. A link is pinged on its first use in a request. */
la_link *php_localapi_db_acquire(php_localapi_db_error *err)
{
	php_localapi_db_settings settings;
	zend_string *key;
	la_link *link;

	if (!php_localapi_settings_get(&settings, err)) {
		return NULL;
	}
	key = la_link_key(&settings);
	link = la_link_find(key);
	if (!link) {
		link = la_link_new(ZSTR_VAL(key), LOCALAPI_G(persistent));
		if (!la_link_connect(link, &settings, err)) {
			la_link_free(link);
			return NULL;
		}
		la_link_register(link);
	} else if (!link->mysql || (!link->checked && mysql_ping(link->mysql) != 0)) {
		if (!la_link_connect(link, &settings, err)) {
			return NULL;
		}
	}
	link->checked = true;
	return link;
}

bool php_localapi_db_ensure_connected(la_link *link, php_localapi_db_error *err)
{
	php_localapi_db_settings settings;

	if (link->mysql) {
		return true;
	}
	return php_localapi_settings_get(&settings, err) && la_link_connect(link, &settings, err);
}

/* The link of the settings in force, if one was made; never connects. */
la_link *php_localapi_db_current(void)
{
	php_localapi_db_settings settings;
	php_localapi_db_error err;

	return php_localapi_settings_get(&settings, &err) ? la_link_find(la_link_key(&settings)) : NULL;
}

php_localapi_whmcs *php_localapi_db_whmcs(la_link *link)
{
	return &link->whmcs;
}

static MYSQL_STMT *la_statement(la_link *link, const char *sql, php_localapi_db_error *err)
{
	zend_ulong slot = (zend_ulong) (uintptr_t) sql;
	la_prepared *prepared = zend_hash_index_find_ptr(&link->statements, slot);
	MYSQL_STMT *stmt;

	if (prepared) {
		return prepared->stmt;
	}
	if (!link->mysql) {
		la_error_set(err, CR_SERVER_GONE_ERROR, "not connected");
		return NULL;
	}
	stmt = mysql_stmt_init(link->mysql);
	if (!stmt) {
		la_error_from_mysql(err, link->mysql);
		return NULL;
	}
	if (mysql_stmt_prepare(stmt, sql, strlen(sql)) != 0) {
		php_localapi_db_error_of_stmt(err, stmt);
		mysql_stmt_close(stmt);
		/* Found dead while preparing: drop it so the caller's retry reconnects. */
		la_link_drop_if_unusable(link, err);
		return NULL;
	}
	prepared = pemalloc(sizeof(*prepared), link->persistent);
	prepared->stmt = stmt;
	prepared->shape = NULL;
	prepared->persistent = link->persistent;
	zend_hash_index_add_new_ptr(&link->statements, slot, prepared);
	return stmt;
}

/* Where rows.c keeps the shape of sql's result, for a statement prepared on the link (freed
 * with the statement, or at the end of the request); NULL when there is none. */
php_localapi_db_shape **php_localapi_db_shape_slot(la_link *link, const char *sql)
{
	la_prepared *prepared = zend_hash_index_find_ptr(&link->statements, (zend_ulong) (uintptr_t) sql);

	return prepared ? &prepared->shape : NULL;
}

static bool la_statement_run(MYSQL_STMT *stmt, MYSQL_BIND *params, php_localapi_db_error *err)
{
	if ((params && mysql_stmt_bind_param(stmt, params) != 0) || mysql_stmt_execute(stmt) != 0) {
		php_localapi_db_error_of_stmt(err, stmt);
		return false;
	}
	return true;
}

/* The session's autocommit as a statement needs it: on for a read that is one statement
 * (alone), off for the first statement of a transaction. Never switched inside a
 * transaction (turning autocommit on would commit it): a statement there runs in it. */
static bool la_autocommit_switch(la_link *link, bool alone, php_localapi_db_error *err)
{
	if (!link->mysql) {
		la_error_set(err, CR_SERVER_GONE_ERROR, "not connected");
		return false;
	}
	if (mysql_autocommit(link->mysql, alone) != 0) {
		la_error_from_mysql(err, link->mysql);
		la_link_drop_if_unusable(link, err);
		return false;
	}
	link->autocommit = alone;
	return true;
}

static zend_always_inline bool la_autocommit(la_link *link, bool alone, php_localapi_db_error *err)
{
	return EXPECTED(link->autocommit == alone) || link->in_transaction || la_autocommit_switch(link, alone, err);
}

static MYSQL_STMT *la_execute(la_link *link, const char *sql, MYSQL_BIND *params, bool alone,
	php_localapi_db_error *err)
{
	MYSQL_STMT *stmt;

	if (!la_autocommit(link, alone, err) || !(stmt = la_statement(link, sql, err))) {
		return NULL;
	}
	if (!link->autocommit) {
		link->in_transaction = true;
	}
	if (la_statement_run(stmt, params, err)) {
		return stmt;
	}
	if (err->code == CR_NEW_STMT_METADATA) {
		/* The table changed since the statement was prepared (a column added or dropped: a
		 * SELECT * now has another shape). The server prepared it again and refused to run it
		 * with the old result columns; the client prepares it again too, and runs it once more. */
		zend_hash_index_del(&link->statements, (zend_ulong) (uintptr_t) sql);
		if (!(stmt = la_statement(link, sql, err))) {
			return NULL;
		}
		if (la_statement_run(stmt, params, err)) {
			return stmt;
		}
	}
	la_link_drop_if_unusable(link, err);
	return NULL;
}

MYSQL_STMT *php_localapi_db_execute(la_link *link, const char *sql, MYSQL_BIND *params, php_localapi_db_error *err)
{
	return la_execute(link, sql, params, false, err);
}

MYSQL_STMT *php_localapi_db_execute_alone(la_link *link, const char *sql, MYSQL_BIND *params,
	php_localapi_db_error *err)
{
	return la_execute(link, sql, params, true, err);
}

bool php_localapi_db_exec(la_link *link, const char *sql, MYSQL_BIND *params,
	my_ulonglong *affected, my_ulonglong *insert_id, php_localapi_db_error *err)
{
	MYSQL_STMT *stmt = php_localapi_db_execute(link, sql, params, err);

	if (!stmt) {
		return false;
	}
	if (affected) {
		*affected = mysql_stmt_affected_rows(stmt);
	}
	if (insert_id) {
		*insert_id = mysql_stmt_insert_id(stmt);
	}
	return true;
}

/* After a failed read: true when the link was found dead (or its node not ready) and is
 * connected again, so that the read may run once more. */
bool php_localapi_db_reconnected(la_link *link, php_localapi_db_error *err)
{
	return (php_localapi_db_error_is_lost(err->code) || php_localapi_db_error_is_not_ready(err->code))
		&& php_localapi_db_ensure_connected(link, err);
}

static bool la_result_columns(la_link *link, const char *sql, const char *const *names, int count,
	unsigned int *present, php_localapi_db_error *err)
{
	MYSQL_STMT *stmt = la_statement(link, sql, err);
	MYSQL_RES *meta;

	if (!stmt) {
		return false;
	}
	*present = 0;
	if (!(meta = mysql_stmt_result_metadata(stmt))) {
		return true;
	}
	for (unsigned int i = 0, fields = mysql_num_fields(meta); i < fields; i++) {
		const MYSQL_FIELD *field = mysql_fetch_field_direct(meta, i);

		for (int n = 0; n < count; n++) {
			if (strcasecmp(field->name, names[n]) == 0) {
				*present |= 1u << n;
			}
		}
	}
	mysql_free_result(meta);
	return true;
}

/* Which of names[] (bit n for names[n]) are columns of sql's result, from the metadata of
 * the prepared statement, never executed. The server opens the table's own definition for
 * it and waits out a concurrent DDL (information_schema, inside a transaction, skips such a
 * table with only a warning). Reconnects once, like a read. */
bool php_localapi_db_result_columns(la_link *link, const char *sql, const char *const *names, int count,
	unsigned int *present, php_localapi_db_error *err)
{
	return la_result_columns(link, sql, names, count, present, err)
		|| (php_localapi_db_reconnected(link, err) && la_result_columns(link, sql, names, count, present, err));
}

bool php_localapi_db_commit(la_link *link, php_localapi_db_error *err)
{
	if (!link->mysql) {
		la_error_set(err, CR_SERVER_GONE_ERROR, "not connected");
		return false;
	}
	if (mysql_commit(link->mysql) != 0) {
		la_error_from_mysql(err, link->mysql);
		la_link_drop_if_unusable(link, err);
		return false;
	}
	link->in_transaction = false;
	link->savepoint = false;
	return true;
}

void php_localapi_db_rollback(la_link *link)
{
	if (link->in_transaction && link->mysql) {
		if (mysql_rollback(link->mysql) != 0) {
			/* A link that cannot roll back cannot be trusted with the next call. */
			la_link_disconnect(link);
		}
	}
	link->in_transaction = false;
	link->savepoint = false;
}

bool php_localapi_db_error_is_lost(unsigned int code)
{
	return code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST || code == ER_CONNECTION_KILLED
		|| code == CR_SERVER_LOST_EXTENDED;
}

/* ER_CHECKREAD: MariaDB 11.6 and later (innodb_snapshot_isolation=ON) refuse, at
 * REPEATABLE READ, to lock a row that changed since the transaction's snapshot; like a
 * deadlock, the transaction is rolled back and a retry starts from a new snapshot.
 * ER_NEED_REPREPARE: MySQL gives up re-preparing a statement whose table keeps changing
 * under DDL; the statement did not run, and a retry prepares it against the new table. */
bool php_localapi_db_error_is_transient(unsigned int code)
{
	return code == ER_LOCK_WAIT_TIMEOUT || code == ER_LOCK_DEADLOCK || code == ER_AUTOINC_READ_FAILED
		|| code == ER_CHECKREAD || code == ER_NEED_REPREPARE;
}

static zend_string *la_mask(zend_string *message, const char *password)
{
	zend_string *masked;

	if (!password || !*password || !php_memnstr(ZSTR_VAL(message), password, strlen(password),
			ZSTR_VAL(message) + ZSTR_LEN(message))) {
		return message;
	}
	masked = php_str_to_str(ZSTR_VAL(message), ZSTR_LEN(message), password, strlen(password), ZEND_STRL("********"));
	zend_string_release(message);
	return masked;
}

/* Server messages never carry the password today; make sure none ever reaches a caller,
 * whether it came from php.ini or from configuration.php. */
zend_string *php_localapi_db_error_text(const php_localapi_db_error *err)
{
	zend_string *message = zend_string_init(err->message, strlen(err->message), 0);

	message = la_mask(message, LOCALAPI_G(db_password));
	return la_mask(message, php_localapi_settings_password());
}

/* Ends the transaction a call left open on its link: the next call must not read an old snapshot. */
void php_localapi_db_end_call(la_link *link)
{
	php_localapi_db_rollback(link);
}

/* Rolls back what a request left open (a call cut short by a fatal error in a hook) and
 * marks the link for a ping on its first use in the next request. */
static int la_plink_request_end(zval *zv)
{
	zend_resource *le = Z_RES_P(zv);

	if (le->type == la_le_plink && le->ptr) {
		la_link *link = le->ptr;
		la_prepared *prepared;

		php_localapi_db_rollback(link);
		link->checked = false;
		/* The shapes are request memory; the statements stay prepared for the next request. */
		ZEND_HASH_FOREACH_PTR(&link->statements, prepared) {
			if (prepared->shape) {
				php_localapi_db_shape_free(prepared->shape);
				prepared->shape = NULL;
			}
		} ZEND_HASH_FOREACH_END();
	}
	return ZEND_HASH_APPLY_KEEP;
}

void php_localapi_db_request_end(void)
{
	if (LOCALAPI_G(persistent)) {
		zend_hash_apply(&EG(persistent_list), la_plink_request_end);
	}
	if (LOCALAPI_G(request_links)) {
		zend_hash_destroy(LOCALAPI_G(request_links));
		FREE_HASHTABLE(LOCALAPI_G(request_links));
		LOCALAPI_G(request_links) = NULL;
	}
}

void php_localapi_db_info(void)
{
	zend_resource *le;
	la_link *current = php_localapi_db_current();
	zend_long count = 0;
	char buf[256];

	ZEND_HASH_FOREACH_PTR(&EG(persistent_list), le) {
		if (le->type == la_le_plink && le->ptr) {
			count++;
		}
	} ZEND_HASH_FOREACH_END();
	snprintf(buf, sizeof(buf), ZEND_LONG_FMT, count);
	php_info_print_table_row(2, "Persistent links", LOCALAPI_G(persistent) ? buf : "disabled");
	/* The link of the settings in force; tests read its thread id from here. */
	if (current && current->mysql && current->persistent) {
		const char *cipher = mysql_get_ssl_cipher(current->mysql);
		snprintf(buf, sizeof(buf), "connected (thread %lu, %s server %s, %s%s)",
			mysql_thread_id(current->mysql), mariadb_connection(current->mysql) ? "MariaDB" : "MySQL",
			mysql_get_server_info(current->mysql),
			cipher ? "TLS " : "no TLS", cipher ? cipher : "");
		php_info_print_table_row(2, "Persistent link", buf);
	} else {
		php_info_print_table_row(2, "Persistent link", LOCALAPI_G(persistent) ? "none yet" : "disabled");
	}
}

/* {{{ What the transaction-outcome check (outcome.c) needs of the link */
void php_localapi_db_session_of(la_link *link, php_localapi_db_session *session)
{
	session->thread_id = link->mysql ? mysql_thread_id(link->mysql) : 0;
	memcpy(session->host, link->host, sizeof(session->host));
}

/* Thread ids are per server: comparable only on the same host of the list (or the one host). */
bool php_localapi_db_same_server(la_link *link, const php_localapi_db_session *session)
{
	return link->mysql && session->thread_id != 0 && strcmp(link->host, session->host) == 0;
}

void php_localapi_db_reset(la_link *link)
{
	la_link_disconnect(link);
}

/* A statement without parameters or result, over the text protocol. */
static bool la_query(la_link *link, const char *sql, php_localapi_db_error *err)
{
	if (!link->mysql) {
		la_error_set(err, CR_SERVER_GONE_ERROR, "not connected");
		return false;
	}
	link->in_transaction = true;
	if (mysql_real_query(link->mysql, sql, (unsigned long) strlen(sql)) != 0) {
		la_error_from_mysql(err, link->mysql);
		la_link_drop_if_unusable(link, err);
		return false;
	}
	return true;
}

bool php_localapi_db_query(la_link *link, const char *sql, php_localapi_db_error *err)
{
	return la_autocommit(link, false, err) && la_query(link, sql, err);
}

/* A transaction whose reads share one snapshot, until php_localapi_db_rollback(). With autocommit
 * off nothing is sent: the first read opens the transaction, and InnoDB takes the snapshot at
 * that read (REPEATABLE READ). With autocommit on (a read of one statement came before), START
 * TRANSACTION opens it instead of a SET autocommit, at the same cost of one round trip. */
bool php_localapi_db_snapshot(la_link *link, php_localapi_db_error *err)
{
	if (link->in_transaction) {
		php_localapi_db_rollback(link);    /* a snapshot is never an older one */
	}
	if (!link->autocommit) {
		return true;
	}
	return la_query(link, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY", err);
}

/* Whether the server replicates with Galera (wsrep_on), asked once per connection;
 * a server without the variable is not a Galera node. */
bool php_localapi_db_is_galera(la_link *link, bool *galera, php_localapi_db_error *err)
{
	static const char sql[] = "SELECT @@wsrep_on AS wsrep_on";
	zval rows;
	HashTable *row;
	zval *on;

	if (link->galera < 0) {
		if (!php_localapi_db_rows(link, sql, NULL, &rows, err)) {
			if (err->code != ER_UNKNOWN_SYSTEM_VARIABLE) {
				return false;
			}
			array_init(&rows);
		}
		row = php_localapi_db_first_row(&rows);
		on = row ? zend_hash_str_find(row, ZEND_STRL("wsrep_on")) : NULL;
		link->galera = on && zval_get_long(on) ? 1 : 0;
		zval_ptr_dtor(&rows);
		/* A Galera node's COMMIT goes out in a batch (php_localapi_db_commit_batch()). */
		if (link->galera == 1 && mysql_set_server_option(link->mysql, MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0) {
			la_error_from_mysql(err, link->mysql);
			la_link_drop_if_unusable(link, err);
			link->galera = -1;
			return false;
		}
	}
	*galera = link->galera == 1;
	return true;
}

/* Statements separated by ';' (none of them taking anything a caller passed), in one
 * round trip; the server stops at the first that fails. Returns how many succeeded (err
 * tells why the next one failed); *found: a result set among them had a row. */
static int la_batch(la_link *link, const char *sql, bool *found, php_localapi_db_error *err)
{
	MYSQL_RES *result;
	int done = 0, next;

	*found = false;
	if (!link->mysql) {
		la_error_set(err, CR_SERVER_GONE_ERROR, "not connected");
		return 0;
	}
	link->in_transaction = true;
	if (mysql_real_query(link->mysql, sql, (unsigned long) strlen(sql)) != 0) {
		goto failed;
	}
	do {
		if ((result = mysql_store_result(link->mysql)) != NULL) {
			*found = *found || mysql_num_rows(result) > 0;
			mysql_free_result(result);
		} else if (mysql_field_count(link->mysql) != 0) {
			goto failed;
		}
		done++;
	} while ((next = mysql_next_result(link->mysql)) == 0);
	if (next > 0) {
		goto failed;
	}
	return done;
failed:
	la_error_from_mysql(err, link->mysql);
	la_link_drop_if_unusable(link, err);
	return done;
}

/* {{{ A transaction a Galera node may roll back underneath its session (outcome.c) */
#define LA_SAVEPOINT "localapi_transaction"

bool php_localapi_db_savepoint(la_link *link, php_localapi_db_error *err)
{
	link->savepoint = php_localapi_db_query(link, "SAVEPOINT " LA_SAVEPOINT, err);
	return link->savepoint;
}

/* The savepoint's release (when one was set), COMMIT, the read-back of the row (or of the
 * mark written instead) and a ROLLBACK that ends its snapshot, in one round trip. Returns the step that failed
 * (PHP_LOCALAPI_BATCH_DONE: none); *found: the read-back found the row. */
php_localapi_batch_step php_localapi_db_commit_batch(la_link *link, const php_localapi_row_ref *row, bool *found,
	php_localapi_db_error *err)
{
	static const php_localapi_batch_step plain[] = { PHP_LOCALAPI_BATCH_COMMIT, PHP_LOCALAPI_BATCH_AFTER,
		PHP_LOCALAPI_BATCH_AFTER, PHP_LOCALAPI_BATCH_DONE };
	static const php_localapi_batch_step released[] = { PHP_LOCALAPI_BATCH_RELEASE, PHP_LOCALAPI_BATCH_COMMIT,
		PHP_LOCALAPI_BATCH_AFTER, PHP_LOCALAPI_BATCH_AFTER, PHP_LOCALAPI_BATCH_DONE };
	const php_localapi_batch_step *steps = link->savepoint ? released : plain;
	char sql[256];
	int done;

	if (row->mark) {
		snprintf(sql, sizeof(sql), "%sCOMMIT; SELECT mark FROM mod_localapi_write_marks WHERE mark = UNHEX('%.32s');"
			" ROLLBACK", link->savepoint ? "RELEASE SAVEPOINT " LA_SAVEPOINT "; " : "", row->mark);
	} else {
		snprintf(sql, sizeof(sql), "%sCOMMIT; SELECT id FROM %s WHERE id = %lld AND userid = %lld; ROLLBACK",
			link->savepoint ? "RELEASE SAVEPOINT " LA_SAVEPOINT "; " : "", row->table, row->id, row->userid);
	}
	done = la_batch(link, sql, found, err);
	if (steps[done] == PHP_LOCALAPI_BATCH_DONE) {
		link->in_transaction = false;
		link->savepoint = false;
	}
	return steps[done];
}
/* }}} */

bool php_localapi_db_error_is_not_ready(unsigned int code)
{
	/* A Galera node outside the primary component, or not synced: "WSREP has not yet
	 * prepared node for application use" (1047), or at COMMIT (1180). */
	return code == ER_UNKNOWN_COM_ERROR || code == ER_ERROR_DURING_COMMIT;
}
/* }}} */
