--TEST--
GetClientsDetails: the connection is KILLed in the middle of its snapshot read; the read runs again from the start and answers right (behaviour §11.11, §9)
--DESCRIPTION--
A forked child, on a connection of its own, holds LOCK TABLES tblaffiliates
WRITE, so the extension's stats read waits in the middle of its transaction
(client, settings, custom fields and most stats already read). The child sees
the extension's session wait on that statement, KILLs it and unlocks. The
call reads everything again on a new connection and answers exactly what a
quiet call answers (stats included); no PHP warning. Checked to fail when the
read is not retried (the answer is then "Database error: ...").
--EXTENSIONS--
localapi
mysqli
pcntl
posix
--CONFLICTS--
all
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';
require_once __DIR__ . '/gcd.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});
$cid = la_gcd_client(['uuid' => 'fixed-uuid', 'currency' => 1]);
la_insert('tblinvoices', ['userid' => $cid, 'status' => 'Unpaid', 'total' => '12.00', 'duedate' => '2000-01-01']);
la_insert('tbldomains', ['userid' => $cid, 'status' => 'Active']);
$flat = function (array $answer) {
	array_walk_recursive($answer, function (&$v) {
		$v = is_object($v) ? (string) $v : $v;
	});
	return $answer;
};
$quiet = $flat(la_gcd(['clientid' => $cid, 'stats' => 1]));
$thread = la_rel_phpinfo_thread();
la_ok(1, $thread !== null && $quiet['result'] === 'success');

$done = la_tmp_path('964-done');
foreach ([$done, "$done.locked"] as $file) {
	if (file_exists($file)) {
		unlink($file);
	}
}
la_db_close();
$pid = pcntl_fork();
if ($pid === 0) {
	$lock = la_rel_link();
	$lock->query('LOCK TABLES tblaffiliates WRITE');
	touch($done . '.locked');
	$row = la_rel_wait_statement($thread, 'SELECT (SELECT COUNT(*) FROM tbldomains', 20.0);
	if ($row !== null) {
		la_rel_kill($thread);
		file_put_contents($done, 'killed');
	}
	$lock->query('UNLOCK TABLES');
	$lock->close();
	@pcntl_exec('/bin/true');
	posix_kill(posix_getpid(), SIGKILL);
}
$deadline = microtime(true) + 10;
while (!file_exists($done . '.locked') && microtime(true) < $deadline) {
	usleep(10000);
}
$answer = $flat(la_gcd(['clientid' => $cid, 'stats' => 1]));
pcntl_waitpid($pid, $status);
la_is(2, file_exists($done) ? file_get_contents($done) : null, 'killed');
la_ok(3, $answer === $quiet, $answer['message'] ?? $answer);
la_ok(4, la_rel_phpinfo_thread() !== $thread);
la_is(5, $warnings, []);
foreach ([$done, "$done.locked"] as $file) {
	if (file_exists($file)) {
		unlink($file);
	}
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
la_gcd_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
