/*
 * The monotonic clock the retry budget (command/retry.c) and the rest of a
 * failed host (db/hosts.c) are counted on. No Zend.
 */
#ifndef LOCALAPI_CLOCK_H
#define LOCALAPI_CLOCK_H

#include <time.h>

/* Seconds since an arbitrary point, never set back. */
static inline double la_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

#endif /* LOCALAPI_CLOCK_H */
