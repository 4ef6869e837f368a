--TEST--
Server faults: the private MariaDB restarts between two calls in one process; the next call succeeds (behaviour §4 "Lost connections")
--DESCRIPTION--
scripts/db.sh stop, then start, between calls of one process. A call made
while the server is down answers "Database error: ..." at once (the socket is
gone); the first call after the start succeeds without the caller doing
anything, whether its first statement is the contact INSERT or the admin
lookup, and so does the one after it. The server is left running, as found.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/reliability.inc';
if (($why = la_rel_db_sh_unusable()) !== null) {
	die("skip $why");
}
if (la_rel_under_valgrind()) {
	die('skip under valgrind: run-tests traces children, so the restarted server would run under valgrind');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});

function la_restart_step(string $action): string
{
	la_db_close();
	$t0 = microtime(true);
	[$code, $output] = la_rel_db($action);
	la_rel_figure("db.sh $action s", round(microtime(true) - $t0, 2));
	return $code === 0 ? 'ok' : "exit $code: $output";
}

$cid = la_make_client();
$ids = [];
$post = ['clientid' => $cid, 'firstname' => 'restart'];
$ids[] = la_call(1, 'AddContact', $post)['contactid'] ?? null;

/* restart 1: a call while the server is down, then calls after the start */
la_is(2, la_restart_step('stop'), 'ok');
$t0 = microtime(true);
$down = localAPI('AddContact', $post);
$elapsed = microtime(true) - $t0;
la_ok(3, ($down['result'] ?? null) === 'error' && str_starts_with($down['message'] ?? '', 'Database error: ')
	&& array_keys($down) === ['result', 'message'], $down);
la_ok(4, $elapsed < 2.0, $elapsed);
la_rel_figure('call while down', [$down['message'] ?? null, round($elapsed, 3)]);
la_is(5, la_restart_step('start'), 'ok');
$ids[] = la_call(6, 'AddContact', $post)['contactid'] ?? null;
$ids[] = la_call(7, 'AddContact', $post, 'admin')['contactid'] ?? null;

/* restart 2: the first statement after the start is the admin lookup (prepared before) */
la_is(8, la_restart_step('stop'), 'ok');
la_is(9, la_restart_step('start'), 'ok');
$ids[] = la_call(10, 'AddContact', $post, 'admin')['contactid'] ?? null;
/* a sub-account on 7.x; a plain contact and the warning on 8.x (behaviour §8) */
$ids[] = la_call_by_version(11, $post + ['email' => la_unique_email('restart'), 'password2' => 'pw'], 'success',
	'success + warning')['contactid'] ?? null;

$ids = array_values(array_filter($ids));
la_is(12, array_map('intval', array_column(la_contacts_of($cid), 'id')), $ids);
la_is(13, count(la_log_of($cid)), count($ids));
la_is(14, $warnings, []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/reliability.inc';
la_rel_db_ensure_running();
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: success
7: success
8: ok
9: ok
10: success
11: 7.x success | 8.x success + warning
12: ok
13: ok
14: ok
