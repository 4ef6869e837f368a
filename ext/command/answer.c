/*
 * localAPI()'s error answers, built in one place: ['result' => 'error',
 * 'message' => ...], a database error's message masked of the password.
 */
#include "command/command.h"

void php_localapi_error_str(zval *return_value, zend_string *message)
{
	zval_ptr_dtor(return_value);
	array_init_size(return_value, 2);
	add_assoc_string(return_value, "result", "error");
	add_assoc_str(return_value, "message", message);
}

void php_localapi_error(zval *return_value, const char *format, ...)
{
	va_list args;
	zend_string *message;

	va_start(args, format);
	message = vstrpprintf(0, format, args);
	va_end(args);
	php_localapi_error_str(return_value, message);
}

void php_localapi_db_error_result(zval *return_value, const php_localapi_db_error *err)
{
	zend_string *message = php_localapi_db_error_text(err);

	php_localapi_error(return_value, "Database error: %s", ZSTR_VAL(message));
	zend_string_release(message);
}
