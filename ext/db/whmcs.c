/*
 * The WHMCS that owns the database: the behaviour AddContact follows (7.x or
 * 8.x, from the Version row of tblconfiguration unless localapi.whmcs_version
 * says otherwise) and the columns tblactivitylog actually has. Both are read
 * the first time a connection needs them, and again after any reconnect (db.c
 * forgets them whenever the connection changes).
 */
#include "db/db_link.h"

#include "ext/standard/info.h"

/* The columns of tblactivitylog, from the table's own definition (see
 * php_localapi_db_result_columns), and the Version row. */
static const char la_sql_log_columns[] = "SELECT * FROM tblactivitylog LIMIT 0";
static const char la_sql_version[] = "SELECT value FROM tblconfiguration WHERE setting = 'Version' LIMIT 1";
static const char *const la_log_id_columns[] = { "user_id", "admin_id" };

/* "8.12.1-release.1" is 8; a row that does not start with a number counts as none. */
static int la_version_major(const char *version)
{
	int major = 0;

	while (*version == ' ') {
		version++;
	}
	for (; *version >= '0' && *version <= '9' && major < 1000; version++) {
		major = major * 10 + (*version - '0');
	}
	return major;
}

static bool la_whmcs_read(la_link *link, php_localapi_db_error *err)
{
	php_localapi_whmcs *whmcs = php_localapi_db_whmcs(link);
	unsigned int columns = 0;
	zend_string *version = NULL;
	HashTable *row;
	zval rows, *value;

	if (!php_localapi_db_result_columns(link, la_sql_log_columns, la_log_id_columns,
			(int) (sizeof(la_log_id_columns) / sizeof(la_log_id_columns[0])), &columns, err)
		|| !php_localapi_db_read_rows(link, la_sql_version, NULL, &rows, err)) {
		return false;
	}
	if ((row = php_localapi_db_first_row(&rows)) && (value = zend_hash_str_find(row, ZEND_STRL("value")))) {
		version = zval_get_string(value);
	}
	zval_ptr_dtor(&rows);
	/* Filled in only now: a reconnect during either read clears what the link knew. */
	whmcs->log_user_id = (columns & 1) != 0;
	whmcs->log_admin_id = (columns & 2) != 0;
	whmcs->version[0] = '\0';
	whmcs->major = 0;
	if (version) {
		snprintf(whmcs->version, sizeof(whmcs->version), "%s", ZSTR_VAL(version));
		whmcs->major = la_version_major(ZSTR_VAL(version));
		zend_string_release(version);
	}
	whmcs->known = true;
	return true;
}

/* The link's copy: a reconnect forgets it, so a caller that must outlive one keeps its own. */
const php_localapi_whmcs *php_localapi_whmcs_get(la_link *link, php_localapi_db_error *err)
{
	php_localapi_whmcs *whmcs = php_localapi_db_whmcs(link);

	if (!whmcs->known && !la_whmcs_read(link, err)) {
		return NULL;
	}
	return whmcs;
}

int php_localapi_whmcs_behaviour(const php_localapi_whmcs *whmcs)
{
	if (LOCALAPI_G(whmcs_version) != PHP_LOCALAPI_WHMCS_AUTO) {
		return (int) LOCALAPI_G(whmcs_version);
	}
	/* Without a Version row (a database made by hand): 7.10, the revision the API pages describe. */
	return whmcs && whmcs->major >= 8 ? 8 : 7;
}

void php_localapi_whmcs_info(void)
{
	la_link *link = php_localapi_db_current();
	const php_localapi_whmcs *whmcs = link ? php_localapi_db_whmcs(link) : NULL;
	char buf[128];

	if (LOCALAPI_G(whmcs_version) != PHP_LOCALAPI_WHMCS_AUTO) {
		snprintf(buf, sizeof(buf), "%d.x (localapi.whmcs_version)", (int) LOCALAPI_G(whmcs_version));
	} else if (whmcs && whmcs->known && whmcs->version[0]) {
		snprintf(buf, sizeof(buf), "%d.x (Version %s)", php_localapi_whmcs_behaviour(whmcs), whmcs->version);
	} else if (whmcs && whmcs->known) {
		snprintf(buf, sizeof(buf), "7.x (no Version row: 7.10)");
	} else {
		snprintf(buf, sizeof(buf), "auto (from the Version row, once connected)");
	}
	php_info_print_table_row(2, "WHMCS behaviour", buf);
	if (whmcs && whmcs->known) {
		snprintf(buf, sizeof(buf), "tblactivitylog%s%s%s", whmcs->log_user_id ? " user_id" : "",
			whmcs->log_admin_id ? " admin_id" : "", whmcs->log_user_id || whmcs->log_admin_id ? "" : " without user_id, admin_id");
		php_info_print_table_row(2, "Table layout", buf);
	}
}
