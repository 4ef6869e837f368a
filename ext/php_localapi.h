/*
 * localapi: WHMCS localAPI() for PHP, native, over MariaDB Connector/C.
 */
#ifndef PHP_LOCALAPI_H
#define PHP_LOCALAPI_H

extern zend_module_entry localapi_module_entry;
#define phpext_localapi_ptr &localapi_module_entry

#define PHP_LOCALAPI_VERSION "0.1.0"

#if defined(ZTS) && defined(COMPILE_DL_LOCALAPI)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif /* PHP_LOCALAPI_H */
