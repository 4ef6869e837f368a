/*
 * GetClientsDetails' computed fields (behaviour §11.4, §11.10): country names
 * and calling codes, US/CA state codes, the GB postcode, the phone fields, the
 * last-login date and money in a currency's format. Plain C, no Zend, like
 * contact.c: built on its own for unit tests and fuzzing.
 *
 * The country and state facts are data/whmcs-countries.tsv and
 * data/whmcs-us-ca-states.tsv, turned into ext/core/client_tables.c at build
 * time (never hand-typed).
 */
#ifndef LOCALAPI_CLIENT_FORMAT_H
#define LOCALAPI_CLIENT_FORMAT_H

#include "core/contact.h"

/* The WHMCS release line whose country list applies: 7 (245 codes) or 8 (248). */

/* countryname: true and *name for a code of that line's list (exact, case-sensitive);
 * false for an unknown code (the answer then is the stored code). */
bool la_country_name(la_str code, int whmcs_major, la_str *name);

/* The country's calling code as WHMCS types it: an int, or the PHP string '' (CW). */
typedef enum {
	LA_CC_INT,
	LA_CC_EMPTY_STRING
} la_cc_kind;

/* Unknown codes (and the 8.x-only ones on 7) give LA_CC_INT with 0. */
la_cc_kind la_country_calling_code(la_str code, int whmcs_major, int *cc);

/* statecode: true and *code (two letters, static) when country is US/CA (ASCII case-
 * insensitive) and the state lower-cased equals a name of that country exactly;
 * false: the answer is the stored state unchanged. */
bool la_state_code(la_str country, la_str state, la_str *code);

/* The postcode for a stored country exactly "GB"; out has room for stored.len + 1
 * bytes; returns the length written. Other countries: the caller answers the stored value. */
size_t la_postcode_gb(la_str stored, char *out);

/* The phone fields (behaviour §11.4). buf has room for LA_PHONE_BUF(stored.len)
 * bytes; every la_str of the result points into buf or into stored. */
#define LA_PHONE_BUF(len) (3 * (len) + 32)

typedef struct {
	la_str phone;            /* the stored value trimmed: telephoneNumber when the dropdown is off */
	la_str number;           /* phonenumber: the number's ASCII digits */
	bool cc_from_phone;      /* phonecc is the string cc (from "+cc."), else the country's code */
	la_str cc_string;        /* when cc_from_phone: the prefix's digits */
	la_cc_kind cc_kind;      /* when !cc_from_phone */
	int cc;                  /* when !cc_from_phone and cc_kind is LA_CC_INT */
	la_str formatted;        /* phonenumberformatted */
} la_phone_fields;

void la_phone_format(la_str stored, la_str country, int whmcs_major, char *buf, la_phone_fields *out);

/* lastlogin. Whether a stored DATETIME/TIMESTAMP text means "No Login Logged":
 * empty, 0000-00-00 00:00:00, and on 7 also exactly 1970-01-01 00:00:00. */
bool la_login_is_none(la_str datetime, int whmcs_major);
/* "<D> HH:MM" for a stored "YYYY-MM-DD HH:MM:SS" and the DateFormat setting (empty:
 * DD/MM/YYYY). out has room for LA_LOGIN_DATE_BUF(format.len); returns the length. */
#define LA_LOGIN_DATE_BUF(format_len) (2 * (format_len) + 32)
/* (A datetime that does not start "YYYY-MM-DD HH:MM", digits where digits go, gives 0.) */
size_t la_login_date(la_str datetime, la_str format, char *out);

/* Money (behaviour §11.10). amount is an exact decimal as the server prints a DECIMAL
 * ("-1234.50", "0.00"); format is tblcurrencies.format (1 to 4, anything else as 1).
 * Writes the number in that format, rounded half away from zero, no "-" when it rounds
 * to zero; numeric: 2 decimals, "." and no thousands separator whatever the format.
 * out has room for LA_MONEY_BUF(amount.len); returns the length, 0 when amount is
 * not a decimal number. */
#define LA_MONEY_BUF(len) (2 * (len) + 8)
size_t la_money_format(la_str amount, int format, bool numeric, char *out);

/* A PHP numeric string (leading and trailing whitespace, sign, digits with an
 * optional ".", an optional exponent) written as the plain decimal that
 * la_money_format() reads: no whitespace, no exponent, "-" or nothing, at least
 * one digit before the "." ("1.5e3" → "1500", " .25" → "0.25", "-2E-2" → "-0.02").
 * out has room for LA_DECIMAL_BUF(in.len); returns the length, 0 when in is not
 * numeric or its exponent moves the point by more than LA_DECIMAL_EXP_MAX places. */
#define LA_DECIMAL_EXP_MAX 400
#define LA_DECIMAL_BUF(len) ((len) + 2 * LA_DECIMAL_EXP_MAX + 8)
size_t la_decimal_normalise(la_str in, char *out);

#endif /* LOCALAPI_CLIENT_FORMAT_H */
