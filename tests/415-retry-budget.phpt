--TEST--
localapi.retry_budget: the time a call may spend trying again after its first failure; 0 never retries (behaviour §9 "Retries have a time budget")
--DESCRIPTION--
A trigger scoped to the test's client makes the server refuse the contact's
INSERT with a deadlock (ER 1213) or a lock-wait timeout (ER 1205), the
server's own texts, until a moment given by the server's clock: what a
session sees while another holds the lock it needs. Every case writes one
contact for a client of its own and must leave nothing behind when it
answers an error.
 1. retry_budget=0, a deadlock for 1 s: the first one is the answer
    ("Database error: Deadlock found ...").
 2. retry_budget=0, a lost connection: tests/fault-proxy.inc drops the
    COMMIT and closes the connection (see 518); the row is looked for and not
    found, and that lost connection is the answer ("Database error: ...").
 3. retry_budget=10000, lock-wait timeouts for 4 s: the call tries again
    until the lock is gone and answers success after 4 s or more.
 4. retry_budget=500, lock-wait timeouts for 4 s: the call gives up within
    about a second (it tried for 0.2 s at least, and answered within 1.5 s)
    with the lock-wait timeout.
Timing is the behaviour here; the margins leave a loaded machine 0.5 s.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!la_can_create_triggers()) die('skip the test user may not create triggers');
if (!function_exists('proc_open')) die('skip proc_open() disabled');
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});

const LA_415_TRIGGER = 'la_test_415';
const LA_415_DEADLOCK = [1213, '40001', 'Deadlock found when trying to get lock; try restarting transaction'];
const LA_415_LOCK_WAIT = [1205, 'HY000', 'Lock wait timeout exceeded; try restarting transaction'];

/* The contact INSERTs of $cid fail with $error for $seconds from now (the server's clock). */
function la_refuse_for(int $cid, array $error, float $seconds): void
{
	[$errno, $state, $text] = $error;
	$until = la_value('SELECT NOW(6) + INTERVAL ? MICROSECOND', (int) ($seconds * 1e6));
	la_query('DROP TRIGGER IF EXISTS ' . LA_415_TRIGGER);
	la_query('CREATE TRIGGER ' . LA_415_TRIGGER . " BEFORE INSERT ON tblcontacts FOR EACH ROW
		BEGIN
			IF NEW.userid = $cid AND SYSDATE(6) < '$until' THEN
				SIGNAL SQLSTATE '$state' SET MYSQL_ERRNO = $errno, MESSAGE_TEXT = '$text';
			END IF;
		END");
}

/* One call for a new client under $budget ms; [answer, seconds, contacts + log rows written]. */
function la_budget_call(string $budget, array $error, float $seconds): array
{
	$cid = la_make_client();
	la_refuse_for($cid, $error, $seconds);
	ini_set('localapi.retry_budget', $budget);
	$t0 = microtime(true);
	$answer = localAPI('AddContact', ['clientid' => $cid, 'email' => la_unique_email()]);
	$elapsed = microtime(true) - $t0;
	la_drop_trigger(LA_415_TRIGGER);
	return [$answer, $elapsed, la_written($cid)];
}

/* a connection made before the clock runs, so that no case times its connect */
la_call(0, 'AddContact', ['clientid' => la_make_client()]);

try {
	[$answer, , $written] = la_budget_call('0', LA_415_DEADLOCK, 1.0);
	la_is(1, [$answer, $written], [['result' => 'error', 'message' => 'Database error: ' . LA_415_DEADLOCK[2]], 0]);

	$cid = la_make_client();
	$proxy = la_rel_proxy_start('drop-commit');
	try {
		la_is('2 proxy', la_fault_proxy_line($proxy), 'ready');
		ini_set('localapi.db_socket', $proxy['socket']);
		ini_set('localapi.retry_budget', '0');
		$answer = localAPI('AddContact', ['clientid' => $cid, 'email' => la_unique_email()]);
		la_is('2 the COMMIT was dropped', la_fault_proxy_line($proxy), 'triggered drop-commit');
		la_is(2, [$answer['result'] ?? null, str_starts_with($answer['message'] ?? '', 'Database error: '),
			la_written($cid)], ['error', true, 0]);
	} finally {
		la_fault_proxy_stop($proxy);
		ini_set('localapi.db_socket', la_config()['socket']);
	}

	[$answer, $elapsed, $written] = la_budget_call('10000', LA_415_LOCK_WAIT, 4.0);
	la_is(3, [la_show($answer), $written], ['success', 2]);
	la_ok('3 after the lock', $elapsed >= 3.5, $elapsed);

	[$answer, $elapsed, $written] = la_budget_call('500', LA_415_LOCK_WAIT, 4.0);
	la_is(4, [$answer, $written], [['result' => 'error', 'message' => 'Database error: ' . LA_415_LOCK_WAIT[2]], 0]);
	la_ok('4 within about a second', $elapsed >= 0.2 && $elapsed < 1.5, $elapsed);
} finally {
	la_drop_trigger(LA_415_TRIGGER);
}
la_is(5, $warnings, []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_415');
la_cleanup_tag();
?>
--EXPECT--
0: success
1: ok
2 proxy: ok
2 the COMMIT was dropped: ok
2: ok
3: ok
3 after the lock: ok
4: ok
4 within about a second: ok
5: ok
