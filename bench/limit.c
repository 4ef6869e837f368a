/*
 * The limit: what one contact costs when nothing but the row itself is done.
 *
 * One libmariadb connection, one prepared statement, autocommit on, one
 * execution per iteration. In "insert" mode every iteration inserts one
 * tblcontacts row (every NOT NULL column given, created_at/updated_at from
 * NOW(), a unique email); that is one round trip and one commit (one redo-log
 * fsync with innodb_flush_log_at_trx_commit=1). In "select" mode it runs the
 * one prepared SELECT that any implementation needs to learn that a client is
 * missing; that is the floor of the `Client ID Not Found` path.
 *
 * Two more modes show what the activity-log row and the round trips cost
 * (bench/profile runs them): "txn" writes the contact row and its log row in
 * one transaction the plain way, a prepared INSERT each and a COMMIT (three
 * round trips, one fsync); "multi" sends the same three statements as one
 * multi-statement query (one round trip, one fsync; the values escaped with
 * mysql_real_escape_string, the log row naming the contact by LAST_INSERT_ID()).
 * These are floors any implementation of docs/behaviour.md has to pay (both
 * rows in one commit); none of the statements here is the extension's own,
 * which it builds itself and may change.
 *
 * "getcontacts" is the floor of GetContacts: the extension's own statement
 * (ext/commands/get_contacts.c, a page that has rows: the prepared SELECT * of the page
 * with COUNT(*) OVER () beside each row, with the same 26 parameters the extension binds
 * for a call that filters by userid only and takes the default page), with autocommit
 * on as the extension runs a read of one statement: one round trip, every row fetched
 * into buffers bound once. The statement text is the extension's own, from
 * ext/commands/get_contacts_sql.h (`limit --print-sql` prints the statements, and
 * bench/parity.php checks that each is a string of the extension's build it measures).
 *
 * "updatecontact" is the floor of UpdateContact changing two fields (firstname and
 * lastname, new values on every call) of contact --contact: the extension's own
 * statements (ext/commands/update_contact.c: the prepared locking read of the row,
 * every column fetched; the prepared UPDATE whose columns not written bind NULL;
 * COMMIT), autocommit off as the extension's connection runs, three round trips.
 * The texts are ext/commands/update_contact_sql.h's, printed by --print-sql.
 *
 * "gcd" and "gcd-stats" are the floors of GetClientsDetails of client --client, without and
 * with stats, with WHMCS 7.x rules: the extension's own statements (ext/commands/
 * get_clients_details_sql.h, the same texts, with autocommit off as the extension's link runs
 * them, so that the first read opens the transaction and its snapshot: the client row; the
 * three settings (one statement); the currency; the custom fields with their values; with
 * stats also the due, accounts, status-group, products and counts statements; ROLLBACK),
 * prepared once, every row fetched into buffers bound once: 5 round trips without stats,
 * 10 with. (The extension's default-currency read runs only for a
 * client without a currency row: the benchmark client has one, so it does not run here.)
 * --rows N checks the number of custom fields read.
 *
 * "getcontacts-one" is not the extension's: the same count and page as one statement
 * (a derived table of the count LEFT JOINed to the page), one round trip, autocommit on,
 * no transaction to end.
 *
 * Usage (all options required unless marked):
 *   limit --socket PATH --user U --password P --db NAME --client ID
 *         [--mode insert|select|txn|multi|getcontacts|getcontacts-one|updatecontact|gcd|gcd-stats] [--rows N] [--contact ID] [--duration SEC | --count N] [--warmup N]
 *         [--start-at EPOCH_SECONDS] [--tag TEXT]
 *   limit --print-sql
 *
 * Prints one line of JSON: {"ops":N,"elapsed_ns":T,"cpu_ns":C,"user_ns":U,
 * "sys_ns":S,"late_ms":L,"lat_ns":[...]}, the
 * latency of every timed call (clock_gettime(CLOCK_MONOTONIC)) and this
 * process's CPU time during the burst (getrusage). The timed
 * burst starts at --start-at (wall clock, so that several processes start
 * together) and runs for --duration seconds or --count calls.
 *
 * Build: cc -O2 -o limit limit.c $(pkg-config --cflags --libs libmariadb)
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>

#define INSERT_SQL \
	"INSERT INTO tblcontacts (userid, firstname, lastname, companyname, email, address1, address2," \
	" city, state, postcode, country, phonenumber, tax_id, subaccount, password, permissions," \
	" generalemails, productemails, domainemails, invoiceemails, supportemails, affiliateemails," \
	" pwresetkey, created_at, updated_at)" \
	" VALUES (?, 'Jane', 'Doe', '', ?, '', '', '', '', '', 'US', '', '', 0, '', ''," \
	" 0, 0, 0, 0, 0, 0, '', NOW(), NOW())"

#define SELECT_SQL "SELECT id FROM tblclients WHERE id = ?"

#define LOG_SQL \
	"INSERT INTO tblactivitylog (date, description, user, userid, user_id, admin_id, ipaddr)" \
	" VALUES (NOW(), CONCAT('Added Contact - User ID: ', ?, ' - Contact ID: ', LAST_INSERT_ID())," \
	" 'Local API User', ?, 0, 0, '')"

/* GetContacts, UpdateContact and GetClientsDetails: the extension's own statements, from its
 * headers (ext/commands/get_contacts_sql.h and the two beside it), never copied. */
#include "../ext/commands/get_contacts_sql.h"
#include "../ext/commands/update_contact_sql.h"
#include "../ext/commands/get_clients_details_sql.h"

/* GetContacts' parameters (LA_WHERE's): userid twice, 11 text filters twice each, subaccount. */
#define GC_WHERE_PARAMS (2 + 2 * 11 + 1)
/* Not the extension's: the count and the page as one statement without a window (one
 * statement reads one snapshot), run with autocommit on: one round trip. The count comes with
 * every row; an empty page is one row of NULLs and the count. */
#define GC_ONE_SQL "SELECT c.*, t.total FROM (SELECT COUNT(*) AS total FROM tblcontacts" LA_WHERE ") t" \
	" LEFT JOIN (SELECT * FROM tblcontacts" LA_WHERE " ORDER BY id LIMIT ?, ?) c ON 1 = 1 ORDER BY c.id"
#define GC_MAX_COLUMNS 64
#define GC_CELL 4096

/* UpdateContact's columns, counted from the extension's list. */
#define UC_ONE(c) + 1
#define UC_COLUMN_COUNT (0 LA_COLUMN_LIST(UC_ONE))


enum { MODE_INSERT, MODE_SELECT, MODE_TXN, MODE_MULTI, MODE_GETCONTACTS, MODE_UPDATECONTACT, MODE_GETCONTACTS_ONE, MODE_GCD, MODE_GCD_STATS };

typedef struct {
	const char *socket, *user, *password, *db, *mode, *tag;
	long long client, contact;
	double duration, start_at;
	long count, warmup, rows;
} options;

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "limit: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	exit(1);
}

static long long now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* This process's user and system CPU time, ns. */
static void cpu_ns(long long *user, long long *sys)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	*user = (long long) ru.ru_utime.tv_sec * 1000000000LL + (long long) ru.ru_utime.tv_usec * 1000LL;
	*sys = (long long) ru.ru_stime.tv_sec * 1000000000LL + (long long) ru.ru_stime.tv_usec * 1000LL;
}

static void parse(int argc, char **argv, options *o)
{
	memset(o, 0, sizeof(*o));
	o->mode = "insert";
	o->tag = "c";
	o->warmup = 20;
	o->rows = -1;
	for (int i = 1; i < argc; i++) {
		const char *key = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!val) {
			die("missing value for", key);
		}
		i++;
		if (!strcmp(key, "--socket")) {
			o->socket = val;
		} else if (!strcmp(key, "--user")) {
			o->user = val;
		} else if (!strcmp(key, "--password")) {
			o->password = val;
		} else if (!strcmp(key, "--db")) {
			o->db = val;
		} else if (!strcmp(key, "--client")) {
			o->client = atoll(val);
		} else if (!strcmp(key, "--mode")) {
			o->mode = val;
		} else if (!strcmp(key, "--duration")) {
			o->duration = atof(val);
		} else if (!strcmp(key, "--count")) {
			o->count = atol(val);
		} else if (!strcmp(key, "--warmup")) {
			o->warmup = atol(val);
		} else if (!strcmp(key, "--start-at")) {
			o->start_at = atof(val);
		} else if (!strcmp(key, "--contact")) {
			o->contact = atoll(val);
		} else if (!strcmp(key, "--rows")) {
			o->rows = atol(val);
		} else if (!strcmp(key, "--tag")) {
			o->tag = val;
		} else {
			die("unknown option", key);
		}
	}
	if (!o->socket || !o->user || !o->password || !o->db || o->client <= 0) {
		die("usage", "--socket --user --password --db --client are required");
	}
	if (strcmp(o->mode, "insert") != 0 && strcmp(o->mode, "select") != 0
		&& strcmp(o->mode, "txn") != 0 && strcmp(o->mode, "multi") != 0 && strcmp(o->mode, "getcontacts") != 0
		&& strcmp(o->mode, "updatecontact") != 0 && strcmp(o->mode, "getcontacts-one") != 0
		&& strcmp(o->mode, "gcd") != 0 && strcmp(o->mode, "gcd-stats") != 0) {
		die("--mode must be insert, select, txn, multi, getcontacts, getcontacts-one, updatecontact, gcd or gcd-stats", o->mode);
	}
	if (!strcmp(o->mode, "updatecontact") && o->contact <= 0) {
		die("usage", "--mode updatecontact needs --contact");
	}
	if (o->duration <= 0 && o->count <= 0) {
		o->count = 500;
	}
}

/* One prepared statement of GetClientsDetails with its result columns bound once. */
typedef struct {
	MYSQL_STMT *stmt;
	unsigned int columns;
	MYSQL_BIND *cols;
	char *cells;
	unsigned long *lengths;
	my_bool *nulls;
} gcd_stmt;

enum { GCD_CLIENT, GCD_SETTING, GCD_CURRENCY, GCD_FIELDS, GCD_DUE, GCD_ACCOUNTS, GCD_GROUPS, GCD_PRODUCTS, GCD_COUNTS,
	GCD_STMTS };

typedef struct {
	MYSQL *mysql;
	int mode;
	MYSQL_STMT *stmt;        /* the contact INSERT, or the client SELECT */
	MYSQL_STMT *log;         /* txn: the log INSERT */
	MYSQL_BIND params[2];
	MYSQL_BIND log_params[2];
	long long client;
	char email[128];
	unsigned long email_len;
	long long id_out;
	MYSQL_BIND result;
	char query[4096];
	/* getcontacts */
	MYSQL_STMT *page, *one;
	MYSQL_BIND gc_params[GC_WHERE_PARAMS + 2];
	MYSQL_BIND one_params[2 * GC_WHERE_PARAMS + 2];
	long long gc_subaccount;
	unsigned long long gc_start, gc_num;
	long long total;
	unsigned int columns;
	MYSQL_BIND cols[GC_MAX_COLUMNS];
	long long cells[GC_MAX_COLUMNS][GC_CELL / sizeof(long long)]; /* aligned for any type */
	unsigned long lengths[GC_MAX_COLUMNS];
	my_bool nulls[GC_MAX_COLUMNS];
	long rows_expected;
	/* updatecontact */
	MYSQL_STMT *row, *update;
	long long contact;
	MYSQL_BIND uc_params[UC_COLUMN_COUNT + 1];
	char first[64], last[64];
	unsigned long first_len, last_len;
	/* gcd */
	gcd_stmt gcd[GCD_STMTS];
	MYSQL_BIND gcd_u[8], gcd_currency[1];
	long long gcd_currency_id;
} bench;

static MYSQL_STMT *prepare_one(bench *b, const char *sql)
{
	MYSQL_STMT *stmt = mysql_stmt_init(b->mysql);

	if (!stmt || mysql_stmt_prepare(stmt, sql, strlen(sql)) != 0) {
		die("prepare", mysql_error(b->mysql));
	}
	return stmt;
}

/* Binds every result column of stmt, once, into a buffer of its own (GC_CELL bytes each from
 * cells), in its own type as the extension fetches it: integers as long long, dates and times
 * as MYSQL_TIME, the rest as text. Returns the number of columns (at most max). */
static unsigned int bind_columns(MYSQL_STMT *stmt, MYSQL_BIND *cols, char *cells, unsigned long *lengths,
	my_bool *nulls, unsigned int max)
{
	const MYSQL_FIELD *fields = mariadb_stmt_fetch_fields(stmt);
	unsigned int columns = mysql_stmt_field_count(stmt);

	if (!fields || columns == 0 || columns > max) {
		die("bind", "no result columns, or too many");
	}
	memset(cols, 0, columns * sizeof(*cols));
	for (unsigned int i = 0; i < columns; i++) {
		switch (fields[i].type) {
			case MYSQL_TYPE_TINY: case MYSQL_TYPE_SHORT: case MYSQL_TYPE_INT24:
			case MYSQL_TYPE_LONG: case MYSQL_TYPE_LONGLONG:
				cols[i].buffer_type = MYSQL_TYPE_LONGLONG;
				break;
			case MYSQL_TYPE_DATE: case MYSQL_TYPE_DATETIME: case MYSQL_TYPE_TIMESTAMP:
				cols[i].buffer_type = MYSQL_TYPE_DATETIME;
				break;
			default:
				cols[i].buffer_type = MYSQL_TYPE_STRING;
				break;
		}
		cols[i].buffer = cells + (size_t) i * GC_CELL;
		cols[i].buffer_length = GC_CELL;
		cols[i].length = &lengths[i];
		cols[i].is_null = &nulls[i];
	}
	if (mysql_stmt_bind_result(stmt, cols) != 0) {
		die("bind", mysql_stmt_error(stmt));
	}
	return columns;
}

/* The extension's parameters for GetContacts by userid, default page: userid twice, NULL for
 * every text filter (twice each), subaccount 0, then the offset 0 and the page size 25 (the
 * page's statement takes them from the second on). */
static void prepare_getcontacts(bench *b)
{
	MYSQL_BIND *p = b->gc_params;

	b->page = prepare_one(b, la_sql_counted_userid);
	memset(b->gc_params, 0, sizeof(b->gc_params));
	for (int i = 0; i < 2; i++) {
		p[i].buffer_type = MYSQL_TYPE_LONGLONG;
		p[i].buffer = &b->client;
		p[i].is_unsigned = 1;
	}
	for (int i = 2; i < GC_WHERE_PARAMS - 1; i++) {
		p[i].buffer_type = MYSQL_TYPE_NULL;
	}
	p[GC_WHERE_PARAMS - 1].buffer_type = MYSQL_TYPE_LONGLONG;
	p[GC_WHERE_PARAMS - 1].buffer = &b->gc_subaccount;
	b->gc_start = 0;
	b->gc_num = 25;
	p[GC_WHERE_PARAMS].buffer_type = MYSQL_TYPE_LONGLONG;
	p[GC_WHERE_PARAMS].buffer = &b->gc_start;
	p[GC_WHERE_PARAMS].is_unsigned = 1;
	p[GC_WHERE_PARAMS + 1].buffer_type = MYSQL_TYPE_LONGLONG;
	p[GC_WHERE_PARAMS + 1].buffer = &b->gc_num;
	p[GC_WHERE_PARAMS + 1].is_unsigned = 1;
	if (mysql_stmt_bind_param(b->page, p + 1) != 0) {
		die("bind", mysql_stmt_error(b->page));
	}
	b->columns = bind_columns(b->page, b->cols, (char *) b->cells, b->lengths, b->nulls, GC_MAX_COLUMNS);
}

/* The extension's parameters for UpdateContact of firstname and lastname: those two, NULL for
 * the 18 other columns, the contact's id. */
static void prepare_updatecontact(bench *b, const options *o)
{
	MYSQL_BIND *p = b->uc_params;

	b->contact = o->contact;
	b->row = prepare_one(b, la_sql_row);
	b->update = prepare_one(b, la_sql_update);
	memset(b->params, 0, sizeof(b->params));
	b->params[0].buffer_type = MYSQL_TYPE_LONGLONG;
	b->params[0].buffer = &b->contact;
	if (mysql_stmt_bind_param(b->row, b->params) != 0) {
		die("bind", mysql_stmt_error(b->row));
	}
	b->columns = bind_columns(b->row, b->cols, (char *) b->cells, b->lengths, b->nulls, GC_MAX_COLUMNS);
	memset(b->uc_params, 0, sizeof(b->uc_params));
	p[0].buffer_type = MYSQL_TYPE_STRING;
	p[0].buffer = b->first;
	p[0].length = &b->first_len;
	p[1].buffer_type = MYSQL_TYPE_STRING;
	p[1].buffer = b->last;
	p[1].length = &b->last_len;
	for (int i = 2; i < UC_COLUMN_COUNT; i++) {
		p[i].buffer_type = MYSQL_TYPE_NULL;
	}
	p[UC_COLUMN_COUNT].buffer_type = MYSQL_TYPE_LONGLONG;
	p[UC_COLUMN_COUNT].buffer = &b->contact;
	if (mysql_stmt_bind_param(b->update, p) != 0) {
		die("bind", mysql_stmt_error(b->update));
	}
}

/* Prepares sql, binds its parameters and every result column (bind_columns()), once. */
static void gcd_prepare(bench *b, gcd_stmt *g, const char *sql, MYSQL_BIND *params)
{
	g->stmt = prepare_one(b, sql);
	if (params && mysql_stmt_bind_param(g->stmt, params) != 0) {
		die("bind", mysql_stmt_error(g->stmt));
	}
	g->columns = mysql_stmt_field_count(g->stmt);
	g->cols = calloc(g->columns, sizeof(*g->cols));
	g->cells = calloc(g->columns, GC_CELL);
	g->lengths = calloc(g->columns, sizeof(*g->lengths));
	g->nulls = calloc(g->columns, sizeof(*g->nulls));
	if (!g->cols || !g->cells || !g->lengths || !g->nulls) {
		die("out of memory", NULL);
	}
	bind_columns(g->stmt, g->cols, g->cells, g->lengths, g->nulls, g->columns);
}

/* Executes and fetches every row; returns the number of rows. */
static long gcd_run(gcd_stmt *g)
{
	long rows = 0;
	int rc;

	if (mysql_stmt_execute(g->stmt) != 0) {
		die("execute", mysql_stmt_error(g->stmt));
	}
	while ((rc = mysql_stmt_fetch(g->stmt)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		rows++;
	}
	if (rc == 1) {
		die("fetch", mysql_stmt_error(g->stmt));
	}
	return rows;
}

static void prepare_gcd(bench *b)
{
	long long *currency;

	memset(b->gcd_u, 0, sizeof(b->gcd_u));
	for (int i = 0; i < 8; i++) {
		b->gcd_u[i].buffer_type = MYSQL_TYPE_LONGLONG;
		b->gcd_u[i].buffer = &b->client;
	}
	memset(b->gcd_currency, 0, sizeof(b->gcd_currency));
	b->gcd_currency[0].buffer_type = MYSQL_TYPE_LONGLONG;
	b->gcd_currency[0].buffer = &b->gcd_currency_id;
	gcd_prepare(b, &b->gcd[GCD_CLIENT], la_sql_client_by_id, b->gcd_u);
	gcd_prepare(b, &b->gcd[GCD_SETTING], la_sql_settings, NULL);
	gcd_prepare(b, &b->gcd[GCD_CURRENCY], la_sql_currency, b->gcd_currency);
	gcd_prepare(b, &b->gcd[GCD_FIELDS], la_sql_custom_fields, b->gcd_u);
	if (b->mode == MODE_GCD_STATS) {
		gcd_prepare(b, &b->gcd[GCD_DUE], la_sql_stats_due, b->gcd_u);
		gcd_prepare(b, &b->gcd[GCD_ACCOUNTS], la_sql_stats_accounts, b->gcd_u);
		gcd_prepare(b, &b->gcd[GCD_GROUPS], la_sql_stats_groups, b->gcd_u);
		gcd_prepare(b, &b->gcd[GCD_PRODUCTS], la_sql_stats_products, b->gcd_u);
		gcd_prepare(b, &b->gcd[GCD_COUNTS], la_sql_stats_counts, b->gcd_u);
	}
	/* The client's currency, from its row's column (as the extension takes it). */
	if (gcd_run(&b->gcd[GCD_CLIENT]) != 1) {
		die("gcd", "no such client");
	}
	for (unsigned int i = 0; i < b->gcd[GCD_CLIENT].columns; i++) {
		if (!strcmp(mariadb_stmt_fetch_fields(b->gcd[GCD_CLIENT].stmt)[i].name, "currency")) {
			currency = (long long *) (b->gcd[GCD_CLIENT].cells + (size_t) i * GC_CELL);
			b->gcd_currency_id = *currency;
		}
	}
	if (b->gcd_currency_id <= 0) {
		die("gcd", "the client has no currency");
	}
}

/* GetClientsDetails: every read of the extension in one snapshot (the first read opens it), ROLLBACK. */
static void gcd_call(bench *b)
{
	long fields;

	if (gcd_run(&b->gcd[GCD_CLIENT]) != 1) {
		die("gcd", "no client row");
	}
	gcd_run(&b->gcd[GCD_SETTING]);
	if (gcd_run(&b->gcd[GCD_CURRENCY]) != 1) {
		die("gcd", "no currency row");
	}
	fields = gcd_run(&b->gcd[GCD_FIELDS]);
	if (b->rows_expected >= 0 && fields != b->rows_expected) {
		die("gcd", "not the expected number of custom fields");
	}
	if (b->mode == MODE_GCD_STATS) {
		for (int i = GCD_DUE; i <= GCD_COUNTS; i++) {
			gcd_run(&b->gcd[i]);
		}
	}
	if (mysql_rollback(b->mysql) != 0) {
		die("rollback", mysql_error(b->mysql));
	}
}

static void prepare(bench *b, const options *o)
{
	b->client = o->client;
	b->rows_expected = o->rows;
	if (b->mode == MODE_MULTI) {
		return;
	}
	if (b->mode == MODE_GETCONTACTS || b->mode == MODE_GETCONTACTS_ONE) {
		prepare_getcontacts(b);
		if (b->mode == MODE_GETCONTACTS_ONE) {
			/* The WHERE's parameters twice (count, then page), then the page's offset and size. */
			memcpy(b->one_params, b->gc_params, GC_WHERE_PARAMS * sizeof(MYSQL_BIND));
			memcpy(b->one_params + GC_WHERE_PARAMS, b->gc_params, (GC_WHERE_PARAMS + 2) * sizeof(MYSQL_BIND));
			b->one = prepare_one(b, GC_ONE_SQL);
			if (mysql_stmt_bind_param(b->one, b->one_params) != 0) {
				die("bind", mysql_stmt_error(b->one));
			}
			b->columns = bind_columns(b->one, b->cols, (char *) b->cells, b->lengths, b->nulls, GC_MAX_COLUMNS);
		}
		return;
	}
	if (b->mode == MODE_UPDATECONTACT) {
		prepare_updatecontact(b, o);
		return;
	}
	if (b->mode == MODE_GCD || b->mode == MODE_GCD_STATS) {
		prepare_gcd(b);
		return;
	}
	b->stmt = prepare_one(b, b->mode == MODE_SELECT ? SELECT_SQL : INSERT_SQL);
	memset(b->params, 0, sizeof(b->params));
	b->params[0].buffer_type = MYSQL_TYPE_LONGLONG;
	b->params[0].buffer = &b->client;
	b->params[1].buffer_type = MYSQL_TYPE_STRING;
	b->params[1].buffer = b->email;
	b->params[1].length = &b->email_len;
	if (mysql_stmt_bind_param(b->stmt, b->params) != 0) {
		die("bind", mysql_stmt_error(b->stmt));
	}
	memset(&b->result, 0, sizeof(b->result));
	b->result.buffer_type = MYSQL_TYPE_LONGLONG;
	b->result.buffer = &b->id_out;
	if (b->mode == MODE_TXN) {
		b->log = prepare_one(b, LOG_SQL);
		memset(b->log_params, 0, sizeof(b->log_params));
		b->log_params[0].buffer_type = MYSQL_TYPE_LONGLONG;
		b->log_params[0].buffer = &b->client;
		b->log_params[1].buffer_type = MYSQL_TYPE_LONGLONG;
		b->log_params[1].buffer = &b->client;
		if (mysql_stmt_bind_param(b->log, b->log_params) != 0) {
			die("bind", mysql_stmt_error(b->log));
		}
	}
}

static void execute(MYSQL_STMT *stmt, int expect_rows)
{
	if (mysql_stmt_execute(stmt) != 0) {
		die("execute", mysql_stmt_error(stmt));
	}
	if (expect_rows && mysql_stmt_affected_rows(stmt) != 1) {
		die("insert", "affected no row");
	}
}

/* multi: the contact row, its log row and the COMMIT in one query, one round trip. */
static void multi_call(bench *b)
{
	char escaped[2 * sizeof(b->email) + 1];
	int len;

	mysql_real_escape_string(b->mysql, escaped, b->email, b->email_len);
	len = snprintf(b->query, sizeof(b->query),
		"INSERT INTO tblcontacts (userid, firstname, lastname, companyname, email, address1, address2,"
		" city, state, postcode, country, phonenumber, tax_id, subaccount, password, permissions,"
		" generalemails, productemails, domainemails, invoiceemails, supportemails, affiliateemails,"
		" pwresetkey, created_at, updated_at)"
		" VALUES (%lld, 'Jane', 'Doe', '', '%s', '', '', '', '', '', 'US', '', '', 0, '', '',"
		" 0, 0, 0, 0, 0, 0, '', NOW(), NOW());"
		" INSERT INTO tblactivitylog (date, description, user, userid, user_id, admin_id, ipaddr)"
		" VALUES (NOW(), CONCAT('Added Contact - User ID: ', %lld, ' - Contact ID: ', LAST_INSERT_ID()),"
		" 'Local API User', %lld, 0, 0, ''); COMMIT",
		b->client, escaped, b->client, b->client);
	if (mysql_real_query(b->mysql, b->query, (unsigned long) len) != 0) {
		die("query", mysql_error(b->mysql));
	}
	if (mysql_affected_rows(b->mysql) != 1) {
		die("insert", "affected no row");
	}
	for (;;) {
		int rc = mysql_next_result(b->mysql);

		if (rc > 0) {
			die("multi", mysql_error(b->mysql));
		}
		if (rc < 0) {
			break;
		}
	}
}

/* GetContacts: the page with its count (every row fetched); autocommit on, nothing to end. */
static void getcontacts_call(bench *b)
{
	long rows = 0;
	int rc;

	b->total = 0;
	execute(b->page, 0);
	while ((rc = mysql_stmt_fetch(b->page)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		rows++;
		b->total = b->cells[b->columns - 1][0];
	}
	if (rc == 1) {
		die("fetch", mysql_stmt_error(b->page));
	}
	if (b->rows_expected >= 0 && (rows != b->rows_expected || b->total != b->rows_expected)) {
		die("getcontacts", "not the expected number of rows");
	}
}

/* The count and the page as one statement: one round trip, no transaction. */
static void getcontacts_one_call(bench *b)
{
	long rows = 0;
	int rc;

	execute(b->one, 0);
	while ((rc = mysql_stmt_fetch(b->one)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		rows++;
	}
	if (rc == 1) {
		die("fetch", mysql_stmt_error(b->one));
	}
	if (b->rows_expected >= 0 && rows != (b->rows_expected ? b->rows_expected : 1)) {
		die("getcontacts-one", "not the expected number of rows");
	}
}

/* UpdateContact: the row, locked and read; the UPDATE of two changed fields; COMMIT. */
static void updatecontact_call(bench *b, const options *o, long n)
{
	long rows = 0;
	int rc;

	b->first_len = (unsigned long) snprintf(b->first, sizeof(b->first), "Jane %s %ld %ld", o->tag, (long) getpid(), n);
	b->last_len = (unsigned long) snprintf(b->last, sizeof(b->last), "Doe %ld", n);
	execute(b->row, 0);
	while ((rc = mysql_stmt_fetch(b->row)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		rows++;
	}
	if (rc == 1 || rows != 1) {
		die("row", rc == 1 ? mysql_stmt_error(b->row) : "not one row");
	}
	execute(b->update, 1);
	if (mysql_commit(b->mysql) != 0) {
		die("commit", mysql_error(b->mysql));
	}
}

/* One iteration: one contact (or one client look-up) in the chosen way. */
static void one_call(bench *b, const options *o, long n)
{
	if (b->mode == MODE_INSERT || b->mode == MODE_TXN || b->mode == MODE_MULTI) {
		b->email_len = (unsigned long) snprintf(b->email, sizeof(b->email),
			"limit-%s-%ld-%ld@bench.invalid", o->tag, (long) getpid(), n);
	}
	switch (b->mode) {
		case MODE_INSERT:
			execute(b->stmt, 1);
			break;
		case MODE_SELECT:
			execute(b->stmt, 0);
			mysql_stmt_bind_result(b->stmt, &b->result);
			while (mysql_stmt_fetch(b->stmt) == 0) {
			}
			mysql_stmt_free_result(b->stmt);
			break;
		case MODE_TXN:
			execute(b->stmt, 1);
			execute(b->log, 1);
			if (mysql_commit(b->mysql) != 0) {
				die("commit", mysql_error(b->mysql));
			}
			break;
		case MODE_MULTI:
			multi_call(b);
			break;
		case MODE_GETCONTACTS:
			getcontacts_call(b);
			break;
		case MODE_UPDATECONTACT:
			updatecontact_call(b, o, n);
			break;
		case MODE_GETCONTACTS_ONE:
			getcontacts_one_call(b);
			break;
		case MODE_GCD:
		case MODE_GCD_STATS:
			gcd_call(b);
			break;
	}
}

static void wait_until(double epoch)
{
	double now;

	while ((now = (double) now_ns(CLOCK_REALTIME) / 1e9) < epoch) {
		double left = epoch - now;
		struct timespec ts = { (time_t) left, (long) ((left - (double) (time_t) left) * 1e9) };

		while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
		}
	}
}

int main(int argc, char **argv)
{
	options o;
	bench b;
	long long *lat;
	long cap, ops = 0, n = 0;
	long long t0, t1, u0, u1, s0, s1, deadline = 0;
	double late_ms;

	if (argc == 2 && !strcmp(argv[1], "--print-sql")) {
		/* The extension's statements this program runs, one a line, for bench/parity.php to find in
		 * the build it measures (a build older than these headers would not have them). */
		printf("%s\n%s\n%s\n", la_sql_counted_userid, la_sql_row, la_sql_update);
		printf("%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n", la_sql_client_by_id, la_sql_settings,
			la_sql_currency, la_sql_custom_fields, la_sql_stats_due, la_sql_stats_accounts, la_sql_stats_groups,
			la_sql_stats_products, la_sql_stats_counts);
		return 0;
	}
	parse(argc, argv, &o);
	memset(&b, 0, sizeof(b));
	b.mode = !strcmp(o.mode, "select") ? MODE_SELECT : !strcmp(o.mode, "txn") ? MODE_TXN
		: !strcmp(o.mode, "multi") ? MODE_MULTI : !strcmp(o.mode, "getcontacts") ? MODE_GETCONTACTS
		: !strcmp(o.mode, "updatecontact") ? MODE_UPDATECONTACT
		: !strcmp(o.mode, "getcontacts-one") ? MODE_GETCONTACTS_ONE : !strcmp(o.mode, "gcd") ? MODE_GCD
		: !strcmp(o.mode, "gcd-stats") ? MODE_GCD_STATS : MODE_INSERT;
	b.mysql = mysql_init(NULL);
	mysql_options(b.mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (!mysql_real_connect(b.mysql, NULL, o.user, o.password, o.db, 0, o.socket,
			b.mode == MODE_MULTI ? CLIENT_MULTI_STATEMENTS : 0)) {
		die("connect", mysql_error(b.mysql));
	}
	if ((b.mode == MODE_TXN || b.mode == MODE_MULTI || b.mode == MODE_UPDATECONTACT
			|| b.mode == MODE_GCD || b.mode == MODE_GCD_STATS)
		&& mysql_autocommit(b.mysql, 0) != 0) {
		die("autocommit", mysql_error(b.mysql));
	}
	prepare(&b, &o);
	for (long i = 0; i < o.warmup; i++) {
		one_call(&b, &o, n++);
	}
	cap = o.count > 0 ? o.count : (long) (o.duration * 200000) + 16;
	lat = malloc((size_t) cap * sizeof(*lat));
	if (!lat) {
		die("out of memory", NULL);
	}
	wait_until(o.start_at);
	late_ms = o.start_at > 0 ? (double) now_ns(CLOCK_REALTIME) / 1e6 - o.start_at * 1e3 : 0;
	cpu_ns(&u0, &s0);
	t0 = now_ns(CLOCK_MONOTONIC);
	if (o.count <= 0) {
		deadline = t0 + (long long) (o.duration * 1e9);
	}
	for (;;) {
		long long s = now_ns(CLOCK_MONOTONIC), e;

		if (o.count > 0 ? ops >= o.count : (s >= deadline || ops >= cap)) {
			break;
		}
		one_call(&b, &o, n++);
		e = now_ns(CLOCK_MONOTONIC);
		lat[ops++] = e - s;
	}
	t1 = now_ns(CLOCK_MONOTONIC);
	cpu_ns(&u1, &s1);
	if (b.stmt) {
		mysql_stmt_close(b.stmt);
	}
	if (b.log) {
		mysql_stmt_close(b.log);
	}
	if (b.page) {
		mysql_stmt_close(b.page);
	}
	if (b.one) {
		mysql_stmt_close(b.one);
	}
	if (b.row) {
		mysql_stmt_close(b.row);
		mysql_stmt_close(b.update);
	}
	for (int i = 0; i < GCD_STMTS; i++) {
		if (b.gcd[i].stmt) {
			mysql_stmt_close(b.gcd[i].stmt);
			free(b.gcd[i].cols);
			free(b.gcd[i].cells);
			free(b.gcd[i].lengths);
			free(b.gcd[i].nulls);
		}
	}
	mysql_close(b.mysql);
	printf("{\"ops\":%ld,\"elapsed_ns\":%lld,\"cpu_ns\":%lld,\"user_ns\":%lld,\"sys_ns\":%lld,\"late_ms\":%.3f,\"lat_ns\":[",
		ops, t1 - t0, u1 - u0 + s1 - s0, u1 - u0, s1 - s0, late_ms > 0 ? late_ms : 0.0);
	for (long i = 0; i < ops; i++) {
		printf(i ? ",%lld" : "%lld", lat[i]);
	}
	printf("]}\n");
	free(lat);
	return 0;
}
