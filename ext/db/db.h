/*
 * The database layer: the MariaDB link (db.c, hosts.c), the connection
 * settings in force (whmcs_config.c), what the database says about the WHMCS
 * that owns it (whmcs.c), prepared statements and their rows. It knows
 * nothing of localAPI()'s answers: the command layer builds those.
 */
#ifndef LOCALAPI_DB_H
#define LOCALAPI_DB_H

#include "localapi_private.h"

#include <mysql.h>

typedef struct la_link la_link;

/* "name:port" of one host of a localapi.db_host list. */
#define PHP_LOCALAPI_HOST_LABEL_LEN (256 + 8)

/* "localapi:" and the hex SHA-256 of the connection settings: a link's key in EG(persistent_list). */
#define PHP_LOCALAPI_LINK_KEY_LEN (sizeof("localapi:") - 1 + 2 * 32)

typedef struct {
	unsigned int code;       /* server or client error number, 0 when none */
	char message[MYSQL_ERRMSG_SIZE + 64];
} php_localapi_db_error;

/* What the connected database says about the WHMCS that owns it (whmcs.c). */
typedef struct {
	bool known;              /* read on this connection */
	int major;               /* major number of the Version row, 0 without one */
	bool log_user_id;        /* tblactivitylog has user_id (8.x layout) */
	bool log_admin_id;       /* tblactivitylog has admin_id (8.x layout) */
	char version[48];        /* the Version row as read, for phpinfo() */
} php_localapi_whmcs;

/* The module's entry points into the layer (localapi.c). */
void php_localapi_db_module_init(int module_number);
void php_localapi_db_request_end(void);
void php_localapi_db_info(void);
void php_localapi_settings_info(void);
void php_localapi_settings_free(zend_localapi_globals *globals);
void php_localapi_hosts_free(HashTable **rests);
void php_localapi_whmcs_info(void);

/* db.c: the link of the settings in force. */
la_link *php_localapi_db_acquire(php_localapi_db_error *err);
bool php_localapi_db_ensure_connected(la_link *link, php_localapi_db_error *err);
void php_localapi_db_end_call(la_link *link);
void php_localapi_db_reset(la_link *link);

/* db.c: statements, prepared once per connection and keyed by the address of their SQL text. */
bool php_localapi_db_exec(la_link *link, const char *sql, MYSQL_BIND *params,
	my_ulonglong *affected, my_ulonglong *insert_id, php_localapi_db_error *err);

/* rows.c: the rows of sql's result as a PHP array of rows, each an array keyed by column
 * name in the result's order, of the types the server reports (integers as int, FLOAT and
 * DOUBLE as float, NULL as null, DECIMAL, text and dates as string), as mysqlnd gives them
 * with native types. On failure *rows is left undefined. */
bool php_localapi_db_rows(la_link *link, const char *sql, MYSQL_BIND *params, zval *rows,
	php_localapi_db_error *err);
/* The same for a read that is one statement, consistent by itself, outside a transaction:
 * it runs with autocommit on (db.c), so no transaction is left open and no ROLLBACK has to
 * follow. With count, the statement's last column is a number (a COUNT(*) OVER () beside the
 * rows): that column is left out of the rows and *count is its value (0 without rows). */
bool php_localapi_db_rows_alone(la_link *link, const char *sql, MYSQL_BIND *params, zval *rows,
	long long *count, php_localapi_db_error *err);
/* The same for a read that is safe to repeat (none of the transaction's writes before it):
 * a link found dead is connected again once and the read runs again. */
bool php_localapi_db_read_rows(la_link *link, const char *sql, MYSQL_BIND *params, zval *rows,
	php_localapi_db_error *err);

bool php_localapi_db_has_row(la_link *link, const char *sql, MYSQL_BIND *params, bool *found,
	php_localapi_db_error *err);
/* The first of rows, or NULL when there is none. */
static zend_always_inline HashTable *php_localapi_db_first_row(zval *rows)
{
	zval *row = zend_hash_index_find(Z_ARRVAL_P(rows), 0);

	return row && Z_TYPE_P(row) == IS_ARRAY ? Z_ARRVAL_P(row) : NULL;
}

bool php_localapi_db_result_columns(la_link *link, const char *sql, const char *const *names, int count,
	unsigned int *present, php_localapi_db_error *err);
bool php_localapi_db_query(la_link *link, const char *sql, php_localapi_db_error *err);
bool php_localapi_db_snapshot(la_link *link, php_localapi_db_error *err);
bool php_localapi_db_commit(la_link *link, php_localapi_db_error *err);
void php_localapi_db_rollback(la_link *link);

/* A statement's parameters; inline, as a write binds a few dozen of them per call. */
static zend_always_inline void php_localapi_bind_str(MYSQL_BIND *bind, const char *ptr, size_t len)
{
	memset(bind, 0, sizeof(*bind));
	bind->buffer_type = MYSQL_TYPE_STRING;
	bind->buffer = (void *) ptr;
	bind->buffer_length = (unsigned long) len;
}

static zend_always_inline void php_localapi_bind_null(MYSQL_BIND *bind)
{
	memset(bind, 0, sizeof(*bind));
	bind->buffer_type = MYSQL_TYPE_NULL;
}

static zend_always_inline void php_localapi_bind_long(MYSQL_BIND *bind, long long *value)
{
	memset(bind, 0, sizeof(*bind));
	bind->buffer_type = MYSQL_TYPE_LONGLONG;
	bind->buffer = value;
}

static zend_always_inline void php_localapi_bind_double(MYSQL_BIND *bind, double *value)
{
	memset(bind, 0, sizeof(*bind));
	bind->buffer_type = MYSQL_TYPE_DOUBLE;
	bind->buffer = value;
}

/* db.c: errors. The text masks the password wherever it came from. */
bool php_localapi_db_error_is_lost(unsigned int code);
bool php_localapi_db_error_is_transient(unsigned int code);
bool php_localapi_db_error_is_not_ready(unsigned int code);
zend_string *php_localapi_db_error_text(const php_localapi_db_error *err);
void php_localapi_db_error_set(php_localapi_db_error *err, unsigned int code, const char *format, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);

/* The server session a transaction ran in, to find out later what became of it. */
typedef struct {
	unsigned long thread_id;     /* 0 when not connected */
	char host[PHP_LOCALAPI_HOST_LABEL_LEN];    /* the host of the list it ran on, "" for a single host */
} php_localapi_db_session;

void php_localapi_db_session_of(la_link *link, php_localapi_db_session *session);
bool php_localapi_db_same_server(la_link *link, const php_localapi_db_session *session);

/* db.c: a Galera node, and the transaction it may roll back underneath its session. */
bool php_localapi_db_is_galera(la_link *link, bool *galera, php_localapi_db_error *err);
bool php_localapi_db_savepoint(la_link *link, php_localapi_db_error *err);
typedef enum {
	PHP_LOCALAPI_BATCH_RELEASE,    /* the savepoint's release: the server stopped before COMMIT */
	PHP_LOCALAPI_BATCH_COMMIT,
	PHP_LOCALAPI_BATCH_AFTER,      /* the read-back after a COMMIT that succeeded */
	PHP_LOCALAPI_BATCH_DONE
} php_localapi_batch_step;
/* The row a transaction wrote, by its id and the client it belongs to (read back after COMMIT);
 * mark: the transaction removed its row and wrote this mark instead (command/write_mark.c),
 * 32 hex digits of its own making, which is read back instead of the row. */
typedef struct {
	const char *table;
	long long id;
	long long userid;
	const char *mark;
} php_localapi_row_ref;
php_localapi_batch_step php_localapi_db_commit_batch(la_link *link, const php_localapi_row_ref *row, bool *found,
	php_localapi_db_error *err);

/* client_settings.c: the settings in force as the array another client of the same database
 * needs (capsule.c hands it to Laravel): host, port, socket, username, password, database,
 * tls_ca, tls_ca_path, tls_cert, tls_key, tls_cipher, tls (any of them), tls_verify_cert,
 * charset (configuration.php's $mysql_charset: utf8 or utf8mb4). With a list of hosts, the
 * host the link is on, else the first listed. */
bool php_localapi_db_client_settings(zval *settings, php_localapi_db_error *err);

/* whmcs.c: the version and table layout of the database, read once per connection. */
#define PHP_LOCALAPI_WHMCS_AUTO 0
const php_localapi_whmcs *php_localapi_whmcs_get(la_link *link, php_localapi_db_error *err);
/* 7 or 8: localapi.whmcs_version when it is not auto, else what the database says. */
int php_localapi_whmcs_behaviour(const php_localapi_whmcs *whmcs);

#endif /* LOCALAPI_DB_H */
