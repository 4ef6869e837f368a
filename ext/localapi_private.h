/*
 * Internal declarations shared by the extension's source files.
 */
#ifndef LOCALAPI_PRIVATE_H
#define LOCALAPI_PRIVATE_H

#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_localapi.h"

/* The PHP releases the suite passes on, as config.m4 checks them. */
#if PHP_VERSION_ID < 80200 || PHP_VERSION_ID >= 80500
# error "localapi supports PHP 8.2.0 to 8.4.x"
#endif

#include "contact.h"

#include <mysql.h>

typedef struct la_link la_link;

/* "name:port" of one host of a localapi.db_host list. */
#define PHP_LOCALAPI_HOST_LABEL_LEN (256 + 8)

/* "localapi:" and the hex SHA-256 of the connection settings: a link's key in EG(persistent_list). */
#define PHP_LOCALAPI_LINK_KEY_LEN (sizeof("localapi:") - 1 + 2 * 32)

ZEND_BEGIN_MODULE_GLOBALS(localapi)
	/* INI */
	char *db_host;
	zend_long db_port;
	char *db_socket;
	char *db_username;
	char *db_password;
	char *db_name;
	bool persistent;
	zend_long connect_timeout;
	zend_long read_timeout;      /* seconds any one wait for the server's answer may last */
	zend_long write_timeout;     /* seconds any one send to the server may last */
	zend_long retry_budget;      /* milliseconds after a first failure in which a call may try again */
	char *hooks_dir;
	zend_long whmcs_version;      /* 0 (auto), 7 or 8 */
	char *whmcs_config;           /* path of WHMCS's configuration.php, or "" */
	char *db_tls_ca;
	char *db_tls_ca_path;
	char *db_tls_cert;
	char *db_tls_key;
	char *db_tls_cipher;
	bool db_tls_verify_cert;
	/* configuration.php as last read (whmcs_config.c), kept across requests. */
	struct la_config_cache *config_cache;
	/* The localAPI() call in progress (its admin), or NULL outside any call. */
	const struct php_localapi_admin_s *call_admin;
	bool in_log_activity_hook;    /* logActivity() is firing LogActivity */
	/* Links live in EG(persistent_list); with localapi.persistent=0, here until request end. */
	HashTable *request_links;
	zend_string *link_key;   /* key of the connection settings in force (persistent) */
	bool link_key_valid;     /* false once a connection setting changed */
	/* hosts.c: "name:port" => when a host of a db_host list that failed may be tried again */
	HashTable *host_rests;
	/* Hook registry of the current request: hook point => HashTable of la_hook*. */
	HashTable *hooks;
	bool hooks_dir_loaded;
	/* names.c: whether this request runs WHMCS itself, and the extension's names in it. */
	zend_long stand_in;           /* localapi.stand_in: auto, on or off */
	bool runs_whmcs;              /* WHMCS's own request: the names are hidden */
	bool names_visible;
	zend_string **names_key;      /* each function's name as this thread's table holds it */
	zend_function **names_func;
	HashTable *kind_cache;        /* script folder => the decision and until when it holds */
ZEND_END_MODULE_GLOBALS(localapi)

ZEND_EXTERN_MODULE_GLOBALS(localapi)
#define LOCALAPI_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(localapi, v)

/* The caller of a command: an admin row, or nobody (id 0). */
typedef struct php_localapi_admin_s {
	zend_long id;
	zend_string *username;   /* NULL when no admin */
} php_localapi_admin;

/* admin.c */
bool php_localapi_admin_find(zend_string *name, zend_long number, bool is_null, php_localapi_admin *admin,
	zval *return_value);

typedef void (*php_localapi_command_handler)(HashTable *post_data, const php_localapi_admin *admin, zval *return_value);

/* localapi.c */
void php_localapi_error_str(zval *return_value, zend_string *message);
void php_localapi_error(zval *return_value, const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);

/* postdata.c: postData values → normalised strings and the contact record. */
typedef struct {
	la_contact record;
	zend_string *value[LA_F_COUNT];  /* owners of record.field[] */
	bool clientid_given;
} php_localapi_contact_input;

/* The fields every WHMCS version stores (clientid, firstname ... tax_id, email flags). */
bool php_localapi_contact_from_post(php_localapi_contact_input *in, HashTable *post, zval *return_value);
/* password2 and permissions, which only 7.x stores: checked for 7, only tested for truthiness
 * for 8 (true in *requested when either counts as given). */
bool php_localapi_contact_legacy_from_post(php_localapi_contact_input *in, HashTable *post, int behaviour,
	bool *requested, zval *return_value);
void php_localapi_contact_input_free(php_localapi_contact_input *in);
/* PHP truthiness of a postData value after normalisation (behaviour §2, §7). */
bool php_localapi_post_truthy(zval *value);

/* db.c: the MariaDB link and prepared statements. */
typedef struct {
	unsigned int code;       /* server or client error number, 0 when none */
	char message[MYSQL_ERRMSG_SIZE + 64];
} php_localapi_db_error;

void php_localapi_db_module_init(int module_number);

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
} php_localapi_db_settings;

/* What the connected database says about the WHMCS that owns it (whmcs.c). */
typedef struct {
	bool known;              /* read on this connection */
	int major;               /* major number of the Version row, 0 without one */
	bool log_user_id;        /* tblactivitylog has user_id (8.x layout) */
	bool log_admin_id;       /* tblactivitylog has admin_id (8.x layout) */
	char version[48];        /* the Version row as read, for phpinfo() */
} php_localapi_whmcs;

la_link *php_localapi_db_acquire(php_localapi_db_error *err);
la_link *php_localapi_db_current(void);
php_localapi_whmcs *php_localapi_db_whmcs(la_link *link);
bool php_localapi_db_ensure_connected(la_link *link, php_localapi_db_error *err);
bool php_localapi_db_exec(la_link *link, const char *sql, MYSQL_BIND *params,
	my_ulonglong *affected, my_ulonglong *insert_id, php_localapi_db_error *err);
bool php_localapi_db_fetch_one(la_link *link, const char *sql, MYSQL_BIND *params,
	zend_long *number, zend_string **text, bool *found, php_localapi_db_error *err);
bool php_localapi_db_read_one(la_link *link, const char *sql, MYSQL_BIND *params,
	zend_long *number, zend_string **text, bool *found, php_localapi_db_error *err);
bool php_localapi_db_result_columns(la_link *link, const char *sql, const char *const *names, int count,
	unsigned int *present, php_localapi_db_error *err);
bool php_localapi_db_commit(la_link *link, php_localapi_db_error *err);
void php_localapi_db_rollback(la_link *link);
bool php_localapi_db_error_is_lost(unsigned int code);
bool php_localapi_db_error_is_transient(unsigned int code);
bool php_localapi_db_error_is_not_ready(unsigned int code);
void php_localapi_db_error_result(zval *return_value, const php_localapi_db_error *err);
zend_string *php_localapi_db_error_text(const php_localapi_db_error *err);
void php_localapi_db_error_set(php_localapi_db_error *err, unsigned int code, const char *format, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);
void php_localapi_db_end_call(la_link *link);
void php_localapi_db_request_end(void);
void php_localapi_db_info(void);

/* The server session a transaction ran in, to find out later what became of it. */
typedef struct {
	unsigned long thread_id;     /* 0 when not connected */
	char host[PHP_LOCALAPI_HOST_LABEL_LEN];    /* the host of the list it ran on, "" for a single host */
} php_localapi_db_session;

void php_localapi_db_session_of(la_link *link, php_localapi_db_session *session);
bool php_localapi_db_same_server(la_link *link, const php_localapi_db_session *session);
void php_localapi_db_reset(la_link *link);
bool php_localapi_db_query(la_link *link, const char *sql, php_localapi_db_error *err);
bool php_localapi_db_is_galera(la_link *link, bool *galera, php_localapi_db_error *err);
bool php_localapi_db_savepoint(la_link *link, php_localapi_db_error *err);
typedef enum {
	PHP_LOCALAPI_BATCH_RELEASE,    /* the savepoint's release: the server stopped before COMMIT */
	PHP_LOCALAPI_BATCH_COMMIT,
	PHP_LOCALAPI_BATCH_AFTER,      /* the read-back after a COMMIT that succeeded */
	PHP_LOCALAPI_BATCH_DONE
} php_localapi_batch_step;
/* The row a transaction wrote, by its id and the client it belongs to (read back after COMMIT). */
typedef struct {
	const char *table;
	long long id;
	long long userid;
} php_localapi_row_ref;
php_localapi_batch_step php_localapi_db_commit_batch(la_link *link, const php_localapi_row_ref *row, bool *found,
	php_localapi_db_error *err);

void php_localapi_bind_str(MYSQL_BIND *bind, const char *ptr, size_t len);
void php_localapi_bind_null(MYSQL_BIND *bind);
void php_localapi_bind_long(MYSQL_BIND *bind, long long *value);
void php_localapi_bind_double(MYSQL_BIND *bind, double *value);

/* db.c, for hosts.c */
bool php_localapi_db_open(la_link *link, const php_localapi_db_settings *s, const char *host, unsigned int port,
	const char *label, php_localapi_db_error *err);

/* hosts.c: an ordered list of hosts in localapi.db_host. */
bool php_localapi_hosts_listed(const char *db_host);
bool php_localapi_hosts_connect(la_link *link, const php_localapi_db_settings *s, unsigned int default_port,
	php_localapi_db_error *err);
void php_localapi_hosts_failed(const char *label);
void php_localapi_hosts_free(HashTable **rests);

/* retry.c: whether and when a failed transaction is tried again. */
typedef struct {
	double deadline;         /* monotonic seconds; 0 until the first failure */
	unsigned int attempts;
} php_localapi_retry;

void php_localapi_retry_init(php_localapi_retry *retry);
bool php_localapi_retry_worth(const php_localapi_db_error *err);
bool php_localapi_retry_wait(php_localapi_retry *retry, const php_localapi_db_error *err);

/* outcome.c: COMMIT, and what became of a transaction whose COMMIT failed. */
typedef enum {
	PHP_LOCALAPI_COMMITTED,
	PHP_LOCALAPI_NOT_COMMITTED,      /* err says why; php_localapi_retry_worth() decides */
	PHP_LOCALAPI_OUTCOME_UNKNOWN     /* err is the COMMIT's error */
} php_localapi_outcome;

/* Looks for what the transaction wrote; causal: the server is a Galera node, read
 * with wsrep_sync_wait so that every commit the cluster made so far is seen. */
typedef bool (*php_localapi_lookup)(la_link *link, void *context, bool causal, bool *found,
	php_localapi_db_error *err);

void php_localapi_rolled_back_underneath(php_localapi_db_error *err);
/* row: read back on a Galera node, on this connection, in the COMMIT's round trip; lookup:
 * looks for the same row from a new connection, after a COMMIT that failed or went unanswered. */
php_localapi_outcome php_localapi_commit_checked(la_link *link, const php_localapi_row_ref *row,
	php_localapi_lookup lookup, void *context, php_localapi_db_error *err);

/* email_claim.c: the duplicate-email rule across the nodes of a Galera cluster. */
bool php_localapi_email_claim(la_link *link, const char *email, size_t len, php_localapi_db_error *err);
bool php_localapi_email_claims_repair(la_link *link, php_localapi_db_error *err);

/* add_contact.c */
void php_localapi_add_contact_module_init(void);
void php_localapi_cmd_addcontact(HashTable *post_data, const php_localapi_admin *admin, zval *return_value);

/* whmcs_config.c: the INI entries, or configuration.php when localapi.whmcs_config names one
 * (read again when the file changed, which invalidates the link key). */
bool php_localapi_settings_get(php_localapi_db_settings *settings, php_localapi_db_error *err);
const char *php_localapi_settings_password(void);
void php_localapi_settings_free(zend_localapi_globals *globals);
void php_localapi_settings_info(void);

/* whmcs.c: the version and table layout of the database, read once per connection. */
#define PHP_LOCALAPI_WHMCS_AUTO 0
const php_localapi_whmcs *php_localapi_whmcs_get(la_link *link, php_localapi_db_error *err);
/* 7 or 8: localapi.whmcs_version when it is not auto, else what the database says. */
int php_localapi_whmcs_behaviour(const php_localapi_whmcs *whmcs);
void php_localapi_whmcs_info(void);

/* activity_log.c: one tblactivitylog row, as AddContact and logActivity() write it. */
typedef struct {
	zend_string *description;
	const char *user;
	size_t user_len;
	long long userid;
	long long admin_id;
	zend_string *ipaddr;
	long long id;            /* given by the INSERT */
} php_localapi_log_row;

zend_string *php_localapi_request_ipaddr(void);
bool php_localapi_log_insert(la_link *link, const php_localapi_whmcs *layout, php_localapi_log_row *row,
	const long long *contact, php_localapi_db_error *err);
bool php_localapi_log_write(la_link *link, const php_localapi_whmcs *layout, php_localapi_log_row *row,
	php_localapi_db_error *err);
void php_localapi_log_fire(const php_localapi_log_row *row);

/* names.c: the extension's WHMCS names, shown only in requests that do not run WHMCS. */
#define PHP_LOCALAPI_STAND_IN_AUTO 0
#define PHP_LOCALAPI_STAND_IN_ON 1
#define PHP_LOCALAPI_STAND_IN_OFF 2
extern zend_module_entry localapi_module_entry;
void php_localapi_names_module_init(int module_number);
void php_localapi_names_module_shutdown(void);
void php_localapi_names_request_init(int module_number);
void php_localapi_names_request_end(void);
void php_localapi_names_globals_free(zend_localapi_globals *globals);
void php_localapi_names_info(void);

/* hooks.c */
bool php_localapi_hooks_has(const char *hook_point, size_t len);
void php_localapi_hooks_run(const char *hook_point, size_t len, zval *vars);
void php_localapi_hooks_request_end(void);

#endif /* LOCALAPI_PRIVATE_H */
