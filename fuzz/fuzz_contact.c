/*
 * libFuzzer harness for the Zend-free contact validation (ext/core/contact.c).
 *
 * Input format: pieces separated by the byte 0x1E (ASCII record separator).
 * Piece 0 is a clientid, pieces 1..14 are the AddContact string fields in
 * la_field order (firstname .. permissions); each is checked as that field
 * and, so that one input exercises everything on the same bytes, also as
 * one field of each column kind, as a clientid and as a permissions list.
 * Piece 0 is the whole input when there is no separator.
 *
 * An input that starts with '*' is a "long value": the byte after it picks a
 * target length near the 65535-byte TEXT limit (65535 - 64 .. 65535 + 63)
 * and the rest of the input is repeated up to that length (checked as the
 * field numbered by that byte), so the fuzzer reaches the byte limit with
 * short inputs.
 *
 * Every result is compared with a reference written here from the contract
 * (docs/behaviour.md §3 and §7), independently of contact.c; a disagreement or a
 * broken invariant calls abort(), which libFuzzer reports as a crash.
 */
#include "../ext/core/contact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FZ_SEP 0x1E
#define FZ_TAX_ID_MAX_CHARS 128
#define FZ_LONG_SPAN 128

/* The reference code is not what is being explored: keep libFuzzer's
 * comparison tracing out of it, which also makes the long values cheaper. */
#define FZ_REFERENCE __attribute__((no_sanitize("coverage")))

static void fz_fail(const char *what, const uint8_t *data, size_t len)
{
	fprintf(stderr, "fuzz_contact: invariant violated: %s (value of %zu bytes:", what, len);
	for (size_t i = 0; i < len && i < 64; i++) {
		fprintf(stderr, " %02x", data[i]);
	}
	fprintf(stderr, "%s)\n", len > 64 ? " ..." : "");
	abort();
}

/* ------------------------------------------------------------------------
 * Reference UTF-8 decoder: decode the code point the long way (RFC 3629),
 * then reject what the decoding shows to be wrong. Structured differently
 * from contact.c on purpose (it checks by value, not by byte ranges).
 */

/* Decodes one sequence at s[0..avail). Returns its length, 0 when ill-formed. */
FZ_REFERENCE static size_t fz_ref_decode(const uint8_t *s, size_t avail, uint32_t *cp)
{
	uint8_t lead = s[0];
	size_t need;
	uint32_t value, min;

	if ((lead & 0x80) == 0) {
		*cp = lead;
		return 1;
	}
	if ((lead & 0xE0) == 0xC0) {
		need = 2;
		value = lead & 0x1F;
		min = 0x80;
	} else if ((lead & 0xF0) == 0xE0) {
		need = 3;
		value = lead & 0x0F;
		min = 0x800;
	} else if ((lead & 0xF8) == 0xF0) {
		need = 4;
		value = lead & 0x07;
		min = 0x10000;
	} else {
		return 0; /* continuation byte as lead, or 0xF8..0xFF */
	}
	if (avail < need) {
		return 0;
	}
	for (size_t k = 1; k < need; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			return 0;
		}
		value = (value << 6) | (s[k] & 0x3F);
	}
	if (value < min) {
		return 0; /* overlong */
	}
	if (value >= 0xD800 && value <= 0xDFFF) {
		return 0; /* UTF-16 surrogate */
	}
	if (value > 0x10FFFF) {
		return 0;
	}
	*cp = value;
	return need;
}

typedef struct {
	bool valid;
	size_t chars;
	bool supplementary; /* a code point above U+FFFF (4 bytes in UTF-8) */
} fz_utf8_info;

FZ_REFERENCE static fz_utf8_info fz_ref_utf8(const uint8_t *s, size_t len)
{
	fz_utf8_info info = { true, 0, false };
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = fz_ref_decode(s + i, len - i, &cp);
		if (n == 0) {
			info.valid = false;
			return info;
		}
		if (cp > 0xFFFF) {
			info.supplementary = true;
		}
		info.chars++;
		i += n;
	}
	return info;
}

/* ------------------------------------------------------------------------
 * Reference rules
 */

FZ_REFERENCE static bool fz_is_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* PHP truthiness of a string: '' and '0' are false. */
FZ_REFERENCE static bool fz_truthy(const uint8_t *s, size_t len)
{
	return !(len == 0 || (len == 1 && s[0] == '0'));
}

/* Behaviour §7 "clientid": ASCII digits with optional surrounding space/tab/CR/LF, 1..INT32_MAX. */
FZ_REFERENCE static bool fz_ref_clientid(const uint8_t *s, size_t len, int32_t *id)
{
	size_t a = 0, b = len;
	uint64_t value = 0;
	bool big = false;

	while (a < b && fz_is_space(s[a])) {
		a++;
	}
	while (b > a && fz_is_space(s[b - 1])) {
		b--;
	}
	if (a == b) {
		return false;
	}
	for (size_t i = a; i < b; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
		if (!big) {
			value = value * 10 + (uint64_t) (s[i] - '0');
			if (value > INT32_MAX) {
				big = true;
			}
		}
	}
	if (big || value == 0) {
		return false;
	}
	*id = (int32_t) value;
	return true;
}

static const char *const fz_permissions[] = {
	"profile", "contacts", "products", "manageproducts", "productsso", "domains",
	"managedomains", "invoices", "quotes", "tickets", "affiliates", "emails", "orders",
};

FZ_REFERENCE static bool fz_permission_known(const uint8_t *s, size_t len)
{
	for (size_t i = 0; i < sizeof(fz_permissions) / sizeof(fz_permissions[0]); i++) {
		if (strlen(fz_permissions[i]) == len && memcmp(fz_permissions[i], s, len) == 0) {
			return true;
		}
	}
	return false;
}

/* Offset and length of the first unknown permission, or false when all are known. */
FZ_REFERENCE static bool fz_ref_permissions(const uint8_t *s, size_t len, size_t *bad_at, size_t *bad_len)
{
	size_t item = 0;

	if (!fz_truthy(s, len)) {
		return false;
	}
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != ',') {
			continue;
		}
		size_t a = item, b = i;
		while (a < b && fz_is_space(s[a])) {
			a++;
		}
		while (b > a && fz_is_space(s[b - 1])) {
			b--;
		}
		if (b > a && !fz_permission_known(s + a, b - a)) {
			*bad_at = a;
			*bad_len = b - a;
			return true;
		}
		item = i + 1;
	}
	return false;
}

/* ------------------------------------------------------------------------
 * Checks of one value against every function
 */

static void fz_check_field(la_field f, const uint8_t *s, size_t len, const fz_utf8_info *info)
{
	la_str v = { (const char *) s, len };
	la_check_result r = la_field_check(f, v);
	la_check want = LA_OK;
	size_t want_limit = 0;

	if ((int) r.code < LA_OK || r.code > LA_ERR_PERMISSION || r.code == LA_ERR_UTF8
		|| r.code == LA_ERR_TYPE || r.code == LA_ERR_PERMISSION) {
		fz_fail("la_field_check returned a code it must not", s, len);
	}
	if (r.code == LA_ERR_TOO_LONG_CHARS && (f != LA_F_TAX_ID || r.limit != FZ_TAX_ID_MAX_CHARS)) {
		fz_fail("character limit on a field that has none, or wrong limit", s, len);
	}
	if (r.code == LA_ERR_TOO_LONG_BYTES && (f == LA_F_TAX_ID || r.limit != LA_TEXT_MAX_BYTES)) {
		fz_fail("byte limit on a field that has none, or wrong limit", s, len);
	}
	/* Never OK for a value over the limit, whatever the bytes are. */
	if (r.code == LA_OK && f != LA_F_PASSWORD2 && f != LA_F_TAX_ID && len > LA_TEXT_MAX_BYTES) {
		fz_fail("la_field_check accepted a TEXT value over 65535 bytes", s, len);
	}
	if (r.code == LA_OK && f == LA_F_TAX_ID && info->valid && len > 4 * FZ_TAX_ID_MAX_CHARS) {
		fz_fail("la_field_check accepted a tax_id over 512 bytes", s, len);
	}
	/* password2 is hashed: no column limit; only a NUL byte (bcrypt cannot take it) is refused. */
	if (f == LA_F_PASSWORD2 && r.code != (memchr(s, '\0', len) ? LA_ERR_CHARSET : LA_OK)) {
		fz_fail("password2 is refused for something else than a NUL byte, or a NUL is let through", s, len);
	}
	if (!info->valid) {
		return; /* the extension checks UTF-8 first; beyond the above, no contract */
	}
	if (f == LA_F_PASSWORD2) {
		want = memchr(s, '\0', len) ? LA_ERR_CHARSET : LA_OK;
	} else if (f == LA_F_TAX_ID && info->chars > FZ_TAX_ID_MAX_CHARS) {
		want = LA_ERR_TOO_LONG_CHARS;
		want_limit = FZ_TAX_ID_MAX_CHARS;
	} else if (f != LA_F_TAX_ID && len > LA_TEXT_MAX_BYTES) {
		want = LA_ERR_TOO_LONG_BYTES;
		want_limit = LA_TEXT_MAX_BYTES;
	} else if (info->supplementary) {
		want = LA_ERR_CHARSET;
	}
	if (r.code != want || (want != LA_OK && want != LA_ERR_CHARSET && r.limit != want_limit)) {
		fz_fail("la_field_check disagrees with the reference", s, len);
	}
}

static void fz_check_clientid(const uint8_t *s, size_t len)
{
	la_str v = { (const char *) s, len };
	int32_t got = -7, want = -7;
	bool ok = la_clientid_parse(v, &got);
	bool ref = fz_ref_clientid(s, len, &want);

	if (ok != ref) {
		fz_fail("la_clientid_parse disagrees with the reference", s, len);
	}
	if (ok && (got != want || got <= 0)) {
		fz_fail("la_clientid_parse returned a wrong id", s, len);
	}
	if (!ok && got != -7) {
		fz_fail("la_clientid_parse wrote *id on failure", s, len);
	}
}

static void fz_check_permissions(const uint8_t *s, size_t len)
{
	la_str v = { (const char *) s, len };
	la_check_result r = la_permissions_check(v);
	size_t bad_at = 0, bad_len = 0;
	bool ref_bad = fz_ref_permissions(s, len, &bad_at, &bad_len);

	if (r.code != LA_OK && r.code != LA_ERR_PERMISSION) {
		fz_fail("la_permissions_check returned a code it must not", s, len);
	}
	if (r.code == LA_OK) {
		if (ref_bad) {
			fz_fail("la_permissions_check accepted an unknown permission", s, len);
		}
		return;
	}
	const uint8_t *name = (const uint8_t *) r.name.ptr;
	if (name == NULL || r.name.len == 0 || name < s || name + r.name.len > s + len) {
		fz_fail("permission error name is empty or outside the input", s, len);
	}
	if (memchr(name, ',', r.name.len) != NULL) {
		fz_fail("permission error name contains a comma", s, len);
	}
	if (fz_is_space(name[0]) || fz_is_space(name[r.name.len - 1])) {
		fz_fail("permission error name has surrounding whitespace", s, len);
	}
	if (fz_permission_known(name, r.name.len)) {
		fz_fail("permission error names a known permission", s, len);
	}
	if (!ref_bad || (size_t) (name - s) != bad_at || r.name.len != bad_len) {
		fz_fail("permission error is not the first unknown item", s, len);
	}
}

/*
 * Every check on one value: UTF-8 against the reference, PHP truthiness, the
 * column checks of `own` (the field this piece stands for, LA_F_COUNT for
 * none) and, unless `light`, of one field of each kind (TEXT, varchar tax_id,
 * hashed password2), the clientid parser and the permissions parser. The
 * long values are checked `light`: only their length rule is of interest.
 */
static void fz_check_value(const uint8_t *s, size_t len, la_field own, bool light)
{
	static const la_field one_of_each[] = { LA_F_FIRSTNAME, LA_F_TAX_ID, LA_F_PASSWORD2 };
	fz_utf8_info info = fz_ref_utf8(s, len);

	if (la_utf8_valid((const char *) s, len) != info.valid) {
		fz_fail("la_utf8_valid disagrees with the reference decoder", s, len);
	}
	if (la_str_is_empty((la_str) { (const char *) s, len }) == fz_truthy(s, len)) {
		fz_fail("la_str_is_empty disagrees with PHP truthiness", s, len);
	}
	if (own != LA_F_COUNT) {
		fz_check_field(own, s, len, &info);
	}
	if (light) {
		return;
	}
	for (size_t k = 0; k < sizeof(one_of_each) / sizeof(one_of_each[0]); k++) {
		if (one_of_each[k] != own) {
			fz_check_field(one_of_each[k], s, len, &info);
		}
	}
	fz_check_clientid(s, len);
	fz_check_permissions(s, len);
}

/* ------------------------------------------------------------------------
 * The record: pieces in field order, then the record-level predicates
 */

static void fz_check_record(const uint8_t *data, size_t size)
{
	la_contact c;
	size_t start = 0;
	int piece = 0;

	memset(&c, 0, sizeof(c));
	for (size_t i = 0; i <= size && piece <= LA_F_COUNT; i++) {
		if (i < size && data[i] != FZ_SEP) {
			continue;
		}
		const uint8_t *s = data + start;
		size_t len = i - start;
		if (piece == 0) {
			int32_t id = 0;
			c.clientid = la_clientid_parse((la_str) { (const char *) s, len }, &id) ? id : 0;
		} else {
			c.field[piece - 1] = (la_str) { (const char *) s, len };
			c.emails[(piece - 1) % LA_E_COUNT] = fz_truthy(s, len);
		}
		fz_check_value(s, len, piece == 0 ? LA_F_COUNT : (la_field) (piece - 1), false);
		piece++;
		start = i + 1;
	}

	la_str pw = c.field[LA_F_PASSWORD2], perms = c.field[LA_F_PERMISSIONS];
	bool sub = fz_truthy((const uint8_t *) pw.ptr, pw.len);
	bool unique = sub || fz_truthy((const uint8_t *) perms.ptr, perms.len);
	if (la_contact_is_subaccount(&c) != sub) {
		fz_fail("la_contact_is_subaccount disagrees with the reference", data, size);
	}
	if (la_contact_needs_unique_email(&c) != unique) {
		fz_fail("la_contact_needs_unique_email disagrees with the reference", data, size);
	}
}

/* '*' <span byte> <unit...>: the unit repeated to about 65535 bytes. */
static void fz_check_long(const uint8_t *data, size_t size)
{
	const uint8_t *unit = data + 2;
	size_t unit_len = size - 2;
	size_t target = LA_TEXT_MAX_BYTES - FZ_LONG_SPAN / 2 + data[1] % FZ_LONG_SPAN;
	uint8_t *buf;

	if (unit_len == 0) {
		return;
	}
	/* A fresh allocation of the exact size, so ASan sees any read past its end. */
	buf = malloc(target);
	if (buf == NULL) {
		return;
	}
	for (size_t off = 0; off < target; off += unit_len) {
		size_t n = target - off < unit_len ? target - off : unit_len;
		memcpy(buf + off, unit, n);
	}
	fz_check_value(buf, target, (la_field) (data[1] % LA_F_COUNT), true);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 2 && data[0] == '*') {
		fz_check_long(data, size);
	}
	/* Piece 0 is the whole input when it has no separator, so every
	 * check also sees unsplit inputs. */
	fz_check_record(data, size);
	return 0;
}
