/*
 * What every command does around its rules: it takes the link of the
 * settings in force with what its database says about WHMCS (the version,
 * the table layout), and ends its transaction when it is done.
 */
#include "command/command.h"

/* NULL after answering with the error. */
la_link *php_localapi_command_connect(const php_localapi_whmcs **whmcs, zval *return_value)
{
	php_localapi_db_error err;
	la_link *link = php_localapi_db_acquire(&err);

	if (link && (*whmcs = php_localapi_whmcs_get(link, &err)) != NULL) {
		return link;
	}
	php_localapi_db_error_result(return_value, &err);
	if (link) {
		php_localapi_db_end_call(link);
	}
	return NULL;
}

void php_localapi_command_end(la_link *link)
{
	if (link) {
		php_localapi_db_end_call(link);
	}
}
