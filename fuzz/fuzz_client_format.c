/*
 * libFuzzer harness for GetClientsDetails' computed fields
 * (ext/core/client_format.c): phone, postcode, money, decimal, date, state
 * and country.
 *
 * Input format: byte 0 picks the options (bit 0: WHMCS 7 or 8; bits 1-3: the
 * currency format 0 to 7; bit 4: numeric), then pieces separated by the byte
 * 0x1E: piece 1 is the value (a phone number, postcode, amount, datetime,
 * state), piece 2 the second input (a country, or a DateFormat).
 *
 * Every output is written to a heap buffer of exactly the size the header
 * declares, so AddressSanitizer reports any write past it; the results are
 * checked against invariants that follow from docs/behaviour.md §11.4 and
 * §11.10 (digits only where digits go, the shape of a numeric amount, the
 * bounds of every length, formatting a formatted number again changes
 * nothing). A broken invariant calls abort(), which libFuzzer reports.
 */
#include "../ext/core/client_format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FZ_SEP 0x1E

static void fz_fail(const char *what, la_str in)
{
	fprintf(stderr, "fuzz_client_format: invariant violated: %s (input of %zu bytes:", what, in.len);
	for (size_t i = 0; i < in.len && i < 64; i++) {
		fprintf(stderr, " %02x", (unsigned char) in.ptr[i]);
	}
	fprintf(stderr, "%s)\n", in.len > 64 ? " ..." : "");
	abort();
}

static char *fz_alloc(size_t n)
{
	char *p = malloc(n ? n : 1);

	if (!p) {
		abort();
	}
	return p;
}

static bool fz_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool fz_all_digits(la_str s)
{
	for (size_t i = 0; i < s.len; i++) {
		if (!fz_digit(s.ptr[i])) {
			return false;
		}
	}
	return true;
}

/* s lies inside [base, base + size). */
static bool fz_inside(la_str s, const char *base, size_t size)
{
	return s.len == 0 || (s.ptr >= base && s.ptr + s.len <= base + size);
}

/* A decimal as la_money_format() reads it: [+-] digits [. digits], a digit somewhere. */
static bool fz_is_decimal(la_str s)
{
	size_t i = 0, digits = 0;

	if (i < s.len && (s.ptr[i] == '-' || s.ptr[i] == '+')) {
		i++;
	}
	while (i < s.len && fz_digit(s.ptr[i])) {
		i++;
		digits++;
	}
	if (i < s.len && s.ptr[i] == '.') {
		i++;
		while (i < s.len && fz_digit(s.ptr[i])) {
			i++;
			digits++;
		}
	}
	return i == s.len && digits > 0;
}

/* -?digits.dd with no needless leading zero. */
static bool fz_is_numeric_shape(la_str s)
{
	size_t i = 0, n;

	if (s.len && s.ptr[0] == '-') {
		i++;
	}
	n = i;
	while (i < s.len && fz_digit(s.ptr[i])) {
		i++;
	}
	if (i == n || (i - n > 1 && s.ptr[n] == '0')) {
		return false;
	}
	return s.len - i == 3 && s.ptr[i] == '.' && fz_digit(s.ptr[i + 1]) && fz_digit(s.ptr[i + 2])
		&& !(s.ptr[0] == '-' && i - n == 1 && s.ptr[n] == '0' && s.ptr[i + 1] == '0' && s.ptr[i + 2] == '0');
}

static void fz_phone(la_str value, la_str country, int major)
{
	size_t size = LA_PHONE_BUF(value.len);
	char *buf = fz_alloc(size);
	la_phone_fields f;

	la_phone_format(value, country, major, buf, &f);
	if (!fz_inside(f.phone, value.ptr, value.len) || f.phone.len > value.len) {
		fz_fail("phone is not a slice of the stored value", value);
	}
	if (!fz_inside(f.number, buf, size) || !fz_all_digits(f.number)) {
		fz_fail("phonenumber is not digits in buf", value);
	}
	if (f.cc_from_phone && (!fz_inside(f.cc_string, buf, size) || !fz_all_digits(f.cc_string)
			|| f.cc_string.len == 0 || (f.cc_string.len == 1 && f.cc_string.ptr[0] == '0'))) {
		fz_fail("a phonecc from +cc. is not truthy digits", value);
	}
	if (!fz_inside(f.formatted, buf, size)) {
		fz_fail("phonenumberformatted outside buf", value);
	}
	if (f.formatted.len && f.formatted.ptr != f.number.ptr) {
		const char *dot = memchr(f.formatted.ptr, '.', f.formatted.len);

		if (f.formatted.ptr[0] != '+' || !dot) {
			fz_fail("phonenumberformatted is neither the number nor +cc.number", value);
		}
	} else if (f.formatted.len != f.number.len) {
		fz_fail("phonenumberformatted is not the number", value);
	}
	free(buf);
}

static void fz_postcode(la_str value)
{
	char *out = fz_alloc(value.len + 1);
	size_t len = la_postcode_gb(value, out);

	if (len > value.len + 1) {
		fz_fail("postcode longer than its room", value);
	}
	free(out);
}

static void fz_money(la_str value, int format, bool numeric)
{
	size_t size = LA_MONEY_BUF(value.len);
	char *out = fz_alloc(size);
	size_t len = la_money_format(value, format, numeric, out);
	la_str got = { out, len };

	if ((len != 0) != fz_is_decimal(value)) {
		fz_fail("la_money_format accepts other than decimals", value);
	}
	if (len > size) {
		fz_fail("money longer than its room", value);
	}
	for (size_t i = 0; i < len; i++) {
		if (!fz_digit(out[i]) && out[i] != '.' && out[i] != ',' && !(i == 0 && out[i] == '-')) {
			fz_fail("money has a character other than digits, separators and a leading -", value);
		}
	}
	if (len && numeric) {
		char *again = fz_alloc(LA_MONEY_BUF(len));
		size_t again_len;

		if (!fz_is_numeric_shape(got)) {
			fz_fail("numeric money is not -?digits.dd", value);
		}
		/* A numeric result formatted again is itself, in format 1 too. */
		again_len = la_money_format(got, 1, true, again);
		if (again_len != len || memcmp(again, out, len) != 0) {
			fz_fail("numeric money is not a fixed point", value);
		}
		again_len = la_money_format(got, 1, false, again);
		if (again_len != len || memcmp(again, out, len) != 0) {
			fz_fail("format 1 differs from numeric", value);
		}
		free(again);
	}
	free(out);
}

static void fz_decimal(la_str value, int format)
{
	char *out = fz_alloc(LA_DECIMAL_BUF(value.len));
	size_t len = la_decimal_normalise(value, out);

	if (len) {
		la_str got = { out, len };
		char *again = fz_alloc(LA_DECIMAL_BUF(len));
		size_t again_len = la_decimal_normalise(got, again);

		if (len > LA_DECIMAL_BUF(value.len) || !fz_is_decimal(got) || got.ptr[0] == '+') {
			fz_fail("a normalised decimal is not plain", value);
		}
		if (again_len != len || memcmp(again, out, len) != 0) {
			fz_fail("normalising twice changes the decimal", value);
		}
		free(again);
		fz_money(got, format, true);
		fz_money(got, format, false);
	}
	free(out);
}

static void fz_date(la_str value, la_str format)
{
	size_t size = LA_LOGIN_DATE_BUF(format.len);
	char *out = fz_alloc(size);
	size_t len = la_login_date(value, format, out);

	if (len > size) {
		fz_fail("date longer than its room", value);
	}
	if (len && (len < 6 || out[len - 6] != ' ' || out[len - 3] != ':')) {
		fz_fail("date does not end with HH:MM", value);
	}
	(void) la_login_is_none(value, 7);
	(void) la_login_is_none(value, 8);
	free(out);
}

static void fz_lookups(la_str value, la_str country, int major)
{
	la_str name = { NULL, 0 }, code = { NULL, 0 };
	int cc = -1;

	if (la_country_name(value, major, &name) && (value.len != 2 || name.len == 0)) {
		fz_fail("a country name for other than two bytes", value);
	}
	(void) la_country_calling_code(value, major, &cc);
	if (la_state_code(country, value, &code) && code.len != 2) {
		fz_fail("a state code of other than two letters", value);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	la_str value, second = { "", 0 };
	const char *sep;
	int major, format;
	bool numeric;

	if (size == 0) {
		return 0;
	}
	major = (data[0] & 1) ? 8 : 7;
	format = (data[0] >> 1) & 7;
	numeric = (data[0] >> 4) & 1;
	value.ptr = (const char *) data + 1;
	value.len = size - 1;
	sep = memchr(value.ptr, FZ_SEP, value.len);
	if (sep) {
		second.ptr = sep + 1;
		second.len = value.len - (size_t) (sep - value.ptr) - 1;
		value.len = (size_t) (sep - value.ptr);
	}

	fz_phone(value, second, major);
	fz_postcode(value);
	fz_money(value, format, numeric);
	fz_decimal(value, format);
	fz_date(value, second);
	fz_lookups(value, second, major);
	return 0;
}
