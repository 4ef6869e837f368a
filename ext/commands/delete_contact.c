/*
 * DeleteContact: the contact row, its client's billing contact, the orders
 * that name it and its account links go in one transaction; the write layer
 * (command/write.c) adds the activity-log row, the COMMIT, the retries and the
 * ContactDelete hook's commit points. The contact is read with a locking read
 * first: of two racing calls the second waits, then finds no row and answers
 * Contact ID Not Found. A delete leaves nothing to read back, so the write is
 * one whose row cannot be read back (command/command.h): the log row written with it,
 * or on a Galera node a mark of its own (command/write_mark.c), tells that it
 * committed.
 */
#include "commands/commands.h"

#include "zend_smart_str.h"

#include <mysqld_error.h>

static const char la_sql_contact[] =
	"SELECT userid, firstname, lastname, email FROM tblcontacts WHERE id = ? FOR UPDATE";
static const char la_sql_delete[] = "DELETE FROM tblcontacts WHERE id = ?";
static const char la_sql_billing[] = "UPDATE tblclients SET billingcid = 0 WHERE id = ? AND billingcid = ?";
static const char la_sql_orders[] = "UPDATE tblorders SET contactid = 0 WHERE contactid = ?";
static const char la_sql_links[] = "DELETE FROM tblauthn_account_links WHERE client_id = ? AND contact_id = ?";
static const char la_sql_contact_there[] = "SELECT id FROM tblcontacts WHERE id = ?";
static const char la_sql_contact_there_causal[] =
	"SET STATEMENT wsrep_sync_wait = 1 FOR SELECT id FROM tblcontacts WHERE id = ?";
static const char la_sql_log_there[] = "SELECT id FROM tblactivitylog WHERE id = ? AND userid = ? AND description = ?";
static const char la_sql_log_there_causal[] = "SET STATEMENT wsrep_sync_wait = 1 FOR"
	" SELECT id FROM tblactivitylog WHERE id = ? AND userid = ? AND description = ?";

#define LA_LINKS_TABLE "tblauthn_account_links"

typedef struct {
	php_localapi_write write;      /* first: the write layer's callbacks get this */
	zval *as_given;                /* the contactid as the caller gave it, normalised */
	long long contactid;
	long long userid;              /* the contact's client, as stored */
	zend_string *firstname, *lastname, *email;    /* as stored, for the log row */
	php_localapi_log_row log;
} la_delete;

static void la_stored_free(la_delete *del)
{
	zend_string **fields[] = { &del->firstname, &del->lastname, &del->email };

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (*fields[i]) {
			zend_string_release(*fields[i]);
			*fields[i] = NULL;
		}
	}
}

static zend_string *la_text_of(HashTable *row, const char *name)
{
	zval *value = zend_hash_str_find(row, name, strlen(name));

	return value && Z_TYPE_P(value) == IS_STRING ? zend_string_copy(Z_STR_P(value)) : ZSTR_EMPTY_ALLOC();
}

/* The contact, locked: *found false when there is no such row (any more). */
static bool la_read_contact(la_link *link, la_delete *del, bool *found, php_localapi_db_error *err)
{
	MYSQL_BIND param;
	HashTable *row;
	zval rows, *userid;

	php_localapi_bind_long(&param, &del->contactid);
	if (!php_localapi_db_rows(link, la_sql_contact, &param, &rows, err)) {
		return false;
	}
	la_stored_free(del);
	*found = (row = php_localapi_db_first_row(&rows)) != NULL;
	if (*found) {
		userid = zend_hash_str_find(row, ZEND_STRL("userid"));
		del->userid = userid ? (long long) zval_get_long(userid) : 0;
		del->firstname = la_text_of(row, "firstname");
		del->lastname = la_text_of(row, "lastname");
		del->email = la_text_of(row, "email");
	}
	zval_ptr_dtor(&rows);
	return true;
}

/* What pointed at the contact: its client's billing contact, every order, its account links
 * (where that table exists: it is not in every database). */
static bool la_clear_references(la_link *link, la_delete *del, php_localapi_db_error *err)
{
	MYSQL_BIND params[2];

	php_localapi_bind_long(&params[0], &del->userid);
	php_localapi_bind_long(&params[1], &del->contactid);
	if (!php_localapi_db_exec(link, la_sql_billing, params, NULL, NULL, err)
		|| !php_localapi_db_exec(link, la_sql_orders, &params[1], NULL, NULL, err)) {
		return false;
	}
	if (php_localapi_db_exec(link, la_sql_links, params, NULL, NULL, err)) {
		return true;
	}
	return err->code == ER_NO_SUCH_TABLE && strstr(err->message, LA_LINKS_TABLE) != NULL;
}

/* One attempt: the locking read, the delete and what pointed at the contact. */
static php_localapi_write_status la_delete_statements(la_link *link, php_localapi_write *write,
	php_localapi_db_error *err)
{
	la_delete *del = (la_delete *) write;
	MYSQL_BIND param;
	my_ulonglong affected = 0;
	bool galera = false, found = false;

	/* On a Galera node nothing written later can show that the delete is still this
	 * transaction's: the savepoint, released with the COMMIT, does (outcome.c). */
	if (!php_localapi_db_is_galera(link, &galera, err) || (galera && !php_localapi_db_savepoint(link, err))) {
		return PHP_LOCALAPI_WRITE_FAILED;
	}
	if (!la_read_contact(link, del, &found, err)) {
		return PHP_LOCALAPI_WRITE_FAILED;
	}
	if (!found) {
		return PHP_LOCALAPI_WRITE_REFUSED;
	}
	php_localapi_bind_long(&param, &del->contactid);
	if (!php_localapi_db_exec(link, la_sql_delete, &param, &affected, NULL, err)) {
		return PHP_LOCALAPI_WRITE_FAILED;
	}
	if (affected == 0) {
		return PHP_LOCALAPI_WRITE_REFUSED;
	}
	if (!la_clear_references(link, del, err)) {
		return PHP_LOCALAPI_WRITE_FAILED;
	}
	write->row.id = del->contactid;
	write->row.userid = del->userid;
	del->log.userid = del->userid;
	return PHP_LOCALAPI_WRITE_DONE;
}

/* After a COMMIT that failed or went unanswered: the log row written with the delete, when
 * there was one, else the mark it wrote on a Galera node, else that the contact row is gone
 * (a single server: the session that sent the COMMIT was ended first, outcome.c). */
static bool la_delete_committed(la_link *link, void *context, bool causal, bool *found, php_localapi_db_error *err)
{
	la_delete *del = (la_delete *) context;
	MYSQL_BIND params[3];
	bool there = false;

	if (del->write.log_with_write) {
		php_localapi_bind_long(&params[0], &del->log.id);
		php_localapi_bind_long(&params[1], &del->log.userid);
		php_localapi_bind_str(&params[2], ZSTR_VAL(del->log.description), ZSTR_LEN(del->log.description));
		return php_localapi_db_has_row(link, causal ? la_sql_log_there_causal : la_sql_log_there, params, found, err);
	}
	if (del->write.mark[0]) {
		return php_localapi_write_mark_found(link, del->write.mark, causal, found, err);
	}
	php_localapi_bind_long(&params[0], &del->contactid);
	if (!php_localapi_db_has_row(link, causal ? la_sql_contact_there_causal : la_sql_contact_there, params, &there,
			err)) {
		return false;
	}
	*found = !there;
	return true;
}

static zend_string *la_describe(const php_localapi_write *write)
{
	const la_delete *del = (const la_delete *) write;
	smart_str text = {0};

	smart_str_appends(&text, "Deleted Contact - User ID: ");
	smart_str_append_long(&text, (zend_long) del->userid);
	smart_str_appends(&text, " - Contact ID: ");
	smart_str_append_long(&text, (zend_long) del->contactid);
	smart_str_appends(&text, " - Contact Name: ");
	smart_str_append(&text, del->firstname);
	smart_str_appendc(&text, ' ');
	smart_str_append(&text, del->lastname);
	smart_str_appends(&text, " - Contact Email: ");
	smart_str_append(&text, del->email);
	return smart_str_extract(&text);
}

static void la_hook_vars(la_link *link, php_localapi_write *write, zval *vars)
{
	const la_delete *del = (const la_delete *) write;

	(void) link;
	array_init_size(vars, 2);
	add_assoc_long(vars, "userid", (zend_long) del->userid);
	Z_TRY_ADDREF_P(del->as_given);
	add_assoc_zval(vars, "contactid", del->as_given);
}

static void la_delete_success(const php_localapi_write *write, zval *return_value)
{
	const la_delete *del = (const la_delete *) write;

	zval_ptr_dtor(return_value);
	array_init_size(return_value, 2);
	add_assoc_string(return_value, "result", "success");
	Z_TRY_ADDREF_P(del->as_given);
	add_assoc_zval(return_value, "message", del->as_given);
}

static void la_delete_refused(const php_localapi_write *write, zval *return_value)
{
	(void) write;
	php_localapi_error(return_value, "Contact ID Not Found");
}

static const php_localapi_write_spec la_delete_spec = {
	.statements = la_delete_statements,
	.committed = la_delete_committed,
	.describe = la_describe,
	.hook = "ContactDelete",
	.hook_len = sizeof("ContactDelete") - 1,
	.hook_vars = la_hook_vars,
	.success = la_delete_success,
	.refused = la_delete_refused,
	.unknown = "the contact may have been deleted",
	.noun = "Contact",
	.done = "deleted",
	.table = "tblcontacts",
	.no_read_back = true,
};

static void la_delete_contact(la_link *link, const php_localapi_whmcs *whmcs, int32_t contactid, zval *as_given,
	const php_localapi_admin *admin, zval *return_value)
{
	la_delete del;

	memset(&del, 0, sizeof(del));
	php_localapi_write_init(&del.write, &la_delete_spec, whmcs, 0, &del.log);
	del.as_given = as_given;
	del.contactid = contactid;
	php_localapi_log_row_init(&del.log, NULL, 0, admin);
	php_localapi_write_run(link, &del.write, return_value);
	la_stored_free(&del);
	if (del.log.description) {
		zend_string_release(del.log.description);
	}
	zend_string_release(del.log.ipaddr);
}

/* The one input check needs no database: a malformed id is no contact. */
void php_localapi_cmd_deletecontact(HashTable *post_data, const php_localapi_admin *admin, zval *return_value)
{
	const php_localapi_whmcs *whmcs = NULL;
	la_link *link = NULL;
	int32_t contactid = 0;
	zval as_given;

	if (!php_localapi_post_row_id(post_data, "contactid", &contactid, &as_given, return_value)) {
		return;
	}
	if (contactid == 0) {
		php_localapi_error(return_value, "Contact ID Not Found");
	} else if ((link = php_localapi_command_connect(&whmcs, return_value))) {
		la_delete_contact(link, whmcs, contactid, &as_given, admin, return_value);
	}
	php_localapi_command_end(link);
	zval_ptr_dtor(&as_given);
}
