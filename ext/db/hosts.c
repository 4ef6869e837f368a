/*
 * Several servers in localapi.db_host ("db1,db2:3307,db3"): a connection goes
 * to the first host, in the order given, that accepts it and is ready to work
 * (a Galera node outside the primary component, or still joining, is not).
 * A host that failed rests for a while (2 s, doubling up to 30 s, per
 * process) and is tried again only when no rested host can be used. A
 * db_host without a comma is one host, used exactly as before.
 */
#include "db/db_link.h"
#include "core/clock.h"

#include <errmsg.h>
#include <mysqld_error.h>

#define LA_MAX_HOSTS 16
#define LA_REST_FIRST 2.0
#define LA_REST_MAX 30.0

typedef struct {
	char name[256];
	unsigned int port;
	char label[PHP_LOCALAPI_HOST_LABEL_LEN];    /* "name:port", the key of its rest */
} la_host;

/* A host's recent failures, kept per process (per thread with ZTS). */
typedef struct {
	double rest_until;
	unsigned int failures;
} la_host_rest;

bool php_localapi_hosts_listed(const char *db_host)
{
	return db_host && strchr(db_host, ',') != NULL;
}

/* "name", "name:port", "[v6]" or "[v6]:port", with spaces around; false when malformed. */
static bool la_host_parse(const char *entry, size_t len, unsigned int default_port, la_host *host)
{
	const char *end = entry + len, *colon = NULL, *name = entry;
	size_t name_len;
	char *tail;
	unsigned long port = default_port;

	if (len && entry[0] == '[') {
		const char *close = memchr(entry, ']', len);
		if (!close) {
			return false;
		}
		name = entry + 1;
		name_len = (size_t) (close - name);
		colon = close + 1 < end && close[1] == ':' ? close + 1 : NULL;
	} else {
		colon = memchr(entry, ':', len);
		name_len = colon ? (size_t) (colon - entry) : len;
	}
	if (colon) {
		char digits[8];
		size_t digits_len = (size_t) (end - colon - 1);
		if (digits_len == 0 || digits_len >= sizeof(digits)) {
			return false;
		}
		memcpy(digits, colon + 1, digits_len);
		digits[digits_len] = '\0';
		port = strtoul(digits, &tail, 10);
		if (*tail || port > 65535) {
			return false;
		}
	}
	if (name_len == 0 || name_len >= sizeof(host->name)) {
		return false;
	}
	memcpy(host->name, name, name_len);
	host->name[name_len] = '\0';
	host->port = (unsigned int) port;
	snprintf(host->label, sizeof(host->label), "%s:%u", host->name, host->port);
	return true;
}

/* The hosts of the list in order; entries that cannot be parsed are skipped. */
static size_t la_hosts_parse(const char *list, unsigned int default_port, la_host *hosts)
{
	size_t count = 0;
	const char *p = list;

	while (*p && count < LA_MAX_HOSTS) {
		const char *comma = strchr(p, ',');
		const char *end = comma ? comma : p + strlen(p);
		const char *start = p;

		while (start < end && isspace((unsigned char) *start)) {
			start++;
		}
		while (end > start && isspace((unsigned char) end[-1])) {
			end--;
		}
		if (end > start && la_host_parse(start, (size_t) (end - start), default_port, &hosts[count])) {
			count++;
		}
		if (!comma) {
			break;
		}
		p = comma + 1;
	}
	return count;
}

static void la_rest_dtor(zval *zv)
{
	pefree(Z_PTR_P(zv), 1);
}

static HashTable *la_rests(void)
{
	if (!LOCALAPI_G(host_rests)) {
		LOCALAPI_G(host_rests) = pemalloc(sizeof(HashTable), 1);
		zend_hash_init(LOCALAPI_G(host_rests), 4, NULL, la_rest_dtor, 1);
	}
	return LOCALAPI_G(host_rests);
}

static bool la_host_resting(const char *label, double now)
{
	la_host_rest *rest = LOCALAPI_G(host_rests)
		? zend_hash_str_find_ptr(LOCALAPI_G(host_rests), label, strlen(label)) : NULL;

	return rest && rest->rest_until > now;
}

void php_localapi_hosts_failed(const char *label)
{
	HashTable *rests = la_rests();
	la_host_rest *rest = zend_hash_str_find_ptr(rests, label, strlen(label));
	double pause;

	if (!rest) {
		rest = pecalloc(1, sizeof(*rest), 1);
		zend_hash_str_add_new_ptr(rests, label, strlen(label), rest);
	}
	pause = rest->failures >= 5 ? LA_REST_MAX : MIN(LA_REST_MAX, LA_REST_FIRST * (double) (1u << rest->failures));
	rest->failures++;
	rest->rest_until = la_now() + pause;
}

static void la_host_succeeded(const char *label)
{
	if (LOCALAPI_G(host_rests)) {
		zend_hash_str_del(LOCALAPI_G(host_rests), label, strlen(label));
	}
}

void php_localapi_hosts_free(HashTable **rests)
{
	if (*rests) {
		zend_hash_destroy(*rests);
		pefree(*rests, 1);
		*rests = NULL;
	}
}

/*
 * Ready to work: not a Galera node (wsrep_on is 0, or no such variable), or a
 * node whose wsrep_ready is ON. A node that is not ready refuses the query itself (1047), which says
 * the same.
 */
static bool la_host_ready(la_link *link, php_localapi_db_error *err)
{
	static const char sql[] = "SELECT @@wsrep_on AS wsrep_on,"
		" (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_READY') AS ready";
	zend_long wsrep_on = 0;
	zend_string *ready = NULL;
	bool found = false, ok;
	HashTable *row;
	zval rows, *value;

	ok = php_localapi_db_rows(link, sql, NULL, &rows, err);
	php_localapi_db_rollback(link);
	if (ok) {
		if ((row = php_localapi_db_first_row(&rows)) != NULL) {
			found = true;
			wsrep_on = (value = zend_hash_str_find(row, ZEND_STRL("wsrep_on"))) ? zval_get_long(value) : 0;
			value = zend_hash_str_find(row, ZEND_STRL("ready"));
			ready = value && Z_TYPE_P(value) != IS_NULL ? zval_get_string(value) : NULL;
		}
		zval_ptr_dtor(&rows);
	}
	if (!ok && err->code == ER_UNKNOWN_SYSTEM_VARIABLE) {
		/* A server built without Galera support has no wsrep_on: it is no Galera node. */
		return true;
	}
	if (ok && found && wsrep_on && !(ready && zend_string_equals_literal_ci(ready, "ON"))) {
		snprintf(err->message, sizeof(err->message), "WSREP not ready (wsrep_ready %s)", ready ? ZSTR_VAL(ready) : "unknown");
		err->code = ER_UNKNOWN_COM_ERROR;
		ok = false;
	}
	if (ready) {
		zend_string_release(ready);
	}
	return ok && found;
}

static bool la_host_try(la_link *link, const php_localapi_db_settings *s, const la_host *host,
	php_localapi_db_error *err)
{
	if (!php_localapi_db_open(link, s, host->name, host->port, host->label, err)) {
		return false;
	}
	if (!la_host_ready(link, err)) {
		php_localapi_db_reset(link);
		return false;
	}
	return true;
}

/* Connects the link to the first usable host of the list in s->host; err is the last host's error. */
bool php_localapi_hosts_connect(la_link *link, const php_localapi_db_settings *s, unsigned int default_port,
	php_localapi_db_error *err)
{
	la_host hosts[LA_MAX_HOSTS];
	bool tried[LA_MAX_HOSTS] = { false };
	size_t count = la_hosts_parse(s->host, default_port, hosts);
	double now = la_now();

	snprintf(err->message, sizeof(err->message), "no usable host in localapi.db_host");
	err->code = CR_UNKNOWN_HOST;
	/* First the hosts that are not resting, in order; then, rather than fail, the others. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < count; i++) {
			if (tried[i] || (pass == 0 && la_host_resting(hosts[i].label, now))) {
				continue;
			}
			tried[i] = true;
			if (la_host_try(link, s, &hosts[i], err)) {
				la_host_succeeded(hosts[i].label);
				return true;
			}
			php_localapi_hosts_failed(hosts[i].label);
		}
	}
	return false;
}
