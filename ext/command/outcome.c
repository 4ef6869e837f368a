/*
 * COMMIT, and what became of a transaction whose COMMIT went unanswered (lost
 * connection, read timeout) or failed with an error that does not say it was
 * rolled back: before the call tries again or answers, the row is looked for
 * on a healthy server, with causal reads on a Galera node, after making sure
 * the session that sent the COMMIT can no longer commit it. When nobody can
 * tell, the caller is told so instead of being told that nothing was written.
 *
 * A Galera node adds a case of its own. When a write from another node
 * conflicts with a transaction that holds locks, the node rolls that
 * transaction back; the session is meant to learn it from the error of its
 * next statement, but now and then that error is lost (seen under load on
 * MariaDB 10.11): the statement succeeds in a new transaction, and so do the
 * rest and the COMMIT, which keeps only what came after the rollback. So on a
 * Galera node:
 *  - each statement after a transaction's first shows that it still runs in
 *    the same transaction: AddContact's log row is written only if the
 *    contact row is there to see (activity_log.c); a sub-account's contact row
 *    cannot show the claim row before it was its own, so that transaction
 *    starts with a savepoint, released just before COMMIT (a rolled-back
 *    transaction took the savepoint along: the release fails);
 *  - COMMIT goes out in one batch with that release before it and a
 *    read-back of the row after it: a COMMIT whose row is not there committed
 *    an empty transaction (the transaction was gone after its last
 *    statement). The session's last written GTID (WSREP_LAST_WRITTEN_GTID())
 *    would be cheaper to compare, but it was seen to stay put for a commit
 *    made while the cluster changed membership.
 * Both count as a deadlock: nothing was kept, and the call tries again.
 */
#include "command/command.h"

#include <errmsg.h>
#include <mysqld_error.h>

static const char la_sql_session_alive[] = "SELECT ID FROM information_schema.PROCESSLIST WHERE ID = ?";

/* Polling for a killed session to end: from 5 ms, doubling, up to 200 ms a step. */
#define LA_POLL_FIRST_US 5000
#define LA_POLL_MAX_US 200000

static bool la_session_alive(la_link *link, unsigned long thread_id, bool *alive, php_localapi_db_error *err)
{
	MYSQL_BIND param;
	long long id = (long long) thread_id;
	bool ok;

	php_localapi_bind_long(&param, &id);
	ok = php_localapi_db_has_row(link, la_sql_session_alive, &param, alive, err);
	php_localapi_db_rollback(link);
	return ok;
}

/*
 * On the server that ran it, the old session may still be working on the COMMIT
 * (a lost answer does not stop the server): end it, and wait until it is gone,
 * so that what the lookup finds is final.
 */
static bool la_session_ended(la_link *link, unsigned long thread_id, php_localapi_db_error *err)
{
	char kill[64];
	bool alive = false;
	unsigned int pause = LA_POLL_FIRST_US;
	zend_long waited = 0, limit = LOCALAPI_G(read_timeout) * 1000000;

	if (!la_session_alive(link, thread_id, &alive, err)) {
		return false;
	}
	if (!alive) {
		return true;
	}
	snprintf(kill, sizeof(kill), "KILL CONNECTION %lu", thread_id);
	if (!php_localapi_db_query(link, kill, err) && err->code != ER_NO_SUCH_THREAD) {
		return false;
	}
	while (la_session_alive(link, thread_id, &alive, err) && alive) {
		if (waited >= limit) {
			snprintf(err->message, sizeof(err->message), "session %lu did not end", thread_id);
			return false;
		}
		usleep(pause);
		waited += pause;
		pause = MIN(pause * 2, LA_POLL_MAX_US);
	}
	return !alive;
}

/* Looks for the row on a fresh connection; false when that could not be done. */
static bool la_look(la_link *link, const php_localapi_db_session *session, php_localapi_lookup lookup,
	void *context, bool *found, php_localapi_db_error *err)
{
	bool galera = false, ok;

	/* The old connection is in an unknown state (or gone): look from a new one. */
	php_localapi_db_reset(link);
	if (!php_localapi_db_ensure_connected(link, err)) {
		return false;
	}
	if (php_localapi_db_same_server(link, session) && !la_session_ended(link, session->thread_id, err)) {
		return false;
	}
	if (!php_localapi_db_is_galera(link, &galera, err)) {
		return false;
	}
	ok = lookup(link, context, galera, found, err);
	php_localapi_db_rollback(link);
	return ok;
}

/* The transaction was rolled back underneath the session: as safe to try again as a deadlock. */
void php_localapi_rolled_back_underneath(php_localapi_db_error *err)
{
	snprintf(err->message, sizeof(err->message),
		"the transaction was rolled back by a conflicting write from another cluster node");
	err->code = ER_LOCK_DEADLOCK;
}

php_localapi_outcome php_localapi_commit_checked(la_link *link, const php_localapi_row_ref *row,
	php_localapi_lookup lookup, void *context, php_localapi_db_error *err)
{
	php_localapi_db_session session;
	php_localapi_db_error cause, why;
	bool found = false, galera = false;

	if (!php_localapi_db_is_galera(link, &galera, err)) {
		return PHP_LOCALAPI_NOT_COMMITTED;    /* no COMMIT was sent */
	}
	php_localapi_db_session_of(link, &session);
	if (!galera) {
		if (php_localapi_db_commit(link, err)) {
			return PHP_LOCALAPI_COMMITTED;
		}
	} else {
		switch (php_localapi_db_commit_batch(link, row, &found, err)) {
			case PHP_LOCALAPI_BATCH_RELEASE:
				if (err->code == ER_SP_DOES_NOT_EXIST) {
					php_localapi_rolled_back_underneath(err);
					return PHP_LOCALAPI_NOT_COMMITTED;
				}
				if (!php_localapi_db_error_is_lost(err->code)) {
					return PHP_LOCALAPI_NOT_COMMITTED;    /* the server stopped before COMMIT */
				}
				break;    /* the batch may have run on: looked into below */
			case PHP_LOCALAPI_BATCH_COMMIT:
				break;
			case PHP_LOCALAPI_BATCH_AFTER:    /* committed, then the read failed: as after a lost answer */
				why = *err;
				php_localapi_db_error_set(err, CR_SERVER_LOST, "COMMIT succeeded, then: %s", why.message);
				break;
			case PHP_LOCALAPI_BATCH_DONE:
				if (found) {
					return PHP_LOCALAPI_COMMITTED;
				}
				/* Committed nothing: the transaction was gone after its last statement. */
				php_localapi_rolled_back_underneath(err);
				return PHP_LOCALAPI_NOT_COMMITTED;
		}
	}
	if (err->code == ER_LOCK_DEADLOCK || err->code == ER_LOCK_WAIT_TIMEOUT) {
		return PHP_LOCALAPI_NOT_COMMITTED;    /* these two say the transaction was rolled back */
	}
	cause = *err;
	if (!la_look(link, &session, lookup, context, &found, &why)) {
		*err = cause;
		return PHP_LOCALAPI_OUTCOME_UNKNOWN;
	}
	*err = cause;
	if (found) {
		return PHP_LOCALAPI_COMMITTED;
	}
	/* Certainly not committed: as safe to try again as a lost connection. */
	if (!php_localapi_retry_worth(err)) {
		err->code = CR_SERVER_LOST;
	}
	return PHP_LOCALAPI_NOT_COMMITTED;
}
