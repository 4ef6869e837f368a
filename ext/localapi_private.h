/*
 * The module's own declarations: the PHP releases it supports, its globals and
 * the entry points of names.c.
 * Each layer's header builds on this one: core/contact.h (no Zend), db/db.h,
 * command/command.h, commands/commands.h.
 */
#ifndef LOCALAPI_PRIVATE_H
#define LOCALAPI_PRIVATE_H

#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_localapi.h"

/* The PHP releases the suite passes on, as config.m4 checks them. */
#if PHP_VERSION_ID < 80200 || PHP_VERSION_ID >= 80600
# error "localapi supports PHP 8.2.0 to 8.5.x"
#endif

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
	char *composer_autoload;      /* a vendor/autoload.php with illuminate/database, or "" (Debian's) */
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

/* names.c: the extension's WHMCS names, shown only in requests that do not run WHMCS. */
#define PHP_LOCALAPI_STAND_IN_AUTO 0
#define PHP_LOCALAPI_STAND_IN_ON 1
#define PHP_LOCALAPI_STAND_IN_OFF 2
extern zend_module_entry localapi_module_entry;
void php_localapi_names_module_init(int module_number);
/* At MINIT, after registering it: a class hidden and shown with the functions. */
void php_localapi_names_add_class(zend_class_entry *ce);
void php_localapi_names_module_shutdown(void);
void php_localapi_names_request_init(int module_number);
void php_localapi_names_request_end(void);
void php_localapi_names_globals_free(zend_localapi_globals *globals);
void php_localapi_names_info(void);

/* capsule.c: WHMCS\Database\Capsule and WHMCS\Config\Setting on Laravel, $CONFIG for hook files. */
void php_localapi_capsule_module_init(void);
void php_localapi_capsule_module_shutdown(void);
void php_localapi_capsule_request_init(void);
void php_localapi_capsule_config_global(void);

#endif /* LOCALAPI_PRIVATE_H */
