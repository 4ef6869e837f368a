/*
 * One result API for every query: a prepared statement's rows as PHP arrays,
 * each keyed by column name in the result's column order, each value of the
 * type the server reports, as mysqlnd gives them with native types: integers
 * (BIT included) as int (an unsigned one beyond PHP_INT_MAX as string),
 * FLOAT and DOUBLE as float, NULL as null, everything else (DECIMAL, text,
 * dates) as string.
 *
 * What a result's columns need (their kinds, the buffers bound to them, the
 * names as PHP strings) is built at the first read of a statement in a
 * request and kept with it on the link until the request ends (a shape: the
 * names are request memory, as the arrays that share them are), so that
 * later executions bind nothing and make no names. Each execution only checks
 * that the server still reports the same types (libmariadb updates them in
 * place after a table changed with the same number of columns; a different
 * number makes db.c prepare the statement again, and the shape goes with the
 * old one).
 */
#include "db/db_link.h"

typedef enum {
	LA_CELL_INT,
	LA_CELL_DOUBLE,
	LA_CELL_FLOAT,       /* fetched as the server's text, which keeps FLOAT's own digits */
	LA_CELL_BIT,         /* fetched as its bytes, most significant first */
	LA_CELL_DATETIME,    /* DATE, DATETIME, TIMESTAMP: fetched as MYSQL_TIME, written out here */
	LA_CELL_STRING
} la_cell_kind;

/* One column of the result: how it is fetched and where its value lands. */
typedef struct {
	la_cell_kind kind;
	enum enum_field_types type;    /* as the server reported it when the shape was built */
	unsigned int flags;            /* the field's UNSIGNED_FLAG */
	unsigned int field_decimals;
	zend_string *key;
	union {
		long long number;
		double real;
		MYSQL_TIME time;
	} value;
	unsigned long length;
	my_bool is_null;
	my_bool is_unsigned;
	char *inline_text;       /* the text kinds: LA_CELL_INLINE bytes of the row's value */
	bool is_date;            /* DATE: no time of day */
	unsigned int decimals;   /* digits of the fraction of a second */
} la_cell;

/* Text of up to this many bytes arrives with the row, into the cell's own buffer; longer text
 * is measured by the fetch and read whole by mysql_stmt_fetch_column(). */
#define LA_CELL_INLINE 256

struct php_localapi_db_shape {
	unsigned int count;
	MYSQL_BIND *binds;
	la_cell *cells;
	char *inline_text;       /* count x LA_CELL_INLINE bytes */
	bool append;             /* the names are distinct and none is numeric: rows are appended to */
	bool append_known;       /* append was decided, by the first row read */
	bool bound;              /* mysql_stmt_bind_result() took binds */
};

typedef struct {
	MYSQL_STMT *stmt;
	php_localapi_db_shape *shape;
	bool owned;              /* the shape is this read's: the link keeps none for the statement */
	bool trailing;           /* the last column is a number kept apart, not put in the rows */
	long long trailing_value;
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
		case MYSQL_TYPE_DATE:
		case MYSQL_TYPE_DATETIME:
		case MYSQL_TYPE_TIMESTAMP:
			return LA_CELL_DATETIME;
		default:
			return LA_CELL_STRING;
	}
}

/* Numbers and dates land in the cell; text lands in inline_text when it fits, and is read by
 * la_cell_text(). */
static void la_cell_bind(la_cell *cell, MYSQL_BIND *bind, const MYSQL_FIELD *field, char *inline_text)
{
	memset(bind, 0, sizeof(*bind));
	memset(cell, 0, sizeof(*cell));
	cell->kind = la_cell_kind_of(field);
	cell->type = field->type;
	cell->flags = field->flags & UNSIGNED_FLAG;
	cell->field_decimals = field->decimals;
	cell->key = zend_string_init(field->name, field->name_length, 0);
	zend_string_hash_val(cell->key);
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
	} else if (cell->kind == LA_CELL_DATETIME) {
		/* libmariadb would write it out with sprintf() on every fetch, twice with the
		 * measuring fetch: la_cell_datetime() does it without. */
		bind->buffer_type = MYSQL_TYPE_DATETIME;
		bind->buffer = &cell->value.time;
		bind->buffer_length = sizeof(cell->value.time);
		cell->is_date = field->type == MYSQL_TYPE_DATE;
		cell->decimals = field->decimals > 6 ? 6 : field->decimals;
	} else {
		bind->buffer_type = MYSQL_TYPE_STRING;
		bind->buffer = inline_text;
		bind->buffer_length = LA_CELL_INLINE;
		cell->inline_text = inline_text;
	}
}

void php_localapi_db_shape_free(php_localapi_db_shape *shape)
{
	for (unsigned int i = 0; i < shape->count; i++) {
		zend_string_release(shape->cells[i].key);
	}
	if (shape->count) {
		efree(shape->binds);
		efree(shape->cells);
		efree(shape->inline_text);
	}
	efree(shape);
}

static php_localapi_db_shape *la_shape_new(MYSQL_STMT *stmt)
{
	php_localapi_db_shape *shape = ecalloc(1, sizeof(*shape));
	const MYSQL_FIELD *fields = mariadb_stmt_fetch_fields(stmt);

	shape->count = mysql_stmt_field_count(stmt);
	if (shape->count == 0 || !fields) {
		shape->count = 0;
		return shape;
	}
	shape->binds = safe_emalloc(shape->count, sizeof(MYSQL_BIND), 0);
	shape->cells = safe_emalloc(shape->count, sizeof(la_cell), 0);
	shape->inline_text = safe_emalloc(shape->count, LA_CELL_INLINE, 0);
	for (unsigned int i = 0; i < shape->count; i++) {
		la_cell_bind(&shape->cells[i], &shape->binds[i], &fields[i],
			shape->inline_text + (size_t) i * LA_CELL_INLINE);
	}
	return shape;
}

/* The shape still describes what the statement's execution reports: the same columns, each
 * of the same type, signedness and fraction digits (all its binding depends on). */
static bool la_shape_fits(const php_localapi_db_shape *shape, MYSQL_STMT *stmt)
{
	const MYSQL_FIELD *fields = mariadb_stmt_fetch_fields(stmt);

	if (shape->count != mysql_stmt_field_count(stmt) || (shape->count && !fields)) {
		return false;
	}
	for (unsigned int i = 0; i < shape->count; i++) {
		const la_cell *cell = &shape->cells[i];

		if (cell->type != fields[i].type || cell->flags != (fields[i].flags & UNSIGNED_FLAG)
			|| cell->field_decimals != fields[i].decimals) {
			return false;
		}
	}
	return true;
}

/* The statement's shape, built (or built again) when it has none that fits, and bound. */
static bool la_result_bind(la_link *link, const char *sql, la_result *result, php_localapi_db_error *err)
{
	php_localapi_db_shape **slot = php_localapi_db_shape_slot(link, sql);
	php_localapi_db_shape *shape = slot ? *slot : NULL;

	if (!shape || !la_shape_fits(shape, result->stmt)) {
		if (shape) {
			php_localapi_db_shape_free(shape);
		}
		shape = la_shape_new(result->stmt);
		if (slot) {
			*slot = shape;
		} else {
			result->owned = true;
		}
	}
	result->shape = shape;
	if (!shape->bound && shape->count) {
		if (mysql_stmt_bind_result(result->stmt, shape->binds) != 0) {
			php_localapi_db_error_of_stmt(err, result->stmt);
			return false;
		}
		shape->bound = true;
	}
	return true;
}

static void la_result_free(la_result *result)
{
	if (result->owned) {
		php_localapi_db_shape_free(result->shape);
	}
	mysql_stmt_free_result(result->stmt);
}

/* Column i of the current row as text of any length. */
static zend_string *la_cell_text(la_result *result, unsigned int i, php_localapi_db_error *err)
{
	unsigned long length = result->shape->cells[i].length;
	zend_string *text;
	MYSQL_BIND column;

	if (length == 0) {
		return ZSTR_EMPTY_ALLOC();
	}
	if (length <= LA_CELL_INLINE) {
		return zend_string_init(result->shape->cells[i].inline_text, length, 0);
	}
	text = zend_string_alloc(length, 0);
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

/* value in decimal, at least width digits (zero-padded, as printf's %0<width>u). */
static char *la_digits(char *out, unsigned int value, int width)
{
	unsigned long long limit = 1;

	for (int i = 0; i < width; i++) {
		limit *= 10;
	}
	while (value >= limit) {
		width++;
		limit *= 10;
	}
	for (int i = width - 1; i >= 0; i--) {
		out[i] = (char) ('0' + value % 10);
		value /= 10;
	}
	return out + width;
}

/* As libmariadb writes a temporal value out ("%04u-%02u-%02u %02u:%02u:%02u", then the
 * fraction of a second to the column's digits), and so as mysqlnd gives it. */
static void la_cell_datetime(const la_cell *cell, zval *value)
{
	const MYSQL_TIME *t = &cell->value.time;
	char buf[64], *p = buf;

	p = la_digits(p, t->year, 4);
	*p++ = '-';
	p = la_digits(p, t->month, 2);
	*p++ = '-';
	p = la_digits(p, t->day, 2);
	if (!cell->is_date) {
		*p++ = ' ';
		p = la_digits(p, t->hour, 2);
		*p++ = ':';
		p = la_digits(p, t->minute, 2);
		*p++ = ':';
		p = la_digits(p, t->second, 2);
		if (cell->decimals) {
			char fraction[6];

			*p++ = '.';
			la_digits(fraction, t->second_part % 1000000, 6);
			memcpy(p, fraction, cell->decimals);
			p += cell->decimals;
		}
	}
	ZVAL_STRINGL(value, buf, (size_t) (p - buf));
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
	const la_cell *cell = &result->shape->cells[i];
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
		case LA_CELL_DATETIME:
			la_cell_datetime(cell, value);
			return true;
		default:
			break;
	}
	if (!(text = la_cell_text(result, i, err))) {
		return false;
	}
	if (cell->kind == LA_CELL_FLOAT) {
		ZVAL_DOUBLE(value, zend_strtod(ZSTR_VAL(text), NULL));
		zend_string_release(text);
	} else if (cell->kind == LA_CELL_BIT) {
		la_cell_bits(text, value);
		zend_string_release(text);
	} else {
		ZVAL_STR(value, text);
	}
	return true;
}

static bool la_result_row(la_result *result, zval *rows, php_localapi_db_error *err)
{
	php_localapi_db_shape *shape = result->shape;
	zval row, value;
	unsigned int shown = result->trailing && shape->count ? shape->count - 1 : shape->count;

	if (shown < shape->count) {
		const la_cell *last = &shape->cells[shown];

		result->trailing_value = last->kind == LA_CELL_INT && !last->is_null ? last->value.number : 0;
	}
	array_init_size(&row, shown);
	if (shape->append) {
		zend_hash_real_init_mixed(Z_ARRVAL(row));
	}
	for (unsigned int i = 0; i < shown; i++) {
		if (!la_cell_value(result, i, &value, err)) {
			zval_ptr_dtor(&row);
			return false;
		}
		if (shape->append) {
			_zend_hash_append(Z_ARRVAL(row), shape->cells[i].key, &value);
		} else {
			/* A name twice (SELECT a, a) keeps the last value, as mysqlnd does. */
			zend_symtable_update(Z_ARRVAL(row), shape->cells[i].key, &value);
		}
	}
	/* The first row read tells whether the names are distinct and none is a number ("0"): then
	 * every later row, of this read and the next ones, needs no lookups. */
	if (!shape->append_known) {
		zend_string *key;

		shape->append_known = true;
		shape->append = zend_hash_num_elements(Z_ARRVAL(row)) == shown;
		ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL(row), key) {
			if (!key) {
				shape->append = false;
				break;
			}
		} ZEND_HASH_FOREACH_END();
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

static bool la_rows(la_link *link, const char *sql, MYSQL_BIND *params, zval *rows, bool alone,
	long long *trailing, php_localapi_db_error *err)
{
	la_result result = { NULL, NULL, false, trailing != NULL, 0 };
	bool ok;

	ZVAL_UNDEF(rows);
	result.stmt = alone ? php_localapi_db_execute_alone(link, sql, params, err)
		: php_localapi_db_execute(link, sql, params, err);
	if (!result.stmt) {
		return false;
	}
	array_init(rows);
	/* A statement without a result set has no rows. */
	ok = mysql_stmt_field_count(result.stmt) == 0
		|| (la_result_bind(link, sql, &result, err) && la_result_fetch(&result, rows, err));
	if (ok && trailing) {
		*trailing = result.trailing_value;
	}
	la_result_free(&result);
	if (!ok) {
		zval_ptr_dtor(rows);
		ZVAL_UNDEF(rows);
	}
	return ok;
}

bool php_localapi_db_rows(la_link *link, const char *sql, MYSQL_BIND *params, zval *rows,
	php_localapi_db_error *err)
{
	return la_rows(link, sql, params, rows, false, NULL, err);
}

bool php_localapi_db_rows_alone(la_link *link, const char *sql, MYSQL_BIND *params, zval *rows,
	long long *count, php_localapi_db_error *err)
{
	if (count) {
		*count = 0;
	}
	return la_rows(link, sql, params, rows, true, count, err);
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
