/*
 * The settings in force as another client of the same database takes them:
 * WHMCS\Database\Capsule (capsule.c) hands this array to Laravel's pdo_mysql
 * connection. The values are the link's (whmcs_config.c); only the host of a
 * list is chosen here.
 */
#include "db/db_link.h"

/* "name:port" (a link's label: the port after the last colon) or an entry of the list:
 * "name", "name:port", "[v6]", "[v6]:port" (a bare v6 address has no port). */
static void la_client_split(const char *label, size_t len, bool is_label, char *host, size_t size, zend_long *port)
{
	const char *colon = zend_memrchr(label, ':', len);

	if (len && label[0] == '[') {
		const char *close = memchr(label, ']', len);
		if (close) {
			if (close + 1 < label + len && close[1] == ':') {
				*port = ZEND_STRTOL(close + 2, NULL, 10);
			}
			snprintf(host, size, "%.*s", (int) (close - label - 1), label + 1);
			return;
		}
	}
	if (colon && (is_label || memchr(label, ':', len) == colon)) {
		*port = ZEND_STRTOL(colon + 1, NULL, 10);
		len = (size_t) (colon - label);
	}
	snprintf(host, size, "%.*s", (int) len, label);
}

/* Of a localapi.db_host list: the host the link is on now, else the first listed. */
static void la_client_host(const char *list, char *host, size_t size, zend_long *port)
{
	php_localapi_db_session session;
	la_link *link = php_localapi_db_current();
	const char *start = list, *end;

	if (php_localapi_hosts_listed(list) && link) {
		php_localapi_db_session_of(link, &session);
		if (session.thread_id && session.host[0]) {
			la_client_split(session.host, strlen(session.host), true, host, size, port);
			return;
		}
	}
	end = strchr(list, ',');
	end = end ? end : list + strlen(list);
	while (start < end && isspace((unsigned char) *start)) {
		start++;
	}
	while (end > start && isspace((unsigned char) end[-1])) {
		end--;
	}
	la_client_split(start, (size_t) (end - start), false, host, size, port);
}

/* configuration.php's $mysql_charset as WHMCS's installer writes it (utf8), or utf8mb4;
 * anything else (a name a client would put into SET NAMES as it is) counts as utf8. */
static const char *la_client_charset(const char *charset)
{
	return strcasecmp(charset, "utf8mb4") == 0 ? "utf8mb4" : "utf8";
}

static void la_client_tls(zval *settings, const php_localapi_db_settings *s)
{
	add_assoc_string(settings, "tls_ca", s->tls_ca);
	add_assoc_string(settings, "tls_ca_path", s->tls_ca_path);
	add_assoc_string(settings, "tls_cert", s->tls_cert);
	add_assoc_string(settings, "tls_key", s->tls_key);
	add_assoc_string(settings, "tls_cipher", s->tls_cipher);
	add_assoc_bool(settings, "tls", *s->tls_ca || *s->tls_ca_path || *s->tls_cert || *s->tls_key
		|| *s->tls_cipher || s->tls_verify_cert);
	add_assoc_bool(settings, "tls_verify_cert", s->tls_verify_cert);
}

bool php_localapi_db_client_settings(zval *settings, php_localapi_db_error *err)
{
	php_localapi_db_settings s;
	char host[256];
	zend_long port;

	if (!php_localapi_settings_get(&s, err)) {
		return false;
	}
	port = s.port;
	la_client_host(s.host, host, sizeof(host), &port);
	array_init(settings);
	add_assoc_string(settings, "host", host);
	add_assoc_long(settings, "port", port);
	/* localhost is the unix socket for the link; pdo_mysql reads it the same way. */
	add_assoc_string(settings, "socket", strcmp(host, "localhost") == 0 ? s.socket : "");
	add_assoc_string(settings, "database", s.name);
	add_assoc_string(settings, "username", s.username);
	add_assoc_string(settings, "password", s.password);
	la_client_tls(settings, &s);
	add_assoc_string(settings, "charset", la_client_charset(s.mysql_charset));
	return true;
}
