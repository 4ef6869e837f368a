/*
 * The connection settings in force: the localapi.db_* INI entries, or WHMCS's
 * own configuration.php when localapi.whmcs_config names it.
 *
 * The file is parsed, never run: only its top-level assignments of constant
 * values to the $db_* variables are read. Nothing else in it (code, output,
 * $license, $cc_encryption_hash, assignments to $_SERVER, functions that
 * would be declared twice when the file changes) ever reaches the process,
 * and what it holds stays in this file's cache, which lives as long as the
 * process and is read again only when the file changes.
 */
#include "db/db_link.h"

#include "zend_arena.h"
#include "zend_ast.h"
#include "zend_exceptions.h"
#include "ext/standard/info.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* WHMCS writes a few hundred bytes; anything this large is not a configuration.php. */
#define LA_CONFIG_MAX_BYTES (1024 * 1024)

/* Not a server error number: a configuration problem is neither transient nor a lost link. */
#define LA_CONFIG_ERROR 1

typedef enum {
	LA_CFG_HOST,
	LA_CFG_PORT,
	LA_CFG_USERNAME,
	LA_CFG_PASSWORD,
	LA_CFG_NAME,
	LA_CFG_TLS_CA,
	LA_CFG_TLS_CA_PATH,
	LA_CFG_TLS_CERT,
	LA_CFG_TLS_KEY,
	LA_CFG_TLS_CIPHER,
	LA_CFG_TLS_VERIFY_CERT,
	LA_CFG_MYSQL_CHARSET,
	LA_CFG_COUNT
} la_config_key;

static const char *const la_config_names[LA_CFG_COUNT] = {
	"db_host", "db_port", "db_username", "db_password", "db_name",
	"db_tls_ca", "db_tls_ca_path", "db_tls_cert", "db_tls_key", "db_tls_cipher", "db_tls_verify_cert",
	"mysql_charset",
};

struct la_config_cache {
	char *path;                    /* the localapi.whmcs_config value it was read for */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	char *value[LA_CFG_COUNT];     /* persistent copies; NULL where the file sets none */
	zend_long port;
	bool verify_cert;
	char *error;                   /* why the file cannot be used, or NULL */
};

typedef struct la_config_cache la_config_cache;

static void la_pfree_secret(char *s)
{
	if (s) {
		ZEND_SECURE_ZERO(s, strlen(s));
		pefree(s, 1);
	}
}

static void la_config_cache_free(la_config_cache *cache)
{
	if (!cache) {
		return;
	}
	for (int i = 0; i < LA_CFG_COUNT; i++) {
		la_pfree_secret(cache->value[i]);
	}
	pefree(cache->path, 1);
	if (cache->error) {
		pefree(cache->error, 1);
	}
	pefree(cache, 1);
}

static void la_config_fail(la_config_cache *cache, const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);

/* Keeps the first problem found: it is the one the file shows first. */
static void la_config_fail(la_config_cache *cache, const char *format, ...)
{
	va_list args;
	char *message;

	if (cache->error) {
		return;
	}
	va_start(args, format);
	zend_vspprintf(&message, 0, format, args);
	va_end(args);
	cache->error = pestrdup(message, 1);
	efree(message);
}

static bool la_config_key_of(zend_ast *var, la_config_key *key)
{
	zend_string *name;

	if (var->kind != ZEND_AST_VAR || var->child[0]->kind != ZEND_AST_ZVAL
			|| Z_TYPE_P(zend_ast_get_zval(var->child[0])) != IS_STRING) {
		return false;
	}
	name = zend_ast_get_str(var->child[0]);
	for (int i = 0; i < LA_CFG_COUNT; i++) {
		if (zend_string_equals_cstr(name, la_config_names[i], strlen(la_config_names[i]))) {
			*key = (la_config_key) i;
			return true;
		}
	}
	return false;
}

/* The value of a constant expression: a literal, true/false/null, or a concatenation of them. */
static bool la_config_constant(zend_ast *ast, zval *out)
{
	zval left, right;

	if (ast->kind == ZEND_AST_ZVAL) {
		if (Z_TYPE_P(zend_ast_get_zval(ast)) > IS_STRING) {
			return false;
		}
		ZVAL_COPY(out, zend_ast_get_zval(ast));
		return true;
	}
	if (ast->kind == ZEND_AST_CONST && ast->child[0]->kind == ZEND_AST_ZVAL) {
		zend_string *name = zend_ast_get_str(ast->child[0]);
		if (zend_string_equals_literal_ci(name, "true")) {
			ZVAL_TRUE(out);
		} else if (zend_string_equals_literal_ci(name, "false")) {
			ZVAL_FALSE(out);
		} else if (zend_string_equals_literal_ci(name, "null")) {
			ZVAL_NULL(out);
		} else {
			return false;
		}
		return true;
	}
	if (ast->kind == ZEND_AST_BINARY_OP && ast->attr == ZEND_CONCAT) {
		if (!la_config_constant(ast->child[0], &left)) {
			return false;
		}
		if (!la_config_constant(ast->child[1], &right)) {
			zval_ptr_dtor(&left);
			return false;
		}
		concat_function(out, &left, &right);
		zval_ptr_dtor(&left);
		zval_ptr_dtor(&right);
		return true;
	}
	return false;
}

static void la_config_store(la_config_cache *cache, la_config_key key, zval *value, uint32_t line)
{
	zend_string *text;
	zend_long port;

	if (key == LA_CFG_TLS_VERIFY_CERT) {
		cache->verify_cert = zend_is_true(value);
		return;
	}
	text = zval_get_string(value);
	if (key == LA_CFG_PORT) {
		/* An empty $db_port is what the installer writes for "the default port". */
		if (ZSTR_LEN(text) == 0) {
			port = 0;
		} else if (is_numeric_string(ZSTR_VAL(text), ZSTR_LEN(text), &port, NULL, false) != IS_LONG
				|| port < 0 || port > 65535) {
			la_config_fail(cache, "$db_port on line %u of %s is not a port number", line, cache->path);
			port = 0;
		}
		cache->port = port;
	}
	la_pfree_secret(cache->value[key]);
	cache->value[key] = pestrndup(ZSTR_VAL(text), ZSTR_LEN(text), 1);
	ZEND_SECURE_ZERO(ZSTR_VAL(text), ZSTR_LEN(text));
	zend_string_release(text);
}

/* Top-level statements run unconditionally, blocks `{ }` too; anything nested deeper is ignored. */
static void la_config_walk(la_config_cache *cache, zend_ast *ast)
{
	zend_ast_list *list;
	la_config_key key;
	zval value;

	if (!ast) {
		return;
	}
	if (ast->kind == ZEND_AST_STMT_LIST) {
		list = zend_ast_get_list(ast);
		for (uint32_t i = 0; i < list->children; i++) {
			la_config_walk(cache, list->child[i]);
		}
		return;
	}
	if ((ast->kind != ZEND_AST_ASSIGN && ast->kind != ZEND_AST_ASSIGN_OP && ast->kind != ZEND_AST_ASSIGN_REF
			&& ast->kind != ZEND_AST_ASSIGN_COALESCE) || !la_config_key_of(ast->child[0], &key)) {
		return;
	}
	/* `.=`, `??=` and `= &` need the file to run: refused rather than read wrongly. Only
	 * Capsule reads $mysql_charset (its default is WHMCS's): the link never fails for it. */
	if (ast->kind != ZEND_AST_ASSIGN || !la_config_constant(ast->child[1], &value)) {
		if (key == LA_CFG_MYSQL_CHARSET) {
			return;
		}
		la_config_fail(cache, "$%s on line %u of %s is not a constant value", la_config_names[key],
			zend_ast_get_lineno(ast), cache->path);
		return;
	}
	la_config_store(cache, key, &value, zend_ast_get_lineno(ast));
	zval_ptr_dtor(&value);
}

/* Only the line of a syntax error is reported: the parser's text may quote the file. */
static void la_config_parse(la_config_cache *cache, zend_string *code)
{
	zend_string *filename = zend_string_init(cache->path, strlen(cache->path), 0);
	zend_arena *arena = NULL;
	int reporting = EG(error_reporting);
	zend_ast *ast;

	EG(error_reporting) = 0;
	ast = zend_compile_string_to_ast(code, &arena, filename);
	EG(error_reporting) = reporting;
	if (ast) {
		la_config_walk(cache, ast);
		zend_ast_destroy(ast);
		zend_arena_destroy(arena);
	} else {
		/* The parser freed its arena itself (the pointer handed back is stale). */
		zend_long line = 0;
		if (EG(exception)) {
			zval tmp, *lineno = zend_read_property_ex(zend_get_exception_base(EG(exception)), EG(exception),
				ZSTR_KNOWN(ZEND_STR_LINE), true, &tmp);
			line = zval_get_long(lineno);
			zend_clear_exception();
		}
		la_config_fail(cache, "syntax error in %s on line " ZEND_LONG_FMT, cache->path, line);
	}
	zend_string_release(filename);
}

static zend_string *la_config_load_bytes(la_config_cache *cache, int fd)
{
	zend_string *code = zend_string_alloc(cache->size, 0);
	size_t done = 0;

	while (done < (size_t) cache->size) {
		ssize_t got = read(fd, ZSTR_VAL(code) + done, (size_t) cache->size - done);
		if (got < 0 && errno == EINTR) {
			continue;
		}
		if (got <= 0) {
			la_config_fail(cache, "cannot read %s: %s", cache->path, got < 0 ? strerror(errno) : "file shrank");
			zend_string_efree(code);
			return NULL;
		}
		done += (size_t) got;
	}
	ZSTR_VAL(code)[done] = '\0';
	return code;
}

/* Reads and parses the file; problems are kept in cache->error, reported on every use. */
static la_config_cache *la_config_read(const char *path)
{
	la_config_cache *cache = pecalloc(1, sizeof(*cache), 1);
	zend_string *code = NULL;
	zend_stat_t st;
	int fd;

	cache->path = pestrdup(path, 1);
	/* O_NONBLOCK: a FIFO in its place must not hang the call; regular files ignore it. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) != 0) {
		la_config_fail(cache, "cannot read %s: %s", path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		la_config_fail(cache, "cannot read %s: not a regular file", path);
	} else if (st.st_size > LA_CONFIG_MAX_BYTES) {
		la_config_fail(cache, "%s is larger than %d bytes: not a configuration.php", path, LA_CONFIG_MAX_BYTES);
	} else {
		cache->dev = st.st_dev;
		cache->ino = st.st_ino;
		cache->size = st.st_size;
		cache->mtime = st.st_mtim;
		code = la_config_load_bytes(cache, fd);
	}
	if (fd >= 0) {
		close(fd);
	}
	if (code) {
		la_config_parse(cache, code);
		ZEND_SECURE_ZERO(ZSTR_VAL(code), ZSTR_LEN(code));
		zend_string_efree(code);
	}
	if (!cache->error && !(cache->value[LA_CFG_NAME] && *cache->value[LA_CFG_NAME])) {
		la_config_fail(cache, "%s sets no $db_name", path);
	}
	return cache;
}

static void la_settings_from_ini(php_localapi_db_settings *s)
{
#define LA_INI_STR(v) ((v) ? (v) : "")
	s->host = LA_INI_STR(LOCALAPI_G(db_host));
	s->port = LOCALAPI_G(db_port);
	s->socket = LA_INI_STR(LOCALAPI_G(db_socket));
	s->username = LA_INI_STR(LOCALAPI_G(db_username));
	s->password = LA_INI_STR(LOCALAPI_G(db_password));
	s->name = LA_INI_STR(LOCALAPI_G(db_name));
	s->tls_ca = LA_INI_STR(LOCALAPI_G(db_tls_ca));
	s->tls_ca_path = LA_INI_STR(LOCALAPI_G(db_tls_ca_path));
	s->tls_cert = LA_INI_STR(LOCALAPI_G(db_tls_cert));
	s->tls_key = LA_INI_STR(LOCALAPI_G(db_tls_key));
	s->tls_cipher = LA_INI_STR(LOCALAPI_G(db_tls_cipher));
	s->tls_verify_cert = LOCALAPI_G(db_tls_verify_cert);
	s->mysql_charset = "";
#undef LA_INI_STR
}

/* The file decides every connection setting but the socket path and the timeouts. */
static void la_settings_from_cache(php_localapi_db_settings *s, const la_config_cache *cache)
{
	const char *const *v = (const char *const *) cache->value;

	s->host = v[LA_CFG_HOST] && *v[LA_CFG_HOST] ? v[LA_CFG_HOST] : "localhost";
	s->port = cache->port;
	s->socket = LOCALAPI_G(db_socket) ? LOCALAPI_G(db_socket) : "";
	s->username = v[LA_CFG_USERNAME] ? v[LA_CFG_USERNAME] : "";
	s->password = v[LA_CFG_PASSWORD] ? v[LA_CFG_PASSWORD] : "";
	s->name = v[LA_CFG_NAME];
	s->tls_ca = v[LA_CFG_TLS_CA] ? v[LA_CFG_TLS_CA] : "";
	s->tls_ca_path = v[LA_CFG_TLS_CA_PATH] ? v[LA_CFG_TLS_CA_PATH] : "";
	s->tls_cert = v[LA_CFG_TLS_CERT] ? v[LA_CFG_TLS_CERT] : "";
	s->tls_key = v[LA_CFG_TLS_KEY] ? v[LA_CFG_TLS_KEY] : "";
	s->tls_cipher = v[LA_CFG_TLS_CIPHER] ? v[LA_CFG_TLS_CIPHER] : "";
	s->tls_verify_cert = cache->verify_cert;
	s->mysql_charset = v[LA_CFG_MYSQL_CHARSET] ? v[LA_CFG_MYSQL_CHARSET] : "";
}

bool php_localapi_settings_get(php_localapi_db_settings *settings, php_localapi_db_error *err)
{
	const char *path = LOCALAPI_G(whmcs_config);
	la_config_cache *cache = LOCALAPI_G(config_cache);
	zend_stat_t st;

	if (!path || !*path) {
		la_settings_from_ini(settings);
		return true;
	}
	if (VCWD_STAT(path, &st) != 0) {
		php_localapi_db_error_set(err, LA_CONFIG_ERROR, "cannot read %s: %s", path, strerror(errno));
		return false;
	}
	/* The same file, unchanged: path, inode, size and modification time (to the nanosecond). */
	if (!cache || strcmp(cache->path, path) != 0 || cache->dev != st.st_dev || cache->ino != st.st_ino
			|| cache->size != st.st_size || cache->mtime.tv_sec != st.st_mtim.tv_sec
			|| cache->mtime.tv_nsec != st.st_mtim.tv_nsec) {
		la_config_cache_free(cache);
		cache = LOCALAPI_G(config_cache) = la_config_read(path);
		/* Other settings make another link: db.c keys links by a hash of them. */
		LOCALAPI_G(link_key_valid) = false;
	}
	if (cache->error) {
		php_localapi_db_error_set(err, LA_CONFIG_ERROR, "%s", cache->error);
		return false;
	}
	la_settings_from_cache(settings, cache);
	return true;
}

/* The password of the file in use, so that db.c can mask it in any message. */
const char *php_localapi_settings_password(void)
{
	const char *path = LOCALAPI_G(whmcs_config);
	la_config_cache *cache = LOCALAPI_G(config_cache);

	if (!path || !*path || !cache) {
		return NULL;
	}
	return cache->value[LA_CFG_PASSWORD];
}

/* The cache is per process (per thread with ZTS): freed with the module's globals. */
void php_localapi_settings_free(zend_localapi_globals *globals)
{
	la_config_cache_free(globals->config_cache);
	globals->config_cache = NULL;
}

/* Where the settings come from, never what they are. */
void php_localapi_settings_info(void)
{
	const char *path = LOCALAPI_G(whmcs_config);

	if (path && *path) {
		php_info_print_table_row(2, "Connection settings", "from localapi.whmcs_config (values not shown)");
	} else {
		php_info_print_table_row(2, "Connection settings", "from the localapi.db_* entries");
	}
}
