/*
 * One write of a command, the way every write command goes through a
 * transaction: the command's statements, the activity-log row in the same
 * transaction, one checked COMMIT (outcome.c: a COMMIT that failed or went
 * unanswered is settled before anything else), and the commit points of
 * behaviour §7 when a hook watches the write. Deadlocks, certification
 * conflicts, lock-wait timeouts and lost connections are tried again within
 * the retry budget (retry.c), on the next host of a list (hosts.c); a retry
 * starts a new transaction, the failed one having been rolled back (or found
 * not committed).
 */
#include "command/command.h"

#include <mysqld_error.h>

void php_localapi_write_init(php_localapi_write *write, const php_localapi_write_spec *spec,
	const php_localapi_whmcs *layout, long long userid, php_localapi_log_row *log)
{
	write->spec = spec;
	write->log = log;
	write->layout = *layout;
	write->row.table = spec->table;
	write->row.id = 0;
	write->row.userid = userid;
	write->row.mark = NULL;
	write->log_with_write = false;
	write->mark[0] = '\0';
}

/* The log row names the written row: described anew for each attempt. */
static void la_write_describe(php_localapi_write *write)
{
	if (write->log->description) {
		zend_string_release(write->log->description);
	}
	write->log->description = write->spec->describe(write);
}

/* On a Galera node the log row is written only where the written row is to be seen:
 * that shows the transaction is still the one that wrote it (outcome.c). */
static bool la_write_log(la_link *link, php_localapi_write *write, php_localapi_db_error *err)
{
	bool galera = false;

	la_write_describe(write);
	/* A row that cannot be read back vouches for nothing: such a write's savepoint does (command.h). */
	return php_localapi_db_is_galera(link, &galera, err)
		&& php_localapi_log_insert(link, &write->layout, write->log,
			galera && !write->spec->no_read_back ? &write->row : NULL, err);
}

/* What the COMMIT reads back on a Galera node: the written row; for a write whose row
 * cannot be read back (command.h), the log row committed with it, or else the mark it wrote. */
static php_localapi_row_ref la_write_evidence(const php_localapi_write *write, bool with_log)
{
	php_localapi_row_ref ref = write->row;

	if (write->spec->no_read_back && with_log) {
		ref.table = "tblactivitylog";
		ref.id = write->log->id;
		ref.userid = write->log->userid;
	} else if (write->spec->no_read_back) {
		ref.mark = write->mark;
	}
	return ref;
}

/* A write whose row cannot be read back and is not logged with it marks its transaction on a Galera node. */
static bool la_write_mark(la_link *link, php_localapi_write *write, php_localapi_db_error *err)
{
	bool galera = false;

	if (!write->spec->no_read_back) {
		return true;
	}
	return php_localapi_db_is_galera(link, &galera, err) && (!galera || php_localapi_write_mark(link, write->mark, err));
}

/* One transaction: the statements, and the log row when with_log, committed together. */
static php_localapi_write_status la_write_attempt(la_link *link, php_localapi_write *write, bool with_log,
	php_localapi_db_error *err)
{
	php_localapi_write_status status;
	php_localapi_row_ref evidence;

	write->log_with_write = with_log;
	write->mark[0] = '\0';
	status = write->spec->statements(link, write, err);
	if (status == PHP_LOCALAPI_WRITE_REFUSED) {
		php_localapi_db_rollback(link);
	}
	if (status != PHP_LOCALAPI_WRITE_DONE) {
		return status;
	}
	if (with_log ? !la_write_log(link, write, err) : !la_write_mark(link, write, err)) {
		return PHP_LOCALAPI_WRITE_FAILED;
	}
	evidence = la_write_evidence(write, with_log);
	switch (php_localapi_commit_checked(link, &evidence, write->spec->committed, write, err)) {
		case PHP_LOCALAPI_COMMITTED:
			return PHP_LOCALAPI_WRITE_DONE;
		case PHP_LOCALAPI_OUTCOME_UNKNOWN:
			return PHP_LOCALAPI_WRITE_UNKNOWN;
		case PHP_LOCALAPI_NOT_COMMITTED:
			break;
	}
	return PHP_LOCALAPI_WRITE_FAILED;
}

/* After a failed attempt (rolled back): when it failed because one of the extension's own
 * tables (table, made by create) does not exist, create it, so that the next attempt
 * succeeds. CREATE TABLE commits implicitly, which is why this never runs inside an attempt. */
bool php_localapi_own_table_repair(la_link *link, const char *table, const char *create,
	php_localapi_db_error *err)
{
	php_localapi_db_error why;

	if (err->code != ER_NO_SUCH_TABLE || !strstr(err->message, table)) {
		return false;
	}
	if (!php_localapi_db_query(link, create, &why)) {
		snprintf(err->message, sizeof(err->message),
			"table %s is missing and cannot be created (%s); create it with sql/galera.sql", table, why.message);
		php_localapi_db_rollback(link);
		return false;
	}
	php_localapi_db_rollback(link);
	return true;
}

/* A missing email-claims table (Galera) is created once, and the attempt made again. */
static php_localapi_write_status la_write_retried(la_link *link, php_localapi_write *write, bool with_log,
	php_localapi_db_error *err)
{
	php_localapi_retry retry;
	bool repaired = false;

	php_localapi_retry_init(&retry);
	for (;;) {
		php_localapi_write_status status = la_write_attempt(link, write, with_log, err);

		if (status != PHP_LOCALAPI_WRITE_FAILED) {
			return status;
		}
		php_localapi_db_rollback(link);
		if (!repaired && (php_localapi_email_claims_repair(link, err) || php_localapi_write_marks_repair(link, err))) {
			repaired = true;
			continue;
		}
		if (!php_localapi_retry_wait(&retry, err) || !php_localapi_db_ensure_connected(link, err)) {
			return PHP_LOCALAPI_WRITE_FAILED;
		}
	}
}

php_localapi_write_status php_localapi_write_commit(la_link *link, php_localapi_write *write,
	php_localapi_db_error *err)
{
	return la_write_retried(link, write, false, err);
}

static void la_write_fire(la_link *link, php_localapi_write *write)
{
	zval vars;

	write->spec->hook_vars(link, write, &vars);
	php_localapi_hooks_run(write->spec->hook, write->spec->hook_len, &vars);
	zval_ptr_dtor(&vars);
}

/* After the hook, the log row in a transaction of its own; the write stands either way. */
static bool la_write_log_after_hook(la_link *link, php_localapi_write *write)
{
	php_localapi_db_error err;
	zend_string *text;

	/* The log row goes where the write went, whatever settings the hook switched to. */
	la_write_describe(write);
	if (php_localapi_log_write(link, &write->layout, write->log, &err)) {
		return true;
	}
	text = php_localapi_db_error_text(&err);
	php_error_docref(NULL, E_WARNING, "%s %lld was %s but its activity log row was not: %s",
		write->spec->noun, write->row.id, write->spec->done, ZSTR_VAL(text));
	zend_string_release(text);
	return false;
}

/* Never an error that implies nothing was written when the write may have been made. */
static void la_write_unknown_result(const php_localapi_write *write, zval *return_value,
	const php_localapi_db_error *cause)
{
	php_localapi_db_error err;

	err.code = cause->code;
	snprintf(err.message, sizeof(err.message), "outcome unknown: %s (%s)", write->spec->unknown, cause->message);
	php_localapi_db_error_result(return_value, &err);
}

void php_localapi_write_run(la_link *link, php_localapi_write *write, zval *return_value)
{
	php_localapi_db_error err;
	/* With a hook the write commits first, so the hook can see it from anywhere. */
	const php_localapi_write_spec *spec = write->spec;
	bool hooked = spec->hook && php_localapi_hooks_has(spec->hook, spec->hook_len);
	bool logged = write->log != NULL;

	switch (la_write_retried(link, write, logged && !hooked, &err)) {
		case PHP_LOCALAPI_WRITE_REFUSED:
			spec->refused(write, return_value);
			return;
		case PHP_LOCALAPI_WRITE_FAILED:
			php_localapi_db_error_result(return_value, &err);
			return;
		case PHP_LOCALAPI_WRITE_UNKNOWN:
			la_write_unknown_result(write, return_value, &err);
			return;
		case PHP_LOCALAPI_WRITE_DONE:
			break;
	}
	if (hooked) {
		la_write_fire(link, write);
		logged = logged && la_write_log_after_hook(link, write);
	}
	spec->success(write, return_value);
	if (logged) {
		php_localapi_log_fire(write->log);
	}
}
