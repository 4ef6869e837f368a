/*
 * The AddContact record's validation: UTF-8, column limits, permissions and
 * the client id. No Zend here (see contact.h).
 */
#include "contact.h"

#include <string.h>

#define LA_TAX_ID_MAX_CHARS 128

const char *const la_field_names[LA_F_COUNT] = {
	"firstname", "lastname", "companyname", "email", "address1", "address2",
	"city", "state", "postcode", "country", "phonenumber", "tax_id",
	"password2", "permissions",
};

const char *const la_email_type_names[LA_E_COUNT] = {
	"general", "product", "domain", "invoice", "support", "affiliate",
};

const char *const la_email_legacy_names[LA_E_COUNT] = {
	"generalemails", "productemails", "domainemails",
	"invoiceemails", "supportemails", "affiliateemails",
};

static const char *const la_permission_names[] = {
	"profile", "contacts", "products", "manageproducts", "productsso",
	"domains", "managedomains", "invoices", "quotes", "tickets",
	"affiliates", "emails", "orders",
};

/* Length of the UTF-8 sequence starting at s[i], or 0 when it is not well formed
 * (overlong forms, surrogates and code points above U+10FFFF included). */
static size_t la_utf8_seq_len(const unsigned char *s, size_t len, size_t i)
{
	unsigned char c = s[i];
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF;

	if (c < 0x80) {
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0) {
			lo = 0xA0;
		} else if (c == 0xED) {
			hi = 0x9F;
		}
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0) {
			lo = 0x90;
		} else if (c == 0xF4) {
			hi = 0x8F;
		}
	} else {
		return 0;
	}
	if (len - i < n || s[i + 1] < lo || s[i + 1] > hi) {
		return 0;
	}
	for (size_t k = 2; k < n; k++) {
		if ((s[i + k] & 0xC0) != 0x80) {
			return 0;
		}
	}
	return n;
}

bool la_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t i = 0;

	while (i < len) {
		/* ASCII runs are the common case: skip them a byte at a time without decoding. */
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = la_utf8_seq_len(s, len, i);
		if (n == 0) {
			return false;
		}
		i += n;
	}
	return true;
}

bool la_str_is_empty(la_str s)
{
	return s.len == 0 || (s.len == 1 && s.ptr[0] == '0');
}

static bool la_is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A whole number (behaviour §10): ASCII digits with optional surrounding ASCII whitespace.
 * There is no upper bound: a value past the 64 bits a LIMIT takes is read as their maximum,
 * which no table reaches. */
bool la_whole_number_parse(la_str s, uint64_t *value)
{
	size_t start = 0, end = s.len;
	uint64_t number = 0;
	unsigned int digit;

	while (start < end && la_is_ascii_space(s.ptr[start])) {
		start++;
	}
	while (end > start && la_is_ascii_space(s.ptr[end - 1])) {
		end--;
	}
	if (start == end) {
		return false;
	}
	for (size_t i = start; i < end; i++) {
		if (s.ptr[i] < '0' || s.ptr[i] > '9') {
			return false;
		}
		digit = (unsigned int) (s.ptr[i] - '0');
		number = number > (UINT64_MAX - digit) / 10 ? UINT64_MAX : number * 10 + digit;
	}
	*value = number;
	return true;
}

/* A clientid is a whole number that names a possible client: 1 to 2^31 - 1. */
bool la_clientid_parse(la_str s, int32_t *id)
{
	uint64_t value;

	if (!la_whole_number_parse(s, &value) || value == 0 || value > INT32_MAX) {
		return false;
	}
	*id = (int32_t) value;
	return true;
}

/* Characters (code points) in a valid UTF-8 string, and whether any needs 4 bytes. */
static size_t la_utf8_count(la_str v, bool *has_supplementary)
{
	size_t chars = 0;

	*has_supplementary = false;
	for (size_t i = 0; i < v.len; i++) {
		unsigned char c = (unsigned char) v.ptr[i];
		if ((c & 0xC0) != 0x80) {
			chars++;
		}
		if (c >= 0xF0) {
			*has_supplementary = true;
		}
	}
	return chars;
}

la_check_result la_field_check(la_field f, la_str value)
{
	la_check_result r = { LA_OK, 0, { NULL, 0 } };
	bool supplementary;
	size_t chars;

	if (f == LA_F_PASSWORD2) {
		/* Stored as a hash: no column limit applies, but bcrypt cannot take a NUL byte. */
		if (value.len && memchr(value.ptr, '\0', value.len)) {
			r.code = LA_ERR_CHARSET;
		}
		return r;
	}
	chars = la_utf8_count(value, &supplementary);
	if (f == LA_F_TAX_ID && chars > LA_TAX_ID_MAX_CHARS) {
		r.code = LA_ERR_TOO_LONG_CHARS;
		r.limit = LA_TAX_ID_MAX_CHARS;
	} else if (f != LA_F_TAX_ID && value.len > LA_TEXT_MAX_BYTES) {
		r.code = LA_ERR_TOO_LONG_BYTES;
		r.limit = LA_TEXT_MAX_BYTES;
	} else if (supplementary) {
		/* The columns are utf8mb3: nothing beyond the Basic Multilingual Plane fits. */
		r.code = LA_ERR_CHARSET;
	}
	return r;
}

/* A value compared with a column (a filter): only what the column could never hold, a
 * character beyond utf8mb3, is refused; a value too long for it simply matches nothing. */
la_check_result la_filter_check(la_str value)
{
	la_check_result r = { LA_OK, 0, { NULL, 0 } };
	bool supplementary;

	la_utf8_count(value, &supplementary);
	if (supplementary) {
		r.code = LA_ERR_CHARSET;
	}
	return r;
}

la_check_result la_text_check(la_str value)
{
	return la_field_check(LA_F_FIRSTNAME, value);
}

static bool la_permission_known(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(la_permission_names) / sizeof(la_permission_names[0]); i++) {
		if (strlen(la_permission_names[i]) == len && memcmp(la_permission_names[i], name, len) == 0) {
			return true;
		}
	}
	return false;
}

la_check_result la_permissions_check(la_str value)
{
	la_check_result r = { LA_OK, 0, { NULL, 0 } };
	size_t pos = 0;

	if (la_str_is_empty(value)) {
		return r;
	}
	while (pos <= value.len) {
		const char *comma = memchr(value.ptr + pos, ',', value.len - pos);
		size_t end = comma ? (size_t) (comma - value.ptr) : value.len;
		size_t start = pos;
		size_t stop = end;

		while (start < stop && la_is_ascii_space(value.ptr[start])) {
			start++;
		}
		while (stop > start && la_is_ascii_space(value.ptr[stop - 1])) {
			stop--;
		}
		if (stop > start && !la_permission_known(value.ptr + start, stop - start)) {
			r.code = LA_ERR_PERMISSION;
			r.name.ptr = value.ptr + start;
			r.name.len = stop - start;
			return r;
		}
		pos = end + 1;
	}
	return r;
}

bool la_contact_is_subaccount(const la_contact *c)
{
	return !la_str_is_empty(c->field[LA_F_PASSWORD2]);
}

bool la_contact_needs_unique_email(const la_contact *c)
{
	return la_contact_is_subaccount(c) || !la_str_is_empty(c->field[LA_F_PERMISSIONS]);
}
