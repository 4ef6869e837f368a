/*
 * Table-driven unit tests of the Zend-free contact validation (ext/core/contact.c).
 * Each failure prints a numbered line; the last line is "N passed, N failed".
 * Built and run by scripts/fuzz.sh (with ASan and UBSan).
 */
#include "../ext/core/contact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A byte string literal with its length (it may contain NUL bytes). */
#define S(lit) { (lit), sizeof(lit) - 1 }

static int passed, failed;

static void tc_result(bool ok, const char *group, size_t n, const char *detail)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("%d: %s case %zu failed: %s\n", passed + failed, group, n, detail);
	}
}

/* ------------------------------------------------------------------------ */

static const struct {
	la_str in;
	bool valid;
} utf8_cases[] = {
	{ S(""), true },
	{ S("plain ASCII"), true },
	{ S("a\0b"), true },                   /* NUL is a character like any other */
	{ S("\xC3\xA9"), true },               /* U+00E9 */
	{ S("\xC2\x80"), true },               /* U+0080, smallest 2-byte */
	{ S("\xDF\xBF"), true },               /* U+07FF */
	{ S("\xE0\xA0\x80"), true },           /* U+0800, smallest 3-byte */
	{ S("\xED\x9F\xBF"), true },           /* U+D7FF, below the surrogates */
	{ S("\xEE\x80\x80"), true },           /* U+E000, above the surrogates */
	{ S("\xEF\xBF\xBF"), true },           /* U+FFFF */
	{ S("\xF0\x90\x80\x80"), true },       /* U+10000, smallest 4-byte */
	{ S("\xF0\x9F\x98\x80"), true },       /* U+1F600 */
	{ S("\xF4\x8F\xBF\xBF"), true },       /* U+10FFFF */
	{ S("\x80"), false },                  /* lone continuation byte */
	{ S("\xBF"), false },
	{ S("\xC0\x80"), false },              /* overlong NUL */
	{ S("\xC0\xAF"), false },              /* overlong '/' */
	{ S("\xC1\xBF"), false },              /* overlong U+007F */
	{ S("\xE0\x80\xAF"), false },          /* overlong '/' in 3 bytes */
	{ S("\xE0\x9F\xBF"), false },          /* overlong U+07FF */
	{ S("\xED\xA0\x80"), false },          /* U+D800, surrogate */
	{ S("\xED\xBF\xBF"), false },          /* U+DFFF, surrogate */
	{ S("\xF0\x80\x80\xAF"), false },      /* overlong '/' in 4 bytes */
	{ S("\xF0\x8F\xBF\xBF"), false },      /* overlong U+FFFF */
	{ S("\xF4\x90\x80\x80"), false },      /* U+110000 */
	{ S("\xF5\x80\x80\x80"), false },
	{ S("\xF8\x88\x80\x80\x80"), false },  /* old 5-byte form */
	{ S("\xFE"), false },
	{ S("\xFF"), false },
	{ S("\xC3"), false },                  /* truncated at the end */
	{ S("\xE2\x82"), false },
	{ S("\xF0\x9F\x98"), false },
	{ S("\xC3x"), false },                 /* continuation missing */
	{ S("\xE2\x82x"), false },
	{ S("\xF0\x9F\x98x"), false },
	{ S("ok\xC3\xA9ok\xFF"), false },      /* bad byte after good text */
	{ S("\xC3\xA9\xC3\xA9\x80"), false },  /* one continuation too many */
};

static void test_utf8(void)
{
	for (size_t i = 0; i < sizeof(utf8_cases) / sizeof(utf8_cases[0]); i++) {
		bool got = la_utf8_valid(utf8_cases[i].in.ptr, utf8_cases[i].in.len);
		tc_result(got == utf8_cases[i].valid, "la_utf8_valid", i,
			utf8_cases[i].valid ? "expected valid" : "expected invalid");
	}
}

/* ------------------------------------------------------------------------ */

static const struct {
	la_str in;
	bool ok;
	int32_t id;
} clientid_cases[] = {
	{ S("1"), true, 1 },
	{ S("42"), true, 42 },
	{ S("007"), true, 7 },
	{ S(" 1"), true, 1 },
	{ S("1 "), true, 1 },
	{ S(" \t\r\n12\n\r\t "), true, 12 },
	{ S("2147483647"), true, INT32_MAX },
	{ S("0002147483647"), true, INT32_MAX },
	{ S("2147483648"), false, 0 },
	{ S("9223372036854775807"), false, 0 },  /* PHP_INT_MAX */
	{ S("99999999999999999999999999"), false, 0 },
	{ S("0"), false, 0 },
	{ S("000"), false, 0 },
	{ S(""), false, 0 },
	{ S("   "), false, 0 },
	{ S("-1"), false, 0 },
	{ S("+1"), false, 0 },
	{ S("1e3"), false, 0 },
	{ S("0x1"), false, 0 },
	{ S("1.0"), false, 0 },
	{ S("12abc"), false, 0 },
	{ S("1 2"), false, 0 },
	{ S("\v1"), false, 0 },                 /* vertical tab is not allowed */
	{ S("1\f"), false, 0 },                 /* nor form feed */
	{ S("1\0"), false, 0 },                 /* a NUL is not whitespace */
	{ S("\0" "1"), false, 0 },
	{ S("\xD9\xA1"), false, 0 },            /* ARABIC-INDIC DIGIT ONE */
	{ S("\xEF\xBC\x91"), false, 0 },        /* FULLWIDTH DIGIT ONE */
	{ S("\xC2\xA0" "1"), false, 0 },        /* no-break space */
};

static void test_clientid(void)
{
	for (size_t i = 0; i < sizeof(clientid_cases) / sizeof(clientid_cases[0]); i++) {
		int32_t id = -7;
		bool ok = la_clientid_parse(clientid_cases[i].in, &id);
		bool good = ok == clientid_cases[i].ok && (ok ? id == clientid_cases[i].id : id == -7);
		tc_result(good, "la_clientid_parse", i, clientid_cases[i].ok ? "expected an id" : "expected no id");
	}
}

/* Whole numbers of GetContacts: clientid's rule without its range; past 2^64 - 1 saturates. */
static const struct {
	la_str in;
	bool ok;
	uint64_t value;
} whole_number_cases[] = {
	{ S("0"), true, 0 },
	{ S(" 000 "), true, 0 },
	{ S("\t25\r\n"), true, 25 },
	{ S("2147483648"), true, 2147483648ULL },
	{ S("18446744073709551615"), true, UINT64_MAX },
	{ S("18446744073709551616"), true, UINT64_MAX },
	{ S("99999999999999999999999999999999"), true, UINT64_MAX },
	{ S(""), false, 0 },
	{ S(" "), false, 0 },
	{ S("-1"), false, 0 },
	{ S("+1"), false, 0 },
	{ S("1e3"), false, 0 },
	{ S("1.5"), false, 0 },
	{ S("1 2"), false, 0 },
	{ S("1\0"), false, 0 },
	{ S("\xD9\xA1"), false, 0 },
};

static void test_whole_number(void)
{
	for (size_t i = 0; i < sizeof(whole_number_cases) / sizeof(whole_number_cases[0]); i++) {
		uint64_t value = 7;
		bool ok = la_whole_number_parse(whole_number_cases[i].in, &value);
		bool good = ok == whole_number_cases[i].ok && (ok ? value == whole_number_cases[i].value : value == 7);
		tc_result(good, "la_whole_number_parse", i, whole_number_cases[i].ok ? "expected a number" : "expected none");
	}
}

/* A filter is refused only for what its column could never hold; length is no error. */
static void test_filter_check(void)
{
	static char big[70000];

	memset(big, 'a', sizeof(big));
	tc_result(la_filter_check((la_str) { big, sizeof(big) }).code == LA_OK, "la_filter_check", 0, "long is ok");
	tc_result(la_filter_check((la_str) S("O&#039;Brien \xC3\xA9")).code == LA_OK, "la_filter_check", 1, "BMP is ok");
	tc_result(la_filter_check((la_str) S("a\xF0\x9F\x98\x80")).code == LA_ERR_CHARSET, "la_filter_check", 2,
		"4-byte character refused");
}

/* ------------------------------------------------------------------------
 * Field checks. Values are made by repeating a unit to a length, so the
 * table can say "65536 bytes of 'a'" without holding them.
 */

typedef struct {
	la_field field;
	la_str unit;        /* repeated ... */
	size_t times;       /* ... this many times */
	la_str suffix;      /* then this */
	la_check code;
	size_t limit;
} field_case;

static const field_case field_cases[] = {
	{ LA_F_FIRSTNAME, S(""), 0, S(""), LA_OK, 0 },
	{ LA_F_FIRSTNAME, S("O&#039;Brien &amp; &lt;Co&gt;"), 1, S(""), LA_OK, 0 },
	{ LA_F_FIRSTNAME, S("a"), 65535, S(""), LA_OK, 0 },
	{ LA_F_FIRSTNAME, S("a"), 65536, S(""), LA_ERR_TOO_LONG_BYTES, 65535 },
	{ LA_F_ADDRESS1, S("\xC3\xA9"), 32767, S("a"), LA_OK, 0 },            /* 65535 bytes */
	{ LA_F_ADDRESS1, S("\xC3\xA9"), 32768, S(""), LA_ERR_TOO_LONG_BYTES, 65535 },
	{ LA_F_EMAIL, S("a"), 16 * 1024 * 1024, S(""), LA_ERR_TOO_LONG_BYTES, 65535 },
	{ LA_F_PERMISSIONS, S("profile,"), 8192, S(""), LA_ERR_TOO_LONG_BYTES, 65535 },
	{ LA_F_CITY, S("\xF0\x9F\x98\x80"), 1, S(""), LA_ERR_CHARSET, 0 },     /* U+1F600 */
	{ LA_F_PHONENUMBER, S("12"), 3, S("\xF0\x90\x80\x80"), LA_ERR_CHARSET, 0 },
	{ LA_F_COUNTRY, S("\xEF\xBF\xBF"), 1, S(""), LA_OK, 0 },               /* U+FFFF fits utf8mb3 */
	{ LA_F_STATE, S("\xF0\x9F\x98\x80"), 16383, S("abc"), LA_ERR_CHARSET, 0 },   /* 65535 bytes */
	{ LA_F_STATE, S("\xF0\x9F\x98\x80"), 16384, S(""), LA_ERR_TOO_LONG_BYTES, 65535 }, /* length first */
	{ LA_F_TAX_ID, S("a"), 128, S(""), LA_OK, 0 },
	{ LA_F_TAX_ID, S("a"), 129, S(""), LA_ERR_TOO_LONG_CHARS, 128 },
	{ LA_F_TAX_ID, S("\xC3\xA9"), 128, S(""), LA_OK, 0 },                  /* 128 chars, 256 bytes */
	{ LA_F_TAX_ID, S("\xC3\xA9"), 129, S(""), LA_ERR_TOO_LONG_CHARS, 128 },
	{ LA_F_TAX_ID, S("\xE2\x82\xAC"), 128, S(""), LA_OK, 0 },              /* 128 euro signs */
	{ LA_F_TAX_ID, S("&amp;"), 25, S("abc"), LA_OK, 0 },                   /* 128 chars of entities */
	{ LA_F_TAX_ID, S("&amp;"), 26, S(""), LA_ERR_TOO_LONG_CHARS, 128 },
	{ LA_F_TAX_ID, S("\xF0\x9F\x98\x80"), 1, S(""), LA_ERR_CHARSET, 0 },
	{ LA_F_TAX_ID, S("\xF0\x9F\x98\x80"), 129, S(""), LA_ERR_TOO_LONG_CHARS, 128 },
	{ LA_F_TAX_ID, S("a"), 70000, S(""), LA_ERR_TOO_LONG_CHARS, 128 },
	{ LA_F_PASSWORD2, S("a"), 70000, S(""), LA_OK, 0 },                    /* hashed: no limit */
	{ LA_F_PASSWORD2, S("\xF0\x9F\x98\x80"), 1, S(""), LA_OK, 0 },
	{ LA_F_PASSWORD2, S("pass\0word"), 1, S(""), LA_ERR_CHARSET, 0 },  /* bcrypt cannot take NUL */
	{ LA_F_PASSWORD2, S("\0"), 1, S(""), LA_ERR_CHARSET, 0 },
	{ LA_F_FIRSTNAME, S("a\0b"), 1, S(""), LA_OK, 0 },                /* NUL is kept elsewhere */
	{ LA_F_TAX_ID, S("\0"), 128, S(""), LA_OK, 0 },
};

static char *tc_repeat(const field_case *fc, size_t *len)
{
	size_t unit = fc->unit.len, suffix = fc->suffix.len;
	char *buf;

	*len = unit * fc->times + suffix;
	buf = malloc(*len + 1);
	if (buf == NULL) {
		perror("malloc");
		exit(2);
	}
	for (size_t i = 0; i < fc->times; i++) {
		memcpy(buf + i * unit, fc->unit.ptr, unit);
	}
	memcpy(buf + unit * fc->times, fc->suffix.ptr, suffix);
	return buf;
}

static void test_fields(void)
{
	for (size_t i = 0; i < sizeof(field_cases) / sizeof(field_cases[0]); i++) {
		const field_case *fc = &field_cases[i];
		size_t len;
		char *buf = tc_repeat(fc, &len);
		la_check_result r = la_field_check(fc->field, (la_str) { buf, len });
		char detail[160];

		snprintf(detail, sizeof(detail), "%s of %zu bytes: expected code %d limit %zu, got code %d limit %zu",
			la_field_names[fc->field], len, fc->code, fc->limit, r.code, r.limit);
		tc_result(r.code == fc->code && (fc->code == LA_OK || fc->code == LA_ERR_CHARSET || r.limit == fc->limit),
			"la_field_check", i, detail);
		free(buf);
	}
	/* A zeroed record holds { NULL, 0 } in every field: every check must take it. */
	for (int f = 0; f < LA_F_COUNT; f++) {
		la_check_result r = la_field_check((la_field) f, (la_str) { NULL, 0 });
		tc_result(r.code == LA_OK, "la_field_check", (size_t) f, "empty { NULL, 0 } value refused");
	}
}

/* ------------------------------------------------------------------------ */

static const struct {
	la_str in;
	const char *bad; /* NULL when every permission is valid */
	size_t bad_len;
} permission_cases[] = {
	{ S(""), NULL, 0 },
	{ S("0"), NULL, 0 },                  /* '0' counts as empty */
	{ S("profile"), NULL, 0 },
	{ S("profile,contacts,products,manageproducts,productsso,domains,managedomains,"
		"invoices,quotes,tickets,affiliates,emails,orders"), NULL, 0 },
	{ S(" profile , tickets "), NULL, 0 },
	{ S("\tprofile\r\n,\ntickets"), NULL, 0 },
	{ S("profile,,tickets,"), NULL, 0 },
	{ S(",,,"), NULL, 0 },
	{ S(" "), NULL, 0 },
	{ S(" , "), NULL, 0 },
	{ S("profile,profile"), NULL, 0 },
	{ S("Profile"), "Profile", 7 },       /* names are matched exactly */
	{ S("PROFILE"), "PROFILE", 7 },
	{ S("profile,bogus"), "bogus", 5 },
	{ S("profile, bogus ,x"), "bogus", 5 },
	{ S(" bad name ,x"), "bad name", 8 },
	{ S("profile,\t x \t,y"), "x", 1 },
	{ S("00"), "00", 2 },
	{ S("0,profile"), "0", 1 },
	{ S("profile\v"), "profile\v", 8 },   /* VT is not trimmed */
	{ S("\xC2\xA0profile"), "\xC2\xA0profile", 9 },  /* nor a no-break space */
	{ S("profile\0"), "profile\0", 8 },   /* a NUL is part of the name */
	{ S("profiles"), "profiles", 8 },
	{ S("profil"), "profil", 6 },
	{ S("product"), "product", 7 },
	{ S("profile;tickets"), "profile;tickets", 15 },
	{ S("profile,tickets,;"), ";", 1 },
	{ S("profile,tickets,&amp;"), "&amp;", 5 },
};

static void test_permissions(void)
{
	for (size_t i = 0; i < sizeof(permission_cases) / sizeof(permission_cases[0]); i++) {
		la_str in = permission_cases[i].in;
		la_check_result r = la_permissions_check(in);
		bool good;

		if (permission_cases[i].bad == NULL) {
			good = r.code == LA_OK;
		} else {
			good = r.code == LA_ERR_PERMISSION && r.name.len == permission_cases[i].bad_len
				&& memcmp(r.name.ptr, permission_cases[i].bad, r.name.len) == 0
				&& r.name.ptr >= in.ptr && r.name.ptr + r.name.len <= in.ptr + in.len;
		}
		tc_result(good, "la_permissions_check", i,
			permission_cases[i].bad == NULL ? "expected valid" : "expected the named invalid item");
	}
}

/* ------------------------------------------------------------------------ */

static const struct {
	la_str password2;
	la_str permissions;
	bool subaccount;
	bool unique_email;
} record_cases[] = {
	{ S(""), S(""), false, false },
	{ S("0"), S(""), false, false },      /* '0' is falsy in PHP */
	{ S(""), S("0"), false, false },
	{ S("0"), S("0"), false, false },
	{ S("00"), S(""), true, true },
	{ S(" "), S(""), true, true },
	{ S("0.0"), S(""), true, true },
	{ S("false"), S(""), true, true },
	{ S("\0"), S(""), true, true },
	{ S("secret"), S(""), true, true },
	{ S(""), S("profile"), false, true },
	{ S(""), S(","), false, true },       /* non-empty text: the rule applies */
	{ S("secret"), S("tickets"), true, true },
};

static void test_record(void)
{
	for (size_t i = 0; i < sizeof(record_cases) / sizeof(record_cases[0]); i++) {
		la_contact c;

		memset(&c, 0, sizeof(c));
		c.clientid = 1;
		c.field[LA_F_EMAIL] = (la_str) S("a@example.test");
		c.field[LA_F_PASSWORD2] = record_cases[i].password2;
		c.field[LA_F_PERMISSIONS] = record_cases[i].permissions;
		tc_result(la_contact_is_subaccount(&c) == record_cases[i].subaccount,
			"la_contact_is_subaccount", i, "wrong answer");
		tc_result(la_contact_needs_unique_email(&c) == record_cases[i].unique_email,
			"la_contact_needs_unique_email", i, "wrong answer");
	}
}

static void test_names(void)
{
	static const char *const fields[LA_F_COUNT] = {
		"firstname", "lastname", "companyname", "email", "address1", "address2", "city",
		"state", "postcode", "country", "phonenumber", "tax_id", "password2", "permissions",
	};
	for (size_t i = 0; i < LA_F_COUNT; i++) {
		tc_result(strcmp(la_field_names[i], fields[i]) == 0, "la_field_names", i, fields[i]);
	}
	for (size_t i = 0; i < LA_E_COUNT; i++) {
		char legacy[32];
		snprintf(legacy, sizeof(legacy), "%semails", la_email_type_names[i]);
		tc_result(strcmp(la_email_legacy_names[i], legacy) == 0, "la_email_legacy_names", i, legacy);
	}
}

int main(void)
{
	test_utf8();
	test_clientid();
	test_whole_number();
	test_filter_check();
	test_fields();
	test_permissions();
	test_record();
	test_names();
	printf("%d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
