/*
 * The caller of a command: localAPI()'s third argument, looked up in tbladmins.
 */
#include "command/command.h"

static const char la_sql_admin_by_id[] = "SELECT id, username FROM tbladmins WHERE id = ? ORDER BY id LIMIT 1";
static const char la_sql_admin_by_name[] = "SELECT id, username FROM tbladmins WHERE username = ? ORDER BY id LIMIT 1";

/* '', '0', 0, null and false mean "no admin" (behaviour §7). */
static bool la_admin_given(zend_string *name, zend_long number, bool is_null)
{
	if (is_null) {
		return false;
	}
	if (name) {
		return !(ZSTR_LEN(name) == 0 || (ZSTR_LEN(name) == 1 && ZSTR_VAL(name)[0] == '0'));
	}
	return number != 0;
}

static bool la_admin_from_row(HashTable *row, php_localapi_admin *admin)
{
	zval *id = row ? zend_hash_str_find(row, ZEND_STRL("id")) : NULL;
	zval *username = row ? zend_hash_str_find(row, ZEND_STRL("username")) : NULL;

	if (!id || !username) {
		return false;
	}
	admin->id = zval_get_long(id);
	admin->username = zval_get_string(username);
	return true;
}

/* Looks the admin up by id when the value is numeric (PHP's is_numeric), else by username. */
static bool la_admin_lookup(la_link *link, zend_string *name, zend_long number, php_localapi_admin *admin,
	zval *return_value)
{
	php_localapi_db_error err;
	MYSQL_BIND param;
	long long id = number;
	double dval = 0;
	bool found;
	zval rows;
	const char *sql = la_sql_admin_by_id;

	php_localapi_bind_long(&param, &id);
	if (name) {
		switch (is_numeric_string(ZSTR_VAL(name), ZSTR_LEN(name), &admin->id, &dval, false)) {
			case IS_LONG:
				id = admin->id;
				break;
			case IS_DOUBLE:
				php_localapi_bind_double(&param, &dval);
				break;
			default:
				if (!la_utf8_valid(ZSTR_VAL(name), ZSTR_LEN(name))) {
					php_localapi_error(return_value, "No matching admin user found");
					return false;
				}
				sql = la_sql_admin_by_name;
				php_localapi_bind_str(&param, ZSTR_VAL(name), ZSTR_LEN(name));
		}
	}
	if (!php_localapi_db_read_rows(link, sql, &param, &rows, &err)) {
		php_localapi_db_error_result(return_value, &err);
		return false;
	}
	found = la_admin_from_row(php_localapi_db_first_row(&rows), admin);
	zval_ptr_dtor(&rows);
	if (!found) {
		php_localapi_error(return_value, "No matching admin user found");
	}
	return found;
}

/* Fills admin (id 0 and no name when none is given); false with the error answer set when
 * the admin cannot be found. */
bool php_localapi_admin_find(zend_string *name, zend_long number, bool is_null, php_localapi_admin *admin,
	zval *return_value)
{
	php_localapi_db_error err;
	la_link *link;

	if (!la_admin_given(name, number, is_null)) {
		return true;
	}
	link = php_localapi_db_acquire(&err);
	if (!link) {
		php_localapi_db_error_result(return_value, &err);
		return false;
	}
	if (!la_admin_lookup(link, name, number, admin, return_value)) {
		/* The lookup's read opened a transaction: end it, or the next call would read an old snapshot. */
		php_localapi_db_end_call(link);
		if (admin->username) {
			zend_string_release(admin->username);
			admin->username = NULL;
		}
		return false;
	}
	return true;
}
