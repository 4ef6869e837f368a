/*
 * The AddContact record and its validation. Plain C, no Zend: this file and
 * contact.c build on their own so they can be unit-tested and fuzzed.
 */
#ifndef LOCALAPI_CONTACT_H
#define LOCALAPI_CONTACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A byte string that is not NUL-terminated and may contain NUL bytes. */
typedef struct {
	const char *ptr;
	size_t len;
} la_str;

/* The string fields AddContact reads, in the parameter order of the API. */
typedef enum {
	LA_F_FIRSTNAME,
	LA_F_LASTNAME,
	LA_F_COMPANYNAME,
	LA_F_EMAIL,
	LA_F_ADDRESS1,
	LA_F_ADDRESS2,
	LA_F_CITY,
	LA_F_STATE,
	LA_F_POSTCODE,
	LA_F_COUNTRY,
	LA_F_PHONENUMBER,
	LA_F_TAX_ID,
	LA_F_PASSWORD2,
	LA_F_PERMISSIONS,
	LA_F_COUNT
} la_field;

/* Email preference types, in the order of the API's email_preferences keys. */
typedef enum {
	LA_E_GENERAL,
	LA_E_PRODUCT,
	LA_E_DOMAIN,
	LA_E_INVOICE,
	LA_E_SUPPORT,
	LA_E_AFFILIATE,
	LA_E_COUNT
} la_email_type;

typedef struct {
	int32_t clientid;       /* 0 when the input names no possible client */
	/* Normalised (HTML-encoded) values; password2 holds the decoded plain text. */
	la_str field[LA_F_COUNT];
	bool emails[LA_E_COUNT];
} la_contact;

typedef enum {
	LA_OK = 0,
	LA_ERR_UTF8,            /* Invalid UTF-8 in <field> */
	LA_ERR_TYPE,            /* <field> must be a string */
	LA_ERR_TOO_LONG_CHARS,  /* <field> is longer than <N> characters */
	LA_ERR_TOO_LONG_BYTES,  /* <field> is longer than 65535 bytes */
	LA_ERR_CHARSET,         /* <field> contains characters that cannot be stored */
	LA_ERR_PERMISSION       /* Invalid permission: <name> */
} la_check;

/* What a failed check reports: the limit for length errors, the name for permissions. */
typedef struct {
	la_check code;
	size_t limit;
	la_str name;
} la_check_result;

#define LA_TEXT_MAX_BYTES 65535

extern const char *const la_field_names[LA_F_COUNT];
extern const char *const la_email_type_names[LA_E_COUNT];
extern const char *const la_email_legacy_names[LA_E_COUNT];

bool la_utf8_valid(const char *s, size_t len);
bool la_str_is_empty(la_str s);
bool la_clientid_parse(la_str s, int32_t *id);
/* A whole number of GetContacts (limitstart, limitnum, userid); saturates at UINT64_MAX. */
bool la_whole_number_parse(la_str s, uint64_t *value);

/* Length and charset of a normalised value against the column it goes to. */
la_check_result la_field_check(la_field f, la_str value);
/* A value compared with the column of f (GetContacts' filters): the charset only. */
la_check_result la_filter_check(la_str value);
/* The same for any utf8mb3 TEXT column (tblactivitylog.description, ...). */
la_check_result la_text_check(la_str value);
/* Every comma-separated, trimmed, non-empty item must be a known permission. */
la_check_result la_permissions_check(la_str value);
/* A contact is a sub-account when it has a password. */
bool la_contact_is_subaccount(const la_contact *c);
/* The duplicate-email rule applies to sub-accounts and to contacts with permissions. */
bool la_contact_needs_unique_email(const la_contact *c);

#endif /* LOCALAPI_CONTACT_H */
