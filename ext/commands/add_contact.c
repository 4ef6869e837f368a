/*
 * AddContact: the record is inserted with one guarded INSERT ... SELECT (the
 * client check, and for 7.x sub-accounts the duplicate-email rule, decided by
 * the server in the same statement), then the activity-log row, then COMMIT.
 * 8.x stores no sub-account: password2 and permissions only earn a warning.
 */
#include "commands/commands.h"

#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/standard/php_password.h"

#include <errmsg.h>
#include <mysqld_error.h>

#define LA_CONTACT_COLUMNS \
	"INSERT INTO tblcontacts (userid, firstname, lastname, companyname, email, address1, address2," \
	" city, state, postcode, country, phonenumber, tax_id, subaccount, password, permissions," \
	" generalemails, productemails, domainemails, invoiceemails, supportemails, affiliateemails," \
	" pwresetkey, created_at, updated_at)"

#define LA_CONTACT_VALUES \
	" ?, ?, ?, ?, ?, ?, ?, ?, ?," \
	" COALESCE(?, (SELECT cf.value FROM tblconfiguration cf WHERE cf.setting = 'DefaultCountry' LIMIT 1), '')," \
	" ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', NOW(), NOW()"

/* A plain contact: a missing client leaves userid NULL, which the NOT NULL column
 * refuses (ER_BAD_NULL_ERROR), so one statement both checks and inserts. The
 * subquery is a plain consistent read: cheaper than INSERT ... SELECT's locking read. */
static const char la_sql_insert[] = LA_CONTACT_COLUMNS
	" VALUES ((SELECT c.id FROM tblclients c WHERE c.id = ?)," LA_CONTACT_VALUES ")";

/* The duplicate check runs inside the INSERT: under REPEATABLE READ the locking reads
 * of INSERT ... SELECT lock the email's index range, so two racing calls cannot both
 * insert the same new email; one of them deadlocks, is retried and sees the other's row. */
static const char la_sql_insert_unique[] = LA_CONTACT_COLUMNS
	" SELECT c.id," LA_CONTACT_VALUES " FROM tblclients c WHERE c.id = ?"
	" AND NOT EXISTS (SELECT 1 FROM tblclients d WHERE d.email = ?)"
	" AND NOT EXISTS (SELECT 1 FROM tblcontacts s WHERE s.subaccount = 1 AND s.email = ?)";

static const char la_sql_client_exists[] = "SELECT id FROM tblclients WHERE id = ? LOCK IN SHARE MODE";

static const char la_sql_contact_country[] = "SELECT country FROM tblcontacts WHERE id = ?";

#define LA_SUBACCOUNT_WARNING "Sub Accounts are no longer supported. Please use AddUser and CreateClientInvite"

/* Everything one AddContact call writes, bound once and reused by every attempt. */
typedef struct {
	const la_contact *record;
	zend_string *password_hash;    /* '' for a plain contact */
	long long clientid;
	long long subaccount;
	long long emails[LA_E_COUNT];
	int behaviour;                 /* 7 or 8 */
	bool warn;                     /* 8.x: password2 or permissions was given */
	php_localapi_whmcs layout;     /* this call's copy: a reconnect forgets the link's */
	php_localapi_log_row log;
	long long contactid;
	MYSQL_BIND insert_params[24];
} la_add;

typedef enum {
	LA_ADDED,
	LA_NO_CLIENT,
	LA_DUPLICATE,
	LA_FAILED,
	LA_UNKNOWN           /* the COMMIT failed and nobody could tell whether it happened */
} la_add_status;

/* PHP's bcrypt, found once: php_password_algo_bcrypt itself is not exported by the PHP
 * binary (no PHPAPI), so it is taken from the password API's registry, which ext/standard
 * fills in its MINIT, before ours (config.m4 declares the dependency). */
static const php_password_algo *la_bcrypt;

void php_localapi_add_contact_module_init(void)
{
	zend_string *ident = zend_string_init(ZEND_STRL("2y"), 1);

	la_bcrypt = php_password_algo_find(ident);
	zend_string_release(ident);
}

/* Sub-account passwords are bcrypt at cost 10 ($2y$10$...), the password API's
 * default up to PHP 8.3. PHP 8.4 raised that default to 12, so the cost is
 * given: the same hashes, and the same time per call, on every supported PHP. */
#define LA_BCRYPT_COST 10

static zend_string *la_password_hash(la_str plain)
{
	HashTable *options = zend_new_array(1);
	zend_string *password, *hash;
	zval cost;

	ZVAL_LONG(&cost, LA_BCRYPT_COST);
	zend_hash_str_add_new(options, ZEND_STRL("cost"), &cost);
	password = zend_string_init(plain.ptr, plain.len, 0);
	hash = la_bcrypt ? la_bcrypt->hash(password, options) : NULL;
	zend_string_release(password);
	zend_array_destroy(options);
	if (EG(exception)) {
		/* The password API reports bad input by throwing; localAPI() answers with an array. */
		zend_clear_exception();
		if (hash) {
			zend_string_release(hash);
		}
		return NULL;
	}
	return hash;
}

/* Parameters of la_sql_insert (unique = false) or la_sql_insert_unique (unique = true). */
static void la_bind_insert(la_add *add, bool unique)
{
	const la_contact *c = add->record;
	MYSQL_BIND *p = add->insert_params;
	la_str permissions = c->field[LA_F_PERMISSIONS];
	la_str email = c->field[LA_F_EMAIL];
	int n = 0;

	if (!unique) {
		php_localapi_bind_long(&p[n++], &add->clientid);
	}
	for (int f = LA_F_FIRSTNAME; f <= LA_F_TAX_ID; f++) {
		if (f == LA_F_COUNTRY && la_str_is_empty(c->field[f])) {
			php_localapi_bind_null(&p[n++]);   /* the server fills in DefaultCountry */
		} else {
			php_localapi_bind_str(&p[n++], c->field[f].ptr, c->field[f].len);
		}
	}
	php_localapi_bind_long(&p[n++], &add->subaccount);
	php_localapi_bind_str(&p[n++], ZSTR_VAL(add->password_hash), ZSTR_LEN(add->password_hash));
	if (la_str_is_empty(permissions)) {
		permissions.len = 0;
	}
	php_localapi_bind_str(&p[n++], permissions.ptr, permissions.len);
	for (int t = 0; t < LA_E_COUNT; t++) {
		php_localapi_bind_long(&p[n++], &add->emails[t]);
	}
	if (unique) {
		php_localapi_bind_long(&p[n++], &add->clientid);
		php_localapi_bind_str(&p[n++], email.ptr, email.len);
		php_localapi_bind_str(&p[n++], email.ptr, email.len);
	}
}

static zend_string *la_log_description(const la_add *add)
{
	smart_str text = {0};

	smart_str_appends(&text, "Added Contact - User ID: ");
	smart_str_append_long(&text, (zend_long) add->clientid);
	smart_str_appends(&text, " - Contact ID: ");
	smart_str_append_long(&text, (zend_long) add->contactid);
	return smart_str_extract(&text);
}

/* The log row names the contact: described anew for each attempt's contact id. */
static void la_describe_log(la_add *add)
{
	if (add->log.description) {
		zend_string_release(add->log.description);
	}
	add->log.description = la_log_description(add);
}

static bool la_insert_log(la_link *link, la_add *add, php_localapi_db_error *err)
{
	bool galera = false;

	la_describe_log(add);
	return php_localapi_db_is_galera(link, &galera, err)
		&& php_localapi_log_insert(link, &add->layout, &add->log, galera ? &add->contactid : NULL, err);
}

static bool la_client_exists(la_link *link, long long id, bool *found, php_localapi_db_error *err)
{
	MYSQL_BIND param;

	php_localapi_bind_long(&param, &id);
	return php_localapi_db_has_row(link, la_sql_client_exists, &param, found, err);
}

/* The country the contact row holds, DefaultCountry filled in (*country NULL without one). */
static bool la_stored_country(la_link *link, long long id, zend_string **country, php_localapi_db_error *err)
{
	MYSQL_BIND param;
	HashTable *row;
	zval rows, *value;

	php_localapi_bind_long(&param, &id);
	if (!php_localapi_db_read_rows(link, la_sql_contact_country, &param, &rows, err)) {
		return false;
	}
	if ((row = php_localapi_db_first_row(&rows)) && (value = zend_hash_str_find(row, ZEND_STRL("country")))
		&& Z_TYPE_P(value) == IS_STRING) {
		*country = zend_string_copy(Z_STR_P(value));
	}
	zval_ptr_dtor(&rows);
	return true;
}

/* The contact row this call wrote, looked for after a COMMIT that failed or went unanswered. */
static bool la_contact_committed(la_link *link, void *context, bool causal, bool *found, php_localapi_db_error *err)
{
	static const char sql[] = "SELECT id FROM tblcontacts WHERE id = ? AND userid = ? AND email = ?";
	static const char sql_causal[] = "SET STATEMENT wsrep_sync_wait = 1 FOR"
		" SELECT id FROM tblcontacts WHERE id = ? AND userid = ? AND email = ?";
	la_add *add = context;
	la_str email = add->record->field[LA_F_EMAIL];
	MYSQL_BIND params[3];

	php_localapi_bind_long(&params[0], &add->contactid);
	php_localapi_bind_long(&params[1], &add->clientid);
	php_localapi_bind_str(&params[2], email.ptr, email.len);
	return php_localapi_db_has_row(link, causal ? sql_causal : sql, params, found, err);
}

/* A COMMIT that failed may still have happened: its outcome is settled before anything else. */
static la_add_status la_commit_or_verify(la_link *link, la_add *add, php_localapi_db_error *err)
{
	php_localapi_row_ref row = { "tblcontacts", add->contactid, add->clientid };

	switch (php_localapi_commit_checked(link, &row, la_contact_committed, add, err)) {
		case PHP_LOCALAPI_COMMITTED:
			return LA_ADDED;
		case PHP_LOCALAPI_OUTCOME_UNKNOWN:
			return LA_UNKNOWN;
		case PHP_LOCALAPI_NOT_COMMITTED:
			break;
	}
	return LA_FAILED;
}

/* One transaction: the contact row, and the log row when with_log, committed together. */
static la_add_status la_add_attempt(la_link *link, la_add *add, bool unique, bool with_log,
	php_localapi_db_error *err)
{
	my_ulonglong affected = 0, insert_id = 0;
	bool client_found = false;

	/* On a Galera node the email's claim comes first, before the duplicate check reads:
	 * a rival's claim applied here after it waits for (or aborts) this transaction, and
	 * one applied before it is seen with the rival's contact row by the check below. */
	if (unique && !php_localapi_email_claim(link, add->record->field[LA_F_EMAIL].ptr,
			add->record->field[LA_F_EMAIL].len, err)) {
		return LA_FAILED;
	}
	if (!php_localapi_db_exec(link, unique ? la_sql_insert_unique : la_sql_insert,
			add->insert_params, &affected, &insert_id, err)) {
		return !unique && err->code == ER_BAD_NULL_ERROR ? LA_NO_CLIENT : LA_FAILED;
	}
	if (affected == 0) {
		if (unique && !la_client_exists(link, add->clientid, &client_found, err)) {
			return LA_FAILED;
		}
		php_localapi_db_rollback(link);
		return client_found ? LA_DUPLICATE : LA_NO_CLIENT;
	}
	add->contactid = (long long) insert_id;
	if (with_log && !la_insert_log(link, add, err)) {
		return LA_FAILED;
	}
	return la_commit_or_verify(link, add, err);
}

/* Deadlocks, lock-wait timeouts, certification conflicts and lost connections are tried
 * again within the retry budget; a retry starts a new transaction, the failed one having
 * been rolled back (or found not committed). */
static la_add_status la_add_with_retries(la_link *link, la_add *add, bool unique, bool with_log,
	php_localapi_db_error *err)
{
	php_localapi_retry retry;
	bool repaired = false;

	php_localapi_retry_init(&retry);
	for (;;) {
		la_add_status status = la_add_attempt(link, add, unique, with_log, err);

		if (status != LA_FAILED) {
			return status;
		}
		php_localapi_db_rollback(link);
		if (!repaired && unique && php_localapi_email_claims_repair(link, err)) {
			repaired = true;
			continue;
		}
		if (!php_localapi_retry_wait(&retry, err) || !php_localapi_db_ensure_connected(link, err)) {
			return LA_FAILED;
		}
	}
}

static void la_hook_vars_contact_add(zval *vars, const la_add *add, zend_string *country)
{
	const la_contact *c = add->record;

	array_init_size(vars, 24);
	add_assoc_long(vars, "userid", (zend_long) add->clientid);
	for (int f = LA_F_FIRSTNAME; f <= LA_F_TAX_ID; f++) {
		if (f == LA_F_COUNTRY && country) {
			add_assoc_str(vars, "country", zend_string_copy(country));
		} else {
			add_assoc_stringl(vars, la_field_names[f], c->field[f].ptr, c->field[f].len);
		}
	}
	if (add->behaviour >= 8) {
		add_assoc_bool(vars, "subaccount", false);
	} else {
		add_assoc_string(vars, "subaccount", add->subaccount ? "1" : "0");
	}
	if (add->subaccount) {
		add_assoc_stringl(vars, "password", c->field[LA_F_PASSWORD2].ptr, c->field[LA_F_PASSWORD2].len);
	} else {
		add_assoc_string(vars, "password", "");
	}
	if (la_str_is_empty(c->field[LA_F_PERMISSIONS])) {
		add_assoc_string(vars, "permissions", "");
	} else {
		add_assoc_stringl(vars, "permissions", c->field[LA_F_PERMISSIONS].ptr, c->field[LA_F_PERMISSIONS].len);
	}
	for (int t = 0; t < LA_E_COUNT; t++) {
		if (add->emails[t]) {
			add_assoc_string(vars, la_email_legacy_names[t], "1");
		} else {
			add_assoc_long(vars, la_email_legacy_names[t], 0);
		}
	}
	add_assoc_long(vars, "contactid", (zend_long) add->contactid);
}

/* ContactAdd sees the country as stored, DefaultCountry included. */
static void la_fire_contact_add(la_link *link, const la_add *add)
{
	php_localapi_db_error err;
	zend_string *country = NULL;
	zval vars;

	if (la_str_is_empty(add->record->field[LA_F_COUNTRY])) {
		if (!la_stored_country(link, add->contactid, &country, &err)) {
			php_error_docref(NULL, E_WARNING, "ContactAdd: cannot read the stored country: %s", err.message);
		}
		php_localapi_db_rollback(link);
	}
	la_hook_vars_contact_add(&vars, add, country);
	php_localapi_hooks_run(ZEND_STRL("ContactAdd"), &vars);
	zval_ptr_dtor(&vars);
	if (country) {
		zend_string_release(country);
	}
}

static void la_add_init(la_add *add, const la_contact *record, const php_localapi_admin *admin)
{
	memset(add, 0, sizeof(*add));
	add->record = record;
	add->clientid = record->clientid;
	add->subaccount = la_contact_is_subaccount(record);
	for (int t = 0; t < LA_E_COUNT; t++) {
		add->emails[t] = record->emails[t];
	}
	add->log.userid = record->clientid;
	add->log.admin_id = admin->id;
	if (admin->username) {
		add->log.user = ZSTR_VAL(admin->username);
		add->log.user_len = ZSTR_LEN(admin->username);
	} else {
		add->log.user = "Local API User";
		add->log.user_len = sizeof("Local API User") - 1;
	}
	add->log.ipaddr = php_localapi_request_ipaddr();
}

static void la_add_free(la_add *add)
{
	if (add->password_hash) {
		zend_string_release(add->password_hash);
	}
	if (add->log.description) {
		zend_string_release(add->log.description);
	}
	zend_string_release(add->log.ipaddr);
}

static void la_add_success(const la_add *add, zval *return_value)
{
	zval_ptr_dtor(return_value);
	array_init_size(return_value, 3);
	add_assoc_string(return_value, "result", "success");
	add_assoc_long(return_value, "contactid", (zend_long) add->contactid);
	if (add->warn) {
		add_assoc_string(return_value, "warning", LA_SUBACCOUNT_WARNING);
	}
}

/* Never an error that implies nothing was written when the contact may exist. */
static void la_outcome_unknown_result(zval *return_value, const php_localapi_db_error *cause)
{
	php_localapi_db_error err;

	err.code = cause->code;
	snprintf(err.message, sizeof(err.message), "outcome unknown: the contact may have been added (%s)", cause->message);
	php_localapi_db_error_result(return_value, &err);
}

/* Writes the contact, then the hooks and the log as docs/behaviour.md §7 "Commit points" says. */
static void la_add_run(la_link *link, la_add *add, zval *return_value)
{
	php_localapi_db_error err;
	bool unique = la_contact_needs_unique_email(add->record);
	/* With a ContactAdd hook the contact commits first, so the hook can see it from anywhere. */
	bool hooked = php_localapi_hooks_has(ZEND_STRL("ContactAdd"));
	bool logged = true;

	la_bind_insert(add, unique);
	switch (la_add_with_retries(link, add, unique, !hooked, &err)) {
		case LA_NO_CLIENT:
			php_localapi_error(return_value, "Client ID Not Found");
			return;
		case LA_DUPLICATE:
			php_localapi_error(return_value, "Duplicate Email Address");
			return;
		case LA_FAILED:
			php_localapi_db_error_result(return_value, &err);
			return;
		case LA_UNKNOWN:
			la_outcome_unknown_result(return_value, &err);
			return;
		case LA_ADDED:
			break;
	}
	if (hooked) {
		la_fire_contact_add(link, add);
		/* The log row goes where the contact went, whatever settings the hook switched to. */
		la_describe_log(add);
		logged = php_localapi_log_write(link, &add->layout, &add->log, &err);
		if (!logged) {
			zend_string *text = php_localapi_db_error_text(&err);
			php_error_docref(NULL, E_WARNING, "Contact %lld was added but its activity log row was not: %s",
				add->contactid, ZSTR_VAL(text));
			zend_string_release(text);
		}
	}
	la_add_success(add, return_value);
	if (logged) {
		php_localapi_log_fire(&add->log);
	}
}

/* The link and what its database says about WHMCS; NULL after answering with the error. */
static la_link *la_add_connect(const php_localapi_whmcs **whmcs, zval *return_value)
{
	php_localapi_db_error err;
	la_link *link = php_localapi_db_acquire(&err);

	if (link && (*whmcs = php_localapi_whmcs_get(link, &err)) != NULL) {
		return link;
	}
	php_localapi_db_error_result(return_value, &err);
	if (link) {
		php_localapi_db_end_call(link);
	}
	return NULL;
}

static void la_add_contact(la_link *link, const php_localapi_whmcs *whmcs, int behaviour, bool warn,
	const la_contact *record, const php_localapi_admin *admin, zval *return_value)
{
	la_add add;

	la_add_init(&add, record, admin);
	add.behaviour = behaviour;
	add.warn = warn;
	add.layout = *whmcs;
	/* bcrypt takes tens of milliseconds: do it before any lock is taken. */
	add.password_hash = add.subaccount ? la_password_hash(record->field[LA_F_PASSWORD2]) : ZSTR_EMPTY_ALLOC();
	if (!add.password_hash) {
		php_localapi_error(return_value, "Cannot hash password2");
	} else {
		la_add_run(link, &add, return_value);
	}
	la_add_free(&add);
}

/* Input checks need no database, except that with localapi.whmcs_version=auto only the
 * database tells whether password2 and permissions are checked (7.x) or not (8.x). */
void php_localapi_cmd_addcontact(HashTable *post_data, const php_localapi_admin *admin, zval *return_value)
{
	php_localapi_contact_input in;
	const php_localapi_whmcs *whmcs = NULL;
	la_link *link = NULL;
	int behaviour = (int) LOCALAPI_G(whmcs_version);
	bool warn = false;

	if (!php_localapi_contact_from_post(&in, post_data, return_value)) {
		goto done;
	}
	if (behaviour == PHP_LOCALAPI_WHMCS_AUTO) {
		if (!(link = la_add_connect(&whmcs, return_value))) {
			goto done;
		}
		behaviour = php_localapi_whmcs_behaviour(whmcs);
	}
	if (!php_localapi_contact_legacy_from_post(&in, post_data, behaviour, &warn, return_value)) {
		goto done;
	}
	if (in.record.clientid == 0) {
		php_localapi_error(return_value, "Client ID Not Found");
		goto done;
	}
	if (link || (link = la_add_connect(&whmcs, return_value))) {
		la_add_contact(link, whmcs, behaviour, warn, &in.record, admin, return_value);
	}
done:
	if (link) {
		php_localapi_db_end_call(link);
	}
	php_localapi_contact_input_free(&in);
}
