/*
 * One result API for every query: a prepared statement's rows as PHP arrays,
 * each keyed by column name in the result's column order, each value of the
 * type the server reports, as mysqlnd gives them with native types: integers
 * (BIT included) as int (an unsigned one beyond PHP_INT_MAX as string),
 * FLOAT and DOUBLE as float, NULL as null, everything else (DECIMAL, text,
 * dates) as string.
 */
#include "db/db_link.h"

typedef enum {
	LA_CELL_INT,
	LA_CELL_DOUBLE,
	LA_CELL_FLOAT,       /* fetched as the server's text, which keeps FLOAT's own digits */
	LA_CELL_BIT,         /* fetched as its bytes, most significant first */
	LA_CELL_STRING
} la_cell_kind;

/* One column of the result: how it is fetched and where its value lands. */
typedef struct {
	la_cell_kind kind;
	zend_string *key;
	union {
		long long number;
		double real;
	} value;
	unsigned long length;
	my_bool is_null;
	my_bool is_unsigned;
} la_cell;

typedef struct {
	MYSQL_STMT *stmt;
	MYSQL_RES *meta;
	unsigned int count;
	MYSQL_BIND *binds;
	la_cell *cells;
} la_result;

static la_cell_kind la_cell_kind_of(const MYSQL_FIELD *field)
{
	switch (field->type) {
		case MYSQL_TYPE_TINY:
		case MYSQL_TYPE_SHORT:
		case MYSQL_TYPE_INT24:
		case MYSQL_TYPE_LONG:
		case MYSQL_TYPE_LONGLONG:
		case MYSQL_TYPE_YEAR:
			return LA_CELL_INT;
		case MYSQL_TYPE_DOUBLE:
			return LA_CELL_DOUBLE;
		case MYSQL_TYPE_FLOAT:
			return LA_CELL_FLOAT;
		case MYSQL_TYPE_BIT:
			return LA_CELL_BIT;
		default:
			return LA_CELL_STRING;
	}
}

/* Numbers land in the cell; text is measured here (buffer_length 0) and read by la_cell_text(). */
static void la_cell_bind(la_cell *cell, MYSQL_BIND *bind, const MYSQL_FIELD *field)
{
	static char probe;

	memset(bind, 0, sizeof(*bind));
	cell->kind = la_cell_kind_of(field);
	cell->key = zend_string_init(field->name, field->name_length, 0);
	bind->is_null = &cell->is_null;
	bind->length = &cell->length;
	if (cell->kind == LA_CELL_INT) {
		bind->buffer_type = MYSQL_TYPE_LONGLONG;
		bind->buffer = &cell->value.number;
		bind->is_unsigned = (field->flags & UNSIGNED_FLAG) != 0;
		cell->is_unsigned = bind->is_unsigned;
	} else if (cell->kind == LA_CELL_DOUBLE) {
		bind->buffer_type = MYSQL_TYPE_DOUBLE;
		bind->buffer = &cell->value.real;
	} else {
		bind->buffer_type = MYSQL_TYPE_STRING;
		bind->buffer = &probe;
		bind->buffer_length = 0;
	}
}

static void la_result_free(la_result *result)
{
	for (unsigned int i = 0; i < result->count; i++) {
		zend_string_release(result->cells[i].key);
	}
	if (result->count) {
		efree(result->binds);
		efree(result->cells);
	}
	if (result->meta) {
		mysql_free_result(result->meta);
	}
	mysql_stmt_free_result(result->stmt);
}

static bool la_result_bind(la_result *result, php_localapi_db_error *err)
{
	result->count = mysql_num_fields(result->meta);
	if (result->count == 0) {
		return true;
	}
	result->binds = safe_emalloc(result->count, sizeof(MYSQL_BIND), 0);
	result->cells = safe_emalloc(result->count, sizeof(la_cell), 0);
	for (unsigned int i = 0; i < result->count; i++) {
		la_cell_bind(&result->cells[i], &result->binds[i], mysql_fetch_field_direct(result->meta, i));
	}
	if (mysql_stmt_bind_result(result->stmt, result->binds) != 0) {
		php_localapi_db_error_of_stmt(err, result->stmt);
		return false;
	}
	return true;
}

/* Column i of the current row as text of any length. */
static zend_string *la_cell_text(la_result *result, unsigned int i, php_localapi_db_error *err)
{
	unsigned long length = result->cells[i].length;
	zend_string *text = zend_string_alloc(length, 0);
	MYSQL_BIND column;

	memset(&column, 0, sizeof(column));
	column.buffer_type = MYSQL_TYPE_STRING;
	column.buffer = ZSTR_VAL(text);
	column.buffer_length = length + 1;
	if (length && mysql_stmt_fetch_column(result->stmt, &column, i, 0) != 0) {
		php_localapi_db_error_of_stmt(err, result->stmt);
		zend_string_efree(text);
		return NULL;
	}
	ZSTR_VAL(text)[length] = '\0';
	return text;
}

static void la_cell_int(const la_cell *cell, zval *value)
{
	if (cell->is_unsigned && (unsigned long long) cell->value.number > ZEND_LONG_MAX) {
		ZVAL_STR(value, zend_strpprintf(0, "%llu", (unsigned long long) cell->value.number));
	} else {
		ZVAL_LONG(value, (zend_long) cell->value.number);
	}
}

static void la_cell_bits(const zend_string *bytes, zval *value)
{
	unsigned long long bits = 0;

	for (size_t i = 0; i < ZSTR_LEN(bytes); i++) {
		bits = bits << 8 | (unsigned char) ZSTR_VAL(bytes)[i];
	}
	if (bits > ZEND_LONG_MAX) {
		ZVAL_STR(value, zend_strpprintf(0, "%llu", bits));
	} else {
		ZVAL_LONG(value, (zend_long) bits);
	}
}

static bool la_cell_value(la_result *result, unsigned int i, zval *value, php_localapi_db_error *err)
{
	const la_cell *cell = &result->cells[i];
	zend_string *text;

	if (cell->is_null) {
		ZVAL_NULL(value);
		return true;
	}
	switch (cell->kind) {
		case LA_CELL_INT:
			la_cell_int(cell, value);
			return true;
		case LA_CELL_DOUBLE:
			ZVAL_DOUBLE(value, cell->value.real);
			return true;
		default:
			break;
	}
	if (!(text = la_cell_text(result, i, err))) {
		return false;
	}
	if (cell->kind == LA_CELL_FLOAT) {
		ZVAL_DOUBLE(value, zend_strtod(ZSTR_VAL(text), NULL));
		zend_string_efree(text);
	} else if (cell->kind == LA_CELL_BIT) {
		la_cell_bits(text, value);
		zend_string_efree(text);
	} else {
		ZVAL_STR(value, text);
	}
	return true;
}

static bool la_result_row(la_result *result, zval *rows, php_localapi_db_error *err)
{
	zval row, value;

	array_init_size(&row, result->count);
	for (unsigned int i = 0; i < result->count; i++) {
		if (!la_cell_value(result, i, &value, err)) {
			zval_ptr_dtor(&row);
			return false;
		}
		/* A name twice (SELECT a, a) keeps the last value, as mysqlnd does. */
		zend_symtable_update(Z_ARRVAL(row), result->cells[i].key, &value);
	}
	zend_hash_next_index_insert_new(Z_ARRVAL_P(rows), &row);
	return true;
}

static bool la_result_fetch(la_result *result, zval *rows, php_localapi_db_error *err)
{
	int rc;

	while ((rc = mysql_stmt_fetch(result->stmt)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		if (!la_result_row(result, rows, err)) {
			return false;
		}
	}
	if (rc == 1) {
		php_localapi_db_error_of_stmt(err, result->stmt);
		return false;
	}
	return true;
}

bool php_localapi_db_rows(la_link *link, const char *sql, MYSQL_BIND *params, zval *rows,
	php_localapi_db_error *err)
{
	la_result result = { NULL, NULL, 0, NULL, NULL };
	bool ok;

	ZVAL_UNDEF(rows);
	if (!(result.stmt = php_localapi_db_execute(link, sql, params, err))) {
		return false;
	}
	array_init(rows);
	/* A statement without a result set has no rows. */
	result.meta = mysql_stmt_result_metadata(result.stmt);
	ok = !result.meta || (la_result_bind(&result, err) && la_result_fetch(&result, rows, err));
	la_result_free(&result);
	if (!ok) {
		zval_ptr_dtor(rows);
		ZVAL_UNDEF(rows);
	}
	return ok;
}

/* A read is safe to repeat: a link found dead (since its last use, or by this read) is
 * reconnected once and the read runs again. Not for reads inside a transaction that wrote. */
bool php_localapi_db_read_rows(la_link *link, const char *sql, MYSQL_BIND *params, zval *rows,
	php_localapi_db_error *err)
{
	return php_localapi_db_rows(link, sql, params, rows, err)
		|| (php_localapi_db_reconnected(link, err) && php_localapi_db_rows(link, sql, params, rows, err));
}

/* Whether sql's result has a row: a lookup that needs no value. */
bool php_localapi_db_has_row(la_link *link, const char *sql, MYSQL_BIND *params, bool *found,
	php_localapi_db_error *err)
{
	zval rows;

	if (!php_localapi_db_rows(link, sql, params, &rows, err)) {
		return false;
	}
	*found = zend_hash_num_elements(Z_ARRVAL(rows)) > 0;
	zval_ptr_dtor(&rows);
	return true;
}
