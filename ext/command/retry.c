/*
 * When a failed transaction is tried again, and how long to wait first: a
 * time budget (localapi.retry_budget, counted from the first failure) rather
 * than a count, and exponential back-off with jitter, so that transactions
 * that collided (a deadlock, a Galera certification conflict) do not collide
 * again at the same instant.
 */
#include "command/command.h"
#include "core/clock.h"

#include "ext/random/php_random.h"

#include <errmsg.h>
#include <mysqld_error.h>

/* Back-off before attempt n + 1: between half and all of min(CAP, BASE * 2^(n-1)). */
#define LA_BACKOFF_BASE_US 4000
#define LA_BACKOFF_CAP_US 256000
/* However generous the budget, a call stops after this many attempts. */
#define LA_MAX_ATTEMPTS 64

void php_localapi_retry_init(php_localapi_retry *retry)
{
	retry->deadline = 0;
	retry->attempts = 1;
}

/* A duplicate on the primary key is an auto-increment value taken twice (a Galera
 * node's auto_increment_offset changes with the cluster's membership): a new attempt
 * takes a new one. A duplicate on any other unique key would only repeat. MySQL
 * names the key with its table ("for key 'tblcontacts.PRIMARY'"). */
static bool la_duplicate_primary_key(const php_localapi_db_error *err)
{
	return err->code == ER_DUP_ENTRY
		&& (strstr(err->message, "for key 'PRIMARY'") != NULL || strstr(err->message, ".PRIMARY'") != NULL);
}

bool php_localapi_retry_worth(const php_localapi_db_error *err)
{
	return php_localapi_db_error_is_lost(err->code) || php_localapi_db_error_is_transient(err->code)
		|| php_localapi_db_error_is_not_ready(err->code) || la_duplicate_primary_key(err);
}

static unsigned int la_backoff_us(unsigned int attempts)
{
	unsigned int ceiling = LA_BACKOFF_CAP_US;
	zend_long jitter = 0;

	if (attempts < 8) {
		ceiling = MIN(LA_BACKOFF_CAP_US, LA_BACKOFF_BASE_US << (attempts - 1));
	}
	if (php_random_int_silent(0, ceiling / 2, &jitter) != SUCCESS) {
		jitter = ceiling / 4;
	}
	return ceiling / 2 + (unsigned int) jitter;
}

bool php_localapi_retry_wait(php_localapi_retry *retry, const php_localapi_db_error *err)
{
	double now = la_now(), pause;

	if (!php_localapi_retry_worth(err) || retry->attempts >= LA_MAX_ATTEMPTS) {
		return false;
	}
	if (retry->deadline == 0) {
		retry->deadline = now + (double) LOCALAPI_G(retry_budget) / 1000.0;
	}
	if (now >= retry->deadline) {
		return false;
	}
	/* A lost connection is tried again at once (on the next host when it was the host
	 * that failed); what collided waits, so that it does not collide again. */
	pause = php_localapi_db_error_is_lost(err->code) && retry->attempts == 1
		? 0 : la_backoff_us(retry->attempts) / 1e6;
	if (now + pause >= retry->deadline) {
		return false;
	}
	if (pause > 0) {
		usleep((useconds_t) (pause * 1e6));
	}
	retry->attempts++;
	return true;
}
