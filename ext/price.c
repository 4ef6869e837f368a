/*
 * WHMCS\View\Formatter\Price (behaviour §11.10): an amount, kept as an exact
 * decimal string, and the currency it is printed in.
 *
 * The state is two typed properties, so serialize(), unserialize(), clone,
 * var_export() and comparisons work as for any plain object: protected string
 * $price (the decimal, as la_money_format() reads it) and protected array
 * $currency (id, code, prefix, suffix, format, rate). Every method reads them
 * from the object's property slots and checks them, since unserialize() can
 * put any string there: an amount that is not a decimal throws, never prints.
 * The formatting itself is plain C (core/client_format.c).
 *
 * names.c hides the class in requests that run WHMCS, as it hides the
 * functions (behaviour §12).
 */
#include "localapi_private.h"
#include "price.h"
#include "core/client_format.h"

#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#include "price_arginfo.h"

#define LA_PRICE_CLASS "WHMCS\\View\\Formatter\\Price"

static zend_class_entry *la_price_ce;

/* The property slots, in declaration order. */
#define LA_PRICE_SLOT_PRICE 0
#define LA_PRICE_SLOT_CURRENCY 1

/* {{{ Reading an object */
typedef struct {
	zend_string *price;
	HashTable *currency;
} la_price_state;

static bool la_price_state_get(zend_object *obj, la_price_state *st)
{
	zval *price = OBJ_PROP_NUM(obj, LA_PRICE_SLOT_PRICE);
	zval *currency = OBJ_PROP_NUM(obj, LA_PRICE_SLOT_CURRENCY);

	ZVAL_DEREF(price);
	ZVAL_DEREF(currency);
	if (Z_TYPE_P(price) != IS_STRING || Z_TYPE_P(currency) != IS_ARRAY) {
		zend_throw_error(NULL, "%s object is not initialized", LA_PRICE_CLASS);
		return false;
	}
	st->price = Z_STR_P(price);
	st->currency = Z_ARRVAL_P(currency);
	return true;
}

/* The currency's format: its "format" entry as an int; missing or null is 1. */
static int la_price_format(const la_price_state *st)
{
	zval *format = zend_hash_str_find_deref(st->currency, ZEND_STRL("format"));
	zend_long value;

	if (!format || Z_TYPE_P(format) == IS_NULL) {
		return 1;
	}
	value = zval_get_long(format);
	return value >= 1 && value <= 4 ? (int) value : 1;
}

/* Appends the currency's prefix or suffix (missing or null: nothing). */
static bool la_price_affix(smart_str *out, const la_price_state *st, const char *key, size_t key_len)
{
	zval *affix = zend_hash_str_find_deref(st->currency, key, key_len);
	zend_string *text;

	if (!affix || Z_TYPE_P(affix) == IS_NULL) {
		return true;
	}
	text = zval_try_get_string(affix);
	if (!text) {
		return false;
	}
	smart_str_append(out, text);
	zend_string_release(text);
	return true;
}

/* Appends the number; throws when the stored amount is no decimal. */
static bool la_price_number(smart_str *out, const la_price_state *st, bool numeric)
{
	la_str amount = { ZSTR_VAL(st->price), ZSTR_LEN(st->price) };
	char *buf = emalloc(LA_MONEY_BUF(amount.len));
	size_t len = la_money_format(amount, la_price_format(st), numeric, buf);

	if (len == 0) {
		efree(buf);
		zend_throw_error(NULL, "%s object holds no decimal amount", LA_PRICE_CLASS);
		return false;
	}
	smart_str_appendl(out, buf, len);
	efree(buf);
	return true;
}

enum { LA_PRICE_PREFIX = 1, LA_PRICE_SUFFIX = 2 };

static void la_price_text(INTERNAL_FUNCTION_PARAMETERS, int parts, bool numeric)
{
	la_price_state st;
	smart_str out = {0};

	ZEND_PARSE_PARAMETERS_NONE();
	if (!la_price_state_get(Z_OBJ_P(ZEND_THIS), &st)) {
		RETURN_THROWS();
	}
	if (((parts & LA_PRICE_PREFIX) && !la_price_affix(&out, &st, ZEND_STRL("prefix")))
		|| !la_price_number(&out, &st, numeric)
		|| ((parts & LA_PRICE_SUFFIX) && !la_price_affix(&out, &st, ZEND_STRL("suffix")))) {
		smart_str_free(&out);
		RETURN_THROWS();
	}
	RETURN_STR(smart_str_extract(&out));
}
/* }}} */

/* {{{ Building one */
/* The six keys of a client without a currency, all null. */
static void la_price_no_currency(zval *out)
{
	static const char *const keys[] = { "id", "code", "prefix", "suffix", "format", "rate" };

	array_init_size(out, 6);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		add_assoc_null_ex(out, keys[i], strlen(keys[i]));
	}
}

static void la_price_set(zend_object *obj, zend_string *price, const zval *currency)
{
	zval *slot = OBJ_PROP_NUM(obj, LA_PRICE_SLOT_PRICE);

	zval_ptr_dtor(slot);
	ZVAL_STR(slot, price);
	slot = OBJ_PROP_NUM(obj, LA_PRICE_SLOT_CURRENCY);
	zval_ptr_dtor(slot);
	if (currency) {
		ZVAL_COPY(slot, currency);
	} else {
		la_price_no_currency(slot);
	}
}

void php_localapi_price_new(zval *out, const char *amount, size_t amount_len, const zval *currency)
{
	object_init_ex(out, la_price_ce);
	la_price_set(Z_OBJ_P(out), zend_string_init(amount, amount_len, 0),
		currency && Z_TYPE_P(currency) == IS_ARRAY ? currency : NULL);
}

/* The exact decimal of a constructor argument, or NULL with the exception thrown. */
static zend_string *la_price_decimal(zval *price)
{
	zend_string *text, *result;
	char *buf;
	size_t len;

	switch (Z_TYPE_P(price)) {
	case IS_LONG:
		return zend_long_to_str(Z_LVAL_P(price));
	case IS_DOUBLE: {
		smart_str s = {0};

		if (!zend_finite(Z_DVAL_P(price))) {
			zend_argument_value_error(1, "must be a finite number");
			return NULL;
		}
		/* The shortest text that reads back as the same float ("0.1", "1.0E+25"). */
		smart_str_append_double(&s, Z_DVAL_P(price), -1, false);
		text = smart_str_extract(&s);
		break;
	}
	case IS_STRING:
		if (!is_numeric_string(Z_STRVAL_P(price), Z_STRLEN_P(price), NULL, NULL, false)) {
			zend_argument_value_error(1, "must be a number or a numeric string");
			return NULL;
		}
		text = zend_string_copy(Z_STR_P(price));
		break;
	default:
		zend_argument_type_error(1, "must be of type int|float|string, %s given", zend_zval_type_name(price));
		return NULL;
	}
	buf = emalloc(LA_DECIMAL_BUF(ZSTR_LEN(text)));
	len = la_decimal_normalise((la_str) { ZSTR_VAL(text), ZSTR_LEN(text) }, buf);
	zend_string_release(text);
	if (len == 0) {
		efree(buf);
		zend_argument_value_error(1, "must not move the decimal point by more than %d places", LA_DECIMAL_EXP_MAX);
		return NULL;
	}
	result = zend_string_init(buf, len, 0);
	efree(buf);
	return result;
}
/* }}} */

/* {{{ Methods (their signatures: price.stub.php) */
ZEND_METHOD(WHMCS_View_Formatter_Price, __construct)
{
	zval *price, *currency = NULL;
	zend_string *decimal;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ZVAL(price)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_OR_NULL(currency)
	ZEND_PARSE_PARAMETERS_END();

	decimal = la_price_decimal(price);
	if (!decimal) {
		RETURN_THROWS();
	}
	la_price_set(Z_OBJ_P(ZEND_THIS), decimal, currency);
}

ZEND_METHOD(WHMCS_View_Formatter_Price, toFull)
{
	la_price_text(INTERNAL_FUNCTION_PARAM_PASSTHRU, LA_PRICE_PREFIX | LA_PRICE_SUFFIX, false);
}

ZEND_METHOD(WHMCS_View_Formatter_Price, toPrefixed)
{
	la_price_text(INTERNAL_FUNCTION_PARAM_PASSTHRU, LA_PRICE_PREFIX, false);
}

ZEND_METHOD(WHMCS_View_Formatter_Price, toSuffixed)
{
	la_price_text(INTERNAL_FUNCTION_PARAM_PASSTHRU, LA_PRICE_SUFFIX, false);
}

ZEND_METHOD(WHMCS_View_Formatter_Price, toNumeric)
{
	la_price_text(INTERNAL_FUNCTION_PARAM_PASSTHRU, 0, true);
}

ZEND_METHOD(WHMCS_View_Formatter_Price, getCurrency)
{
	la_price_state st;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!la_price_state_get(Z_OBJ_P(ZEND_THIS), &st)) {
		RETURN_THROWS();
	}
	RETURN_ARR(zend_array_dup(st.currency));
}

ZEND_METHOD(WHMCS_View_Formatter_Price, getValue)
{
	la_price_state st;
	la_str amount;
	char *buf;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!la_price_state_get(Z_OBJ_P(ZEND_THIS), &st)) {
		RETURN_THROWS();
	}
	/* The same check as the formats: the amount must be a decimal. */
	amount = (la_str) { ZSTR_VAL(st.price), ZSTR_LEN(st.price) };
	buf = emalloc(LA_MONEY_BUF(amount.len));
	if (la_money_format(amount, 1, true, buf) == 0) {
		efree(buf);
		zend_throw_error(NULL, "%s object holds no decimal amount", LA_PRICE_CLASS);
		RETURN_THROWS();
	}
	efree(buf);
	RETURN_DOUBLE(zend_strtod(ZSTR_VAL(st.price), NULL));
}

/* }}} */

void php_localapi_price_module_init(void)
{
	la_price_ce = register_class_WHMCS_View_Formatter_Price(php_json_serializable_ce, zend_ce_stringable);
	php_localapi_names_add_class(la_price_ce);
}
