/*
 * Shared by the database layer's own files only: how a link connects (db.c,
 * hosts.c) with the settings in force (whmcs_config.c), and the WHMCS facts
 * it keeps (whmcs.c). The command layer sees none of it.
 */
#ifndef LOCALAPI_DB_LINK_H
#define LOCALAPI_DB_LINK_H

#include "db/db.h"

/* The connection settings in force: the INI entries, or configuration.php (whmcs_config.c). */
typedef struct {
	const char *host;
	const char *socket;
	const char *username;
	const char *password;
	const char *name;
	zend_long port;
	const char *tls_ca;
	const char *tls_ca_path;
	const char *tls_cert;
	const char *tls_key;
	const char *tls_cipher;
	bool tls_verify_cert;
	const char *mysql_charset;   /* configuration.php's $mysql_charset, for Capsule; "" when unset */
} php_localapi_db_settings;

/* whmcs_config.c: the INI entries, or configuration.php when localapi.whmcs_config names one
 * (read again when the file changed, which invalidates the link key). */
bool php_localapi_settings_get(php_localapi_db_settings *settings, php_localapi_db_error *err);
const char *php_localapi_settings_password(void);

/* db.c */
bool php_localapi_db_open(la_link *link, const php_localapi_db_settings *s, const char *host, unsigned int port,
	const char *label, php_localapi_db_error *err);
la_link *php_localapi_db_current(void);
MYSQL_STMT *php_localapi_db_execute(la_link *link, const char *sql, MYSQL_BIND *params, php_localapi_db_error *err);
/* The same for a read that is one statement, its own snapshot: run with autocommit on, it leaves
 * no transaction to end (outside a transaction; inside one it runs in it). */
MYSQL_STMT *php_localapi_db_execute_alone(la_link *link, const char *sql, MYSQL_BIND *params,
	php_localapi_db_error *err);
bool php_localapi_db_reconnected(la_link *link, php_localapi_db_error *err);
void php_localapi_db_error_of_stmt(php_localapi_db_error *err, MYSQL_STMT *stmt);
php_localapi_whmcs *php_localapi_db_whmcs(la_link *link);

/* rows.c: the columns of a statement's result, how they are bound and named, kept with the
 * prepared statement (db.c) until the request ends, so that a read does not build them again. */
typedef struct php_localapi_db_shape php_localapi_db_shape;
php_localapi_db_shape **php_localapi_db_shape_slot(la_link *link, const char *sql);
void php_localapi_db_shape_free(php_localapi_db_shape *shape);

/* hosts.c: an ordered list of hosts in localapi.db_host. */
bool php_localapi_hosts_listed(const char *db_host);
bool php_localapi_hosts_connect(la_link *link, const php_localapi_db_settings *s, unsigned int default_port,
	php_localapi_db_error *err);
void php_localapi_hosts_failed(const char *label);

#endif /* LOCALAPI_DB_LINK_H */
