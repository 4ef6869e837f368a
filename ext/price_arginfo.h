/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 100d60b548d50519c7f7e56bce2762db4d0a2141 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_WHMCS_View_Formatter_Price___construct, 0, 0, 1)
	ZEND_ARG_TYPE_MASK(0, price, MAY_BE_LONG|MAY_BE_DOUBLE|MAY_BE_STRING, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, currency, IS_ARRAY, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WHMCS_View_Formatter_Price___toString, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_WHMCS_View_Formatter_Price_toFull arginfo_class_WHMCS_View_Formatter_Price___toString

#define arginfo_class_WHMCS_View_Formatter_Price_toPrefixed arginfo_class_WHMCS_View_Formatter_Price___toString

#define arginfo_class_WHMCS_View_Formatter_Price_toSuffixed arginfo_class_WHMCS_View_Formatter_Price___toString

#define arginfo_class_WHMCS_View_Formatter_Price_toNumeric arginfo_class_WHMCS_View_Formatter_Price___toString

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WHMCS_View_Formatter_Price_getCurrency, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WHMCS_View_Formatter_Price_getValue, 0, 0, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_WHMCS_View_Formatter_Price_jsonSerialize, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(WHMCS_View_Formatter_Price, __construct);
ZEND_METHOD(WHMCS_View_Formatter_Price, toFull);
ZEND_METHOD(WHMCS_View_Formatter_Price, toPrefixed);
ZEND_METHOD(WHMCS_View_Formatter_Price, toSuffixed);
ZEND_METHOD(WHMCS_View_Formatter_Price, toNumeric);
ZEND_METHOD(WHMCS_View_Formatter_Price, getCurrency);
ZEND_METHOD(WHMCS_View_Formatter_Price, getValue);


static const zend_function_entry class_WHMCS_View_Formatter_Price_methods[] = {
	ZEND_ME(WHMCS_View_Formatter_Price, __construct, arginfo_class_WHMCS_View_Formatter_Price___construct, ZEND_ACC_PUBLIC)
	ZEND_MALIAS(WHMCS_View_Formatter_Price, __toString, toFull, arginfo_class_WHMCS_View_Formatter_Price___toString, ZEND_ACC_PUBLIC)
	ZEND_ME(WHMCS_View_Formatter_Price, toFull, arginfo_class_WHMCS_View_Formatter_Price_toFull, ZEND_ACC_PUBLIC)
	ZEND_ME(WHMCS_View_Formatter_Price, toPrefixed, arginfo_class_WHMCS_View_Formatter_Price_toPrefixed, ZEND_ACC_PUBLIC)
	ZEND_ME(WHMCS_View_Formatter_Price, toSuffixed, arginfo_class_WHMCS_View_Formatter_Price_toSuffixed, ZEND_ACC_PUBLIC)
	ZEND_ME(WHMCS_View_Formatter_Price, toNumeric, arginfo_class_WHMCS_View_Formatter_Price_toNumeric, ZEND_ACC_PUBLIC)
	ZEND_ME(WHMCS_View_Formatter_Price, getCurrency, arginfo_class_WHMCS_View_Formatter_Price_getCurrency, ZEND_ACC_PUBLIC)
	ZEND_ME(WHMCS_View_Formatter_Price, getValue, arginfo_class_WHMCS_View_Formatter_Price_getValue, ZEND_ACC_PUBLIC)
	ZEND_MALIAS(WHMCS_View_Formatter_Price, jsonSerialize, toFull, arginfo_class_WHMCS_View_Formatter_Price_jsonSerialize, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_WHMCS_View_Formatter_Price(zend_class_entry *class_entry_JsonSerializable, zend_class_entry *class_entry_Stringable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "WHMCS\\View\\Formatter", "Price", class_WHMCS_View_Formatter_Price_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
	zend_class_implements(class_entry, 2, class_entry_JsonSerializable, class_entry_Stringable);

	zval property_price_default_value;
	ZVAL_UNDEF(&property_price_default_value);
	zend_string *property_price_name = zend_string_init("price", sizeof("price") - 1, 1);
	zend_declare_typed_property(class_entry, property_price_name, &property_price_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_price_name);

	zval property_currency_default_value;
	ZVAL_UNDEF(&property_currency_default_value);
	zend_string *property_currency_name = zend_string_init("currency", sizeof("currency") - 1, 1);
	zend_declare_typed_property(class_entry, property_currency_name, &property_currency_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_currency_name);

	return class_entry;
}
