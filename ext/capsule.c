/*
 * WHMCS\Database\Capsule and WHMCS\Config\Setting for code written for WHMCS
 * (hook files, modules), on Laravel's own illuminate/database over pdo_mysql.
 *
 * Nothing is declared up front. An autoloader (a wrapper around the engine's
 * zend_autoload, after the application's own autoloaders) defines the two
 * classes the first time code names them, in requests that do not run WHMCS
 * (names.c decides). Only then is Laravel loaded and, on its first query, a
 * PDO connection opened: a request that never names them costs one pointer
 * test per autoload miss.
 *
 * The PHP side is a few lines of source embedded below and compiled from the
 * string when first needed, so it can never be out of step with the module
 * (docs/architecture.md says why not a file). The extension's own commands
 * never use it: they stay on Connector/C.
 */
#include "localapi_private.h"
#include "db/db.h"

#include "zend_exceptions.h"

/* Debian's php-illuminate-database (bookworm: 8.83, trixie: 10.48). */
#define LA_DEBIAN_AUTOLOAD "/usr/share/php/Illuminate/Database/autoload.php"

static zend_class_entry *(*la_autoload_next)(zend_string *name, zend_string *lc_name);
static bool la_autoload_installed;
#ifdef ZTS
static MUTEX_T la_autoload_mutex;
#endif

/* WHMCS's Setting: tblconfiguration through Capsule's connection. */
static const char la_setting_source[] =
	"namespace WHMCS\\Config;\n"
	"final class Setting\n"
	"{\n"
	"    public static function getValue($setting)\n"
	"    {\n"
	"        return \\WHMCS\\Database\\Capsule::table('tblconfiguration')->where('setting', $setting)->value('value');\n"
	"    }\n"
	"    public static function setValue($setting, $value)\n"
	"    {\n"
	"        $table = \\WHMCS\\Database\\Capsule::table('tblconfiguration');\n"
	"        $now = \\WHMCS\\Database\\Capsule::raw('NOW()');\n"
	"        $value = (string) $value;\n"
	"        if ((clone $table)->where('setting', $setting)->exists()) {\n"
	"            $table->where('setting', $setting)->update(['value' => $value, 'updated_at' => $now]);\n"
	"        } else {\n"
	"            $table->insert(['setting' => $setting, 'value' => $value, 'created_at' => $now, 'updated_at' => $now]);\n"
	"        }\n"
	"    }\n"
	"}\n";

/* Returns the function that loads Laravel when needed, declares Capsule and makes it the
 * global instance on the settings in force ($s, from la_capsule_settings()). */
static const char la_capsule_source[] =
	"namespace WHMCS\\Database;\n"
	"return static function (#[\\SensitiveParameter] array $s): void {\n"
	"    $manager = 'Illuminate\\\\Database\\\\Capsule\\\\Manager';\n"
	"    if (!\\class_exists($manager)) {\n"
	"        if (!\\is_file($s['autoload'])) {\n"
	"            throw new \\Error($s['missing']);\n"
	"        }\n"
	"        $path = \\get_include_path();\n"
	"        if ($s['debian']) {\n"
	"            \\set_include_path('/usr/share/php' . \\PATH_SEPARATOR . $path);\n"
	"        }\n"
	"        try {\n"
	"            (static function () { require_once \\func_get_arg(0); })($s['autoload']);\n"
	"        } finally {\n"
	"            \\set_include_path($path);\n"
	"        }\n"
	"        if (!\\class_exists($manager)) {\n"
	"            throw new \\Error($s['autoload'] . ' does not provide ' . $manager . ': ' . $s['missing']);\n"
	"        }\n"
	"    }\n"
	"    if (!\\extension_loaded('pdo_mysql')) {\n"
	"        throw new \\Error('WHMCS\\\\Database\\\\Capsule needs PHP\\'s pdo_mysql extension (Debian: php-mysql)');\n"
	"    }\n"
	"    $options = [\\PDO::ATTR_PERSISTENT => $s['persistent']];\n"
	/* PHP 8.4 names pdo_mysql's attributes in Pdo\Mysql; 8.5 deprecates the PDO::MYSQL_ATTR_ names. */
	"    $attr = \\class_exists('Pdo\\\\Mysql', false) ? 'Pdo\\\\Mysql::ATTR_' : 'PDO::MYSQL_ATTR_';\n"
	"    foreach (['tls_ca' => 'SSL_CA', 'tls_ca_path' => 'SSL_CAPATH', 'tls_cert' => 'SSL_CERT',\n"
	"            'tls_key' => 'SSL_KEY', 'tls_cipher' => 'SSL_CIPHER'] as $key => $attribute) {\n"
	"        if ($s[$key] !== '') {\n"
	"            $options[\\constant($attr . $attribute)] = $s[$key];\n"
	"        }\n"
	"    }\n"
	"    if ($s['tls']) {\n"
	"        if ($s['host'] === 'localhost') {\n"
	"            throw new \\Error('WHMCS\\\\Database\\\\Capsule cannot use TLS to localhost: pdo_mysql encrypts TCP '\n"
	"                . 'connections only, never a unix socket; name the server by host name or address '\n"
	"                . '(configuration.php\\'s $db_host or localapi.db_host) to use TLS');\n"
	"        }\n"
	"        $options[\\constant($attr . 'SSL_VERIFY_SERVER_CERT')] = $s['tls_verify_cert'];\n"
	"    }\n"
	"    $config = ['driver' => 'mysql', 'host' => $s['host'], 'database' => $s['database'],\n"
	"        'username' => $s['username'], 'password' => $s['password'],\n"
	"        'charset' => $s['charset'], 'collation' => $s['charset'] . '_unicode_ci', 'prefix' => '',\n"
	"        'strict' => false, 'options' => $options];\n"
	"    if ($s['socket'] !== '') {\n"
	"        $config['unix_socket'] = $s['socket'];\n"
	"    }\n"
	"    if ($s['port'] > 0) {\n"
	"        $config['port'] = $s['port'];\n"
	"    }\n"
	"    class Capsule extends \\Illuminate\\Database\\Capsule\\Manager\n"
	"    {\n"
	"    }\n"
	"    $capsule = new Capsule();\n"
	"    $capsule->addConnection($config);\n"
	"    $capsule->setAsGlobal();\n"
	"};\n";

/* {{{ The settings in force, as the function above takes them */
/* The Error of a first use without Laravel: what to install, and the INI entry. */
static zend_string *la_capsule_missing(const char *autoload)
{
	if (!autoload) {
		return zend_strpprintf(0, "WHMCS\\Database\\Capsule needs Laravel's illuminate/database: install the "
			"Debian package php-illuminate-database (%s is missing), or name the vendor/autoload.php of a "
			"Composer install that has illuminate/database in localapi.composer_autoload", LA_DEBIAN_AUTOLOAD);
	}
	return zend_strpprintf(0, "WHMCS\\Database\\Capsule needs Laravel's illuminate/database: "
		"localapi.composer_autoload names %s, which is not a Composer vendor/autoload.php with "
		"illuminate/database; fix the INI entry, or empty it to use the Debian package "
		"php-illuminate-database", autoload);
}

static bool la_capsule_settings(zval *array)
{
	php_localapi_db_error err = { 0 };
	const char *autoload = LOCALAPI_G(composer_autoload);
	bool debian = !autoload || !*autoload;

	if (!php_localapi_db_client_settings(array, &err)) {
		zend_string *text = php_localapi_db_error_text(&err);
		zend_throw_error(NULL, "WHMCS\\Database\\Capsule has no connection settings: %s", ZSTR_VAL(text));
		zend_string_release(text);
		return false;
	}
	add_assoc_bool(array, "persistent", LOCALAPI_G(persistent));
	add_assoc_string(array, "autoload", debian ? LA_DEBIAN_AUTOLOAD : autoload);
	add_assoc_bool(array, "debian", debian);
	add_assoc_str(array, "missing", la_capsule_missing(debian ? NULL : autoload));
	return true;
}
/* }}} */

/* {{{ Defining the classes */
/* Compiles and runs source from the module, as eval() would, keeping what it returns
 * (zend_eval_stringl() would wrap it in "return ...;", which a namespace cannot follow). */
static bool la_capsule_eval(const char *source, size_t len, const char *name, zval *result)
{
	zend_string *code = zend_string_init(source, len, 0);
	uint32_t options = CG(compiler_options);
	zend_op_array *op_array;

	CG(compiler_options) = ZEND_COMPILE_DEFAULT_FOR_EVAL;
	op_array = zend_compile_string(code, name, ZEND_COMPILE_POSITION_AFTER_OPEN_TAG);
	CG(compiler_options) = options;
	zend_string_release(code);
	if (!op_array) {
		return false;
	}
	op_array->scope = NULL;
	zend_try {
		zend_execute(op_array, result);
	} zend_catch {
		destroy_op_array(op_array);
		efree_size(op_array, sizeof(zend_op_array));
		zend_bailout();
	} zend_end_try();
	zend_destroy_static_vars(op_array);
	destroy_op_array(op_array);
	efree_size(op_array, sizeof(zend_op_array));
	return !EG(exception);
}

static bool la_capsule_define(void)
{
	zval boot, settings, retval;
	bool ok = false;

	ZVAL_UNDEF(&boot);
	if (la_capsule_eval(la_capsule_source, sizeof(la_capsule_source) - 1, "WHMCS\\Database\\Capsule", &boot)
			&& Z_TYPE(boot) == IS_OBJECT && la_capsule_settings(&settings)) {
		if (call_user_function(NULL, NULL, &boot, &retval, 1, &settings) == SUCCESS) {
			zval_ptr_dtor(&retval);
		}
		zval_ptr_dtor(&settings);
		ok = !EG(exception);
	}
	zval_ptr_dtor(&boot);
	return ok;
}

static zend_class_entry *la_capsule_find(const char *name, size_t len)
{
	zend_string *lc = zend_string_init(name, len, 0);
	zend_class_entry *ce = zend_hash_find_ptr(EG(class_table), lc);

	zend_string_release(lc);
	return ce;
}

static zend_class_entry *la_capsule_autoload(zend_string *name, zend_string *lc_name)
{
	zend_class_entry *ce = la_autoload_next ? la_autoload_next(name, lc_name) : NULL;
	zval unused;

	if (ce || EG(exception) || LOCALAPI_G(runs_whmcs)) {
		return ce;
	}
	if (zend_string_equals_literal(lc_name, "whmcs\\database\\capsule")) {
		if (la_capsule_define()) {
			ce = la_capsule_find(ZEND_STRL("whmcs\\database\\capsule"));
		}
	} else if (zend_string_equals_literal(lc_name, "whmcs\\config\\setting")) {
		ZVAL_UNDEF(&unused);
		if (la_capsule_eval(la_setting_source, sizeof(la_setting_source) - 1, "WHMCS\\Config\\Setting", &unused)) {
			ce = la_capsule_find(ZEND_STRL("whmcs\\config\\setting"));
		}
		zval_ptr_dtor(&unused);
	}
	return ce;
}
/* }}} */

/* Once per process, at the first request with the names: by then SPL has set the engine's
 * autoloader, and ours runs after it (the application's autoloaders come first). */
static void la_capsule_autoload_install(void)
{
	if (la_autoload_installed) {
		return;
	}
#ifdef ZTS
	if (!la_autoload_mutex) {
		return;
	}
	tsrm_mutex_lock(la_autoload_mutex);
	if (la_autoload_installed) {
		tsrm_mutex_unlock(la_autoload_mutex);
		return;
	}
#endif
	la_autoload_next = zend_autoload;
	zend_autoload = la_capsule_autoload;
	la_autoload_installed = true;
#ifdef ZTS
	tsrm_mutex_unlock(la_autoload_mutex);
#endif
}

/* {{{ $CONFIG */
/* tblconfiguration as setting => value, read on the extension's own link: hook files get it
 * without Laravel or a second connection. */
static bool la_config_read(zval *config, php_localapi_db_error *err)
{
	la_link *link = php_localapi_db_acquire(err);
	zval rows, *row;
	bool ok;

	if (!link) {
		return false;
	}
	ok = php_localapi_db_read_rows(link, "SELECT setting, value FROM tblconfiguration", NULL, &rows, err);
	/* Outside a call nothing ends the transaction the read began: end it, so that the next
	 * call reads what is committed by then. Inside one, the call's own end does it. */
	if (!LOCALAPI_G(call_admin)) {
		php_localapi_db_rollback(link);
	}
	if (!ok) {
		return false;
	}
	array_init(config);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zval *setting = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("setting"));
		zval *value = zend_hash_str_find(Z_ARRVAL_P(row), ZEND_STRL("value"));
		if (setting && value && Z_TYPE_P(setting) == IS_STRING) {
			Z_TRY_ADDREF_P(value);
			zend_symtable_update(Z_ARRVAL_P(config), Z_STR_P(setting), value);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return true;
}

/* command/hooks.c, before the first hook file loads: WHMCS's global $CONFIG, unless the
 * application has a $CONFIG of its own. A read that fails leaves it empty and says
 * nothing: the command that loads the hook files reports the database failure. */
void php_localapi_capsule_config_global(void)
{
	zval config;
	php_localapi_db_error err = { 0 };

	if (zend_hash_str_exists(&EG(symbol_table), ZEND_STRL("CONFIG"))) {
		return;
	}
	ZVAL_UNDEF(&config);
	if (!la_config_read(&config, &err)) {
		array_init(&config);
	}
	zend_hash_str_update(&EG(symbol_table), ZEND_STRL("CONFIG"), &config);
}
/* }}} */

void php_localapi_capsule_module_init(void)
{
#ifdef ZTS
	la_autoload_mutex = tsrm_mutex_alloc();
#endif
}

void php_localapi_capsule_module_shutdown(void)
{
	/* The engine outlives the module's code: give it its own autoloader back. */
	if (la_autoload_installed && zend_autoload == la_capsule_autoload) {
		zend_autoload = la_autoload_next;
	}
	la_autoload_installed = false;
#ifdef ZTS
	if (la_autoload_mutex) {
		tsrm_mutex_free(la_autoload_mutex);
		la_autoload_mutex = NULL;
	}
#endif
}

/* names.c, in a request that does not run WHMCS: the classes can be named. In any other
 * request the autoloader, installed or not, passes every name on untouched. */
void php_localapi_capsule_request_init(void)
{
	la_capsule_autoload_install();
}
