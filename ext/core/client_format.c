/*
 * GetClientsDetails' computed fields (behaviour §11.4) and money formats
 * (§11.10). Plain C, no Zend: unit-tested and fuzzed on its own (fuzz/).
 */
#include "core/client_format.h"
#include "core/client_tables.h"

#include <string.h>

/* PHP's falsy strings: '' and '0'. */
static bool la_falsy(la_str s)
{
	return s.len == 0 || (s.len == 1 && s.ptr[0] == '0');
}

/* trim()'s default characters. */
static bool la_php_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\x0B';
}

static la_str la_trim(la_str s)
{
	while (s.len > 0 && la_php_space(s.ptr[0])) {
		s.ptr++;
		s.len--;
	}
	while (s.len > 0 && la_php_space(s.ptr[s.len - 1])) {
		s.len--;
	}
	return s;
}

static char la_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
}

static char la_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

static bool la_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* {{{ Countries */
static const la_country_row *la_country_find(la_str code, int whmcs_major)
{
	size_t lo = 0, hi = la_country_rows_count;

	if (code.len != 2) {
		return NULL;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const la_country_row *row = &la_country_rows[mid];
		int cmp = memcmp(code.ptr, row->code, 2);

		if (cmp == 0) {
			return whmcs_major >= 8 || row->in_7x ? row : NULL;
		}
		if (cmp < 0) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	return NULL;
}

bool la_country_name(la_str code, int whmcs_major, la_str *name)
{
	const la_country_row *row = la_country_find(code, whmcs_major);

	if (!row) {
		return false;
	}
	name->ptr = row->name;
	name->len = strlen(row->name);
	return true;
}

la_cc_kind la_country_calling_code(la_str code, int whmcs_major, int *cc)
{
	const la_country_row *row = la_country_find(code, whmcs_major);

	*cc = 0;
	if (row && row->cc_empty) {
		return LA_CC_EMPTY_STRING;
	}
	if (row) {
		*cc = row->cc;
	}
	return LA_CC_INT;
}
/* }}} */

/* {{{ statecode */
/* The state lower-cased (ASCII) against a table name, in byte order. */
static int la_state_cmp(la_str state, const char *name)
{
	size_t i;

	for (i = 0; i < state.len && name[i]; i++) {
		unsigned char a = (unsigned char) la_lower(state.ptr[i]), b = (unsigned char) name[i];

		if (a != b) {
			return a < b ? -1 : 1;
		}
	}
	if (i < state.len) {
		return 1;
	}
	return name[i] ? -1 : 0;
}

bool la_state_code(la_str country, la_str state, la_str *code)
{
	char cc[2];
	size_t lo = 0, hi = la_state_rows_count;

	if (country.len != 2) {
		return false;
	}
	cc[0] = la_upper(country.ptr[0]);
	cc[1] = la_upper(country.ptr[1]);
	if (memcmp(cc, "US", 2) != 0 && memcmp(cc, "CA", 2) != 0) {
		return false;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const la_state_row *row = &la_state_rows[mid];
		int cmp = memcmp(cc, row->country, 2);

		if (cmp == 0) {
			cmp = la_state_cmp(state, row->name);
		}
		if (cmp == 0) {
			code->ptr = row->code;
			code->len = 2;
			return true;
		}
		if (cmp < 0) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	return false;
}
/* }}} */

/* {{{ postcode */
size_t la_postcode_gb(la_str stored, char *out)
{
	size_t n = 0, split;
	la_str result;

	for (size_t i = 0; i < stored.len; i++) {
		char c = la_upper(stored.ptr[i]);

		if ((c >= 'A' && c <= 'Z') || la_digit(c)) {
			out[n++] = c;
		}
	}
	switch (n) {
	case 5:
		split = 2;
		break;
	case 6:
		split = 3;
		break;
	case 7:
		split = 4;
		break;
	default:
		result = la_trim(stored);
		memmove(out, result.ptr, result.len);
		return result.len;
	}
	/* n <= stored.len, so n + 1 fits. */
	memmove(out + split + 1, out + split, n - split);
	out[split] = ' ';
	return n + 1;
}
/* }}} */

/* {{{ Phone fields */
static size_t la_keep_digits(la_str in, char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < in.len; i++) {
		if (la_digit(in.ptr[i])) {
			out[n++] = in.ptr[i];
		}
	}
	return n;
}

/* Whether a digit string read as a PHP number is 39. */
static bool la_digits_are_39(la_str digits)
{
	size_t i = 0;

	while (i < digits.len && digits.ptr[i] == '0') {
		i++;
	}
	return digits.len - i == 2 && digits.ptr[i] == '3' && digits.ptr[i + 1] == '9';
}

void la_phone_format(la_str stored, la_str country, int whmcs_major, char *buf, la_phone_fields *out)
{
	la_str phone = la_trim(stored), prefix = { "", 0 }, number = phone;
	char *p = buf;
	bool keep_zeros;
	la_str trimmed;

	memset(out, 0, sizeof(*out));
	out->phone = phone;
	if (phone.len > 0 && phone.ptr[0] == '+') {
		la_str rest = phone;
		const char *dot;

		while (rest.len > 0 && rest.ptr[0] == '+') {
			rest.ptr++;
			rest.len--;
		}
		dot = rest.len ? memchr(rest.ptr, '.', rest.len) : NULL;
		if (dot) {
			prefix.ptr = rest.ptr;
			prefix.len = (size_t) (dot - rest.ptr);
			number.ptr = dot + 1;
			number.len = rest.len - prefix.len - 1;
		} else {
			number = rest;
		}
	}
	/* The digits: prefix (at most len), then number (at most len). */
	out->cc_string.ptr = p;
	out->cc_string.len = la_keep_digits(prefix, p);
	p += out->cc_string.len;
	out->number.ptr = p;
	out->number.len = la_keep_digits(number, p);
	p += out->number.len;

	if (!la_falsy(out->cc_string)) {
		out->cc_from_phone = true;
		keep_zeros = la_digits_are_39(out->cc_string);
	} else {
		out->cc_from_phone = false;
		out->cc_string.len = 0;
		out->cc_kind = la_country_calling_code(country, whmcs_major, &out->cc);
		keep_zeros = out->cc_kind == LA_CC_INT && out->cc == 39;
	}

	trimmed = out->number;
	if (!keep_zeros) {
		while (trimmed.len > 0 && trimmed.ptr[0] == '0') {
			trimmed.ptr++;
			trimmed.len--;
		}
	}

	if (la_falsy(out->number)) {
		out->formatted = out->number;
	} else if (out->cc_from_phone || (out->cc_kind == LA_CC_INT && out->cc != 0)) {
		/* '+', the prefix (at most len digits, or an int of at most 11 characters), '.', trimmed. */
		char *start = p;

		*p++ = '+';
		if (out->cc_from_phone) {
			memcpy(p, out->cc_string.ptr, out->cc_string.len);
			p += out->cc_string.len;
		} else {
			char digits[12];
			size_t n = 0;
			unsigned int v = out->cc < 0 ? 0u - (unsigned int) out->cc : (unsigned int) out->cc;

			do {
				digits[n++] = (char) ('0' + v % 10);
				v /= 10;
			} while (v);
			if (out->cc < 0) {
				*p++ = '-';
			}
			while (n) {
				*p++ = digits[--n];
			}
		}
		*p++ = '.';
		memcpy(p, trimmed.ptr, trimmed.len);
		p += trimmed.len;
		out->formatted.ptr = start;
		out->formatted.len = (size_t) (p - start);
	} else {
		out->formatted = out->number;
	}
}
/* }}} */

/* {{{ lastlogin */
bool la_login_is_none(la_str datetime, int whmcs_major)
{
	static const char zero[] = "0000-00-00 00:00:00";
	static const char epoch[] = "1970-01-01 00:00:00";

	if (datetime.len == 0) {
		return true;
	}
	if (datetime.len == sizeof(zero) - 1 && memcmp(datetime.ptr, zero, datetime.len) == 0) {
		return true;
	}
	return whmcs_major < 8 && datetime.len == sizeof(epoch) - 1
		&& memcmp(datetime.ptr, epoch, datetime.len) == 0;
}

size_t la_login_date(la_str datetime, la_str format, char *out)
{
	static const char shape[] = "9999-99-99 99:99";
	const char *d = datetime.ptr;
	char *p = out;

	if (datetime.len < sizeof(shape) - 1) {
		return 0;
	}
	for (size_t i = 0; i < sizeof(shape) - 1; i++) {
		if (shape[i] == '9' ? !la_digit(d[i]) : d[i] != shape[i]) {
			return 0;
		}
	}
	if (format.len == 0) {
		format.ptr = "DD/MM/YYYY";
		format.len = 10;
	}
	/* DD, MM and YYYY never overlap (one letter each), so one pass replaces as three would. */
	for (size_t i = 0; i < format.len;) {
		size_t left = format.len - i;

		if (left >= 2 && format.ptr[i] == 'D' && format.ptr[i + 1] == 'D') {
			memcpy(p, d + 8, 2);
			p += 2;
			i += 2;
		} else if (left >= 2 && format.ptr[i] == 'M' && format.ptr[i + 1] == 'M') {
			memcpy(p, d + 5, 2);
			p += 2;
			i += 2;
		} else if (left >= 4 && memcmp(format.ptr + i, "YYYY", 4) == 0) {
			memcpy(p, d, 4);
			p += 4;
			i += 4;
		} else {
			*p++ = format.ptr[i++];
		}
	}
	*p++ = ' ';
	memcpy(p, d + 11, 5);
	p += 5;
	return (size_t) (p - out);
}
/* }}} */

/* A decimal's parts: [sign] digits [. digits], read from *s on (the caller checks what
 * follows); frac_start == frac_end when there is no fraction. False when it has no digit. */
typedef struct {
	bool negative;
	const char *int_start, *int_end, *frac_start, *frac_end;
} la_decimal_parts;

static bool la_decimal_scan(const char **at, const char *end, la_decimal_parts *d)
{
	const char *s = *at;

	d->negative = false;
	if (s < end && (*s == '-' || *s == '+')) {
		d->negative = *s == '-';
		s++;
	}
	d->int_start = s;
	while (s < end && la_digit(*s)) {
		s++;
	}
	d->int_end = d->frac_start = d->frac_end = s;
	if (s < end && *s == '.') {
		d->frac_start = ++s;
		while (s < end && la_digit(*s)) {
			s++;
		}
		d->frac_end = s;
	}
	*at = s;
	return d->int_end != d->int_start || d->frac_end != d->frac_start;
}

/* {{{ Money */
size_t la_money_format(la_str amount, int format, bool numeric, char *out)
{
	const char *s = amount.ptr, *end = amount.ptr + amount.len;
	const char *int_start, *int_end, *frac_start;
	la_decimal_parts d;
	bool negative, nonzero = false;
	size_t decimals, int_len, frac_len, ndigits, n_int, i;
	char point = '.', thousands = 0;
	char *digits, *p;

	if (!la_decimal_scan(&s, end, &d) || s != end) {
		return 0;
	}
	negative = d.negative;
	int_start = d.int_start;
	int_end = d.int_end;
	frac_start = d.frac_start;
	frac_len = (size_t) (d.frac_end - d.frac_start);
	while (int_start < int_end && *int_start == '0') {
		int_start++;
	}
	int_len = (size_t) (int_end - int_start);

	if (numeric) {
		format = 1;
	}
	switch (format) {
	case 2:
		thousands = ',';
		break;
	case 3:
		point = ',';
		thousands = '.';
		break;
	case 4:
		thousands = ',';
		break;
	default:
		break;
	}
	decimals = format == 4 ? 0 : 2;

	/* The digits kept, with room for a carry in front: built at the end of out,
	 * whose first part then takes the grouped result. out holds 2 * len + 8 bytes;
	 * the digits need at most 1 + len + 2, and the result never overtakes them
	 * (it is written left to right, at most one separator per three digits ahead). */
	ndigits = 1 + int_len + decimals;
	digits = out + (2 * amount.len + 8) - ndigits;
	digits[0] = '0';
	memcpy(digits + 1, int_start, int_len);
	for (i = 0; i < decimals; i++) {
		digits[1 + int_len + i] = i < frac_len ? frac_start[i] : '0';
	}
	if (decimals < frac_len && frac_start[decimals] >= '5') {
		for (i = ndigits; i-- > 0;) {
			if (digits[i] == '9') {
				digits[i] = '0';
			} else {
				digits[i]++;
				break;
			}
		}
	}
	for (i = 0; i < ndigits; i++) {
		if (digits[i] != '0') {
			nonzero = true;
		}
	}
	/* The integer digits without leading zeros, at least one. */
	n_int = ndigits - decimals;
	while (n_int > 1 && digits[0] == '0') {
		digits++;
		ndigits--;
		n_int--;
	}

	p = out;
	if (negative && nonzero) {
		*p++ = '-';
	}
	for (i = 0; i < n_int; i++) {
		if (thousands && i > 0 && (n_int - i) % 3 == 0) {
			*p++ = thousands;
		}
		*p++ = digits[i];
	}
	if (decimals) {
		*p++ = point;
		for (i = 0; i < decimals; i++) {
			*p++ = digits[n_int + i];
		}
	}
	return (size_t) (p - out);
}

static bool la_numeric_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0B' || c == '\f';
}

size_t la_decimal_normalise(la_str in, char *out)
{
	const char *s = in.ptr, *end = in.ptr + in.len;
	const char *int_start, *int_end, *frac_start, *frac_end;
	la_decimal_parts d;
	bool negative;
	long exp = 0;
	long point;   /* where the point goes, counted in the digits int . frac */
	size_t ndigits, i;
	char *p = out;

	while (s < end && la_numeric_space(*s)) {
		s++;
	}
	while (end > s && la_numeric_space(end[-1])) {
		end--;
	}
	if (!la_decimal_scan(&s, end, &d)) {
		return 0;
	}
	negative = d.negative;
	int_start = d.int_start;
	int_end = d.int_end;
	frac_start = d.frac_start;
	frac_end = d.frac_end;
	if (s < end && (*s == 'e' || *s == 'E')) {
		bool exp_negative = false;
		const char *exp_start;

		s++;
		if (s < end && (*s == '-' || *s == '+')) {
			exp_negative = *s == '-';
			s++;
		}
		exp_start = s;
		while (s < end && la_digit(*s)) {
			if (exp <= LA_DECIMAL_EXP_MAX) {
				exp = exp * 10 + (*s - '0');
			}
			s++;
		}
		if (s == exp_start || exp > LA_DECIMAL_EXP_MAX) {
			return 0;
		}
		if (exp_negative) {
			exp = -exp;
		}
	}
	if (s != end) {
		return 0;
	}

	/* The digits, all of them, are int then frac; the point after point of them. */
	ndigits = (size_t) (int_end - int_start) + (size_t) (frac_end - frac_start);
	point = (long) (int_end - int_start) + exp;
	if (negative) {
		*p++ = '-';
	}
	/* Integer part: digits [0, point), zeros past the end, "0" when none. */
	{
		char *int_out = p;

		for (long k = 0; k < point; k++) {
			char c = (size_t) k < ndigits
				? ((size_t) k < (size_t) (int_end - int_start) ? int_start[k] : frac_start[k - (int_end - int_start)])
				: '0';

			if (c == '0' && p == int_out) {
				continue;   /* leading zero */
			}
			*p++ = c;
		}
		if (p == int_out) {
			*p++ = '0';
		}
	}
	/* Fraction: zeros before the digits when point < 0, then digits [point, ndigits). */
	if ((long) ndigits > point) {
		*p++ = '.';
		for (long k = point; k < (long) ndigits; k++) {
			if (k < 0) {
				*p++ = '0';
			} else {
				i = (size_t) k;
				*p++ = i < (size_t) (int_end - int_start) ? int_start[i] : frac_start[i - (size_t) (int_end - int_start)];
			}
		}
	}
	return (size_t) (p - out);
}
/* }}} */
