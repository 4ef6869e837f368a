/*
 * UpdateContact: the given fields of one tblcontacts row, and only those.
 * Each attempt reads the row with a locking read (FOR UPDATE), so that what
 * it compares (the stored sub-account flag and email, domainemails) stays
 * true until COMMIT, then writes with one UPDATE whose every column is
 * COALESCE(?, column): a column not given binds NULL and keeps the value the
 * server holds at that moment, so two calls changing different fields of one
 * contact both survive (nothing is read in C and written back). Only the
 * columns whose value differs are bound, and without any the UPDATE is not
 * sent at all: a call that changes nothing writes nothing, and updated_at
 * moves only with a change. The write layer (command/write.c) adds the
 * COMMIT, the retries and the lookup after a COMMIT that went unanswered; no
 * hook, no activity log (behaviour §10).
 *
 * 7.x: the duplicate-email rule of AddContact guards one invariant, that no
 * sub-account shares its email with a client or another sub-account: the
 * checks are locking reads of the email's index range (a racing AddContact's
 * INSERT ... SELECT conflicts with them), after the email's claim on a
 * Galera node (command/email_claim.c), exactly as AddContact does.
 */
#include "commands/commands.h"

#include "ext/json/php_json.h"
#include "zend_exceptions.h"
#include "zend_smart_str.h"

/* The columns UpdateContact may write, in the UPDATE's order. */
typedef enum {
	LA_C_TEXT_FIRST = 0,                         /* firstname ... phonenumber: la_field order */
	LA_C_TEXT_LAST = LA_F_PHONENUMBER,
	LA_C_FLAG_FIRST,                             /* generalemails ...: la_email_type order */
	LA_C_FLAG_LAST = LA_C_FLAG_FIRST + LA_E_COUNT - 1,
	LA_C_SUBACCOUNT,
	LA_C_PASSWORD,
	LA_C_PERMISSIONS,
	LA_C_COUNT
} la_column;

#include "commands/update_contact_sql.h"

#define LA_NAME(c) c,
static const char *const la_column_names[LA_C_COUNT] = { LA_COLUMN_LIST(LA_NAME) };

/* After a COMMIT that went unanswered: the row holds every value this call wrote. */
#define LA_SAME(c) " AND (? IS NULL OR BINARY " c " = ?)"
#define LA_LOOKUP "SELECT id FROM tblcontacts WHERE id = ?" LA_COLUMN_LIST(LA_SAME)
static const char la_sql_lookup[] = LA_LOOKUP;
static const char la_sql_lookup_causal[] = "SET STATEMENT wsrep_sync_wait = 1 FOR " LA_LOOKUP;

/* The duplicate-email rule (7.x): locking reads, as AddContact's INSERT ... SELECT reads. */
static const char la_sql_client_email[] = "SELECT id FROM tblclients WHERE email = ? LOCK IN SHARE MODE";
static const char la_sql_subaccount_email[] =
	"SELECT id FROM tblcontacts WHERE subaccount = 1 AND email = ? AND id <> ? LOCK IN SHARE MODE";

/* The ICANN rule. */
static const char la_sql_client_prefs[] =
	"SELECT email_preferences FROM tblclients WHERE id = ? LOCK IN SHARE MODE";
static const char la_sql_other_domain_contact[] =
	"SELECT id FROM tblcontacts WHERE userid = ? AND id <> ? AND domainemails = 1 LIMIT 1 LOCK IN SHARE MODE";

#define LA_SUBACCOUNT_WARNING "Sub Accounts are no longer supported. Please use UpdateUser"
#define LA_ICANN_MESSAGE "You must have at least one email address enabled to receive domain related" \
	" notifications as required by ICANN. To disable domain notifications, please enable domain" \
	" notifications for the primary account holder or another contact"
#define LA_EMAIL_TYPES_VALID "Valid options are: general, invoice, support, product, domain, affiliate"

typedef enum {
	LA_REFUSED_NONE,
	LA_REFUSED_NOT_FOUND,
	LA_REFUSED_DUPLICATE,
	LA_REFUSED_ICANN
} la_refusal;

/* One UpdateContact call: what was given, and what each attempt found. */
typedef struct {
	php_localapi_write write;      /* first: the write layer's callbacks get this */
	zval contactid_given;          /* the answer's contactid, as given (normalised) */
	long long contactid;
	int behaviour;                 /* 7 or 8 */
	bool requested;                /* 8.x: password2 or permissions is truthy */
	bool given[LA_C_COUNT];
	zend_string *text[LA_C_COUNT]; /* text columns, password (its hash, or ''), permissions */
	long long number[LA_C_COUNT];  /* the email flags and subaccount */
	/* The attempt's findings. */
	bool write_column[LA_C_COUNT]; /* given, and different from the stored value */
	long long userid;
	long long stored_subaccount;
	la_refusal refusal;
	MYSQL_BIND update_params[LA_C_COUNT + 1];
	MYSQL_BIND lookup_params[1 + 2 * LA_C_COUNT];
} la_upd;

static bool la_column_is_number(int c)
{
	return (c >= LA_C_FLAG_FIRST && c <= LA_C_FLAG_LAST) || c == LA_C_SUBACCOUNT;
}

static void la_bind_column(const la_upd *upd, int c, MYSQL_BIND *param)
{
	if (!upd->write_column[c]) {
		php_localapi_bind_null(param);
	} else if (la_column_is_number(c)) {
		php_localapi_bind_long(param, (long long *) &upd->number[c]);
	} else {
		php_localapi_bind_str(param, ZSTR_VAL(upd->text[c]), ZSTR_LEN(upd->text[c]));
	}
}

/* Whether the given value of column c differs from the stored one. */
static bool la_differs(const la_upd *upd, int c, HashTable *row)
{
	zval *stored = zend_hash_str_find(row, la_column_names[c], strlen(la_column_names[c]));

	if (!stored || Z_TYPE_P(stored) == IS_NULL) {
		return true;
	}
	if (la_column_is_number(c)) {
		return zval_get_long(stored) != upd->number[c];
	}
	return Z_TYPE_P(stored) != IS_STRING || !zend_string_equals(Z_STR_P(stored), upd->text[c]);
}

static zend_string *la_stored_string(HashTable *row, const char *name)
{
	zval *value = zend_hash_str_find(row, name, strlen(name));

	return value && Z_TYPE_P(value) == IS_STRING ? Z_STR_P(value) : ZSTR_EMPTY_ALLOC();
}

static zend_long la_stored_long(HashTable *row, const char *name)
{
	zval *value = zend_hash_str_find(row, name, strlen(name));

	return value ? zval_get_long(value) : 0;
}

static bool la_found(la_link *link, const char *sql, MYSQL_BIND *params, bool *found, php_localapi_db_error *err)
{
	return php_localapi_db_has_row(link, sql, params, found, err);
}

/* 7.x: the resulting contact is a sub-account whose email or flag changes; its email must
 * be no client's and no other sub-account's. Claimed first on a Galera node. */
static bool la_email_taken(la_link *link, la_upd *upd, zend_string *email, bool *taken, php_localapi_db_error *err)
{
	MYSQL_BIND params[2];

	*taken = false;
	if (!php_localapi_email_claim(link, ZSTR_VAL(email), ZSTR_LEN(email), err)) {
		return false;
	}
	php_localapi_bind_str(&params[0], ZSTR_VAL(email), ZSTR_LEN(email));
	if (!la_found(link, la_sql_client_email, params, taken, err)) {
		return false;
	}
	if (*taken) {
		return true;
	}
	php_localapi_bind_long(&params[1], &upd->contactid);
	return la_found(link, la_sql_subaccount_email, params, taken, err);
}

/* Whether the client receives domain emails: its email_preferences JSON, NULL or empty
 * (or not an object) meaning all on, a type it does not list on. A missing client does not. */
static bool la_client_gets_domain_emails(la_link *link, la_upd *upd, bool *gets, php_localapi_db_error *err)
{
	MYSQL_BIND param;
	HashTable *row;
	zval rows, *prefs, decoded, *domain;

	*gets = false;
	php_localapi_bind_long(&param, &upd->userid);
	if (!php_localapi_db_rows(link, la_sql_client_prefs, &param, &rows, err)) {
		return false;
	}
	if ((row = php_localapi_db_first_row(&rows))) {
		*gets = true;
		prefs = zend_hash_str_find(row, ZEND_STRL("email_preferences"));
		if (prefs && Z_TYPE_P(prefs) == IS_STRING && Z_STRLEN_P(prefs) > 0
			&& php_json_decode_ex(&decoded, Z_STRVAL_P(prefs), Z_STRLEN_P(prefs), PHP_JSON_OBJECT_AS_ARRAY,
				PHP_JSON_PARSER_DEFAULT_DEPTH) == SUCCESS) {
			if (Z_TYPE(decoded) == IS_ARRAY && (domain = zend_hash_str_find(Z_ARRVAL(decoded), ZEND_STRL("domain")))) {
				*gets = zend_is_true(domain);
			}
			zval_ptr_dtor(&decoded);
		}
		if (EG(exception)) {
			zend_clear_exception();
		}
	}
	zval_ptr_dtor(&rows);
	return true;
}

/* A contact about to stop receiving domain emails needs another recipient (behaviour §10). */
static bool la_icann_refuses(la_link *link, la_upd *upd, bool *refuses, php_localapi_db_error *err)
{
	MYSQL_BIND params[2];
	bool client = false, other = false;

	*refuses = false;
	if (!la_client_gets_domain_emails(link, upd, &client, err)) {
		return false;
	}
	if (client) {
		return true;
	}
	php_localapi_bind_long(&params[0], &upd->userid);
	php_localapi_bind_long(&params[1], &upd->contactid);
	if (!la_found(link, la_sql_other_domain_contact, params, &other, err)) {
		return false;
	}
	*refuses = !other;
	return true;
}

/* What this attempt writes, and the checks that the stored row calls for. */
static php_localapi_write_status la_upd_decide(la_link *link, la_upd *upd, HashTable *row,
	php_localapi_db_error *err)
{
	const int domain = LA_C_FLAG_FIRST + LA_E_DOMAIN;
	bool changed = false;

	upd->userid = la_stored_long(row, "userid");
	upd->stored_subaccount = la_stored_long(row, "subaccount");
	upd->write.row.userid = upd->userid;
	for (int c = 0; c < LA_C_COUNT; c++) {
		upd->write_column[c] = upd->given[c] && la_differs(upd, c, row);
		changed = changed || upd->write_column[c];
	}
	if (upd->behaviour < 8) {
		bool subaccount = upd->given[LA_C_SUBACCOUNT] ? upd->number[LA_C_SUBACCOUNT] != 0
			: upd->stored_subaccount != 0;
		zend_string *email = upd->given[LA_C_TEXT_FIRST + LA_F_EMAIL] ? upd->text[LA_C_TEXT_FIRST + LA_F_EMAIL]
			: la_stored_string(row, "email");
		bool taken = false;

		if (subaccount && (upd->write_column[LA_C_TEXT_FIRST + LA_F_EMAIL] || !upd->stored_subaccount)
			&& !la_str_is_empty((la_str) { ZSTR_VAL(email), ZSTR_LEN(email) })) {
			/* The stored email may be freed with row: checked before it is. */
			if (!la_email_taken(link, upd, email, &taken, err)) {
				return PHP_LOCALAPI_WRITE_FAILED;
			}
			if (taken) {
				upd->refusal = LA_REFUSED_DUPLICATE;
				return PHP_LOCALAPI_WRITE_REFUSED;
			}
		}
	}
	if (upd->write_column[domain] && upd->number[domain] == 0) {
		bool refuses = false;

		if (!la_icann_refuses(link, upd, &refuses, err)) {
			return PHP_LOCALAPI_WRITE_FAILED;
		}
		if (refuses) {
			upd->refusal = LA_REFUSED_ICANN;
			return PHP_LOCALAPI_WRITE_REFUSED;
		}
	}
	if (!changed) {
		return PHP_LOCALAPI_WRITE_DONE;    /* nothing to write: COMMIT ends the locking read */
	}
	for (int c = 0; c < LA_C_COUNT; c++) {
		la_bind_column(upd, c, &upd->update_params[c]);
	}
	php_localapi_bind_long(&upd->update_params[LA_C_COUNT], &upd->contactid);
	return php_localapi_db_exec(link, la_sql_update, upd->update_params, NULL, NULL, err)
		? PHP_LOCALAPI_WRITE_DONE : PHP_LOCALAPI_WRITE_FAILED;
}

/* One attempt: the row, locked; the checks; the UPDATE. The write layer adds the COMMIT. */
static php_localapi_write_status la_upd_statements(la_link *link, php_localapi_write *write,
	php_localapi_db_error *err)
{
	la_upd *upd = (la_upd *) write;
	php_localapi_write_status status;
	MYSQL_BIND param;
	HashTable *row;
	zval rows;
	bool galera = false;

	upd->refusal = LA_REFUSED_NONE;
	memset(upd->write_column, 0, sizeof(upd->write_column));
	/* On a Galera node the transaction starts with a savepoint, released in COMMIT's batch
	 * (command.h, .no_read_back): a transaction the node rolled back underneath the session
	 * cannot pass for this one. */
	if (!php_localapi_db_is_galera(link, &galera, err) || (galera && !php_localapi_db_savepoint(link, err))) {
		return PHP_LOCALAPI_WRITE_FAILED;
	}
	php_localapi_bind_long(&param, &upd->contactid);
	if (!php_localapi_db_rows(link, la_sql_row, &param, &rows, err)) {
		return PHP_LOCALAPI_WRITE_FAILED;
	}
	if (!(row = php_localapi_db_first_row(&rows))) {
		zval_ptr_dtor(&rows);
		upd->refusal = LA_REFUSED_NOT_FOUND;
		return PHP_LOCALAPI_WRITE_REFUSED;
	}
	status = la_upd_decide(link, upd, row, err);
	zval_ptr_dtor(&rows);
	return status;
}

/* After a COMMIT that failed or went unanswered: the row holds what this call wrote. */
static bool la_upd_committed(la_link *link, void *context, bool causal, bool *found, php_localapi_db_error *err)
{
	la_upd *upd = (la_upd *) context;
	MYSQL_BIND *p = upd->lookup_params;

	php_localapi_bind_long(&p[0], &upd->contactid);
	for (int c = 0; c < LA_C_COUNT; c++) {
		la_bind_column(upd, c, &p[1 + 2 * c]);
		la_bind_column(upd, c, &p[2 + 2 * c]);
	}
	return php_localapi_db_has_row(link, causal ? la_sql_lookup_causal : la_sql_lookup, p, found, err);
}

static void la_upd_success(const php_localapi_write *write, zval *return_value)
{
	const la_upd *upd = (const la_upd *) write;
	zval id;

	zval_ptr_dtor(return_value);
	array_init_size(return_value, 3);
	add_assoc_string(return_value, "result", "success");
	ZVAL_COPY_VALUE(&id, &upd->contactid_given);
	Z_TRY_ADDREF(id);
	add_assoc_zval(return_value, "contactid", &id);
	if (upd->behaviour >= 8 && (upd->requested || upd->stored_subaccount)) {
		add_assoc_string(return_value, "warning", LA_SUBACCOUNT_WARNING);
	}
}

static void la_upd_refused(const php_localapi_write *write, zval *return_value)
{
	const la_upd *upd = (const la_upd *) write;

	switch (upd->refusal) {
		case LA_REFUSED_DUPLICATE:
			php_localapi_error(return_value, "Duplicate Email Address");
			break;
		case LA_REFUSED_ICANN:
			php_localapi_error(return_value, LA_ICANN_MESSAGE);
			break;
		default:
			php_localapi_error(return_value, "Contact ID Not Found");
			break;
	}
}

static zend_string *la_upd_describe(const php_localapi_write *write)
{
	(void) write;
	return ZSTR_EMPTY_ALLOC();    /* never logged */
}

static const php_localapi_write_spec la_upd_spec = {
	.statements = la_upd_statements,
	.committed = la_upd_committed,
	.describe = la_upd_describe,
	.hook = NULL,
	.hook_len = 0,
	.hook_vars = NULL,
	.success = la_upd_success,
	.refused = la_upd_refused,
	.unknown = "the contact may have been updated",
	.noun = "Contact",
	.done = "updated",
	.table = "tblcontacts",
	/* The updated row is there whether or not this transaction committed, so reading it
	 * back after COMMIT shows nothing: on a Galera node the transaction is marked
	 * (write_mark.c) and the mark is read back instead, as for a delete. */
	.no_read_back = true,
};

static void la_upd_free(la_upd *upd)
{
	zval_ptr_dtor(&upd->contactid_given);
	for (int c = 0; c < LA_C_COUNT; c++) {
		if (upd->text[c]) {
			zend_string_release(upd->text[c]);
		}
	}
}

/* {{{ Input: every check in parameter order, none needing the database */
static zval *la_given(HashTable *post, const char *key)
{
	zval *value = zend_hash_str_find_deref(post, key, strlen(key));

	return value && Z_TYPE_P(value) != IS_NULL ? value : NULL;
}

static bool la_input_text(la_upd *upd, HashTable *post, zval *return_value)
{
	for (int f = LA_F_FIRSTNAME; f <= LA_F_PHONENUMBER; f++) {
		zval *value = la_given(post, la_field_names[f]);
		int c = LA_C_TEXT_FIRST + f;

		if (!value) {
			continue;
		}
		if (!php_localapi_post_stored_value(value, f, &upd->text[c], return_value)) {
			return false;
		}
		upd->given[c] = true;
	}
	return true;
}

static int la_email_type_of(zend_string *key)
{
	for (int t = 0; key && t < LA_E_COUNT; t++) {
		if (zend_string_equals_cstr(key, la_email_type_names[t], strlen(la_email_type_names[t]))) {
			return t;
		}
	}
	return -1;
}

/* email_preferences when not empty (then the legacy flags are ignored), else each legacy
 * <type>emails key given. A flag is PHP truthiness; a flag not given keeps its value. */
static bool la_input_flags(la_upd *upd, HashTable *post, zval *return_value)
{
	zval *prefs = la_given(post, "email_preferences");
	zend_string *key;
	zend_ulong index;
	zval *value;

	if (prefs && php_localapi_post_truthy(prefs)) {
		smart_str bad = {0};

		if (Z_TYPE_P(prefs) != IS_ARRAY) {
			php_localapi_error(return_value, "Argument email_preferences must be empty or an array.");
			return false;
		}
		ZEND_HASH_FOREACH_KEY(Z_ARRVAL_P(prefs), index, key) {
			/* A key is named in the error: it must be text the answer can carry. */
			if (key && !la_utf8_valid(ZSTR_VAL(key), ZSTR_LEN(key))) {
				smart_str_free(&bad);
				php_localapi_error(return_value, "Invalid UTF-8 in email_preferences");
				return false;
			}
			if (la_email_type_of(key) < 0) {
				if (bad.s) {
					smart_str_appends(&bad, ", ");
				}
				if (key) {
					smart_str_append(&bad, key);
				} else {
					smart_str_append_unsigned(&bad, index);
				}
			}
		} ZEND_HASH_FOREACH_END();
		if (bad.s) {
			smart_str message = {0};

			smart_str_appends(&message, "Invalid Email Type: ");
			smart_str_append_smart_str(&message, &bad);
			smart_str_appends(&message, ". " LA_EMAIL_TYPES_VALID);
			smart_str_free(&bad);
			php_localapi_error_str(return_value, smart_str_extract(&message));
			return false;
		}
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(prefs), key, value) {
			int c = LA_C_FLAG_FIRST + la_email_type_of(key);

			upd->given[c] = true;
			upd->number[c] = php_localapi_post_truthy(value);
		} ZEND_HASH_FOREACH_END();
		return true;
	}
	for (int t = 0; t < LA_E_COUNT; t++) {
		if ((value = la_given(post, la_email_legacy_names[t]))) {
			upd->given[LA_C_FLAG_FIRST + t] = true;
			upd->number[LA_C_FLAG_FIRST + t] = php_localapi_post_truthy(value);
		}
	}
	return true;
}

/* permissions: a comma-separated string stored as given, or a list of names joined with ','. */
static bool la_input_permissions(la_upd *upd, zval *value, zval *return_value)
{
	zend_string **out = &upd->text[LA_C_PERMISSIONS];

	if (Z_TYPE_P(value) != IS_ARRAY) {
		if (!php_localapi_post_stored_value(value, LA_F_PERMISSIONS, out, return_value)) {
			return false;
		}
	} else {
		smart_str joined = {0};
		zval *item;

		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) {
			zend_string *name;

			ZVAL_DEREF(item);
			if (!php_localapi_post_stored_value(item, LA_F_PERMISSIONS, &name, return_value)) {
				smart_str_free(&joined);
				return false;
			}
			if (joined.s) {
				smart_str_appendc(&joined, ',');
			}
			smart_str_append(&joined, name);
			zend_string_release(name);
		} ZEND_HASH_FOREACH_END();
		*out = joined.s ? smart_str_extract(&joined) : ZSTR_EMPTY_ALLOC();
		/* Each item fits the column; together they may not. */
		if (la_field_check(LA_F_PERMISSIONS, (la_str) { ZSTR_VAL(*out), ZSTR_LEN(*out) }).code != LA_OK) {
			php_localapi_error(return_value, "permissions is longer than %d bytes", LA_TEXT_MAX_BYTES);
			return false;
		}
	}
	if (!php_localapi_post_permissions_known(*out, return_value)) {
		return false;
	}
	if (la_str_is_empty((la_str) { ZSTR_VAL(*out), ZSTR_LEN(*out) })) {
		zend_string_release(*out);
		*out = ZSTR_EMPTY_ALLOC();    /* '0' counts as empty, as in AddContact */
	}
	upd->given[LA_C_PERMISSIONS] = true;
	return true;
}

/* 7.x: subaccount, password2 (hashed later) and permissions. 8.x writes none of them and
 * only tests password2 and permissions for truthiness (the warning). */
static bool la_input_legacy(la_upd *upd, HashTable *post, zval *return_value)
{
	zval *subaccount = la_given(post, "subaccount");
	zval *password = la_given(post, "password2");
	zval *permissions = la_given(post, "permissions");

	if (upd->behaviour >= 8) {
		upd->requested = (password && php_localapi_post_truthy(password))
			|| (permissions && php_localapi_post_truthy(permissions));
		return true;
	}
	if (subaccount) {
		upd->given[LA_C_SUBACCOUNT] = true;
		upd->number[LA_C_SUBACCOUNT] = php_localapi_post_truthy(subaccount);
	}
	if (password) {
		if (!php_localapi_post_stored_value(password, LA_F_PASSWORD2, &upd->text[LA_C_PASSWORD], return_value)) {
			return false;
		}
		upd->given[LA_C_PASSWORD] = true;
	}
	return !permissions || la_input_permissions(upd, permissions, return_value);
}
/* }}} */

/* password2: its bcrypt hash (made before any lock is taken), or '' for "". */
static bool la_hash_password(la_upd *upd, zval *return_value)
{
	zend_string *plain = upd->text[LA_C_PASSWORD], *hash;

	if (!upd->given[LA_C_PASSWORD] || ZSTR_LEN(plain) == 0) {
		return true;
	}
	if (!(hash = php_localapi_password_hash((la_str) { ZSTR_VAL(plain), ZSTR_LEN(plain) }))) {
		php_localapi_error(return_value, "Cannot hash password2");
		return false;
	}
	zend_string_release(plain);
	upd->text[LA_C_PASSWORD] = hash;
	return true;
}

void php_localapi_cmd_updatecontact(HashTable *post_data, const php_localapi_admin *admin, zval *return_value)
{
	const php_localapi_whmcs *whmcs = NULL;
	la_link *link = NULL;
	la_upd upd;
	int32_t contactid = 0;

	(void) admin;
	memset(&upd, 0, sizeof(upd));
	ZVAL_UNDEF(&upd.contactid_given);
	upd.behaviour = (int) LOCALAPI_G(whmcs_version);
	if (!php_localapi_post_row_id(post_data, "contactid", &contactid, &upd.contactid_given, return_value)
		|| !la_input_text(&upd, post_data, return_value) || !la_input_flags(&upd, post_data, return_value)) {
		goto done;
	}
	/* With localapi.whmcs_version=auto only the database tells whether the 7.x keys count. */
	if (upd.behaviour == PHP_LOCALAPI_WHMCS_AUTO) {
		if (!(link = php_localapi_command_connect(&whmcs, return_value))) {
			goto done;
		}
		upd.behaviour = php_localapi_whmcs_behaviour(whmcs);
	}
	if (!la_input_legacy(&upd, post_data, return_value)) {
		goto done;
	}
	if (contactid == 0) {
		php_localapi_error(return_value, "Contact ID Not Found");
		goto done;
	}
	if (!la_hash_password(&upd, return_value)) {
		goto done;
	}
	if (link || (link = php_localapi_command_connect(&whmcs, return_value))) {
		upd.contactid = contactid;
		php_localapi_write_init(&upd.write, &la_upd_spec, whmcs, 0, NULL);
		upd.write.row.id = contactid;
		php_localapi_write_run(link, &upd.write, return_value);
	}
done:
	php_localapi_command_end(link);
	la_upd_free(&upd);
}
