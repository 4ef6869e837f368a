/*
 * The activity log: one tblactivitylog row, written the same way by
 * AddContact and by logActivity(), and the LogActivity hook that follows it.
 * The columns written are the ones the table has: a 7.x database has no
 * user_id and admin_id (whmcs.c finds out which, once per connection).
 */
#include "command/command.h"

#include "SAPI.h"

/* [layout][guarded]: the layout is (user_id present) | (admin_id present) << 1, user_id always 0
 * (no WHMCS user); the second form is a write command's on a Galera node, written only where
 * the contact row it wrote is to be seen. */
#define LA_LOG(columns, values) { \
	"INSERT INTO tblactivitylog " columns " VALUES (" values ")", \
	"INSERT INTO tblactivitylog " columns " SELECT " values " FROM tblcontacts WHERE id = ?" }

static const char *const la_sql_log[4][2] = {
	LA_LOG("(date, description, user, userid, ipaddr)", "NOW(), ?, ?, ?, ?"),
	LA_LOG("(date, description, user, userid, user_id, ipaddr)", "NOW(), ?, ?, ?, 0, ?"),
	LA_LOG("(date, description, user, userid, admin_id, ipaddr)", "NOW(), ?, ?, ?, ?, ?"),
	LA_LOG("(date, description, user, userid, user_id, admin_id, ipaddr)", "NOW(), ?, ?, ?, 0, ?, ?"),
};

/* $_SERVER['REMOTE_ADDR'] of a web request; the CLI has no client address. */
zend_string *php_localapi_request_ipaddr(void)
{
	zval *server, *addr;

	if (strcmp(sapi_module.name, "cli") == 0 || strcmp(sapi_module.name, "phpdbg") == 0) {
		return ZSTR_EMPTY_ALLOC();
	}
	zend_is_auto_global_str(ZEND_STRL("_SERVER"));
	server = &PG(http_globals)[TRACK_VARS_SERVER];
	if (Z_TYPE_P(server) != IS_ARRAY) {
		return ZSTR_EMPTY_ALLOC();
	}
	addr = zend_hash_str_find_deref(Z_ARRVAL_P(server), ZEND_STRL("REMOTE_ADDR"));
	return addr && Z_TYPE_P(addr) == IS_STRING ? zend_string_copy(Z_STR_P(addr)) : ZSTR_EMPTY_ALLOC();
}

/* guard: the row a write command wrote in this transaction, on a Galera node (a row of
 * tblcontacts); the log row is written only if that row is there to see, which shows that
 * this statement runs in the transaction that wrote it (none written: it was rolled back
 * underneath the session). */
bool php_localapi_log_insert(la_link *link, const php_localapi_whmcs *layout, php_localapi_log_row *row,
	const php_localapi_row_ref *guard, php_localapi_db_error *err)
{
	int variant = layout->log_user_id | layout->log_admin_id << 1;
	MYSQL_BIND params[6];
	my_ulonglong affected = 0;
	int n = 0;

	php_localapi_bind_str(&params[n++], ZSTR_VAL(row->description), ZSTR_LEN(row->description));
	php_localapi_bind_str(&params[n++], row->user, row->user_len);
	php_localapi_bind_long(&params[n++], &row->userid);
	if (layout->log_admin_id) {
		php_localapi_bind_long(&params[n++], &row->admin_id);
	}
	php_localapi_bind_str(&params[n++], ZSTR_VAL(row->ipaddr), ZSTR_LEN(row->ipaddr));
	if (guard) {
		php_localapi_bind_long(&params[n++], (long long *) &guard->id);
	}
	if (!php_localapi_db_exec(link, la_sql_log[variant][guard != NULL], params, &affected, (my_ulonglong *) &row->id,
			err)) {
		return false;
	}
	if (affected == 0) {
		php_localapi_rolled_back_underneath(err);
		return false;
	}
	return true;
}

/* A log row written on its own, as a write of the write layer (write.c). */
typedef struct {
	php_localapi_write write;    /* first: the write layer's callbacks get this */
	php_localapi_log_row *row;
} la_log_write;

static php_localapi_write_status la_log_statements(la_link *link, php_localapi_write *write,
	php_localapi_db_error *err)
{
	la_log_write *log = (la_log_write *) write;

	if (!php_localapi_log_insert(link, &write->layout, log->row, NULL, err)) {
		return PHP_LOCALAPI_WRITE_FAILED;
	}
	write->row.id = log->row->id;
	return PHP_LOCALAPI_WRITE_DONE;
}

/* The row written before a COMMIT that failed, looked for to learn whether it happened
 * (by its id too: logActivity() may write the same description many times). */
static bool la_log_committed(la_link *link, void *context, bool causal, bool *found, php_localapi_db_error *err)
{
	static const char sql[] = "SELECT id FROM tblactivitylog WHERE id = ? AND userid = ? AND description = ?";
	static const char sql_causal[] = "SET STATEMENT wsrep_sync_wait = 1 FOR"
		" SELECT id FROM tblactivitylog WHERE id = ? AND userid = ? AND description = ?";
	php_localapi_log_row *row = ((la_log_write *) context)->row;
	MYSQL_BIND params[3];

	php_localapi_bind_long(&params[0], &row->id);
	php_localapi_bind_long(&params[1], &row->userid);
	php_localapi_bind_str(&params[2], ZSTR_VAL(row->description), ZSTR_LEN(row->description));
	return php_localapi_db_has_row(link, causal ? sql_causal : sql, params, found, err);
}

static void la_error_prefix(php_localapi_db_error *err, const char *prefix)
{
	char message[sizeof(err->message)];

	snprintf(message, sizeof(message), "%s%s", prefix, err->message);
	memcpy(err->message, message, sizeof(message));
}

static const php_localapi_write_spec la_log_spec = {
	.statements = la_log_statements,
	.committed = la_log_committed,
	.table = "tblactivitylog",
};

/* The row in a transaction of its own, committed, tried again as every write is. */
bool php_localapi_log_write(la_link *link, const php_localapi_whmcs *layout, php_localapi_log_row *row,
	php_localapi_db_error *err)
{
	la_log_write log;

	php_localapi_write_init(&log.write, &la_log_spec, layout, row->userid, NULL);
	log.row = row;
	switch (php_localapi_write_commit(link, &log.write, err)) {
		case PHP_LOCALAPI_WRITE_DONE:
			return true;
		case PHP_LOCALAPI_WRITE_UNKNOWN:
			la_error_prefix(err, "outcome unknown, the row may have been written: ");
			return false;
		default:
			return false;
	}
}

/* LogActivity, after the row is committed. A logActivity() call made by one of its
 * callbacks writes its row but does not fire LogActivity again: that would never end. */
void php_localapi_log_fire(const php_localapi_log_row *row)
{
	bool outer = LOCALAPI_G(in_log_activity_hook);
	zval vars;

	array_init_size(&vars, 4);
	add_assoc_str(&vars, "description", zend_string_copy(row->description));
	add_assoc_stringl(&vars, "user", row->user, row->user_len);
	add_assoc_long(&vars, "userid", (zend_long) row->userid);
	add_assoc_str(&vars, "ipaddress", zend_string_copy(row->ipaddr));
	LOCALAPI_G(in_log_activity_hook) = true;
	php_localapi_hooks_run(ZEND_STRL("LogActivity"), &vars);
	LOCALAPI_G(in_log_activity_hook) = outer;
	zval_ptr_dtor(&vars);
}

/* What the column takes: UTF-8 of the Basic Multilingual Plane, at most 65535 bytes. */
static bool la_log_input_ok(const zend_string *description, zend_long user_id)
{
	la_str text = { ZSTR_VAL(description), ZSTR_LEN(description) };

	if (!la_utf8_valid(text.ptr, text.len)) {
		php_error_docref(NULL, E_WARNING, "description is not valid UTF-8; nothing was logged");
		return false;
	}
	switch (la_text_check(text).code) {
		case LA_OK:
			break;
		case LA_ERR_TOO_LONG_BYTES:
			php_error_docref(NULL, E_WARNING, "description is longer than %d bytes; nothing was logged",
				LA_TEXT_MAX_BYTES);
			return false;
		default:
			php_error_docref(NULL, E_WARNING, "description contains characters that cannot be stored;"
				" nothing was logged");
			return false;
	}
	if (user_id < 0 || (uint64_t) user_id > UINT32_MAX) {
		php_error_docref(NULL, E_WARNING, "userId must be from 0 to %" PRIu32 "; nothing was logged", UINT32_MAX);
		return false;
	}
	return true;
}

/* The admin of the localAPI() call in progress, else "Local API User" inside a call, else "System". */
void php_localapi_log_row_init(php_localapi_log_row *row, zend_string *description, long long user_id,
	const php_localapi_admin *admin)
{
	row->description = description;
	row->id = 0;
	row->userid = user_id;
	row->admin_id = admin ? admin->id : 0;
	if (admin && admin->username) {
		row->user = ZSTR_VAL(admin->username);
		row->user_len = ZSTR_LEN(admin->username);
	} else if (admin) {
		row->user = "Local API User";
		row->user_len = sizeof("Local API User") - 1;
	} else {
		row->user = "System";
		row->user_len = sizeof("System") - 1;
	}
	row->ipaddr = admin ? php_localapi_request_ipaddr() : ZSTR_EMPTY_ALLOC();
}

static bool la_log_activity(php_localapi_log_row *row)
{
	php_localapi_db_error err;
	const php_localapi_whmcs *layout;
	la_link *link = php_localapi_db_acquire(&err);
	bool ok = false;

	if (link && (layout = php_localapi_whmcs_get(link, &err)) != NULL) {
		ok = php_localapi_log_write(link, layout, row, &err);
	}
	if (!ok) {
		zend_string *text = php_localapi_db_error_text(&err);
		php_error_docref(NULL, E_WARNING, "Database error: %s; nothing was logged", ZSTR_VAL(text));
		zend_string_release(text);
		if (link && !LOCALAPI_G(call_admin)) {
			php_localapi_db_end_call(link);
		}
	}
	return ok;
}

/* {{{ logActivity(string $description, int $userId = 0): void */
PHP_FUNCTION(logActivity)
{
	zend_string *description;
	zend_long user_id = 0;
	php_localapi_log_row row;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(description)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(user_id)
	ZEND_PARSE_PARAMETERS_END();

	if (!la_log_input_ok(description, user_id)) {
		return;
	}
	php_localapi_log_row_init(&row, description, user_id, LOCALAPI_G(call_admin));
	if (la_log_activity(&row) && !LOCALAPI_G(in_log_activity_hook)) {
		php_localapi_log_fire(&row);
	}
	zend_string_release(row.ipaddr);
}
/* }}} */
