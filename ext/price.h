/*
 * WHMCS\View\Formatter\Price (behaviour §11.10): the money values of
 * GetClientsDetails' stats. A final class registered at MINIT and, like
 * localAPI() itself, present only in requests the extension stands in for
 * (names.c, behaviour §12).
 */
#ifndef LOCALAPI_PRICE_H
#define LOCALAPI_PRICE_H

#include "php.h"

void php_localapi_price_module_init(void);

/* A new Price in out: amount is an exact decimal as the server prints a DECIMAL
 * ("-1234.50"); currency is the array getCurrency() answers (id, code, prefix,
 * suffix, format, rate; the six with null values when the client has none). The
 * object keeps its own copy of both. */
void php_localapi_price_new(zval *out, const char *amount, size_t amount_len, const zval *currency);

#endif /* LOCALAPI_PRICE_H */
