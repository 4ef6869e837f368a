--TEST--
Races: a lock wait timeout in the INSERT is retried inside the call and never reaches the caller (behaviour §4 "Lock conflicts": ER 1205)
--DESCRIPTION--
The global innodb_lock_wait_timeout is set to 1 s before a child process
connects (a session takes the global value when it connects). The test's
second link holds the client row FOR UPDATE for 2.5 s while the child adds a
sub-account for that client: its guarded INSERT ... SELECT waits 1 s, gets
ER 1205, and must retry inside the call until the lock is gone (its retry
budget is 10 s, so that a late release on a busy machine is still retried).
Expected: success after at least two timeouts (the call took 2 s or more),
exactly one row, no PHP warning. The global value is restored as soon as
the child has connected, and again by the clean-up section. SET GLOBAL needs
SUPER: lacking it, the test user asks the private server's admin
(scripts/db.sh sql).
7.x behaviour only (the locking INSERT ... SELECT of a sub-account is 7.x's; 8.x stores no sub-account and checks neither
permissions nor duplicate emails, behaviour §8): skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7);
require_once __DIR__ . '/reliability.inc';
if (($why = la_rel_db_sh_unusable()) !== null) {
	die("skip $why");
}
if (!is_readable('/proc/self/maps')) {
	die('skip needs /proc/self/maps to find localapi.so for the children');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$backup = la_tmp_path('503-lock-wait-timeout.txt');
$cid = la_make_client();
$original = (int) la_value('SELECT @@GLOBAL.innodb_lock_wait_timeout');
if (!file_exists($backup)) {
	file_put_contents($backup, (string) $original);
}
la_rel_set_global('innodb_lock_wait_timeout', 1);
/* The child inherits it: the budget is not under test here, and a loaded machine may release the lock late. */
ini_set('localapi.retry_budget', '10000');
$email = la_unique_email('lockwait');
$started = la_rel_child_start(['warmup' => la_missing_client_id(),
	'post' => ['clientid' => $cid, 'email' => $email, 'password2' => 'pw']]);
la_rel_set_global('innodb_lock_wait_timeout', $original);
unlink($backup);

$link = la_rel_link();
$link->begin_transaction();
$link->execute_query('SELECT id FROM tblclients WHERE id = ? FOR UPDATE', [$cid])->fetch_all();
la_rel_child_go($started);
$waiting = la_rel_wait_statement($started['session'], 'INSERT INTO tblcontacts');
usleep(2500000);
$link->rollback();
$link->close();
$report = la_rel_child_end($started);

la_ok(1, $waiting !== null);
la_is(2, la_show($report['answer']), 'success');
la_ok(3, ($report['elapsed'] ?? 0) >= 2.0, $report['elapsed']);
la_is(4, array_map('intval', array_column(la_rows('SELECT id FROM tblcontacts WHERE email = ?', $email), 'id')), [$report['answer']['contactid'] ?? null]);
la_is(5, $report['problems'], []);
la_is(6, (int) la_value('SELECT @@GLOBAL.innodb_lock_wait_timeout'), $original);
la_rel_figure('child call s', round($report['elapsed'] ?? -1, 3));
?>
--CLEAN--
<?php
require_once __DIR__ . '/reliability.inc';
$backup = la_tmp_path('503-lock-wait-timeout.txt');
if (file_exists($backup)) {
	la_rel_set_global('innodb_lock_wait_timeout', (int) file_get_contents($backup));
	unlink($backup);
}
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
