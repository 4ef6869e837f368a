/*
 * AddContact: the record is inserted with one guarded INSERT ... SELECT (the
 * client check, and for 7.x sub-accounts the duplicate-email rule, decided by
 * the server in the same statement); the write layer (command/write.c) adds
 * the activity-log row, the COMMIT, the retries and the ContactAdd hook's
 * commit points. 8.x stores no sub-account: password2 and permissions only
 * earn a warning.
 */
#include "commands/commands.h"

#include "zend_exceptions.h"
#include "zend_smart_str.h"
#include "ext/standard/php_password.h"

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
	php_localapi_write write;      /* first: the write layer's callbacks get this */
	const la_contact *record;
	zend_string *password_hash;    /* '' for a plain contact */
	long long clientid;
	long long subaccount;
	long long emails[LA_E_COUNT];
	int behaviour;                 /* 7 or 8 */
	bool warn;                     /* 8.x: password2 or permissions was given */
	bool unique;                   /* 7.x sub-account: the duplicate-email rule applies */
	bool duplicate;                /* refused: the email is taken (else: no such client) */
	php_localapi_log_row log;
	long long contactid;
	MYSQL_BIND insert_params[24];
} la_add;

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

/* UpdateContact's password2 is hashed the same way. NULL when it cannot be hashed. */
zend_string *php_localapi_password_hash(la_str plain)
{
	return la_password_hash(plain);
}

/* Parameters of la_sql_insert, or of la_sql_insert_unique for the duplicate-email rule. */
static void la_bind_insert(la_add *add)
{
	bool unique = add->unique;
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

static zend_string *la_describe(const php_localapi_write *write)
{
	const la_add *add = (const la_add *) write;
	smart_str text = {0};

	smart_str_appends(&text, "Added Contact - User ID: ");
	smart_str_append_long(&text, (zend_long) add->clientid);
	smart_str_appends(&text, " - Contact ID: ");
	smart_str_append_long(&text, (zend_long) add->contactid);
	return smart_str_extract(&text);
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
	la_add *add = (la_add *) context;
	la_str email = add->record->field[LA_F_EMAIL];
	MYSQL_BIND params[3];

	php_localapi_bind_long(&params[0], &add->contactid);
	php_localapi_bind_long(&params[1], &add->clientid);
	php_localapi_bind_str(&params[2], email.ptr, email.len);
	return php_localapi_db_has_row(link, causal ? sql_causal : sql, params, found, err);
}

/* One attempt's INSERT; the write layer adds the log row and the COMMIT. */
static php_localapi_write_status la_add_statements(la_link *link, php_localapi_write *write,
	php_localapi_db_error *err)
{
	la_add *add = (la_add *) write;
	my_ulonglong affected = 0, insert_id = 0;
	bool client_found = false;

	/* On a Galera node the email's claim comes first, before the duplicate check reads:
	 * a rival's claim applied here after it waits for (or aborts) this transaction, and
	 * one applied before it is seen with the rival's contact row by the check below. */
	if (add->unique && !php_localapi_email_claim(link, add->record->field[LA_F_EMAIL].ptr,
			add->record->field[LA_F_EMAIL].len, err)) {
		return PHP_LOCALAPI_WRITE_FAILED;
	}
	if (!php_localapi_db_exec(link, add->unique ? la_sql_insert_unique : la_sql_insert,
			add->insert_params, &affected, &insert_id, err)) {
		/* A missing client leaves userid NULL, which the column refuses. */
		return !add->unique && err->code == ER_BAD_NULL_ERROR ? PHP_LOCALAPI_WRITE_REFUSED : PHP_LOCALAPI_WRITE_FAILED;
	}
	if (affected == 0) {
		if (add->unique && !la_client_exists(link, add->clientid, &client_found, err)) {
			return PHP_LOCALAPI_WRITE_FAILED;
		}
		add->duplicate = client_found;
		return PHP_LOCALAPI_WRITE_REFUSED;
	}
	add->contactid = (long long) insert_id;
	write->row.id = add->contactid;
	return PHP_LOCALAPI_WRITE_DONE;
}

static void la_hook_vars_fill(zval *vars, const la_add *add, zend_string *country)
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
static void la_hook_vars(la_link *link, php_localapi_write *write, zval *vars)
{
	const la_add *add = (const la_add *) write;
	php_localapi_db_error err;
	zend_string *country = NULL;

	if (la_str_is_empty(add->record->field[LA_F_COUNTRY])) {
		if (!la_stored_country(link, add->contactid, &country, &err)) {
			php_error_docref(NULL, E_WARNING, "ContactAdd: cannot read the stored country: %s", err.message);
		}
		php_localapi_db_rollback(link);
	}
	la_hook_vars_fill(vars, add, country);
	if (country) {
		zend_string_release(country);
	}
}

static void la_add_success(const php_localapi_write *write, zval *return_value)
{
	const la_add *add = (const la_add *) write;

	zval_ptr_dtor(return_value);
	array_init_size(return_value, 3);
	add_assoc_string(return_value, "result", "success");
	add_assoc_long(return_value, "contactid", (zend_long) add->contactid);
	if (add->warn) {
		add_assoc_string(return_value, "warning", LA_SUBACCOUNT_WARNING);
	}
}

static void la_add_refused(const php_localapi_write *write, zval *return_value)
{
	const la_add *add = (const la_add *) write;

	php_localapi_error(return_value, add->duplicate ? "Duplicate Email Address" : "Client ID Not Found");
}

/* AddContact to the write layer: its statements, how to tell its row is there, its answers. */
static const php_localapi_write_spec la_add_spec = {
	.statements = la_add_statements,
	.committed = la_contact_committed,
	.describe = la_describe,
	.hook = "ContactAdd",
	.hook_len = sizeof("ContactAdd") - 1,
	.hook_vars = la_hook_vars,
	.success = la_add_success,
	.refused = la_add_refused,
	.unknown = "the contact may have been added",
	.noun = "Contact",
	.done = "added",
	.table = "tblcontacts",
};

static void la_add_init(la_add *add, const php_localapi_whmcs *whmcs, const la_contact *record,
	const php_localapi_admin *admin)
{
	memset(add, 0, sizeof(*add));
	php_localapi_write_init(&add->write, &la_add_spec, whmcs, record->clientid, &add->log);
	add->record = record;
	add->clientid = record->clientid;
	add->subaccount = la_contact_is_subaccount(record);
	add->unique = la_contact_needs_unique_email(record);
	for (int t = 0; t < LA_E_COUNT; t++) {
		add->emails[t] = record->emails[t];
	}
	php_localapi_log_row_init(&add->log, NULL, record->clientid, admin);
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

static void la_add_contact(la_link *link, const php_localapi_whmcs *whmcs, int behaviour, bool warn,
	const la_contact *record, const php_localapi_admin *admin, zval *return_value)
{
	la_add add;

	la_add_init(&add, whmcs, record, admin);
	add.behaviour = behaviour;
	add.warn = warn;
	/* bcrypt takes tens of milliseconds: do it before any lock is taken. */
	add.password_hash = add.subaccount ? la_password_hash(record->field[LA_F_PASSWORD2]) : ZSTR_EMPTY_ALLOC();
	if (!add.password_hash) {
		php_localapi_error(return_value, "Cannot hash password2");
	} else {
		la_bind_insert(&add);
		php_localapi_write_run(link, &add.write, return_value);
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
		if (!(link = php_localapi_command_connect(&whmcs, return_value))) {
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
	if (link || (link = php_localapi_command_connect(&whmcs, return_value))) {
		la_add_contact(link, whmcs, behaviour, warn, &in.record, admin, return_value);
	}
done:
	php_localapi_command_end(link);
	php_localapi_contact_input_free(&in);
}
