/*
 * Table-driven unit tests of GetClientsDetails' computed fields and money
 * formats (ext/core/client_format.c, docs/behaviour.md §11): every example of
 * the behaviour's tables and lists, and the edges around them. Each failure
 * prints a numbered line; the last line is "N passed, N failed". Built and
 * run by scripts/fuzz.sh (with ASan and UBSan) against the tables generated
 * from the TSV files of data/.
 */
#include "../ext/core/client_format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A byte string literal with its length (it may contain NUL bytes). */
#define S(lit) { (lit), sizeof(lit) - 1 }
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

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

static bool eq(la_str got, const char *want)
{
	return got.len == strlen(want) && memcmp(got.ptr, want, got.len) == 0;
}

/* A buffer of exactly n bytes on the heap, so that ASan sees any write past it. */
static char *exact(size_t n)
{
	char *p = malloc(n ? n : 1);

	if (!p) {
		abort();
	}
	return p;
}

/* ------------------------------------------------------------------------ */

static const struct {
	la_str code;
	int major;
	const char *name;   /* NULL: unknown */
	int cc;
	bool cc_empty;
} country_cases[] = {
	{ S("US"), 8, "United States", 1, false },
	{ S("US"), 7, "United States", 1, false },
	{ S("GB"), 8, "United Kingdom", 44, false },
	{ S("IT"), 7, "Italy", 39, false },
	{ S("VA"), 8, "Holy See (Vatican City State)", 39, false },
	{ S("AD"), 8, "Andorra", 376, false },          /* the first row */
	{ S("ZW"), 7, "Zimbabwe", 263, false },         /* the last row */
	{ S("CI"), 8, "Cote D'Ivoire", 225, false },    /* raw, not encoded */
	{ S("HM"), 8, "Heard Island & Mcdonald Islands", 0, false },
	{ S("HM"), 7, "Heard Island & Mcdonald Islands", 0, false },
	{ S("TF"), 8, "French Southern Territories", 0, false },
	{ S("CW"), 8, "Curacao", 0, true },
	{ S("CW"), 7, "Curacao", 0, true },
	{ S("IC"), 8, "Canary Islands", 34, false },
	{ S("SS"), 8, "South Sudan", 211, false },
	{ S("XK"), 8, "Kosovo", 383, false },
	{ S("IC"), 7, NULL, 0, false },                 /* 8.x only */
	{ S("SS"), 7, NULL, 0, false },
	{ S("XK"), 7, NULL, 0, false },
	{ S("us"), 8, NULL, 0, false },                 /* case-sensitive */
	{ S("Us"), 7, NULL, 0, false },
	{ S(""), 8, NULL, 0, false },
	{ S("U"), 8, NULL, 0, false },
	{ S("USA"), 8, NULL, 0, false },
	{ S("US "), 8, NULL, 0, false },
	{ S("U\0"), 8, NULL, 0, false },
	{ S("BQ"), 8, NULL, 0, false },                 /* not in WHMCS's list */
	{ S("BV"), 8, NULL, 0, false },
	{ S("KP"), 7, NULL, 0, false },
	{ S("SX"), 8, NULL, 0, false },
	{ S("XX"), 8, NULL, 0, false },
	{ S("AA"), 8, NULL, 0, false },                 /* before the first */
	{ S("ZZ"), 8, NULL, 0, false },                 /* after the last */
};

static void test_countries(void)
{
	for (size_t i = 0; i < COUNT(country_cases); i++) {
		la_str name = { NULL, 0 };
		bool found = la_country_name(country_cases[i].code, country_cases[i].major, &name);
		int cc = -1;
		la_cc_kind kind = la_country_calling_code(country_cases[i].code, country_cases[i].major, &cc);

		if (country_cases[i].name) {
			tc_result(found && eq(name, country_cases[i].name), "la_country_name", i, country_cases[i].name);
		} else {
			tc_result(!found, "la_country_name", i, "expected unknown");
		}
		tc_result(kind == (country_cases[i].cc_empty ? LA_CC_EMPTY_STRING : LA_CC_INT)
			&& (country_cases[i].cc_empty || cc == country_cases[i].cc), "la_country_calling_code", i,
			"calling code");
	}
}

/* Every code of the list, counted per line: 248 on 8.x, 245 on 7.x. */
static void test_country_counts(void)
{
	int n7 = 0, n8 = 0;
	char code[2];

	for (char a = 'A'; a <= 'Z'; a++) {
		for (char b = 'A'; b <= 'Z'; b++) {
			la_str s = { code, 2 }, name;

			code[0] = a;
			code[1] = b;
			n7 += la_country_name(s, 7, &name);
			n8 += la_country_name(s, 8, &name);
		}
	}
	tc_result(n8 == 248, "country count", 8, "248 codes on 8.x");
	tc_result(n7 == 245, "country count", 7, "245 codes on 7.x");
}

/* ------------------------------------------------------------------------ */

static const struct {
	la_str country;
	la_str state;
	const char *code;   /* NULL: the stored state */
} state_cases[] = {
	{ S("US"), S("california"), "CA" },
	{ S("us"), S("california"), "CA" },
	{ S("us"), S("CALIFORNIA"), "CA" },
	{ S("uS"), S("New York"), "NY" },
	{ S("US"), S("alabama"), "AL" },
	{ S("US"), S("wyoming"), "WY" },
	{ S("CA"), S("Quebec"), "QC" },
	{ S("ca"), S("ontario"), "ON" },
	{ S("CA"), S("alberta"), "AB" },
	{ S("CA"), S("yukon"), "YT" },
	{ S("CA"), S("Newfoundland"), "NL" },
	{ S("CA"), S("Newfoundland and Labrador"), NULL },
	{ S("CA"), S("Qu\xC3\xA9" "bec"), NULL },
	{ S("CA"), S("Qu&eacute;bec"), NULL },
	{ S("US"), S("District of Columbia"), NULL },
	{ S("US"), S("Puerto Rico"), NULL },
	{ S("US"), S("california "), NULL },
	{ S("US"), S(" california"), NULL },
	{ S("US"), S("californi"), NULL },
	{ S("US"), S("california\0"), NULL },
	{ S("US"), S(""), NULL },
	{ S("US"), S("CA"), NULL },                 /* a code is not a name */
	{ S("CA"), S("california"), NULL },         /* the other country's name */
	{ S("US"), S("ontario"), NULL },
	{ S("GB"), S("california"), NULL },
	{ S("USA"), S("california"), NULL },
	{ S(""), S("california"), NULL },
};

static void test_states(void)
{
	for (size_t i = 0; i < COUNT(state_cases); i++) {
		la_str code = { NULL, 0 };
		bool found = la_state_code(state_cases[i].country, state_cases[i].state, &code);

		if (state_cases[i].code) {
			tc_result(found && eq(code, state_cases[i].code), "la_state_code", i, state_cases[i].code);
		} else {
			tc_result(!found, "la_state_code", i, "expected the stored state");
		}
	}
}

/* ------------------------------------------------------------------------ */

static const struct {
	la_str in;
	const char *out;
} postcode_cases[] = {
	{ S("sw1a1aa"), "SW1A 1AA" },
	{ S("ec1a 1bb"), "EC1A 1BB" },
	{ S("M11AE"), "M1 1AE" },
	{ S("abc"), "abc" },
	{ S(" sw1 "), "sw1" },
	{ S(" w1a 0ax "), "W1A 0AX" },
	{ S("AB&amp;12"), "ABAM P12" },
	{ S("cr26xh"), "CR2 6XH" },
	{ S("CR2 6XH"), "CR2 6XH" },
	{ S("m1-1ae"), "M1 1AE" },
	{ S(""), "" },
	{ S("   "), "" },
	{ S("\t\n\r\v\0x\0"), "x" },
	{ S("\fx"), "\fx" },                       /* form feed is not trimmed */
	{ S("sw1a1aaa"), "sw1a1aaa" },             /* 8 kept */
	{ S("sw1a"), "sw1a" },                     /* 4 kept */
	{ S("\xC3\xA9" "ab12cd"), "AB1 2CD" },     /* non-ASCII dropped */
	{ S("a\0b\0c\0d\0e"), "AB CDE" },
};

static void test_postcodes(void)
{
	for (size_t i = 0; i < COUNT(postcode_cases); i++) {
		char *out = exact(postcode_cases[i].in.len + 1);
		la_str got = { out, la_postcode_gb(postcode_cases[i].in, out) };

		tc_result(got.len <= postcode_cases[i].in.len + 1 && eq(got, postcode_cases[i].out),
			"la_postcode_gb", i, postcode_cases[i].out);
		free(out);
	}
}

/* ------------------------------------------------------------------------ */

/* cc: an int, "''" for CW's empty string, or a quoted string for "+cc.". */
static const struct {
	la_str stored;
	la_str country;
	int major;
	const char *phone;
	const char *number;
	const char *cc;
	const char *formatted;
} phone_cases[] = {
	{ S("555-1234"), S("US"), 8, "555-1234", "5551234", "1", "+1.5551234" },
	{ S("0612345678"), S("IT"), 8, "0612345678", "0612345678", "39", "+39.0612345678" },
	{ S("+44.020 7946 0000"), S("US"), 8, "+44.020 7946 0000", "02079460000", "'44'", "+44.2079460000" },
	{ S("+15551234567"), S("US"), 8, "+15551234567", "15551234567", "1", "+1.15551234567" },
	{ S("+039.0612"), S("US"), 8, "+039.0612", "0612", "'039'", "+039.0612" },
	{ S("01234 567890"), S("GB"), 8, "01234 567890", "01234567890", "44", "+44.1234567890" },
	{ S("12345"), S("CW"), 8, "12345", "12345", "''", "12345" },
	{ S("0123"), S("XX"), 8, "0123", "0123", "0", "0123" },
	{ S("00"), S("US"), 8, "00", "00", "1", "+1." },
	{ S(""), S("US"), 8, "", "", "1", "" },
	{ S("12&#039;34"), S("US"), 8, "12&#039;34", "1203934", "1", "+1.1203934" },
	/* Italy's rule: the prefix read as a number is 39. */
	{ S("0612"), S("VA"), 8, "0612", "0612", "39", "+39.0612" },
	{ S("+39.0612"), S("GB"), 8, "+39.0612", "0612", "'39'", "+39.0612" },
	{ S("+0039.0612"), S("GB"), 8, "+0039.0612", "0612", "'0039'", "+0039.0612" },
	{ S("+390.0612"), S("IT"), 8, "+390.0612", "0612", "'390'", "+390.612" },
	{ S("+3.9.0612"), S("IT"), 8, "+3.9.0612", "90612", "'3'", "+3.90612" },
	/* HM and TF have calling code 0; IC, SS, XK are unknown on 7.x. */
	{ S("0612"), S("HM"), 8, "0612", "0612", "0", "0612" },
	{ S("0612"), S("TF"), 7, "0612", "0612", "0", "0612" },
	{ S("0612"), S("IC"), 8, "0612", "0612", "34", "+34.612" },
	{ S("0612"), S("IC"), 7, "0612", "0612", "0", "0612" },
	{ S("0612"), S("SS"), 8, "0612", "0612", "211", "+211.612" },
	{ S("0612"), S("SS"), 7, "0612", "0612", "0", "0612" },
	{ S("0612"), S("XK"), 8, "0612", "0612", "383", "+383.612" },
	{ S("0612"), S("XK"), 7, "0612", "0612", "0", "0612" },
	{ S("0612"), S("us"), 8, "0612", "0612", "0", "0612" },
	/* "+cc." forms. */
	{ S("++44.20"), S("US"), 8, "++44.20", "20", "'44'", "+44.20" },
	{ S("+.5551234"), S("GB"), 8, "+.5551234", "5551234", "44", "+44.5551234" },
	{ S("+0.5551234"), S("GB"), 8, "+0.5551234", "5551234", "44", "+44.5551234" },
	{ S("+00.5551234"), S("GB"), 8, "+00.5551234", "5551234", "'00'", "+00.5551234" },
	{ S("+a4b4.1"), S("US"), 8, "+a4b4.1", "1", "'44'", "+44.1" },
	{ S("+44."), S("US"), 8, "+44.", "", "'44'", "" },
	{ S("+44.0"), S("US"), 8, "+44.0", "0", "'44'", "0" },
	{ S("+44.00"), S("US"), 8, "+44.00", "00", "'44'", "+44." },
	{ S("+"), S("US"), 8, "+", "", "1", "" },
	{ S("44.20"), S("US"), 8, "44.20", "4420", "1", "+1.4420" },   /* no "+": no prefix */
	{ S("  +44.20 \n"), S("US"), 8, "+44.20", "20", "'44'", "+44.20" },
	{ S(" 555 "), S("CW"), 7, "555", "555", "''", "555" },
	{ S("0"), S("US"), 8, "0", "0", "1", "0" },
	{ S("abc"), S("US"), 8, "abc", "", "1", "" },
	{ S("\xD9\xA1\xD9\xA2"), S("US"), 8, "\xD9\xA1\xD9\xA2", "", "1", "" },
};

static void cc_text(const la_phone_fields *f, char *text, size_t size)
{
	if (f->cc_from_phone) {
		snprintf(text, size, "'%.*s'", (int) f->cc_string.len, f->cc_string.ptr);
	} else if (f->cc_kind == LA_CC_EMPTY_STRING) {
		snprintf(text, size, "''");
	} else {
		snprintf(text, size, "%d", f->cc);
	}
}

static void test_phones(void)
{
	for (size_t i = 0; i < COUNT(phone_cases); i++) {
		char *buf = exact(LA_PHONE_BUF(phone_cases[i].stored.len));
		la_phone_fields f;
		char cc[64], detail[256];

		la_phone_format(phone_cases[i].stored, phone_cases[i].country, phone_cases[i].major, buf, &f);
		cc_text(&f, cc, sizeof(cc));
		snprintf(detail, sizeof(detail), "got phone '%.*s' number '%.*s' cc %s formatted '%.*s'",
			(int) f.phone.len, f.phone.ptr, (int) f.number.len, f.number.ptr, cc,
			(int) f.formatted.len, f.formatted.ptr);
		tc_result(eq(f.phone, phone_cases[i].phone) && eq(f.number, phone_cases[i].number)
			&& strcmp(cc, phone_cases[i].cc) == 0 && eq(f.formatted, phone_cases[i].formatted),
			"la_phone_format", i, detail);
		free(buf);
	}
}

/* ------------------------------------------------------------------------ */

static const struct {
	la_str datetime;
	int major;
	bool none;
} login_none_cases[] = {
	{ S(""), 8, true },
	{ S(""), 7, true },
	{ S("0000-00-00 00:00:00"), 8, true },
	{ S("0000-00-00 00:00:00"), 7, true },
	{ S("1970-01-01 00:00:00"), 7, true },
	{ S("1970-01-01 00:00:00"), 8, false },
	{ S("1970-01-01 00:00:01"), 7, false },
	{ S("2016-10-03 10:26:59"), 7, false },
	{ S("2016-10-03 10:26:59"), 8, false },
};

static const struct {
	la_str datetime;
	la_str format;
	const char *out;   /* "" for 0 */
} login_date_cases[] = {
	{ S("2016-10-03 10:26:59"), S(""), "03/10/2016 10:26" },
	{ S("2016-10-03 10:26:59"), S("DD/MM/YYYY"), "03/10/2016 10:26" },
	{ S("2016-10-03 10:26:59"), S("DD.MM.YYYY"), "03.10.2016 10:26" },
	{ S("2016-10-03 10:26:59"), S("DD-MM-YYYY"), "03-10-2016 10:26" },
	{ S("2016-10-03 10:26:59"), S("MM/DD/YYYY"), "10/03/2016 10:26" },
	{ S("2016-10-03 10:26:59"), S("YYYY/MM/DD"), "2016/10/03 10:26" },
	{ S("2016-10-03 10:26:59"), S("YYYY-MM-DD"), "2016-10-03 10:26" },
	{ S("2024-02-29 23:59:59"), S("DD/MM/YYYY"), "29/02/2024 23:59" },
	{ S("2024-02-29 00:00:00"), S("D/M/Y"), "D/M/Y 00:00" },            /* other text is copied */
	{ S("2024-02-29 00:00:00"), S("DDD MMM YYYYY"), "29D 02M 2024Y 00:00" },
	{ S("2024-02-29 00:00:00"), S("YYY"), "YYY 00:00" },
	{ S("2024-02-29 00:00:00"), S("dd/mm/yyyy"), "dd/mm/yyyy 00:00" },   /* case-sensitive */
	{ S("2024-02-29 00:00:00"), S("l, jS F Y"), "l, jS F Y 00:00" },
	{ S("2024-02-29 00:00"), S(""), "29/02/2024 00:00" },               /* no seconds */
	{ S("2024-02-29"), S(""), "" },
	{ S("2024-02-29T00:00:00"), S(""), "" },
	{ S("abcd-02-29 00:00:00"), S(""), "" },
	{ S(""), S(""), "" },
};

static void test_login(void)
{
	for (size_t i = 0; i < COUNT(login_none_cases); i++) {
		tc_result(la_login_is_none(login_none_cases[i].datetime, login_none_cases[i].major)
			== login_none_cases[i].none, "la_login_is_none", i, login_none_cases[i].datetime.ptr);
	}
	for (size_t i = 0; i < COUNT(login_date_cases); i++) {
		char *out = exact(LA_LOGIN_DATE_BUF(login_date_cases[i].format.len));
		la_str got = { out, la_login_date(login_date_cases[i].datetime, login_date_cases[i].format, out) };

		tc_result(eq(got, login_date_cases[i].out), "la_login_date", i, login_date_cases[i].out);
		free(out);
	}
}

/* ------------------------------------------------------------------------ */

static const struct {
	la_str amount;
	int format;
	bool numeric;
	const char *out;   /* "" for 0 (not a decimal) */
} money_cases[] = {
	/* The behaviour's table: 1234.5 in each format. */
	{ S("1234.5"), 1, false, "1234.50" },
	{ S("1234.5"), 2, false, "1,234.50" },
	{ S("1234.5"), 3, false, "1.234,50" },
	{ S("1234.5"), 4, false, "1,235" },
	{ S("1234.50"), 0, false, "1234.50" },     /* any other format is 1 */
	{ S("1234.50"), 5, false, "1234.50" },
	{ S("1234.50"), -1, false, "1234.50" },
	{ S("0.00"), 1, false, "0.00" },
	{ S("0.00"), 4, false, "0" },
	{ S("-1234.57"), 2, false, "-1,234.57" },
	{ S("-1234.50"), 1, true, "-1234.50" },
	{ S("1234.5"), 3, true, "1234.50" },        /* numeric ignores the format */
	{ S("1234.5"), 4, true, "1234.50" },
	{ S("-0.40"), 4, false, "0" },              /* rounds to zero: no sign */
	{ S("-0.40"), 4, true, "-0.40" },
	{ S("-0.40"), 1, false, "-0.40" },
	{ S("-0.50"), 4, false, "-1" },             /* half away from zero */
	{ S("0.50"), 4, false, "1" },
	{ S("2.50"), 4, false, "3" },
	{ S("-2.50"), 4, false, "-3" },
	{ S("2.49"), 4, false, "2" },
	{ S("0.005"), 1, false, "0.01" },
	{ S("-0.005"), 1, false, "-0.01" },
	{ S("0.0049999"), 2, false, "0.00" },
	{ S("-0.004"), 1, false, "0.00" },
	{ S("-0.004"), 1, true, "0.00" },
	{ S("9.995"), 1, false, "10.00" },
	{ S("999.995"), 2, false, "1,000.00" },
	{ S("999999.5"), 4, false, "1,000,000" },
	{ S("-999.995"), 3, false, "-1.000,00" },
	{ S("-0.00"), 1, false, "0.00" },
	{ S("-0"), 4, false, "0" },
	{ S("100"), 2, false, "100.00" },
	{ S("1000"), 2, false, "1,000.00" },
	{ S("100000"), 3, false, "100.000,00" },
	{ S("1000000"), 4, false, "1,000,000" },
	{ S("12"), 1, false, "12.00" },
	{ S("0012.3"), 2, false, "12.30" },
	{ S(".5"), 1, false, "0.50" },
	{ S("5."), 1, false, "5.00" },
	{ S("+5"), 1, false, "5.00" },
	/* Big values: DECIMAL(65,30) and beyond, no float on the way. */
	{ S("99999999999999999999999999999999999.995"), 2, false,
		"100,000,000,000,000,000,000,000,000,000,000,000.00" },
	{ S("-12345678901234567890123456789.01"), 3, false,
		"-12.345.678.901.234.567.890.123.456.789,01" },
	{ S("12345678901234567890123456789.01"), 1, true, "12345678901234567890123456789.01" },
	/* Not decimals. */
	{ S(""), 1, false, "" },
	{ S("-"), 1, false, "" },
	{ S("."), 1, false, "" },
	{ S("-."), 1, false, "" },
	{ S("1e3"), 1, false, "" },
	{ S(" 1"), 1, false, "" },
	{ S("1 "), 1, false, "" },
	{ S("1,5"), 1, false, "" },
	{ S("--1"), 1, false, "" },
	{ S("1.2.3"), 1, false, "" },
	{ S("abc"), 1, false, "" },
	{ S("1\0"), 1, false, "" },
};

static void test_money(void)
{
	for (size_t i = 0; i < COUNT(money_cases); i++) {
		char *out = exact(LA_MONEY_BUF(money_cases[i].amount.len));
		la_str got = { out, la_money_format(money_cases[i].amount, money_cases[i].format,
			money_cases[i].numeric, out) };
		char detail[256];

		snprintf(detail, sizeof(detail), "want '%s' got '%.*s'", money_cases[i].out, (int) got.len, got.ptr);
		tc_result(eq(got, money_cases[i].out), "la_money_format", i, detail);
		free(out);
	}
}

static const struct {
	la_str in;
	const char *out;   /* "" for 0 (not numeric) */
} decimal_cases[] = {
	{ S("1234.50"), "1234.50" },
	{ S("-1234.50"), "-1234.50" },
	{ S("0"), "0" },
	{ S("12"), "12" },
	{ S("+12"), "12" },
	{ S("007"), "7" },
	{ S(".25"), "0.25" },
	{ S("5."), "5" },
	{ S(" \t\n\r\v\f12 \n"), "12" },
	{ S("1.5e3"), "1500" },
	{ S("1.5E+3"), "1500" },
	{ S("-2E-2"), "-0.02" },
	{ S("12.5e-1"), "1.25" },
	{ S("1e0"), "1" },
	{ S("0.1"), "0.1" },
	{ S("1.0E+25"), "10000000000000000000000000" },
	{ S("4.9E-324"), NULL },   /* checked below by length */
	{ S(""), "" },
	{ S(" "), "" },
	{ S("."), "" },
	{ S("-"), "" },
	{ S("e5"), "" },
	{ S("1e"), "" },
	{ S("1e+"), "" },
	{ S("1e401"), "" },
	{ S("1e-401"), "" },
	{ S("1e99999999999999999999"), "" },
	{ S("0x1A"), "" },
	{ S("1 2"), "" },
	{ S("1abc"), "" },
	{ S("abc"), "" },
	{ S("\0" "1"), "" },
	{ S("1\0"), "" },
};

static void test_decimal(void)
{
	for (size_t i = 0; i < COUNT(decimal_cases); i++) {
		char *out = exact(LA_DECIMAL_BUF(decimal_cases[i].in.len));
		la_str got = { out, la_decimal_normalise(decimal_cases[i].in, out) };
		char detail[128];

		if (!decimal_cases[i].out) {
			/* "0." then 323 zeros and 49. */
			tc_result(got.len == 2 + 323 + 2 && memcmp(got.ptr, "0.000", 5) == 0
				&& memcmp(got.ptr + got.len - 3, "049", 3) == 0, "la_decimal_normalise", i, "4.9E-324");
		} else {
			snprintf(detail, sizeof(detail), "want '%s' got '%.*s'", decimal_cases[i].out,
				(int) (got.len > 60 ? 60 : got.len), got.ptr);
			tc_result(eq(got, decimal_cases[i].out), "la_decimal_normalise", i, detail);
		}
		free(out);
	}
}

int main(void)
{
	test_countries();
	test_country_counts();
	test_states();
	test_postcodes();
	test_phones();
	test_login();
	test_money();
	test_decimal();
	printf("%d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
