/*
 * The WHMCS names the extension provides (its functions and the constant
 * WHMCS), and which requests see them.
 *
 * WHMCS declares the same names itself. A request that runs WHMCS (its main
 * script lies inside a WHMCS installation, or localapi.stand_in=off) must run
 * as if the extension were not loaded; any other request has the names.
 *
 * The functions are registered once, at MINIT, and stay in the function
 * table at the same place for the life of the process (the engine counts on
 * the persistent functions coming first). To hide one, its bucket's key is
 * swapped for a private key that no lookup by name can match ("\0" and the
 * name: get_defined_functions() skips such keys); to show it again, the
 * bucket is found by that private key (it keeps the name's hash) and given
 * its name back. Nothing is freed or moved, so the same works per thread in
 * a ZTS build, where each thread has its own copy of the table.
 *
 * opcache: a script compiled while the functions are visible would bind its
 * calls to them (ZEND_INIT_FCALL, ZEND_DO_ICALL) and fold function_exists()
 * to true, and the cached script would carry that into a WHMCS request. So
 * the functions are hidden while any file is compiled and optimised: our
 * zend_compile_file wraps opcache's (it is installed at the first request,
 * after opcache installed its own at startup), and opcache_compile_file()
 * gets the same wrapper. Compiled calls are then resolved by name at run
 * time, in whichever kind of request runs them.
 *
 * The constant WHMCS is registered per request, never persistent: opcache
 * substitutes only persistent constants into what it caches.
 *
 * The class WHMCS\View\Formatter\Price (price.c) is registered at MINIT too
 * and hidden the same way: its class-table bucket gets a private key and its
 * name back. It is hidden while files compile as well, so neither the
 * compiler nor opcache's optimiser can bind to it (class constants, instanceof,
 * method calls on a known class) or carry it into a WHMCS request; a file
 * that declares a class of that name in a request that has it fails as
 * PHP's own redeclaration does.
 */
#include "localapi_private.h"

#include "SAPI.h"
#include "ext/standard/info.h"

#include <time.h>

typedef struct {
	zend_string *hidden;     /* "\0" and the lower-case name, with the name's hash */
	const char *name;        /* as declared, for error messages */
} la_name;

static la_name *la_names;
static uint32_t la_names_count;

/* The class: its class-table key (the lower-case name, interned for good, the
 * same pointer in every thread's copy of the table) and its private key. */
static zend_class_entry *la_class_ce;
static zend_string *la_class_key;
static zend_string *la_class_hidden;

static zend_op_array *(*la_compile_file_next)(zend_file_handle *file_handle, int type);
static zif_handler la_opcache_compile_file_next;
static bool la_compile_hook_installed;
#ifdef ZTS
static MUTEX_T la_install_mutex;
#endif

/* The bucket a zval of a hash table lives in (the zval is its first member). */
static inline Bucket *la_bucket(zval *zv)
{
	return (Bucket *) zv;
}

/* What la_names_show() answers when the class's name was taken. */
static const la_name la_class_name = { NULL, "WHMCS\\View\\Formatter\\Price" };

/* {{{ Hiding and showing the functions */
static void la_names_hide(void)
{
	HashTable *table = CG(function_table);

	for (uint32_t i = 0; i < la_names_count; i++) {
		zend_string *lcname = LOCALAPI_G(names_key)[i];
		zval *zv = lcname ? zend_hash_find_known_hash(table, lcname) : NULL;

		if (!zv) {
			continue;
		}
		if (Z_PTR_P(zv) != LOCALAPI_G(names_func)[i]) {
			continue;   /* a user function of that name: ours is hidden already */
		}
		la_bucket(zv)->key = la_names[i].hidden;
	}
	if (la_class_ce) {
		zval *zv = zend_hash_find_known_hash(CG(class_table), la_class_key);

		if (zv && Z_PTR_P(zv) == la_class_ce) {
			la_bucket(zv)->key = la_class_hidden;
		}
	}
	LOCALAPI_G(names_visible) = false;
}

/* Gives the class its name back; true when a user class took the name meanwhile. */
static bool la_class_show(void)
{
	zval *zv;
	bool taken;

	if (!la_class_ce || !(zv = zend_hash_find_known_hash(CG(class_table), la_class_hidden))) {
		return false;
	}
	taken = zend_hash_exists(CG(class_table), la_class_key);
	la_bucket(zv)->key = la_class_key;
	return taken;
}

/* Gives each hidden function its name back. Returns the first name that a
 * user function took meanwhile (the file just compiled declared it), or NULL. */
static const la_name *la_names_show(void)
{
	HashTable *table = CG(function_table);
	const la_name *taken = NULL;

	for (uint32_t i = 0; i < la_names_count; i++) {
		zval *zv = zend_hash_find_known_hash(table, la_names[i].hidden);

		if (!zv) {
			continue;   /* visible already */
		}
		if (!taken && zend_hash_exists(table, LOCALAPI_G(names_key)[i])) {
			taken = &la_names[i];
		}
		la_bucket(zv)->key = LOCALAPI_G(names_key)[i];
	}
	if (la_class_show() && !taken) {
		taken = &la_class_name;
	}
	LOCALAPI_G(names_visible) = true;
	return taken;
}
/* }}} */

/* {{{ Compiling with the functions hidden */
static void la_names_show_after_compile(void)
{
	const la_name *taken = la_names_show();
	zend_function *user;

	if (!taken) {
		return;
	}
	if (taken == &la_class_name) {
		/* The engine's own message when a class is declared twice. */
		zend_error_noreturn(E_COMPILE_ERROR, "Cannot declare class %s, because the name is already in use",
			taken->name);
	}
	/* The engine's own message when a file declares one of the extension's functions. */
	user = zend_hash_str_find_ptr_lc(CG(function_table), taken->name, strlen(taken->name));
	if (user && user->type == ZEND_USER_FUNCTION) {
		zend_error_at_noreturn(E_COMPILE_ERROR, user->op_array.filename, user->op_array.line_start,
			"Cannot redeclare %s()", taken->name);
	}
	zend_error_noreturn(E_COMPILE_ERROR, "Cannot redeclare %s()", taken->name);
}

static zend_op_array *la_compile_file(zend_file_handle *file_handle, int type)
{
	zend_op_array *volatile op_array = NULL;

	if (!LOCALAPI_G(names_visible)) {
		return la_compile_file_next(file_handle, type);
	}
	la_names_hide();
	zend_try {
		op_array = la_compile_file_next(file_handle, type);
	} zend_catch {
		la_names_show();
		zend_bailout();
	} zend_end_try();
	la_names_show_after_compile();
	return op_array;
}

static ZEND_NAMED_FUNCTION(la_opcache_compile_file)
{
	if (!LOCALAPI_G(names_visible)) {
		la_opcache_compile_file_next(INTERNAL_FUNCTION_PARAM_PASSTHRU);
		return;
	}
	la_names_hide();
	zend_try {
		la_opcache_compile_file_next(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	} zend_catch {
		la_names_show();
		zend_bailout();
	} zend_end_try();
	la_names_show_after_compile();
}

/* Once per process, at the first request: by then opcache (a zend_extension
 * that installs its compiler at startup) is in place, and ours goes around it. */
static void la_compile_hook_install(void)
{
	zend_internal_function *fn;

	if (la_compile_hook_installed) {
		return;
	}
#ifdef ZTS
	tsrm_mutex_lock(la_install_mutex);
	if (la_compile_hook_installed) {
		tsrm_mutex_unlock(la_install_mutex);
		return;
	}
#endif
	la_compile_file_next = zend_compile_file;
	zend_compile_file = la_compile_file;
	fn = zend_hash_str_find_ptr(CG(function_table), ZEND_STRL("opcache_compile_file"));
	if (fn && fn->type == ZEND_INTERNAL_FUNCTION) {
		la_opcache_compile_file_next = fn->handler;
		fn->handler = la_opcache_compile_file;
	}
	la_compile_hook_installed = true;
#ifdef ZTS
	tsrm_mutex_unlock(la_install_mutex);
#endif
}
/* }}} */

/* {{{ Which kind of request this is */
/* dir is root or a folder below it. */
static bool la_inside(const char *dir, size_t dir_len, const char *root, size_t root_len)
{
	return dir_len >= root_len && memcmp(dir, root, root_len) == 0
		&& (dir_len == root_len || dir[root_len] == '/' || (root_len == 1 && root[0] == '/'));
}

static bool la_file_exists(const char *dir, size_t dir_len, const char *name)
{
	char path[MAXPATHLEN];
	zend_stat_t st;

	if (snprintf(path, sizeof(path), "%.*s/%s", (int) dir_len, dir, name) >= (int) sizeof(path)) {
		return false;
	}
	return VCWD_STAT(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A folder holding WHMCS's configuration.php and init.php: dir or one above it. */
static bool la_below_whmcs_root(const char *dir)
{
	size_t len = strlen(dir);

	for (;;) {
		if (la_file_exists(dir, len, "configuration.php") && la_file_exists(dir, len, "init.php")) {
			return true;
		}
		while (len > 0 && dir[len - 1] != '/') {
			len--;
		}
		if (len <= 1) {
			return false;
		}
		len--;   /* the slash */
	}
}

static bool la_decide(const char *script_dir, const char *whmcs_config)
{
	char real_dir[MAXPATHLEN];
	char real_config[MAXPATHLEN];
	const char *dir = VCWD_REALPATH(script_dir, real_dir) ? real_dir : script_dir;

	if (*whmcs_config) {
		const char *config = VCWD_REALPATH(whmcs_config, real_config) ? real_config : whmcs_config;
		const char *slash = strrchr(config, '/');
		size_t root_len = slash ? (size_t) (slash - config) : 0;

		if (root_len == 0) {
			root_len = 1;   /* a file in / */
		}
		return la_inside(dir, strlen(dir), config, root_len);
	}
	return la_below_whmcs_root(dir);
}

/* A folder too long for the cache's key (beyond MAXPATHLEN): decided every time. */
static bool la_decide_dir(const char *script, size_t dir_len, const char *config)
{
	char *dir = estrndup(script, dir_len);
	bool whmcs = la_decide(dir, config);

	efree(dir);
	return whmcs;
}

/* The decision for a script's folder, cached per process for as long as PHP
 * caches real paths (realpath_cache_ttl): one hash lookup per request. */
#define LA_KIND_CACHE_MAX 256

static bool la_runs_whmcs(void)
{
	const char *script = SG(request_info).path_translated;
	const char *config = LOCALAPI_G(whmcs_config) ? LOCALAPI_G(whmcs_config) : "";
	char real_script[MAXPATHLEN];
	char key[2 * MAXPATHLEN + 2];   /* whmcs_config, NUL, the script's folder: no allocation per request */
	size_t config_len = strlen(config), dir_len, key_len;
	const char *slash;
	zval *cached, entry;
	time_t now;
	bool whmcs;

	/* cli, fpm, apache2handler give an absolute path; php-cgi's command line may not. No
	 * main script at all (php -r, stdin: a name that is no file) is not a WHMCS page. */
	if (!script || (script[0] != '/' && !(script = VCWD_REALPATH(script, real_script)))) {
		return false;
	}
	slash = strrchr(script, '/');
	dir_len = slash == script ? 1 : (size_t) (slash - script);
	if (config_len >= MAXPATHLEN || dir_len >= MAXPATHLEN) {
		return la_decide_dir(script, dir_len, config);
	}
	memcpy(key, config, config_len + 1);
	memcpy(key + config_len + 1, script, dir_len);
	key[config_len + 1 + dir_len] = '\0';
	key_len = config_len + 1 + dir_len;
	now = time(NULL);
	if (!LOCALAPI_G(kind_cache)) {
		LOCALAPI_G(kind_cache) = pemalloc(sizeof(HashTable), 1);
		zend_hash_init(LOCALAPI_G(kind_cache), 16, NULL, NULL, 1);
	}
	cached = zend_hash_str_find(LOCALAPI_G(kind_cache), key, key_len);
	if (cached && (Z_LVAL_P(cached) >> 1) > (zend_long) now) {
		return Z_LVAL_P(cached) & 1;
	}
	whmcs = la_decide(key + config_len + 1, config);
	if (!cached && zend_hash_num_elements(LOCALAPI_G(kind_cache)) >= LA_KIND_CACHE_MAX) {
		zend_hash_clean(LOCALAPI_G(kind_cache));
	}
	ZVAL_LONG(&entry, (((zend_long) now + zend_ini_long(ZEND_STRL("realpath_cache_ttl"), 0)) << 1) | whmcs);
	/* The table outlives the request: its keys are persistent copies. */
	zend_hash_str_update(LOCALAPI_G(kind_cache), key, key_len, &entry);
	return whmcs;
}
/* }}} */

/* {{{ Module and request hooks */
void php_localapi_names_module_init(int module_number)
{
	const zend_function_entry *entry;
	uint32_t count = 0;

	for (entry = localapi_module_entry.functions; entry && entry->fname; entry++) {
		count++;
	}
	la_names = pecalloc(count ? count : 1, sizeof(*la_names), 1);
	la_names_count = count;
	for (uint32_t i = 0; i < count; i++) {
		const char *fname = localapi_module_entry.functions[i].fname;
		size_t len = strlen(fname);
		zend_string *hidden = zend_string_alloc(len + 1, 1);

		ZSTR_VAL(hidden)[0] = '\0';
		zend_str_tolower_copy(ZSTR_VAL(hidden) + 1, fname, len);
		/* Found by its own address, never freed by a table: pinned like an interned string. */
		ZSTR_H(hidden) = zend_inline_hash_func(ZSTR_VAL(hidden) + 1, len);
		GC_ADD_FLAGS(hidden, IS_STR_INTERNED | IS_STR_PERMANENT);
		la_names[i].hidden = hidden;
		la_names[i].name = fname;
	}
#ifdef ZTS
	la_install_mutex = tsrm_mutex_alloc();
#endif
	(void) module_number;
}

void php_localapi_names_add_class(zend_class_entry *ce)
{
	zend_string *lcname = zend_string_tolower(ce->name);
	zval *zv = zend_hash_find(CG(class_table), lcname);
	zend_string *hidden;

	zend_string_release(lcname);
	if (!zv || Z_PTR_P(zv) != ce) {
		return;
	}
	la_class_key = la_bucket(zv)->key;
	hidden = zend_string_alloc(ZSTR_LEN(la_class_key) + 1, 1);
	ZSTR_VAL(hidden)[0] = '\0';
	memcpy(ZSTR_VAL(hidden) + 1, ZSTR_VAL(la_class_key), ZSTR_LEN(la_class_key) + 1);
	ZSTR_H(hidden) = ZSTR_HASH(la_class_key);
	GC_ADD_FLAGS(hidden, IS_STR_INTERNED | IS_STR_PERMANENT);
	la_class_hidden = hidden;
	la_class_ce = ce;
}

void php_localapi_names_module_shutdown(void)
{
	if (la_compile_hook_installed && zend_compile_file == la_compile_file) {
		zend_compile_file = la_compile_file_next;
	}
	for (uint32_t i = 0; i < la_names_count; i++) {
		pefree(la_names[i].hidden, 1);
	}
	pefree(la_names, 1);
	la_names = NULL;
	la_names_count = 0;
	if (la_class_hidden) {
		pefree(la_class_hidden, 1);
		la_class_hidden = NULL;
		la_class_ce = NULL;
	}
#ifdef ZTS
	tsrm_mutex_free(la_install_mutex);
#endif
}

/* The functions as this thread's table has them, found by name on the first request. */
static void la_names_locate(void)
{
	if (LOCALAPI_G(names_key)) {
		return;
	}
	LOCALAPI_G(names_key) = pecalloc(la_names_count ? la_names_count : 1, sizeof(zend_string *), 1);
	LOCALAPI_G(names_func) = pecalloc(la_names_count ? la_names_count : 1, sizeof(zend_function *), 1);
	for (uint32_t i = 0; i < la_names_count; i++) {
		zval *zv = zend_hash_str_find(CG(function_table), ZSTR_VAL(la_names[i].hidden) + 1,
			ZSTR_LEN(la_names[i].hidden) - 1);

		if (!zv) {
			zv = zend_hash_find_known_hash(CG(function_table), la_names[i].hidden);
		}
		if (zv) {
			LOCALAPI_G(names_func)[i] = Z_PTR_P(zv);
			if (la_bucket(zv)->key != la_names[i].hidden) {
				LOCALAPI_G(names_key)[i] = la_bucket(zv)->key;
			}
		}
	}
}

void php_localapi_names_request_init(int module_number)
{
	bool whmcs;

	switch (LOCALAPI_G(stand_in)) {
	case PHP_LOCALAPI_STAND_IN_ON:
		whmcs = false;
		break;
	case PHP_LOCALAPI_STAND_IN_OFF:
		whmcs = true;
		break;
	default:
		whmcs = la_runs_whmcs();
		break;
	}
	la_names_locate();
	LOCALAPI_G(runs_whmcs) = whmcs;
	if (whmcs) {
		la_names_hide();
		return;
	}
	la_compile_hook_install();
	php_localapi_capsule_request_init();
	la_names_show();
	zend_register_bool_constant(ZEND_STRL("WHMCS"), true, 0, module_number);
}

/* After the engine discarded the request's own functions: the table as registered. */
void php_localapi_names_request_end(void)
{
	if (LOCALAPI_G(names_key)) {
		la_names_show();
	}
}

void php_localapi_names_globals_free(zend_localapi_globals *globals)
{
	if (globals->kind_cache) {
		zend_hash_destroy(globals->kind_cache);
		pefree(globals->kind_cache, 1);
		globals->kind_cache = NULL;
	}
	if (globals->names_key) {
		pefree(globals->names_key, 1);
		pefree(globals->names_func, 1);
		globals->names_key = NULL;
		globals->names_func = NULL;
	}
}

void php_localapi_names_info(void)
{
	php_info_print_table_row(2, "This request", LOCALAPI_G(runs_whmcs)
		? "runs WHMCS itself: the extension's WHMCS names are hidden"
		: "localAPI(), add_hook(), logActivity(), WHMCS and WHMCS\\View\\Formatter\\Price are the extension's");
}
/* }}} */
