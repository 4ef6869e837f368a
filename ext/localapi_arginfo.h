/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 680bd79ea0e87a998705c169dbe5b51818c57595 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_localAPI, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, command, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, postData, IS_MIXED, 0, "[]")
	ZEND_ARG_TYPE_MASK(0, adminUsername, MAY_BE_STRING|MAY_BE_LONG|MAY_BE_NULL, "\'\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_add_hook, 0, 3, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, hookPoint, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, priority, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_logActivity, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, description, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, userId, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()


ZEND_FUNCTION(localAPI);
ZEND_FUNCTION(add_hook);
ZEND_FUNCTION(logActivity);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(localAPI, arginfo_localAPI)
	ZEND_FE(add_hook, arginfo_add_hook)
	ZEND_FE(logActivity, arginfo_logActivity)
	ZEND_FE_END
};
