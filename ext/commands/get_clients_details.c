/*
 * GetClientsDetails: one client's record as WHMCS 7.10 and 8.x answer it
 * (behaviour §11). Every read of a call (the client, its currency, the
 * settings, users, custom fields and their values, the statistics) happens in
 * one read-only transaction with a consistent snapshot, which ends before the
 * first CustomFieldLoad callback runs. A read that loses its server is read
 * again from the start. Nothing is ever written: no owner user, no uuid, no
 * activity-log row; no hook fires but CustomFieldLoad.
 */
#include "commands/commands.h"

#include "core/client_format.h"
#include "price.h"

#include "ext/json/php_json.h"
#include "ext/random/php_random.h"
#include "ext/standard/php_string.h"
#include "zend_smart_str.h"

#include "commands/get_clients_details_sql.h"

#define LA_U_BINDS 8

static const char la_warning[] =
	"Credit Card related parameters are now deprecated and have been removed. Use GetPayMethods instead.";

/* The six status entries of the stats, in their order (behaviour §11.9). */
static const char *const la_status_names[6] = {
	"Unpaid", "Paid", "Cancelled", "Refunded", "Collections", "Payment Pending"
};

typedef struct {
	/* input */
	long long clientid;          /* 0: by email */
	zend_string *email;
	bool stats;
	int major;                   /* 7 or 8 */
	/* what one snapshot read */
	bool found;
	zval client;                 /* the tblclients row (array) */
	zval currency_row;           /* the client's tblcurrencies row, or UNDEF */
	zval stats_currency;         /* the getCurrency() array of the stats */
	zval settings[3];            /* PhoneNumberDropdown, DateFormat, MarketingEmailConvert: value or UNDEF */
	zval owner;                  /* 8.x: rows of la_sql_owner */
	zval users;                  /* 8.x: rows of la_sql_users */
	zval last_login;             /* 8.x: rows of la_sql_last_login */
	zval fields;                 /* rows of la_sql_custom_fields */
	zval stats_rows[5];          /* due, accounts, groups, products, counts */
} la_gcd;

enum { LA_S_DROPDOWN, LA_S_DATEFORMAT, LA_S_MARKETING };

static void la_gcd_reads_free(la_gcd *g)
{
	zval_ptr_dtor(&g->client);
	zval_ptr_dtor(&g->currency_row);
	zval_ptr_dtor(&g->stats_currency);
	for (int i = 0; i < 3; i++) {
		zval_ptr_dtor(&g->settings[i]);
		ZVAL_UNDEF(&g->settings[i]);
	}
	zval_ptr_dtor(&g->owner);
	zval_ptr_dtor(&g->users);
	zval_ptr_dtor(&g->last_login);
	zval_ptr_dtor(&g->fields);
	for (int i = 0; i < 5; i++) {
		zval_ptr_dtor(&g->stats_rows[i]);
		ZVAL_UNDEF(&g->stats_rows[i]);
	}
	ZVAL_UNDEF(&g->client);
	ZVAL_UNDEF(&g->currency_row);
	ZVAL_UNDEF(&g->stats_currency);
	ZVAL_UNDEF(&g->owner);
	ZVAL_UNDEF(&g->users);
	ZVAL_UNDEF(&g->last_login);
	ZVAL_UNDEF(&g->fields);
	g->found = false;
}

/* ---- input (behaviour §11.1): none of it needs the database ---- */

static zval *la_find(HashTable *ht, const char *key)
{
	return zend_hash_str_find_deref(ht, key, strlen(key));
}

/* Truthiness after §2; a string that is not UTF-8 counts as given, so that the key
 * used answers its own "Invalid UTF-8 in ..." rather than "Either ...". */
static bool la_given(zval *value)
{
	if (!value) {
		return false;
	}
	if (Z_TYPE_P(value) == IS_STRING && !la_utf8_valid(Z_STRVAL_P(value), Z_STRLEN_P(value))) {
		return true;
	}
	return php_localapi_post_truthy(value);
}

static bool la_gcd_from_post(la_gcd *g, HashTable *post, zval *return_value)
{
	zval *clientid = la_find(post, "clientid");
	zval *email = la_find(post, "email");
	zval *stats = la_find(post, "stats");
	bool by_id = la_given(clientid);

	if (!by_id && !la_given(email)) {
		php_localapi_error(return_value, "Either clientid Or email Is Required");
		return false;
	}
	if (by_id) {
		int32_t id = 0;
		if (!php_localapi_post_utf8(clientid, "clientid", return_value)) {
			return false;
		}
		if (Z_TYPE_P(clientid) == IS_LONG) {
			id = Z_LVAL_P(clientid) > 0 && Z_LVAL_P(clientid) <= INT32_MAX ? (int32_t) Z_LVAL_P(clientid) : 0;
		} else if (Z_TYPE_P(clientid) == IS_STRING) {
			zend_string *normalized = php_localapi_html_normalize(Z_STR_P(clientid));
			if (!la_clientid_parse((la_str) { ZSTR_VAL(normalized), ZSTR_LEN(normalized) }, &id)) {
				id = 0;
			}
			zend_string_release(normalized);
		}
		if (id <= 0) {
			php_localapi_error(return_value, "Client Not Found");
			return false;
		}
		g->clientid = id;
	} else {
		if (!php_localapi_post_utf8(email, "email", return_value)) {
			return false;
		}
		switch (Z_TYPE_P(email)) {
			case IS_ARRAY:
			case IS_OBJECT:
			case IS_RESOURCE:
				php_localapi_error(return_value, "email must be a string");
				return false;
			case IS_STRING:
				g->email = php_localapi_html_normalize(Z_STR_P(email));
				break;
			default:
				g->email = zval_get_string(email);
				break;
		}
	}
	g->stats = stats && php_localapi_post_truthy(stats);
	return true;
}

/* ---- the reads, in one snapshot ---- */

/* The first row of rows into out, shared rather than copied (the rows are released here, so
 * out is its only holder), or false when there is none. */
static bool la_rows_first(zval *rows, zval *out)
{
	zval *first = zend_hash_index_find(Z_ARRVAL_P(rows), 0);
	bool found = first && Z_TYPE_P(first) == IS_ARRAY;

	if (found) {
		ZVAL_COPY(out, first);
	}
	zval_ptr_dtor(rows);
	return found;
}

static bool la_read_currency(la_link *link, const char *sql, MYSQL_BIND *params, zval *out,
	php_localapi_db_error *err)
{
	zval rows;

	if (!php_localapi_db_rows(link, sql, params, &rows, err)) {
		return false;
	}
	la_rows_first(&rows, out);
	return true;
}

/* Every read of the call; the transaction is ended by the caller. */
static bool la_gcd_read(la_link *link, la_gcd *g, php_localapi_db_error *err)
{
	MYSQL_BIND u[LA_U_BINDS], one[1];
	zval rows, *value;
	long long uid, currency;

	if (!php_localapi_db_snapshot(link, err)) {
		return false;
	}
	if (g->email) {
		php_localapi_bind_str(&one[0], ZSTR_VAL(g->email), ZSTR_LEN(g->email));
		if (!php_localapi_db_rows(link, la_sql_client_by_email, one, &rows, err)) {
			return false;
		}
	} else {
		php_localapi_bind_long(&one[0], &g->clientid);
		if (!php_localapi_db_rows(link, la_sql_client_by_id, one, &rows, err)) {
			return false;
		}
	}
	if (!la_rows_first(&rows, &g->client)) {
		return true;
	}
	g->found = true;
	value = zend_hash_str_find(Z_ARRVAL(g->client), ZEND_STRL("id"));
	uid = value ? zval_get_long(value) : 0;
	value = zend_hash_str_find(Z_ARRVAL(g->client), ZEND_STRL("currency"));
	currency = value ? zval_get_long(value) : 0;
	for (int i = 0; i < LA_U_BINDS; i++) {
		php_localapi_bind_long(&u[i], &uid);
	}

	if (!php_localapi_db_rows(link, la_sql_settings, NULL, &rows, err)) {
		return false;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), value) {
		zval *slot = zend_hash_str_find(Z_ARRVAL_P(value), ZEND_STRL("slot"));
		zval *v = zend_hash_str_find(Z_ARRVAL_P(value), ZEND_STRL("value"));
		zend_long i = slot ? zval_get_long(slot) : -1;
		if (i >= 0 && i < 3 && v && Z_TYPE(g->settings[i]) == IS_UNDEF) {
			ZVAL_COPY(&g->settings[i], v);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);

	php_localapi_bind_long(&one[0], &currency);
	if (!la_read_currency(link, la_sql_currency, one, &g->currency_row, err)) {
		return false;
	}
	if (g->major >= 8) {
		if (!php_localapi_db_rows(link, la_sql_owner, u, &g->owner, err)
			|| !php_localapi_db_rows(link, la_sql_users, u, &g->users, err)
			|| !php_localapi_db_rows(link, la_sql_last_login, u, &g->last_login, err)) {
			return false;
		}
	}
	if (!php_localapi_db_rows(link, la_sql_custom_fields, u, &g->fields, err)) {
		return false;
	}
	if (!g->stats) {
		return true;
	}
	if (Z_TYPE(g->currency_row) == IS_ARRAY) {
		ZVAL_COPY(&g->stats_currency, &g->currency_row);
	} else if (!la_read_currency(link, la_sql_currency_default, NULL, &g->stats_currency, err)) {
		return false;
	}
	if (!php_localapi_db_rows(link, la_sql_stats_due, u, &g->stats_rows[0], err)
		|| !php_localapi_db_rows(link, la_sql_stats_accounts, u, &g->stats_rows[1], err)
		|| !php_localapi_db_rows(link, la_sql_stats_groups, u, &g->stats_rows[2], err)) {
		return false;
	}
	return php_localapi_db_rows(link, la_sql_stats_products, u, &g->stats_rows[3], err)
		&& php_localapi_db_rows(link, la_sql_stats_counts, u, &g->stats_rows[4], err);
}

/* A read lost with its connection, or chosen as a deadlock victim, is read again from the start. */
static bool la_gcd_read_retried(la_link *link, la_gcd *g, php_localapi_db_error *err)
{
	php_localapi_retry retry;

	php_localapi_retry_init(&retry);
	for (;;) {
		bool ok = la_gcd_read(link, g, err);
		php_localapi_db_rollback(link);
		if (ok) {
			return true;
		}
		la_gcd_reads_free(g);
		if (!php_localapi_retry_wait(&retry, err) || !php_localapi_db_ensure_connected(link, err)) {
			return false;
		}
	}
}

/* ---- the answer ---- */

static zval *la_col(const la_gcd *g, const char *name)
{
	return zend_hash_str_find(Z_ARRVAL(g->client), name, strlen(name));
}

/* A text column as bytes: null, missing or not a string count as ''. */
static la_str la_col_str(const la_gcd *g, const char *name)
{
	zval *v = la_col(g, name);

	if (v && Z_TYPE_P(v) == IS_STRING) {
		return (la_str) { Z_STRVAL_P(v), Z_STRLEN_P(v) };
	}
	return (la_str) { "", 0 };
}

static bool la_str_truthy(la_str s)
{
	return !(s.len == 0 || (s.len == 1 && s.ptr[0] == '0'));
}

/* PHP's trim() whitespace. */
static bool la_is_trim_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\x0B';
}

static la_str la_trim(la_str s)
{
	while (s.len && la_is_trim_space(s.ptr[0])) {
		s.ptr++;
		s.len--;
	}
	while (s.len && la_is_trim_space(s.ptr[s.len - 1])) {
		s.len--;
	}
	return s;
}

static void la_add_str(HashTable *ht, const char *key, la_str s)
{
	zval v;

	ZVAL_STRINGL_FAST(&v, s.ptr, s.len);
	zend_hash_str_update(ht, key, strlen(key), &v);
}

/* The stored value, as the server returned it (null when the column is NULL or missing). */
static void la_add_stored(HashTable *ht, const char *key, const la_gcd *g, const char *column)
{
	zval *v = la_col(g, column), copy;

	if (v) {
		ZVAL_COPY(&copy, v);
	} else {
		ZVAL_NULL(&copy);
	}
	zend_hash_str_update(ht, key, strlen(key), &copy);
}

static void la_add_long(HashTable *ht, const char *key, zend_long n)
{
	zval v;

	ZVAL_LONG(&v, n);
	zend_hash_str_update(ht, key, strlen(key), &v);
}

static void la_add_bool(HashTable *ht, const char *key, bool b)
{
	zval v;

	ZVAL_BOOL(&v, b);
	zend_hash_str_update(ht, key, strlen(key), &v);
}

static bool la_col_nonzero(const la_gcd *g, const char *column)
{
	zval *v = la_col(g, column);

	return v && zval_get_long(v) != 0;
}

/* Settings are on/off by truthiness; a missing row is the install default (on). */
static bool la_setting_on(const la_gcd *g, int which)
{
	const zval *v = &g->settings[which];

	if (Z_TYPE_P(v) == IS_UNDEF) {
		return true;
	}
	return zend_is_true((zval *) v);
}

static void la_add_uuid(HashTable *ht, const la_gcd *g)
{
	la_str stored = la_col_str(g, "uuid");
	unsigned char b[16];
	char text[37];

	if (la_str_truthy(stored)) {
		la_add_stored(ht, "uuid", g, "uuid");
		return;
	}
	/* A new random UUIDv4 at every call, never saved (behaviour §11.2). */
	if (php_random_bytes_silent(b, sizeof(b)) == FAILURE) {
		memset(b, 0, sizeof(b));
	}
	b[6] = (b[6] & 0x0F) | 0x40;
	b[8] = (b[8] & 0x3F) | 0x80;
	snprintf(text, sizeof(text), "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
	la_add_str(ht, "uuid", (la_str) { text, 36 });
}

static void la_add_fullname(HashTable *ht, const la_gcd *g)
{
	la_str first = la_col_str(g, "firstname"), last = la_col_str(g, "lastname");
	zend_string *s = zend_string_alloc(first.len + 1 + last.len, 0);
	zval v;

	memcpy(ZSTR_VAL(s), first.ptr, first.len);
	ZSTR_VAL(s)[first.len] = ' ';
	memcpy(ZSTR_VAL(s) + first.len + 1, last.ptr, last.len);
	ZSTR_VAL(s)[ZSTR_LEN(s)] = '\0';
	ZVAL_STR(&v, s);
	zend_hash_str_update(ht, "fullname", sizeof("fullname") - 1, &v);
}

static void la_add_postcode(HashTable *ht, const la_gcd *g)
{
	la_str country = la_col_str(g, "country"), stored = la_col_str(g, "postcode");
	char *buf;
	size_t len;

	zval *column = la_col(g, "postcode");

	if (!(country.len == 2 && memcmp(country.ptr, "GB", 2) == 0) || !column || Z_TYPE_P(column) != IS_STRING) {
		la_add_stored(ht, "postcode", g, "postcode");
		return;
	}
	buf = emalloc(stored.len + 1);
	len = la_postcode_gb(stored, buf);
	la_add_str(ht, "postcode", (la_str) { buf, len });
	efree(buf);
}

/* §11.5: the stored JSON object, or every type on. */
static void la_add_email_preferences(HashTable *ht, const la_gcd *g)
{
	static const char *const types[] = { "general", "invoice", "support", "product", "domain", "affiliate" };
	la_str text = la_col_str(g, "email_preferences");
	la_str start = text;
	zval prefs;

	while (start.len && (start.ptr[0] == ' ' || start.ptr[0] == '\t' || start.ptr[0] == '\n'
			|| start.ptr[0] == '\r')) {
		start.ptr++;
		start.len--;
	}
	ZVAL_UNDEF(&prefs);
	if (start.len && start.ptr[0] == '{') {
		/* The caller's json_last_error() is theirs: a stored text that is not JSON leaves it alone. */
		php_json_error_code saved = JSON_G(error_code);
		zend_result decoded = php_json_decode_ex(&prefs, text.ptr, text.len, PHP_JSON_OBJECT_AS_ARRAY,
			PHP_JSON_PARSER_DEFAULT_DEPTH);
		JSON_G(error_code) = saved;
		if (decoded == SUCCESS && Z_TYPE(prefs) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL(prefs)) > 0) {
			zend_hash_str_update(ht, ZEND_STRL("email_preferences"), &prefs);
			return;
		}
	}
	zval_ptr_dtor(&prefs);
	array_init_size(&prefs, 6);
	for (int i = 0; i < 6; i++) {
		add_assoc_bool(&prefs, types[i], true);
	}
	zend_hash_str_update(ht, ZEND_STRL("email_preferences"), &prefs);
}

static void la_add_computed(HashTable *ht, const la_gcd *g, const la_phone_fields *phone)
{
	la_str country = la_col_str(g, "country"), code;

	if (la_state_code(country, la_col_str(g, "state"), &code)) {
		la_add_str(ht, "statecode", code);
	} else {
		la_add_stored(ht, "statecode", g, "state");
	}
	if (la_country_name(country, g->major, &code)) {
		la_add_str(ht, "countryname", code);
	} else {
		la_add_stored(ht, "countryname", g, "country");
	}
	if (phone->cc_from_phone) {
		la_add_str(ht, "phonecc", phone->cc_string);
	} else if (phone->cc_kind == LA_CC_EMPTY_STRING) {
		la_add_str(ht, "phonecc", (la_str) { "", 0 });
	} else {
		la_add_long(ht, "phonecc", phone->cc);
	}
	la_add_str(ht, "phonenumberformatted", phone->formatted);
	la_add_str(ht, "telephoneNumber", la_setting_on(g, LA_S_DROPDOWN) ? phone->formatted : phone->phone);
}

/* §11.8 */
static bool la_card_keys_hold(const la_gcd *g)
{
	la_str type = la_col_str(g, "cardtype"), lastfour = la_col_str(g, "cardlastfour");
	la_str tested = g->major >= 8 ? la_trim(type) : type;

	if (la_str_truthy(tested) && !(type.len == 12 && memcmp(type.ptr, "--MIGRATED--", 12) == 0)) {
		return true;
	}
	if (!la_str_truthy(tested) && la_str_truthy(la_trim(lastfour))) {
		return true;
	}
	return la_trim(la_col_str(g, "gatewayid")).len > 0;
}

static void la_add_card_keys(HashTable *ht, const la_gcd *g, bool hold)
{
	static const char *const keys[3][2] = {
		{ "cctype", "cardtype" }, { "cclastfour", "cardlastfour" }, { "gatewayid", "gatewayid" }
	};
	zval null;

	ZVAL_NULL(&null);
	for (int i = 0; i < 3; i++) {
		if (hold) {
			la_add_stored(ht, keys[i][0], g, keys[i][1]);
		} else {
			zend_hash_str_update(ht, keys[i][0], strlen(keys[i][0]), &null);
		}
	}
}

static void la_add_lastlogin(HashTable *ht, const la_gcd *g)
{
	la_str when = { "", 0 }, ip = { "", 0 }, host = { "", 0 };
	la_str format = { "", 0 };
	smart_str out = {0};
	char *buf;
	size_t len;

	if (g->major >= 8) {
		HashTable *row = Z_TYPE(g->last_login) == IS_ARRAY ? php_localapi_db_first_row((zval *) &g->last_login) : NULL;
		zval *v;
		if (row) {
			if ((v = zend_hash_str_find(row, ZEND_STRL("last_login"))) && Z_TYPE_P(v) == IS_STRING) {
				when = (la_str) { Z_STRVAL_P(v), Z_STRLEN_P(v) };
			}
			if ((v = zend_hash_str_find(row, ZEND_STRL("last_ip"))) && Z_TYPE_P(v) == IS_STRING) {
				ip = (la_str) { Z_STRVAL_P(v), Z_STRLEN_P(v) };
			}
			if ((v = zend_hash_str_find(row, ZEND_STRL("last_hostname"))) && Z_TYPE_P(v) == IS_STRING) {
				host = (la_str) { Z_STRVAL_P(v), Z_STRLEN_P(v) };
			}
		}
	} else {
		when = la_col_str(g, "lastlogin");
		ip = la_col_str(g, "ip");
		host = la_col_str(g, "host");
	}
	if (la_login_is_none(when, g->major)) {
		la_add_str(ht, "lastlogin", (la_str) { ZEND_STRL("No Login Logged") });
		return;
	}
	if (Z_TYPE(g->settings[LA_S_DATEFORMAT]) == IS_STRING) {
		format = (la_str) { Z_STRVAL(g->settings[LA_S_DATEFORMAT]), Z_STRLEN(g->settings[LA_S_DATEFORMAT]) };
	}
	buf = emalloc(LA_LOGIN_DATE_BUF(format.len));
	len = la_login_date(when, format, buf);
	smart_str_appends(&out, "Date: ");
	smart_str_appendl(&out, buf, len);
	smart_str_appends(&out, "<br>IP Address: ");
	smart_str_appendl(&out, ip.ptr, ip.len);
	smart_str_appends(&out, "<br>Host: ");
	smart_str_appendl(&out, host.ptr, host.len);
	efree(buf);
	smart_str_0(&out);
	zval v;
	ZVAL_STR(&v, smart_str_extract(&out));
	zend_hash_str_update(ht, ZEND_STRL("lastlogin"), &v);
}

/* ---- custom fields (§11.6) ---- */

/* Steps 3 to 5 of one value. */
static void la_custom_value_finish(zval *value, bool link)
{
	zend_string *s;

	if (Z_TYPE_P(value) == IS_NULL) {
		ZVAL_EMPTY_STRING(value);
	} else if (Z_TYPE_P(value) == IS_STRING) {
		if (!la_utf8_valid(Z_STRVAL_P(value), Z_STRLEN_P(value))) {
			s = ZSTR_EMPTY_ALLOC();
		} else {
			s = php_localapi_html_normalize(Z_STR_P(value));
		}
		zval_ptr_dtor(value);
		ZVAL_STR(value, s);
	}
	if (link) {
		zend_string *text = zval_get_string(value);
		la_str addr = la_trim((la_str) { ZSTR_VAL(text), ZSTR_LEN(text) });
		smart_str out = {0};
		smart_str_appends(&out, "<a href=\"");
		if (addr.len >= 4 && memcmp(addr.ptr, "www.", 4) == 0) {
			smart_str_appends(&out, "http://");
		}
		smart_str_appendl(&out, addr.ptr, addr.len);
		smart_str_appends(&out, "\" target=\"_blank\">");
		smart_str_append(&out, text);
		smart_str_appends(&out, "</a>");
		smart_str_0(&out);
		zend_string_release(text);
		zval_ptr_dtor(value);
		ZVAL_STR(value, smart_str_extract(&out));
		return;
	}
	if (Z_TYPE_P(value) == IS_STRING && Z_STRLEN_P(value) > 0 && Z_STRVAL_P(value)[0] != '|') {
		const char *start = memchr(Z_STRVAL_P(value), '|', Z_STRLEN_P(value)), *end;
		if (start) {
			start++;
			end = memchr(start, '|', Z_STRVAL_P(value) + Z_STRLEN_P(value) - start);
			if (!end) {
				end = Z_STRVAL_P(value) + Z_STRLEN_P(value);
			}
			la_str part = la_trim((la_str) { start, (size_t) (end - start) });
			s = zend_string_init(part.ptr, part.len, 0);
			zval_ptr_dtor(value);
			ZVAL_STR(value, s);
		}
	}
}

/* Step 2: CustomFieldLoad; the last counted return decides. */
static void la_custom_value_hook(zval *value, zend_long fieldid, zend_long relid)
{
	zval vars, kept, *replaced;

	if (!php_localapi_hooks_has(ZEND_STRL("CustomFieldLoad"))) {
		return;
	}
	array_init_size(&vars, 3);
	add_assoc_long(&vars, "fieldid", fieldid);
	add_assoc_long(&vars, "relid", relid);
	Z_TRY_ADDREF_P(value);
	add_assoc_zval(&vars, "value", value);
	ZVAL_UNDEF(&kept);
	php_localapi_hooks_run_returns(ZEND_STRL("CustomFieldLoad"), &vars, &kept);
	zval_ptr_dtor(&vars);
	if (Z_TYPE(kept) == IS_ARRAY && (replaced = zend_hash_str_find_deref(Z_ARRVAL(kept), ZEND_STRL("value")))) {
		switch (Z_TYPE_P(replaced)) {
			case IS_STRING: case IS_LONG: case IS_DOUBLE: case IS_TRUE: case IS_FALSE: case IS_NULL:
				zval_ptr_dtor(value);
				ZVAL_COPY(value, replaced);
				break;
			default:
				break;
		}
	}
	zval_ptr_dtor(&kept);
}

static void la_add_custom_fields(HashTable *ht, const la_gcd *g, zend_long clientid)
{
	zval *row_zv, *list = NULL;
	uint32_t i = 0;

	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(g->fields), row_zv) {
		HashTable *row = Z_ARRVAL_P(row_zv);
		zval *id = zend_hash_str_find(row, ZEND_STRL("id"));
		zval *type = zend_hash_str_find(row, ZEND_STRL("fieldtype"));
		zval *stored = zend_hash_str_find(row, ZEND_STRL("value"));
		zend_long fieldid = id ? zval_get_long(id) : 0;
		zval value, entry;
		char key[32];

		if (stored && Z_TYPE_P(stored) == IS_STRING) {
			ZVAL_COPY(&value, stored);
		} else {
			ZVAL_EMPTY_STRING(&value);
		}
		la_custom_value_hook(&value, fieldid, clientid);
		la_custom_value_finish(&value, type && Z_TYPE_P(type) == IS_STRING && zend_string_equals_literal(Z_STR_P(type), "link"));
		snprintf(key, sizeof(key), "customfields%" PRIu32, ++i);
		Z_TRY_ADDREF(value);
		zend_hash_str_update(ht, key, strlen(key), &value);
		if (i == 1) {
			zval empty;
			array_init(&empty);
			list = zend_hash_str_update(ht, ZEND_STRL("customfields"), &empty);
		}
		array_init_size(&entry, 2);
		add_assoc_long(&entry, "id", fieldid);
		add_assoc_zval(&entry, "value", &value);
		add_next_index_zval(list, &entry);
	} ZEND_HASH_FOREACH_END();
}

/* ---- users (§11.7) ---- */

static zend_long la_owner_id(const la_gcd *g, bool *verified)
{
	HashTable *row = Z_TYPE(g->owner) == IS_ARRAY ? php_localapi_db_first_row((zval *) &g->owner) : NULL;
	zval *v;

	*verified = false;
	if (!row) {
		return 0;
	}
	v = zend_hash_str_find(row, ZEND_STRL("verified"));
	*verified = v && zval_get_long(v) != 0;
	v = zend_hash_str_find(row, ZEND_STRL("id"));
	return v ? zval_get_long(v) : 0;
}

static void la_add_users(HashTable *ht, const la_gcd *g, zend_long owner)
{
	zval users, list, *row_zv;

	array_init(&users);
	if (zend_hash_num_elements(Z_ARRVAL(g->users)) > 0) {
		array_init(&list);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(g->users), row_zv) {
			HashTable *row = Z_ARRVAL_P(row_zv);
			zval *id = zend_hash_str_find(row, ZEND_STRL("id"));
			zval *first = zend_hash_str_find(row, ZEND_STRL("first_name"));
			zval *last = zend_hash_str_find(row, ZEND_STRL("last_name"));
			zval *email = zend_hash_str_find(row, ZEND_STRL("email"));
			zend_long uid = id ? zval_get_long(id) : 0;
			zend_string *f = first ? zval_get_string(first) : ZSTR_EMPTY_ALLOC();
			zend_string *l = last ? zval_get_string(last) : ZSTR_EMPTY_ALLOC();
			zval user, copy;

			array_init_size(&user, 4);
			add_assoc_long(&user, "id", uid);
			add_assoc_str(&user, "name", zend_string_concat3(ZSTR_VAL(f), ZSTR_LEN(f), " ", 1, ZSTR_VAL(l), ZSTR_LEN(l)));
			if (email) {
				ZVAL_COPY(&copy, email);
			} else {
				ZVAL_NULL(&copy);
			}
			add_assoc_zval(&user, "email", &copy);
			add_assoc_bool(&user, "is_owner", owner != 0 && uid == owner);
			add_next_index_zval(&list, &user);
			zend_string_release(f);
			zend_string_release(l);
		} ZEND_HASH_FOREACH_END();
		add_assoc_zval(&users, "user", &list);
	}
	zend_hash_str_update(ht, ZEND_STRL("users"), &users);
}

/* ---- stats (§11.9) ---- */

static void la_price_new(zval *price, zval *amount, const zval *currency)
{
	zend_string *text = amount ? zval_get_string(amount) : ZSTR_EMPTY_ALLOC();

	if (ZSTR_LEN(text) == 0) {
		zend_string_release(text);
		text = zend_string_init(ZEND_STRL("0.00"), 0);
	}
	php_localapi_price_new(price, ZSTR_VAL(text), ZSTR_LEN(text), currency);
	zend_string_release(text);
}

static void la_price(HashTable *ht, const char *key, zval *amount, const zval *currency)
{
	zval price;

	la_price_new(&price, amount, currency);
	zend_hash_str_update(ht, key, strlen(key), &price);
}

/* A status group's keys may hold any byte (a NUL too): keyed by zend_string. */
static void la_price_key(HashTable *ht, zend_string *key, zval *amount, const zval *currency)
{
	zval price;

	la_price_new(&price, amount, currency);
	zend_hash_update(ht, key, &price);
}

static void la_add_long_key(HashTable *ht, zend_string *key, zend_long n)
{
	zval v;

	ZVAL_LONG(&v, n);
	zend_hash_update(ht, key, &v);
}

static zval *la_stat(const zval *rows, const char *column)
{
	HashTable *row = php_localapi_db_first_row((zval *) rows);

	return row ? zend_hash_str_find(row, column, strlen(column)) : NULL;
}

static zend_long la_stat_long(const zval *rows, const char *column)
{
	zval *v = la_stat(rows, column);

	return v ? zval_get_long(v) : 0;
}

/* The status entry's keys: k is the status without spaces, lower-cased (ASCII). */
static void la_add_status_entry(HashTable *ht, const char *status, size_t len, zend_long count, zval *amount,
	const zval *currency)
{
	smart_str k = {0};
	zend_string *num, *sum;

	for (size_t i = 0; i < len; i++) {
		if (status[i] != ' ') {
			smart_str_appendc(&k, zend_tolower_ascii(status[i]));
		}
	}
	smart_str_0(&k);
	num = zend_string_concat3(ZEND_STRL("num"), k.s ? ZSTR_VAL(k.s) : "", k.s ? ZSTR_LEN(k.s) : 0,
		ZEND_STRL("invoices"));
	sum = zend_string_concat2(k.s ? ZSTR_VAL(k.s) : "", k.s ? ZSTR_LEN(k.s) : 0, ZEND_STRL("invoicesamount"));
	la_add_long_key(ht, num, count);
	la_price_key(ht, sum, amount, currency);
	zend_string_release(num);
	zend_string_release(sum);
	smart_str_free(&k);
}

static void la_add_stats(HashTable *ht, const la_gcd *g)
{
	static const char *const products[][2] = {
		{ "productsnumactivehosting", "productsnumhosting" },
		{ "productsnumactivereseller", "productsnumreseller" },
		{ "productsnumactiveservers", "productsnumservers" },
		{ "productsnumactiveother", "productsnumother" },
	};
	const zval *cur = &g->stats_currency;
	zval currency, stats, *row_zv, zero, *credit;
	HashTable *s;
	la_str credit_text;
	bool incredit = false;
	zval *groups[7] = { NULL };
	zend_long active = 0, total = 0;

	/* getCurrency(): the currency row, or the six keys with null values. */
	array_init_size(&currency, 6);
	if (Z_TYPE_P(cur) == IS_ARRAY) {
		static const char *const keys[] = { "id", "code", "prefix", "suffix", "format", "rate" };
		for (int i = 0; i < 6; i++) {
			zval *v = zend_hash_str_find(Z_ARRVAL_P(cur), keys[i], strlen(keys[i])), copy;
			if (v) {
				ZVAL_COPY(&copy, v);
			} else {
				ZVAL_NULL(&copy);
			}
			add_assoc_zval(&currency, keys[i], &copy);
		}
	} else {
		add_assoc_null(&currency, "id");
		add_assoc_null(&currency, "code");
		add_assoc_null(&currency, "prefix");
		add_assoc_null(&currency, "suffix");
		add_assoc_null(&currency, "format");
		add_assoc_null(&currency, "rate");
	}
	ZVAL_STRINGL(&zero, "0.00", 4);
	array_init_size(&stats, 41);
	s = Z_ARRVAL(stats);

	la_add_long(s, "numdueinvoices", la_stat_long(&g->stats_rows[0], "numdue"));
	la_price(s, "dueinvoicesbalance", la_stat(&g->stats_rows[0], "duebalance"), &currency);
	credit = la_col(g, "credit");
	credit_text = la_col_str(g, "credit");
	for (size_t i = 0; i < credit_text.len && credit_text.ptr[0] != '-'; i++) {
		if (credit_text.ptr[i] >= '1' && credit_text.ptr[i] <= '9') {
			incredit = true;
		}
	}
	la_add_bool(s, "incredit", incredit);
	la_price(s, "creditbalance", credit && Z_TYPE_P(credit) == IS_STRING ? credit : &zero, &currency);
	la_price(s, "grossRevenue", la_stat(&g->stats_rows[1], "gross"), &currency);
	la_price(s, "expenses", la_stat(&g->stats_rows[1], "expenses"), &currency);
	la_price(s, "income", la_stat(&g->stats_rows[1], "income"), &currency);
	la_add_long(s, "numoverdueinvoices", la_stat_long(&g->stats_rows[0], "numoverdue"));
	la_price(s, "overdueinvoicesbalance", la_stat(&g->stats_rows[0], "overduebalance"), &currency);
	la_add_long(s, "numDraftInvoices", la_stat_long(&g->stats_rows[0], "numdraft"));
	la_price(s, "draftInvoicesBalance", la_stat(&g->stats_rows[0], "draftbalance"), &currency);

	/* The six named entries, then the other groups in the collation's order of status. */
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(g->stats_rows[2]), row_zv) {
		zend_long slot = zval_get_long(zend_hash_str_find(Z_ARRVAL_P(row_zv), ZEND_STRL("slot")));
		if (slot >= 1 && slot <= 6 && !groups[slot]) {
			groups[slot] = row_zv;
		}
	} ZEND_HASH_FOREACH_END();
	for (int i = 1; i <= 6; i++) {
		zval amount;
		zend_long count = 0;
		if (groups[i]) {
			HashTable *row = Z_ARRVAL_P(groups[i]);
			count = zval_get_long(zend_hash_str_find(row, ZEND_STRL("n")));
			/* Paid: Σ total + Σ credit, the server's exact DECIMAL sum. */
			ZVAL_COPY(&amount, zend_hash_str_find(row, i == 2 ? "withcredit" : "total",
				i == 2 ? sizeof("withcredit") - 1 : sizeof("total") - 1));
		} else {
			ZVAL_COPY(&amount, &zero);
		}
		la_add_status_entry(s, la_status_names[i - 1], strlen(la_status_names[i - 1]), count, &amount, &currency);
		zval_ptr_dtor(&amount);
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(g->stats_rows[2]), row_zv) {
		HashTable *row = Z_ARRVAL_P(row_zv);
		if (zval_get_long(zend_hash_str_find(row, ZEND_STRL("slot"))) != 0) {
			continue;
		}
		zval *status = zend_hash_str_find(row, ZEND_STRL("status"));
		zend_string *st = status ? zval_get_string(status) : ZSTR_EMPTY_ALLOC();
		la_add_status_entry(s, ZSTR_VAL(st), ZSTR_LEN(st), zval_get_long(zend_hash_str_find(row, ZEND_STRL("n"))),
			zend_hash_str_find(row, ZEND_STRL("total")), &currency);
		zend_string_release(st);
	} ZEND_HASH_FOREACH_END();

	{
		HashTable *row = php_localapi_db_first_row((zval *) &g->stats_rows[3]);
		zval *v;
		int col = 0;
		ZEND_HASH_FOREACH_VAL(row, v) {
			if (col < 8) {
				zend_long n = zval_get_long(v);
				la_add_long(s, products[col / 2][col % 2], n);
				if (col % 2 == 0) {
					active += n;
				} else {
					total += n;
				}
			}
			col++;
		} ZEND_HASH_FOREACH_END();
	}
	la_add_long(s, "productsnumactive", active);
	la_add_long(s, "productsnumtotal", total);
	la_add_long(s, "numactivedomains", la_stat_long(&g->stats_rows[4], "activedomains"));
	la_add_long(s, "numdomains", la_stat_long(&g->stats_rows[4], "domains"));
	la_add_long(s, "numacceptedquotes", la_stat_long(&g->stats_rows[4], "acceptedquotes"));
	la_add_long(s, "numquotes", la_stat_long(&g->stats_rows[4], "quotes"));
	la_add_long(s, "numtickets", la_stat_long(&g->stats_rows[4], "tickets"));
	la_add_long(s, "numactivetickets", la_stat_long(&g->stats_rows[4], "activetickets"));
	la_add_long(s, "numaffiliatesignups", la_stat_long(&g->stats_rows[4], "signups"));
	la_add_bool(s, "isAffiliate", la_stat_long(&g->stats_rows[4], "affiliates") > 0);

	zval_ptr_dtor(&zero);
	zval_ptr_dtor(&currency);
	zend_hash_str_update(ht, ZEND_STRL("stats"), &stats);
}

/* ---- the whole answer ---- */

static void la_gcd_record(HashTable *rec, const la_gcd *g, zend_long id, bool *warn)
{
	bool v8 = g->major >= 8, verified = false;
	zend_long owner = v8 ? la_owner_id(g, &verified) : 0;
	la_phone_fields phone;
	la_str stored_phone = la_col_str(g, "phonenumber");
	char *phone_buf = emalloc(LA_PHONE_BUF(stored_phone.len));
	bool cards;
	zval *cctype;

	la_phone_format(stored_phone, la_col_str(g, "country"), g->major, phone_buf, &phone);

	la_add_long(rec, "userid", id);
	if (v8) {
		la_add_long(rec, "client_id", id);
	}
	la_add_long(rec, "id", id);
	if (v8) {
		la_add_long(rec, "owner_user_id", owner);
	}
	la_add_uuid(rec, g);
	la_add_stored(rec, "firstname", g, "firstname");
	la_add_stored(rec, "lastname", g, "lastname");
	la_add_fullname(rec, g);
	la_add_stored(rec, "companyname", g, "companyname");
	la_add_stored(rec, "email", g, "email");
	la_add_stored(rec, "address1", g, "address1");
	la_add_stored(rec, "address2", g, "address2");
	la_add_stored(rec, "city", g, "city");
	la_add_stored(rec, "fullstate", g, "state");
	la_add_stored(rec, "state", g, "state");
	la_add_postcode(rec, g);
	la_add_stored(rec, "countrycode", g, "country");
	la_add_stored(rec, "country", g, "country");
	la_add_str(rec, "phonenumber", phone.number);
	la_add_stored(rec, "tax_id", g, "tax_id");
	if (!v8) {
		la_add_stored(rec, "password", g, "password");
	}
	la_add_email_preferences(rec, g);
	la_add_computed(rec, g, &phone);
	efree(phone_buf);
	la_add_stored(rec, "billingcid", g, "billingcid");
	la_add_stored(rec, "notes", g, "notes");
	if (!v8) {
		la_add_bool(rec, "twofaenabled", la_str_truthy(la_col_str(g, "authmodule")));
	}
	la_add_stored(rec, "currency", g, "currency");
	la_add_stored(rec, "defaultgateway", g, "defaultgateway");
	cards = la_card_keys_hold(g);
	la_add_card_keys(rec, g, cards);
	cctype = zend_hash_str_find(rec, ZEND_STRL("cctype"));
	*warn = cctype && zend_is_true(cctype);
	if (!v8) {
		la_add_stored(rec, "securityqid", g, "securityqid");
		la_add_stored(rec, "securityqans", g, "securityqans");
	}
	la_add_stored(rec, "groupid", g, "groupid");
	la_add_stored(rec, "status", g, "status");
	la_add_stored(rec, "credit", g, "credit");
	la_add_bool(rec, "taxexempt", la_col_nonzero(g, "taxexempt"));
	la_add_bool(rec, "latefeeoveride", la_col_nonzero(g, "latefeeoveride"));
	la_add_bool(rec, "overideduenotices", la_col_nonzero(g, "overideduenotices"));
	la_add_bool(rec, "separateinvoices", la_col_nonzero(g, "separateinvoices"));
	la_add_bool(rec, "disableautocc", la_col_nonzero(g, "disableautocc"));
	la_add_bool(rec, "emailoptout", la_col_nonzero(g, "emailoptout"));
	la_add_bool(rec, "marketing_emails_opt_in", la_col_nonzero(g, "marketing_emails_opt_in"));
	la_add_bool(rec, "overrideautoclose", la_col_nonzero(g, "overrideautoclose"));
	la_add_stored(rec, "allowSingleSignOn", g, "allow_sso");
	la_add_bool(rec, "email_verified", v8 ? verified : la_col_nonzero(g, "email_verified"));
	la_add_stored(rec, "language", g, "language");
	la_add_bool(rec, "isOptedInToMarketingEmails", la_setting_on(g, LA_S_MARKETING)
		? la_col_nonzero(g, "marketing_emails_opt_in") : !la_col_nonzero(g, "emailoptout"));
	if (v8) {
		la_add_stored(rec, "tax_state", g, "state");
		la_add_stored(rec, "tax_countrycode", g, "country");
	}
	la_add_lastlogin(rec, g);
	la_add_custom_fields(rec, g, id);
	if (Z_TYPE(g->currency_row) == IS_ARRAY) {
		zval *code = zend_hash_str_find(Z_ARRVAL(g->currency_row), ZEND_STRL("code")), copy;
		if (code) {
			ZVAL_COPY(&copy, code);
		} else {
			ZVAL_NULL(&copy);
		}
		zend_hash_str_update(rec, ZEND_STRL("currency_code"), &copy);
	} else {
		zval null;
		ZVAL_NULL(&null);
		zend_hash_str_update(rec, ZEND_STRL("currency_code"), &null);
	}
	if (v8) {
		la_add_users(rec, g, owner);
	}
}

static void la_gcd_success(la_gcd *g, zval *return_value)
{
	zval *idv = la_col(g, "id"), rec, client, *v;
	zend_long id = idv ? zval_get_long(idv) : 0;
	zend_string *key;
	bool warn = false;

	array_init(&rec);
	la_gcd_record(Z_ARRVAL(rec), g, id, &warn);

	zval_ptr_dtor(return_value);
	array_init_size(return_value, zend_hash_num_elements(Z_ARRVAL(rec)) + 4);
	add_assoc_string(return_value, "result", "success");
	array_init_size(&client, zend_hash_num_elements(Z_ARRVAL(rec)));
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(rec), key, v) {
		Z_TRY_ADDREF_P(v);
		zend_hash_update(Z_ARRVAL_P(return_value), key, v);
		if (!zend_string_equals_literal(key, "cctype") && !zend_string_equals_literal(key, "cclastfour")
				&& !zend_string_equals_literal(key, "gatewayid")) {
			Z_TRY_ADDREF_P(v);
			zend_hash_update(Z_ARRVAL(client), key, v);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rec);
	if (warn) {
		add_assoc_string(return_value, "warning", (char *) la_warning);
	}
	add_assoc_zval(return_value, "client", &client);
	if (g->stats) {
		la_add_stats(Z_ARRVAL_P(return_value), g);
	}
}

void php_localapi_cmd_getclientsdetails(HashTable *post_data, const php_localapi_admin *admin, zval *return_value)
{
	const php_localapi_whmcs *whmcs = NULL;
	php_localapi_db_error err;
	la_link *link = NULL;
	la_gcd g;

	(void) admin;
	memset(&g, 0, sizeof(g));
	ZVAL_UNDEF(&g.client);
	ZVAL_UNDEF(&g.currency_row);
	ZVAL_UNDEF(&g.stats_currency);
	ZVAL_UNDEF(&g.owner);
	ZVAL_UNDEF(&g.users);
	ZVAL_UNDEF(&g.last_login);
	ZVAL_UNDEF(&g.fields);
	for (int i = 0; i < 3; i++) {
		ZVAL_UNDEF(&g.settings[i]);
	}
	for (int i = 0; i < 5; i++) {
		ZVAL_UNDEF(&g.stats_rows[i]);
	}
	if (!la_gcd_from_post(&g, post_data, return_value)
		|| !(link = php_localapi_command_connect(&whmcs, return_value))) {
		goto done;
	}
	g.major = php_localapi_whmcs_behaviour(whmcs) >= 8 ? 8 : 7;
	if (!la_gcd_read_retried(link, &g, &err)) {
		php_localapi_db_error_result(return_value, &err);
	} else if (!g.found) {
		php_localapi_error(return_value, "Client Not Found");
	} else {
		/* The transaction is over: CustomFieldLoad callbacks may call localAPI(). */
		php_localapi_command_end(link);
		link = NULL;
		la_gcd_success(&g, return_value);
	}
done:
	php_localapi_command_end(link);
	la_gcd_reads_free(&g);
	if (g.email) {
		zend_string_release(g.email);
	}
}
