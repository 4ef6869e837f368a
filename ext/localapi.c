/*
 * localapi: the module, its INI entries and localAPI(), which finds the command
 * in the command table (commands/commands.c) and runs it.
 */
#include "commands/commands.h"
#include "price.h"

#include "php_ini.h"
#include "SAPI.h"
#include "ext/standard/info.h"
#include "zend_smart_str.h"

#include "localapi_arginfo.h"

ZEND_DECLARE_MODULE_GLOBALS(localapi)

/* {{{ INI */
/* Accepts only a plain integer within [min, max]; anything else leaves the old value. */
static zend_result la_ini_update_range(zend_ini_entry *entry, zend_string *new_value, zend_long *target,
	zend_long min, zend_long max)
{
	zend_long value;
	double dval;

	if (is_numeric_string(ZSTR_VAL(new_value), ZSTR_LEN(new_value), &value, &dval, false) != IS_LONG
		|| value < min || value > max) {
		php_error_docref(NULL, E_WARNING, "%s must be an integer from " ZEND_LONG_FMT " to " ZEND_LONG_FMT,
			ZSTR_VAL(entry->name), min, max);
		return FAILURE;
	}
	*target = value;
	return SUCCESS;
}

static ZEND_INI_MH(OnUpdateLocalapiPort)
{
	LOCALAPI_G(link_key_valid) = false;
	return la_ini_update_range(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 0, 65535);
}

static ZEND_INI_MH(OnUpdateLocalapiTimeout)
{
	return la_ini_update_range(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 1, 3600);
}

static ZEND_INI_MH(OnUpdateLocalapiRetryBudget)
{
	return la_ini_update_range(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 0, 60000);
}

/* Any change to a connection setting invalidates the cached link key (db.c). */
static ZEND_INI_MH(OnUpdateLocalapiCredential)
{
	LOCALAPI_G(link_key_valid) = false;
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

static ZEND_INI_MH(OnUpdateLocalapiTlsFlag)
{
	LOCALAPI_G(link_key_valid) = false;
	return OnUpdateBool(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/* auto (the database's Version row decides), 7 or 8. */
static ZEND_INI_MH(OnUpdateLocalapiWhmcsVersion)
{
	zend_long *target = (zend_long *) ZEND_INI_GET_ADDR();

	if (zend_string_equals_literal_ci(new_value, "auto")) {
		*target = PHP_LOCALAPI_WHMCS_AUTO;
	} else if (zend_string_equals_literal(new_value, "7")) {
		*target = 7;
	} else if (zend_string_equals_literal(new_value, "8")) {
		*target = 8;
	} else {
		php_error_docref(NULL, E_WARNING, "%s must be auto, 7 or 8", ZSTR_VAL(entry->name));
		return FAILURE;
	}
	return SUCCESS;
}

/* auto (where the main script lies decides), on (the extension's names) or off (WHMCS's own). */
static ZEND_INI_MH(OnUpdateLocalapiStandIn)
{
	zend_long *target = (zend_long *) ZEND_INI_GET_ADDR();

	if (zend_string_equals_literal_ci(new_value, "auto")) {
		*target = PHP_LOCALAPI_STAND_IN_AUTO;
	} else if (zend_ini_parse_bool(new_value)) {
		*target = PHP_LOCALAPI_STAND_IN_ON;
	} else if (zend_string_equals_literal_ci(new_value, "off") || zend_string_equals_literal_ci(new_value, "no")
			|| zend_string_equals_literal_ci(new_value, "false") || zend_string_equals_literal(new_value, "0")
			|| zend_string_equals_literal_ci(new_value, "none") || ZSTR_LEN(new_value) == 0) {
		*target = PHP_LOCALAPI_STAND_IN_OFF;
	} else {
		php_error_docref(NULL, E_WARNING, "%s must be auto, on or off", ZSTR_VAL(entry->name));
		return FAILURE;
	}
	return SUCCESS;
}

static ZEND_INI_DISP(display_secret)
{
	zend_string *value = type == ZEND_INI_DISPLAY_ORIG && ini_entry->modified
		? ini_entry->orig_value : ini_entry->value;

	if (value && ZSTR_LEN(value)) {
		PUTS("********");
	} else if (sapi_module.phpinfo_as_text) {
		PUTS("no value");
	} else {
		PUTS("<i>no value</i>");
	}
}

PHP_INI_BEGIN()
	STD_PHP_INI_ENTRY("localapi.db_host", "localhost", PHP_INI_ALL, OnUpdateLocalapiCredential, db_host, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.db_port", "0", PHP_INI_ALL, OnUpdateLocalapiPort, db_port, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.db_socket", "", PHP_INI_ALL, OnUpdateLocalapiCredential, db_socket, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.db_username", "", PHP_INI_ALL, OnUpdateLocalapiCredential, db_username, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY_EX("localapi.db_password", "", PHP_INI_ALL, OnUpdateLocalapiCredential, db_password, zend_localapi_globals, localapi_globals, display_secret)
	STD_PHP_INI_ENTRY("localapi.db_name", "", PHP_INI_ALL, OnUpdateLocalapiCredential, db_name, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_BOOLEAN("localapi.persistent", "1", PHP_INI_SYSTEM, OnUpdateBool, persistent, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.connect_timeout", "5", PHP_INI_ALL, OnUpdateLocalapiTimeout, connect_timeout, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.read_timeout", "30", PHP_INI_ALL, OnUpdateLocalapiTimeout, read_timeout, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.write_timeout", "30", PHP_INI_ALL, OnUpdateLocalapiTimeout, write_timeout, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.retry_budget", "2000", PHP_INI_ALL, OnUpdateLocalapiRetryBudget, retry_budget, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.hooks_dir", "", PHP_INI_ALL, OnUpdateString, hooks_dir, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.whmcs_version", "auto", PHP_INI_ALL, OnUpdateLocalapiWhmcsVersion, whmcs_version, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.whmcs_config", "", PHP_INI_ALL, OnUpdateLocalapiCredential, whmcs_config, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.db_tls_ca", "", PHP_INI_ALL, OnUpdateLocalapiCredential, db_tls_ca, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.db_tls_ca_path", "", PHP_INI_ALL, OnUpdateLocalapiCredential, db_tls_ca_path, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.db_tls_cert", "", PHP_INI_ALL, OnUpdateLocalapiCredential, db_tls_cert, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.db_tls_key", "", PHP_INI_ALL, OnUpdateLocalapiCredential, db_tls_key, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.db_tls_cipher", "", PHP_INI_ALL, OnUpdateLocalapiCredential, db_tls_cipher, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.stand_in", "auto", PHP_INI_PERDIR, OnUpdateLocalapiStandIn, stand_in, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_ENTRY("localapi.composer_autoload", "", PHP_INI_ALL, OnUpdateString, composer_autoload, zend_localapi_globals, localapi_globals)
	STD_PHP_INI_BOOLEAN("localapi.db_tls_verify_cert", "0", PHP_INI_ALL, OnUpdateLocalapiTlsFlag, db_tls_verify_cert, zend_localapi_globals, localapi_globals)
PHP_INI_END()
/* }}} */

static bool la_command_valid(const zend_string *command)
{
	if (ZSTR_LEN(command) == 0) {
		return false;
	}
	for (size_t i = 0; i < ZSTR_LEN(command); i++) {
		unsigned char c = (unsigned char) ZSTR_VAL(command)[i];
		if (!(isalnum(c) && c < 0x80) && c != '_' && c != '-') {
			return false;
		}
	}
	return true;
}

/* {{{ localAPI(string $command, mixed $postData = [], string|int|null $adminUsername = ''): array */
PHP_FUNCTION(localAPI)
{
	zend_string *command;
	zval *post = NULL;
	zend_string *admin_name = NULL;
	zend_long admin_number = 0;
	bool admin_null = false;
	php_localapi_command_handler handler;
	php_localapi_admin admin = { 0, NULL };
	const php_localapi_admin *outer_admin;
	HashTable *post_data = (HashTable *) &zend_empty_array;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(command)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(post)
		Z_PARAM_STR_OR_LONG_OR_NULL(admin_name, admin_number, admin_null)
	ZEND_PARSE_PARAMETERS_END();

	if (!la_command_valid(command)) {
		php_localapi_error(return_value, "Invalid API Command");
		return;
	}
	handler = php_localapi_command_find(command);
	if (!handler) {
		php_localapi_error(return_value, "API Function Not Found");
		return;
	}
	if (!php_localapi_admin_find(admin_name, admin_number, admin_null, &admin, return_value)) {
		return;
	}
	if (post) {
		ZVAL_DEREF(post);
		if (Z_TYPE_P(post) == IS_ARRAY) {
			post_data = Z_ARRVAL_P(post);
		}
	}
	/* Hooks run by the command may change the caller's array: work on our own reference. */
	GC_TRY_ADDREF(post_data);
	/* logActivity() called meanwhile (from a hook) logs as this call's admin. */
	outer_admin = LOCALAPI_G(call_admin);
	LOCALAPI_G(call_admin) = &admin;
	handler(post_data, &admin, return_value);
	LOCALAPI_G(call_admin) = outer_admin;
	zend_array_release(post_data);
	if (admin.username) {
		zend_string_release(admin.username);
	}
}
/* }}} */

static PHP_GINIT_FUNCTION(localapi)
{
#if defined(COMPILE_DL_LOCALAPI) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(localapi_globals, 0, sizeof(*localapi_globals));
}

/* Per-thread state: a request that never reached RSHUTDOWN may have left these behind.
 * The persistent links are not here: the engine destroys EG(persistent_list), and with
 * it each link, when the process (or, with ZTS, the thread) ends. */
static PHP_GSHUTDOWN_FUNCTION(localapi)
{
	if (localapi_globals->request_links) {
		zend_hash_destroy(localapi_globals->request_links);
		FREE_HASHTABLE(localapi_globals->request_links);
	}
	if (localapi_globals->hooks) {
		zend_hash_destroy(localapi_globals->hooks);
		FREE_HASHTABLE(localapi_globals->hooks);
	}
	if (localapi_globals->link_key) {
		zend_string_free(localapi_globals->link_key);
	}
	php_localapi_hosts_free(&localapi_globals->host_rests);
	php_localapi_settings_free(localapi_globals);
	php_localapi_names_globals_free(localapi_globals);
}

static PHP_MINIT_FUNCTION(localapi)
{
	REGISTER_INI_ENTRIES();
	php_localapi_names_module_init(module_number);
	php_localapi_capsule_module_init();
	php_localapi_price_module_init();
	php_localapi_db_module_init(module_number);
	php_localapi_add_contact_module_init();
	if (mysql_library_init(0, NULL, NULL) != 0) {
		return FAILURE;
	}
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(localapi)
{
	UNREGISTER_INI_ENTRIES();
	php_localapi_names_module_shutdown();
	php_localapi_capsule_module_shutdown();
	mysql_library_end();
	return SUCCESS;
}

static PHP_RINIT_FUNCTION(localapi)
{
#if defined(ZTS) && defined(COMPILE_DL_LOCALAPI)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	LOCALAPI_G(hooks) = NULL;
	LOCALAPI_G(hooks_dir_loaded) = false;
	LOCALAPI_G(call_admin) = NULL;
	LOCALAPI_G(in_log_activity_hook) = false;
	/* Before any script compiles: WHMCS's own request, or one with the extension's names. */
	php_localapi_names_request_init(module_number);
	return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(localapi)
{
	php_localapi_hooks_request_end();
	php_localapi_db_request_end();
	return SUCCESS;
}

/* After the engine discarded the request's functions: the extension's names as registered. */
static ZEND_MODULE_POST_ZEND_DEACTIVATE_D(localapi)
{
	php_localapi_names_request_end();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(localapi)
{
	php_info_print_table_start();
	php_info_print_table_row(2, "localapi support", "enabled");
	php_info_print_table_row(2, "Version", PHP_LOCALAPI_VERSION);
	php_localapi_commands_info();
	php_info_print_table_row(2, "MariaDB Connector/C", mysql_get_client_info());
	php_localapi_names_info();
	php_localapi_settings_info();
	php_localapi_db_info();
	php_localapi_whmcs_info();
	php_info_print_table_end();
	DISPLAY_INI_ENTRIES();
}

zend_module_entry localapi_module_entry = {
	STANDARD_MODULE_HEADER,
	"localapi",
	ext_functions,
	PHP_MINIT(localapi),
	PHP_MSHUTDOWN(localapi),
	PHP_RINIT(localapi),
	PHP_RSHUTDOWN(localapi),
	PHP_MINFO(localapi),
	PHP_LOCALAPI_VERSION,
	PHP_MODULE_GLOBALS(localapi),
	PHP_GINIT(localapi),
	PHP_GSHUTDOWN(localapi),
	ZEND_MODULE_POST_ZEND_DEACTIVATE_N(localapi),
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_LOCALAPI
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(localapi)
#endif
