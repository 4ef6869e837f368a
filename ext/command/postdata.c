/*
 * postData → contact record: input normalisation (HTML entities, UTF-8,
 * PHP's string conversion) and the order in which AddContact checks its input.
 */
#include "command/command.h"

#include "ext/standard/html.h"
#include "ext/standard/php_string.h"
#include "zend_smart_str.h"

/* Arrays nested deeper than this are not descended into when checking UTF-8. */
#define LA_MAX_DEPTH 256

/* Only these bytes are touched by decoding or encoding: without them a value is already normal. */
static bool la_needs_entity_work(const zend_string *s)
{
	for (size_t i = 0; i < ZSTR_LEN(s); i++) {
		switch (ZSTR_VAL(s)[i]) {
			case '&': case '<': case '>': case '"': case '\'':
				return true;
		}
	}
	return false;
}

/* `&nbsp;` to a plain space, then html_entity_decode(ENT_QUOTES, 'UTF-8'). */
static zend_string *la_decode(zend_string *in)
{
	zend_string *spaced, *decoded;

	if (!memchr(ZSTR_VAL(in), '&', ZSTR_LEN(in))) {
		return zend_string_copy(in);
	}
	spaced = php_str_to_str(ZSTR_VAL(in), ZSTR_LEN(in), ZEND_STRL("&nbsp;"), ZEND_STRL(" "));
	decoded = php_unescape_html_entities(spaced, 1, ENT_QUOTES | ENT_HTML401, "UTF-8");
	zend_string_release(spaced);
	return decoded;
}

/* The stored form: decoded, then htmlspecialchars(ENT_QUOTES, 'UTF-8'). */
static zend_string *la_normalize(zend_string *in)
{
	zend_string *decoded, *encoded;

	if (!la_needs_entity_work(in)) {
		return zend_string_copy(in);
	}
	decoded = la_decode(in);
	encoded = php_escape_html_entities_ex((const unsigned char *) ZSTR_VAL(decoded), ZSTR_LEN(decoded),
		0, ENT_QUOTES | ENT_HTML401, "UTF-8", true, true);
	zend_string_release(decoded);
	return encoded;
}

static void la_path_append_key(smart_str *path, zend_ulong index, zend_string *key)
{
	smart_str_appendc(path, '[');
	if (key) {
		smart_str_append(path, key);
	} else {
		smart_str_append_unsigned(path, index);
	}
	smart_str_appendc(path, ']');
}

/* PHP marks strings it has validated (PCRE, json, mbstring) with IS_STR_VALID_UTF8, under
 * the same rules as la_utf8_valid(): no overlong forms, surrogates or code points past
 * U+10FFFF. Those are not scanned again, and strings found valid here get the mark. */
static bool la_string_is_utf8(zend_string *str)
{
	if (GC_FLAGS(str) & IS_STR_VALID_UTF8) {
		return true;
	}
	if (!la_utf8_valid(ZSTR_VAL(str), ZSTR_LEN(str))) {
		return false;
	}
	if (!ZSTR_IS_INTERNED(str)) {
		GC_ADD_FLAGS(str, IS_STR_VALID_UTF8);
	}
	return true;
}

/* Every string in the value, arrays included, must be UTF-8; on failure path names it. */
static bool la_utf8_check(zval *value, smart_str *path, int depth)
{
	zend_ulong index;
	zend_string *key;
	zval *item;
	bool ok = true;

	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) == IS_STRING) {
		return la_string_is_utf8(Z_STR_P(value));
	}
	if (Z_TYPE_P(value) != IS_ARRAY || depth >= LA_MAX_DEPTH || GC_IS_RECURSIVE(Z_ARRVAL_P(value))) {
		return true;
	}
	GC_TRY_PROTECT_RECURSION(Z_ARRVAL_P(value));
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(value), index, key, item) {
		size_t mark = smart_str_get_len(path);
		if (!la_utf8_check(item, path, depth + 1)) {
			/* Keys are added innermost first while unwinding; rebuild in order below. */
			smart_str tail = {0};
			la_path_append_key(&tail, index, key);
			if (path->s && ZSTR_LEN(path->s) > mark) {
				smart_str_appendl(&tail, ZSTR_VAL(path->s) + mark, ZSTR_LEN(path->s) - mark);
				ZSTR_LEN(path->s) = mark;
			}
			smart_str_append_smart_str(path, &tail);
			smart_str_free(&tail);
			ok = false;
			break;
		}
	} ZEND_HASH_FOREACH_END();
	GC_TRY_UNPROTECT_RECURSION(Z_ARRVAL_P(value));
	return ok;
}

/* The field's name, with the key path of a nested value, is only built for the error. */
static bool la_check_utf8_or_fail(zval *value, const char *name, zval *return_value)
{
	smart_str path = {0};
	smart_str message = {0};

	if (la_utf8_check(value, &path, 0)) {
		smart_str_free(&path);
		return true;
	}
	smart_str_appends(&message, "Invalid UTF-8 in ");
	smart_str_appends(&message, name);
	if (path.s) {
		smart_str_append_smart_str(&message, &path);
	}
	smart_str_free(&path);
	php_localapi_error_str(return_value, smart_str_extract(&message));
	return false;
}

static zval *la_post_find(HashTable *post, const char *key)
{
	zval *value = zend_hash_str_find(post, key, strlen(key));

	if (value) {
		ZVAL_DEREF(value);
	}
	return value;
}

/* A string field: UTF-8, then type, then PHP's string conversion and normalisation. */
static bool la_post_string(zval *value, la_field f, zend_string **out, zval *return_value)
{
	const char *name = la_field_names[f];

	if (!value) {
		*out = ZSTR_EMPTY_ALLOC();
		return true;
	}
	if (!la_check_utf8_or_fail(value, name, return_value)) {
		return false;
	}
	switch (Z_TYPE_P(value)) {
		case IS_ARRAY:
		case IS_OBJECT:
		case IS_RESOURCE:
			php_localapi_error(return_value, "%s must be a string", name);
			return false;
		case IS_STRING:
			/* The password is hashed from its decoded form; everything else is stored encoded. */
			*out = f == LA_F_PASSWORD2 ? la_decode(Z_STR_P(value)) : la_normalize(Z_STR_P(value));
			return true;
		default:
			*out = zval_get_string(value);
			return true;
	}
}

static bool la_report_check(la_check_result r, la_field f, zval *return_value)
{
	const char *name = la_field_names[f];
	smart_str message = {0};

	switch (r.code) {
		case LA_OK:
			return true;
		case LA_ERR_TOO_LONG_CHARS:
			php_localapi_error(return_value, "%s is longer than %zu characters", name, r.limit);
			return false;
		case LA_ERR_TOO_LONG_BYTES:
			php_localapi_error(return_value, "%s is longer than %zu bytes", name, r.limit);
			return false;
		case LA_ERR_CHARSET:
			php_localapi_error(return_value, "%s contains characters that cannot be stored", name);
			return false;
		case LA_ERR_PERMISSION:
			smart_str_appends(&message, "Invalid permission: ");
			smart_str_appendl(&message, r.name.ptr, r.name.len);
			php_localapi_error_str(return_value, smart_str_extract(&message));
			return false;
		default:
			php_localapi_error(return_value, "%s is invalid", name);
			return false;
	}
}

/* clientid: a positive int, or ASCII digits with surrounding whitespace; 0 when neither. */
static bool la_post_clientid(HashTable *post, php_localapi_contact_input *in, zval *return_value)
{
	zval *value = la_post_find(post, "clientid");
	zend_string *normalized;

	in->record.clientid = 0;
	in->clientid_given = value != NULL;
	if (!value) {
		return true;
	}
	if (!la_check_utf8_or_fail(value, "clientid", return_value)) {
		return false;
	}
	if (Z_TYPE_P(value) == IS_LONG) {
		if (Z_LVAL_P(value) > 0 && Z_LVAL_P(value) <= INT32_MAX) {
			in->record.clientid = (int32_t) Z_LVAL_P(value);
		}
	} else if (Z_TYPE_P(value) == IS_STRING) {
		normalized = la_normalize(Z_STR_P(value));
		la_clientid_parse((la_str) { ZSTR_VAL(normalized), ZSTR_LEN(normalized) }, &in->record.clientid);
		zend_string_release(normalized);
	}
	return true;
}

/* PHP truthiness of the value as normalised: "&#48;" is "0" and so empty. A string that is
 * not UTF-8 normalises to '' in the original (htmlspecialchars() refuses it): empty too. */
bool php_localapi_post_truthy(zval *value)
{
	zend_string *normalized;
	bool truthy;

	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) != IS_STRING) {
		return zend_is_true(value);
	}
	if (!la_string_is_utf8(Z_STR_P(value))) {
		return false;
	}
	normalized = la_normalize(Z_STR_P(value));
	truthy = !la_str_is_empty((la_str) { ZSTR_VAL(normalized), ZSTR_LEN(normalized) });
	zend_string_release(normalized);
	return truthy;
}

/* email_preferences[type] when that key exists, else the legacy <type>emails key, else off.
 * Flags are only ever tested for truthiness, so no value of theirs is an error. */
static void la_post_email_flags(HashTable *post, la_contact *record)
{
	zval *prefs = la_post_find(post, "email_preferences");

	if (prefs && Z_TYPE_P(prefs) != IS_ARRAY) {
		prefs = NULL;
	}
	for (int t = 0; t < LA_E_COUNT; t++) {
		zval *value = prefs ? la_post_find(Z_ARRVAL_P(prefs), la_email_type_names[t]) : NULL;

		if (!value) {
			value = la_post_find(post, la_email_legacy_names[t]);
		}
		record->emails[t] = value && php_localapi_post_truthy(value);
	}
}

static bool la_post_field(php_localapi_contact_input *in, HashTable *post, la_field f, zval *return_value)
{
	if (!la_post_string(la_post_find(post, la_field_names[f]), f, &in->value[f], return_value)) {
		return false;
	}
	in->record.field[f].ptr = ZSTR_VAL(in->value[f]);
	in->record.field[f].len = ZSTR_LEN(in->value[f]);
	return la_report_check(la_field_check(f, in->record.field[f]), f, return_value);
}

bool php_localapi_contact_from_post(php_localapi_contact_input *in, HashTable *post, zval *return_value)
{
	memset(in, 0, sizeof(*in));
	if (!la_post_clientid(post, in, return_value)) {
		return false;
	}
	for (int f = 0; f <= LA_F_TAX_ID; f++) {
		if (!la_post_field(in, post, f, return_value)) {
			return false;
		}
	}
	la_post_email_flags(post, &in->record);
	return true;
}

bool php_localapi_contact_legacy_from_post(php_localapi_contact_input *in, HashTable *post, int behaviour,
	bool *requested, zval *return_value)
{
	*requested = false;
	if (behaviour >= 8) {
		zval *password = la_post_find(post, "password2");
		zval *permissions = la_post_find(post, "permissions");

		/* 8.x stores no sub-account: both are only looked at to answer with a warning. */
		*requested = (password && php_localapi_post_truthy(password))
			|| (permissions && php_localapi_post_truthy(permissions));
		for (la_field f = LA_F_PASSWORD2; f <= LA_F_PERMISSIONS; f++) {
			in->value[f] = ZSTR_EMPTY_ALLOC();
			in->record.field[f].ptr = ZSTR_VAL(in->value[f]);
			in->record.field[f].len = 0;
		}
		return true;
	}
	if (!la_post_field(in, post, LA_F_PASSWORD2, return_value) || !la_post_field(in, post, LA_F_PERMISSIONS, return_value)) {
		return false;
	}
	return la_report_check(la_permissions_check(in->record.field[LA_F_PERMISSIONS]), LA_F_PERMISSIONS, return_value);
}

/* A whole number (limitstart, limitnum, userid: behaviour §10). A falsy value is not given
 * (*given false); anything else truthy must be an int >= 0 or ASCII digits with optional
 * whitespace. as_given (when not NULL) receives the normalised value as the caller gave it. */
bool php_localapi_post_whole_number(HashTable *post, const char *name, uint64_t *number, bool *given,
	zval *as_given, zval *return_value)
{
	zval *value = la_post_find(post, name);
	zend_string *normalized = NULL;
	bool valid = false;

	*given = false;
	if (!value) {
		return true;
	}
	if (!la_check_utf8_or_fail(value, name, return_value)) {
		return false;
	}
	if (!php_localapi_post_truthy(value)) {
		return true;
	}
	if (Z_TYPE_P(value) == IS_LONG) {
		valid = Z_LVAL_P(value) >= 0;
		*number = valid ? (uint64_t) Z_LVAL_P(value) : 0;
	} else if (Z_TYPE_P(value) == IS_STRING) {
		normalized = la_normalize(Z_STR_P(value));
		valid = la_whole_number_parse((la_str) { ZSTR_VAL(normalized), ZSTR_LEN(normalized) }, number);
	}
	if (!valid) {
		if (normalized) {
			zend_string_release(normalized);
		}
		php_localapi_error(return_value, "%s must be a non-negative integer", name);
		return false;
	}
	*given = true;
	if (as_given && normalized) {
		ZVAL_STR(as_given, normalized);
	} else if (as_given) {
		ZVAL_COPY(as_given, value);
	} else if (normalized) {
		zend_string_release(normalized);
	}
	return true;
}

/* A value compared with the stored one of field f (GetContacts' filters): checked as a
 * stored value is (UTF-8, type, what the column can hold) and normalised as one; *out is
 * NULL when the value is falsy and so does not filter. */
bool php_localapi_post_filter(HashTable *post, la_field f, zend_string **out, zval *return_value)
{
	zval *value = la_post_find(post, la_field_names[f]);
	zend_string *normalized;

	*out = NULL;
	if (!value) {
		return true;
	}
	if (!la_post_string(value, f, &normalized, return_value)) {
		return false;
	}
	if (la_str_is_empty((la_str) { ZSTR_VAL(normalized), ZSTR_LEN(normalized) })) {
		zend_string_release(normalized);
		return true;
	}
	if (!la_report_check(la_filter_check((la_str) { ZSTR_VAL(normalized), ZSTR_LEN(normalized) }), f,
			return_value)) {
		zend_string_release(normalized);
		return false;
	}
	*out = normalized;
	return true;
}

/* An id of §7's clientid rule (UpdateContact's contactid): *id 0 when absent or malformed.
 * as_given receives the normalised value as the caller gave it (UNDEF when absent). */
bool php_localapi_post_id(HashTable *post, const char *name, int32_t *id, zval *as_given, zval *return_value)
{
	zval *value = la_post_find(post, name);
	zend_string *normalized;

	*id = 0;
	ZVAL_UNDEF(as_given);
	if (!value) {
		return true;
	}
	if (!la_check_utf8_or_fail(value, name, return_value)) {
		return false;
	}
	if (Z_TYPE_P(value) == IS_LONG) {
		if (Z_LVAL_P(value) > 0 && Z_LVAL_P(value) <= INT32_MAX) {
			*id = (int32_t) Z_LVAL_P(value);
		}
		ZVAL_COPY(as_given, value);
	} else if (Z_TYPE_P(value) == IS_STRING) {
		normalized = la_normalize(Z_STR_P(value));
		la_clientid_parse((la_str) { ZSTR_VAL(normalized), ZSTR_LEN(normalized) }, id);
		ZVAL_STR(as_given, normalized);
	} else {
		ZVAL_COPY(as_given, value);
	}
	return true;
}

/* One given value of field f as it is stored: §7's checks in their order (UTF-8, type,
 * length, charset), normalised (password2 decoded). */
bool php_localapi_post_stored_value(zval *value, la_field f, zend_string **out, zval *return_value)
{
	*out = NULL;
	if (!la_post_string(value, f, out, return_value)) {
		*out = NULL;
		return false;
	}
	if (!la_report_check(la_field_check(f, (la_str) { ZSTR_VAL(*out), ZSTR_LEN(*out) }), f, return_value)) {
		zend_string_release(*out);
		*out = NULL;
		return false;
	}
	return true;
}

/* Every permission name in a normalised, comma-separated value must be known. */
bool php_localapi_post_permissions_known(zend_string *names, zval *return_value)
{
	return la_report_check(la_permissions_check((la_str) { ZSTR_VAL(names), ZSTR_LEN(names) }),
		LA_F_PERMISSIONS, return_value);
}

void php_localapi_contact_input_free(php_localapi_contact_input *in)
{
	for (int f = 0; f < LA_F_COUNT; f++) {
		if (in->value[f]) {
			zend_string_release(in->value[f]);
			in->value[f] = NULL;
		}
	}
}
