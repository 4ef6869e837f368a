--TEST--
Server faults: wait_timeout expires between two calls; the next call succeeds (behaviour §4 "Lost connections")
--DESCRIPTION--
The global wait_timeout is set to 2 s before the extension opens its
connection (a session takes the global value when it connects), so the
server drops the extension's idle connection 2 s after each call. After 3 s
of sleep the session is gone from PROCESSLIST, and the next call must still
succeed: first one that starts with the contact INSERT, then one that starts
with the admin lookup. The global value is restored (also by --CLEAN--).
SET GLOBAL needs SUPER: the test user lacks it, so the private server's
admin does it through scripts/db.sh sql when the test user cannot.
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
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

function la_backup_file(): string
{
	return la_tmp_path('512-wait-timeout.txt');
}

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});

/* The server drops a session idle for wait_timeout seconds; how soon after that
 * it notices depends on the machine's load, so wait (bounded) until it has. */
function la_wait_session_gone(?int $session, float $limit = 15.0): bool
{
	$start = microtime(true);
	sleep(2);
	while ($session !== null && la_rel_session_row($session) !== null) {
		if (microtime(true) - $start > $limit) {
			return false;
		}
		usleep(200000);
	}
	return $session !== null;
}

$cid = la_make_client();
$original = (int) la_value('SELECT @@GLOBAL.wait_timeout');
if (!file_exists(la_backup_file())) {
	file_put_contents(la_backup_file(), (string) $original);
}
la_rel_set_global('wait_timeout', 2);
la_is(1, (int) la_value('SELECT @@GLOBAL.wait_timeout'), 2);

$post = ['clientid' => $cid, 'firstname' => 'wait_timeout'];
$ids = [];
$before = la_rel_sessions();
$ids[] = la_call(2, 'AddContact', $post)['contactid'] ?? null;
$session = la_rel_new_session($before, la_rel_phpinfo_thread());
la_ok(3, $session !== null);
la_ok(4, la_wait_session_gone($session), $session === null ? null : la_rel_session_row($session));
$ids[] = la_call(5, 'AddContact', $post)['contactid'] ?? null;
$session = la_rel_new_session($before, la_rel_phpinfo_thread());
la_ok(6, la_wait_session_gone($session));
$ids[] = la_call(7, 'AddContact', $post, 'admin')['contactid'] ?? null;
$ids[] = la_call(8, 'AddContact', $post, 'admin')['contactid'] ?? null;

la_rel_set_global('wait_timeout', $original);
la_is(9, (int) la_value('SELECT @@GLOBAL.wait_timeout'), $original);
unlink(la_backup_file());
$ids = array_values(array_filter($ids));
la_is(10, array_map('intval', array_column(la_contacts_of($cid), 'id')), $ids);
la_is(11, count(la_log_of($cid)), count($ids));
la_is(12, $warnings, []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/reliability.inc';
$backup = la_tmp_path('512-wait-timeout.txt');
if (file_exists($backup)) {
	la_rel_set_global('wait_timeout', (int) file_get_contents($backup));
	unlink($backup);
}
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: success
3: ok
4: ok
5: success
6: ok
7: success
8: success
9: ok
10: ok
11: ok
12: ok
