/*
 * GetContacts: a page of tblcontacts rows and the number of rows that match, read so
 * that a contact added or deleted meanwhile cannot make the count and the page disagree.
 * One statement is its own consistent snapshot: the page with COUNT(*) OVER () beside each
 * row gives both at once. Only a page that comes back empty past the first row leaves the
 * count unknown; then the count and the page are read again in one transaction with a
 * consistent snapshot. Reads only: no hook, no activity log. A lost connection or a
 * deadlock is read again within the retry budget, on a new snapshot.
 */
#include "commands/commands.h"

/* The filters, in parameter order: userid, then the text columns firstname ... phonenumber
 * (la_field order, and each column named as its parameter). A filter that is not given
 * binds NULL twice, which makes its condition true; the statement text never changes. */
#define LA_FILTER_FIRST LA_F_FIRSTNAME
#define LA_FILTER_LAST LA_F_PHONENUMBER
#define LA_TEXT_FILTERS (LA_FILTER_LAST - LA_FILTER_FIRST + 1)

#include "commands/get_contacts_sql.h"

/* Parameters of LA_WHERE, then the page's offset and row count. */
#define LA_WHERE_PARAMS (2 + 2 * LA_TEXT_FILTERS + 1)

#define LA_DEFAULT_LIMITNUM 25

typedef struct {
	uint64_t limitstart;
	uint64_t limitnum;
	uint64_t userid;
	bool by_userid;
	zval startnumber;                        /* int 0, or limitstart as given */
	zend_string *filter[LA_TEXT_FILTERS];    /* NULL: does not filter */
	long long subaccount;                    /* 7.x: only sub-accounts */
	MYSQL_BIND params[LA_WHERE_PARAMS + 2];
} la_get;

static void la_get_free(la_get *get)
{
	zval_ptr_dtor(&get->startnumber);
	for (int i = 0; i < LA_TEXT_FILTERS; i++) {
		if (get->filter[i]) {
			zend_string_release(get->filter[i]);
		}
	}
}

/* Every check in parameter order; none needs the database. */
static bool la_get_from_post(la_get *get, HashTable *post, zval *return_value)
{
	bool given;

	ZVAL_LONG(&get->startnumber, 0);
	if (!php_localapi_post_whole_number(post, "limitstart", &get->limitstart, &given, &get->startnumber,
			return_value)) {
		return false;
	}
	if (!given) {
		get->limitstart = 0;
	}
	if (!php_localapi_post_whole_number(post, "limitnum", &get->limitnum, &given, NULL, return_value)) {
		return false;
	}
	/* "limitnum" => " 0" is a truthy string but still no page size: the default, as for 0. */
	if (!given || get->limitnum == 0) {
		get->limitnum = LA_DEFAULT_LIMITNUM;
	}
	if (!php_localapi_post_whole_number(post, "userid", &get->userid, &get->by_userid, NULL, return_value)) {
		return false;
	}
	for (int f = LA_FILTER_FIRST; f <= LA_FILTER_LAST; f++) {
		if (!php_localapi_post_filter(post, f, &get->filter[f - LA_FILTER_FIRST], return_value)) {
			return false;
		}
	}
	return true;
}

static void la_bind_unsigned(MYSQL_BIND *bind, uint64_t *value)
{
	php_localapi_bind_long(bind, (long long *) value);
	bind->is_unsigned = 1;
}

static void la_get_bind(la_get *get)
{
	MYSQL_BIND *p = get->params;
	int n = 0;

	for (int twice = 0; twice < 2; twice++) {
		if (get->by_userid) {
			la_bind_unsigned(&p[n++], &get->userid);
		} else {
			php_localapi_bind_null(&p[n++]);
		}
	}
	for (int i = 0; i < LA_TEXT_FILTERS; i++) {
		for (int twice = 0; twice < 2; twice++) {
			if (get->filter[i]) {
				php_localapi_bind_str(&p[n++], ZSTR_VAL(get->filter[i]), ZSTR_LEN(get->filter[i]));
			} else {
				php_localapi_bind_null(&p[n++]);
			}
		}
	}
	php_localapi_bind_long(&p[n++], &get->subaccount);
	la_bind_unsigned(&p[n++], &get->limitstart);
	la_bind_unsigned(&p[n++], &get->limitnum);
}

/* The count and the page from one snapshot; the transaction reads only, and is ended here. */
static bool la_get_read(la_link *link, la_get *get, zend_long *total, zval *page, php_localapi_db_error *err)
{
	zval count;
	HashTable *row;
	zval *value;
	long long counted;

	/* The page and its count in one statement, with autocommit on: no transaction to end. */
	if (!php_localapi_db_rows_alone(link, get->by_userid ? la_sql_counted_userid : la_sql_counted,
			get->by_userid ? get->params + 1 : get->params, page, &counted, err)) {
		return false;
	}
	/* Rows, or none from the first row on (so none match): the count is the statement's. */
	if (zend_hash_num_elements(Z_ARRVAL_P(page)) > 0 || get->limitstart == 0) {
		*total = (zend_long) counted;
		return true;
	}
	zval_ptr_dtor(page);
	ZVAL_UNDEF(page);
	if (!php_localapi_db_snapshot(link, err)
		|| !php_localapi_db_rows(link, la_sql_count, get->params, &count, err)) {
		return false;
	}
	row = php_localapi_db_first_row(&count);
	value = row ? zend_hash_str_find(row, ZEND_STRL("total")) : NULL;
	*total = value ? zval_get_long(value) : 0;
	zval_ptr_dtor(&count);
	if (!php_localapi_db_rows(link, la_sql_page, get->params, page, err)) {
		return false;
	}
	php_localapi_db_rollback(link);
	return true;
}

/* A read lost with its connection, or chosen as a deadlock victim, is read again. */
static bool la_get_read_retried(la_link *link, la_get *get, zend_long *total, zval *page,
	php_localapi_db_error *err)
{
	php_localapi_retry retry;

	php_localapi_retry_init(&retry);
	for (;;) {
		if (la_get_read(link, get, total, page, err)) {
			return true;
		}
		php_localapi_db_rollback(link);
		if (!php_localapi_retry_wait(&retry, err) || !php_localapi_db_ensure_connected(link, err)) {
			return false;
		}
	}
}

static void la_get_success(la_get *get, zend_long total, zval *page, zval *return_value)
{
	uint32_t returned = zend_hash_num_elements(Z_ARRVAL_P(page));
	zval contacts;

	zval_ptr_dtor(return_value);
	array_init_size(return_value, 5);
	add_assoc_string(return_value, "result", "success");
	add_assoc_long(return_value, "totalresults", total);
	add_assoc_zval(return_value, "startnumber", &get->startnumber);
	ZVAL_UNDEF(&get->startnumber);
	add_assoc_long(return_value, "numreturned", (zend_long) returned);
	if (returned == 0) {
		zval_ptr_dtor(page);
		return;
	}
	array_init_size(&contacts, 1);
	add_assoc_zval(&contacts, "contact", page);
	add_assoc_zval(return_value, "contacts", &contacts);
}

void php_localapi_cmd_getcontacts(HashTable *post_data, const php_localapi_admin *admin, zval *return_value)
{
	const php_localapi_whmcs *whmcs = NULL;
	php_localapi_db_error err;
	la_link *link = NULL;
	la_get get;
	zend_long total = 0;
	zval page;
	zval *subaccount;

	(void) admin;
	memset(&get, 0, sizeof(get));
	if (!la_get_from_post(&get, post_data, return_value)
		|| !(link = php_localapi_command_connect(&whmcs, return_value))) {
		goto done;
	}
	/* Only 7.x has sub-accounts to filter by; the flag is tested for truthiness only. */
	subaccount = zend_hash_str_find_deref(post_data, ZEND_STRL("subaccount"));
	get.subaccount = php_localapi_whmcs_behaviour(whmcs) < 8 && subaccount
		&& php_localapi_post_truthy(subaccount);
	la_get_bind(&get);
	if (la_get_read_retried(link, &get, &total, &page, &err)) {
		la_get_success(&get, total, &page, return_value);
	} else {
		php_localapi_db_error_result(return_value, &err);
	}
done:
	php_localapi_command_end(link);
	la_get_free(&get);
}
