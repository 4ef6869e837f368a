/*
 * The hook registry: add_hook(), hook files loaded from localapi.hooks_dir,
 * and running the callbacks of a hook point.
 */
#include "command/command.h"

#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_observer.h"
#include "php_main.h"
#include "php_streams.h"

typedef struct {
	zend_long priority;
	zval callback;
	zend_string *file;       /* where the callback was defined; NULL for an internal function */
	uint32_t line;
} la_hook;

static void la_hook_free(zval *zv)
{
	la_hook *hook = Z_PTR_P(zv);

	zval_ptr_dtor(&hook->callback);
	if (hook->file) {
		zend_string_release(hook->file);
	}
	efree(hook);
}

/* A closure's or a function's own definition, for the warning if it ever throws. */
static void la_hook_definition(la_hook *hook, const zend_function *fn)
{
	hook->file = NULL;
	hook->line = 0;
	if (fn && fn->type == ZEND_USER_FUNCTION && !(fn->common.fn_flags & ZEND_ACC_CALL_VIA_TRAMPOLINE)
			&& fn->op_array.filename) {
		hook->file = zend_string_copy(fn->op_array.filename);
		hook->line = fn->op_array.line_start;
	}
}

static void la_hook_list_free(zval *zv)
{
	HashTable *list = Z_PTR_P(zv);

	zend_hash_destroy(list);
	FREE_HASHTABLE(list);
}

static HashTable *la_hook_list(zend_string *hook_point, bool create)
{
	HashTable *list;

	if (!LOCALAPI_G(hooks)) {
		if (!create) {
			return NULL;
		}
		ALLOC_HASHTABLE(LOCALAPI_G(hooks));
		zend_hash_init(LOCALAPI_G(hooks), 8, NULL, la_hook_list_free, 0);
	}
	list = zend_hash_find_ptr(LOCALAPI_G(hooks), hook_point);
	if (!list && create) {
		ALLOC_HASHTABLE(list);
		zend_hash_init(list, 4, NULL, la_hook_free, 0);
		zend_hash_add_new_ptr(LOCALAPI_G(hooks), hook_point, list);
	}
	return list;
}

/* {{{ add_hook(string $hookPoint, int $priority, callable $callback): void */
PHP_FUNCTION(add_hook)
{
	zend_string *hook_point;
	zend_long priority;
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	la_hook *hook;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(hook_point)
		Z_PARAM_LONG(priority)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	hook = emalloc(sizeof(*hook));
	hook->priority = priority;
	ZVAL_COPY(&hook->callback, &fci.function_name);
	la_hook_definition(hook, fcc.function_handler);
	zend_hash_next_index_insert_ptr(la_hook_list(hook_point, true), hook);
}
/* }}} */

/* "<class>: <message> in <file> on line <n>" of the pending exception, which is cleared;
 * NULL when there is none, or when it is exit(), which is left to end the script. */
static zend_string *la_take_exception(void)
{
	zend_object *ex = EG(exception);
	zend_class_entry *base;
	zval tmp[3];
	zend_string *message, *file, *text;
	zend_long line;

	if (!ex || zend_is_unwind_exit(ex) || zend_is_graceful_exit(ex)) {
		return NULL;
	}
	GC_ADDREF(ex);
	zend_clear_exception();
	base = zend_get_exception_base(ex);
	message = zval_get_string(zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), true, &tmp[0]));
	file = zval_get_string(zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_FILE), true, &tmp[1]));
	line = zval_get_long(zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_LINE), true, &tmp[2]));
	text = zend_strpprintf(0, "%s: %s in %s on line " ZEND_LONG_FMT, ZSTR_VAL(ex->ce->name), ZSTR_VAL(message),
		ZSTR_VAL(file), line);
	zend_string_release(message);
	zend_string_release(file);
	OBJ_RELEASE(ex);
	return text;
}

/* Runs a compiled file with a symbol table of its own and no $this: WHMCS loads hook
 * files in its own scope, so a file's top-level variables must neither see nor change
 * the variables of the function that called localAPI(). */
static void la_execute_isolated(zend_op_array *op_array, zval *result)
{
	HashTable *symbols = zend_new_array(8);
	zend_execute_data *frame = zend_vm_stack_push_call_frame(ZEND_CALL_TOP_CODE | ZEND_CALL_HAS_SYMBOL_TABLE,
		(zend_function *) op_array, 0, NULL);

	frame->symbol_table = symbols;
	zend_init_code_execute_data(frame, op_array, result);
	ZEND_OBSERVER_FCALL_BEGIN(frame);
	zend_execute_ex(frame);
	zend_vm_stack_free_call_frame(frame);
	zend_array_destroy(symbols);
}

/* include_once of one hook file. */
static void la_hooks_include(zend_string *path)
{
	zend_file_handle handle;
	zend_op_array *op_array = NULL;
	zend_string *failure;
	zval result, dummy;

	zend_stream_init_filename_ex(&handle, path);
	if (php_stream_open_for_zend_ex(&handle, REPORT_ERRORS | STREAM_OPEN_FOR_INCLUDE) != SUCCESS) {
		zend_destroy_file_handle(&handle);
		php_error_docref(NULL, E_WARNING, "Hook file %s could not be opened", ZSTR_VAL(path));
		return;
	}
	if (!handle.opened_path) {
		handle.opened_path = zend_string_copy(path);
	}
	ZVAL_NULL(&dummy);
	if (zend_hash_add(&EG(included_files), handle.opened_path, &dummy)) {
		op_array = zend_compile_file(&handle, ZEND_INCLUDE);
	}
	zend_destroy_file_handle(&handle);
	if (op_array) {
		ZVAL_UNDEF(&result);
		la_execute_isolated(op_array, &result);
		destroy_op_array(op_array);
		efree_size(op_array, sizeof(zend_op_array));
		zval_ptr_dtor(&result);
	}
	failure = la_take_exception();
	if (failure) {
		php_error_docref(NULL, E_WARNING, "Hook file %s failed: %s", ZSTR_VAL(path), ZSTR_VAL(failure));
		zend_string_release(failure);
	}
}

/* Byte order, whatever the locale (php_stream_dirent_alphasort would use strcoll). */
static int la_name_compare(const zend_string **a, const zend_string **b)
{
	return zend_binary_strcmp(ZSTR_VAL(*a), ZSTR_LEN(*a), ZSTR_VAL(*b), ZSTR_LEN(*b));
}

/* *.php, except index.php: the redirect stub WHMCS ships in its hooks folder, which
 * its own loader skips too, so a real includes/hooks/ folder can be used as it is. */
static bool la_is_hook_file(const zend_string *name)
{
	return ZSTR_LEN(name) > 4 && memcmp(ZSTR_VAL(name) + ZSTR_LEN(name) - 4, ".php", 4) == 0
		&& !zend_string_equals_literal(name, "index.php");
}

/* Loads localapi.hooks_dir's *.php files in byte order of their names, once per request. */
static void la_hooks_load_dir(void)
{
	const char *dir = LOCALAPI_G(hooks_dir);
	zend_string **names = NULL;
	int count;

	if (LOCALAPI_G(hooks_dir_loaded) || !dir || !*dir) {
		return;
	}
	LOCALAPI_G(hooks_dir_loaded) = true;
	count = php_stream_scandir(dir, &names, NULL, la_name_compare);
	if (count < 0) {
		php_error_docref(NULL, E_WARNING, "localapi.hooks_dir %s cannot be read", dir);
		return;
	}
	/* WHMCS's global $CONFIG, which hook files read as they load. */
	php_localapi_capsule_config_global();
	for (int i = 0; i < count; i++) {
		if (la_is_hook_file(names[i]) && !EG(exception)) {
			zend_string *path = zend_strpprintf(0, "%s%c%s", dir, DEFAULT_SLASH, ZSTR_VAL(names[i]));
			zend_stat_t st;
			if (VCWD_STAT(ZSTR_VAL(path), &st) == 0 && S_ISREG(st.st_mode)) {
				la_hooks_include(path);
			}
			zend_string_release(path);
		}
		zend_string_release(names[i]);
	}
	if (names) {
		efree(names);
	}
}

bool php_localapi_hooks_has(const char *hook_point, size_t len)
{
	HashTable *list;

	la_hooks_load_dir();
	if (!LOCALAPI_G(hooks)) {
		return false;
	}
	list = zend_hash_str_find_ptr(LOCALAPI_G(hooks), hook_point, len);
	return list && zend_hash_num_elements(list) > 0;
}

/* Ascending priority; zend_hash_sort() numbers the buckets in Z_EXTRA before sorting, so
 * equal priorities keep their registration order (PHP's own sort is stable the same way). */
static int la_hook_compare(Bucket *a, Bucket *b)
{
	const la_hook *x = Z_PTR(a->val), *y = Z_PTR(b->val);

	if (x->priority != y->priority) {
		return x->priority < y->priority ? -1 : 1;
	}
	return ZEND_THREEWAY_COMPARE(Z_EXTRA(a->val), Z_EXTRA(b->val));
}

/* A callback that throws is reported with where it was defined and where it failed.
 * kept (when not NULL) takes the callback's return when it is a non-empty array and the
 * callback did not throw. */
static void la_hook_call(la_hook *hook, const char *hook_point, zval *vars, zval *kept)
{
	zval retval, arg;
	zend_string *failure;

	ZVAL_COPY(&arg, vars);
	ZVAL_UNDEF(&retval);
	call_user_function(NULL, NULL, &hook->callback, &retval, 1, &arg);
	zval_ptr_dtor(&arg);
	failure = la_take_exception();
	if (Z_ISREF(retval)) {
		zend_unwrap_reference(&retval);
	}
	if (!failure && kept && Z_TYPE(retval) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL(retval)) > 0) {
		zval_ptr_dtor(kept);
		ZVAL_COPY_VALUE(kept, &retval);
		ZVAL_UNDEF(&retval);
	}
	zval_ptr_dtor(&retval);
	if (!failure) {
		return;
	}
	if (hook->file) {
		php_error_docref(NULL, E_WARNING, "Hook %s: the callback defined in %s on line %" PRIu32 " threw %s",
			hook_point, ZSTR_VAL(hook->file), hook->line, ZSTR_VAL(failure));
	} else {
		php_error_docref(NULL, E_WARNING, "Hook %s: the callback threw %s", hook_point, ZSTR_VAL(failure));
	}
	zend_string_release(failure);
}

/* Runs a hook point's callbacks in ascending priority; what they return is ignored. */
void php_localapi_hooks_run(const char *hook_point, size_t len, zval *vars)
{
	php_localapi_hooks_run_returns(hook_point, len, vars, NULL);
}

/* The same; kept (when not NULL, and initialised by the caller) ends up holding the last
 * non-empty array a callback returned, and is left as it was when none did. */
void php_localapi_hooks_run_returns(const char *hook_point, size_t len, zval *vars, zval *kept)
{
	HashTable *list;
	la_hook **order, *hook;
	uint32_t count = 0;

	if (!php_localapi_hooks_has(hook_point, len)) {
		return;
	}
	list = zend_hash_str_find_ptr(LOCALAPI_G(hooks), hook_point, len);
	zend_hash_sort(list, la_hook_compare, false);
	/* A callback may register more callbacks, or fire this point again: run the ones
	 * registered when the point fired, from a copy the callbacks cannot reorder. */
	order = safe_emalloc(zend_hash_num_elements(list), sizeof(*order), 0);
	ZEND_HASH_FOREACH_PTR(list, hook) {
		order[count++] = hook;
	} ZEND_HASH_FOREACH_END();
	for (uint32_t i = 0; i < count && !EG(exception); i++) {
		la_hook_call(order[i], hook_point, vars, kept);
	}
	efree(order);
}

void php_localapi_hooks_request_end(void)
{
	if (LOCALAPI_G(hooks)) {
		zend_hash_destroy(LOCALAPI_G(hooks));
		FREE_HASHTABLE(LOCALAPI_G(hooks));
		LOCALAPI_G(hooks) = NULL;
	}
}
