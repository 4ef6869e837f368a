--TEST--
Server faults: the connection is KILLed while the INSERT waits on a lock; never two rows (behaviour §3, §4 "Lost connections", §7 "Commit points")
--DESCRIPTION--
A child process makes one AddContact call while a second mysqli link of the
test holds a lock the call needs, so the call's statement waits on the
server. The test sees the statement in PROCESSLIST, KILLs the child's
connection, then releases the lock. The answer must tell the truth: either
success with exactly one row (the one whose contactid it returned) and one
log row, or "Database error: ..." with no row and no log row. Never two rows.
The client's rows are counted exactly: each call adds one contact and one
log row when it answered success and none when it answered an error, and in
the end the client has as many contacts and log rows as calls succeeded.
Locks:
 - LOCK TABLES tblcontacts WRITE: the contact INSERT waits (plain contact);
 - the client row SELECTed FOR UPDATE: the guarded sub-account INSERT ...
   SELECT waits on it;
 - LOCK TABLES tblactivitylog WRITE: the contact row is already inserted (not
   committed) when the log INSERT waits, so the kill loses a written row;
 - a ContactAdd hook is registered and tblactivitylog locked: the contact row
   is committed before the hook runs (behaviour §7 "Commit points"), the log INSERT waits.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!is_readable('/proc/self/maps')) {
	die('skip needs /proc/self/maps to find localapi.so for the children');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$cid = la_make_client();
$hooks = la_tmp_path('514-hooks-' . getmypid());
@mkdir($hooks);
file_put_contents("$hooks/contactadd.php", '<?php add_hook("ContactAdd", 1, function (array $vars) {});');

$scenarios = [
	'tblcontacts locked, plain contact' => [
		'lock' => fn (mysqli $l) => $l->query('LOCK TABLES tblcontacts WRITE'),
		'release' => fn (mysqli $l) => $l->query('UNLOCK TABLES'),
		'waits in' => 'INSERT INTO tblcontacts',
		'post' => [],
		'ini' => [],
	],
	/* 7.x: the sub-account's locking read of the client row waits; 8.x stores a plain contact
	 * (and answers with a warning, behaviour §8), whose insert waits on the table instead */
	'sub-account, its insert locked' => la_by_version([
		'lock' => fn (mysqli $l) => $l->begin_transaction() && $l->query("SELECT id FROM tblclients WHERE id = $cid FOR UPDATE")->free() === null,
		'release' => fn (mysqli $l) => $l->rollback(),
	], [
		'lock' => fn (mysqli $l) => $l->query('LOCK TABLES tblcontacts WRITE'),
		'release' => fn (mysqli $l) => $l->query('UNLOCK TABLES'),
	]) + [
		'waits in' => 'INSERT INTO tblcontacts',
		'post' => ['password2' => 'pw', 'permissions' => 'profile'],
		'ini' => [],
	],
	'tblactivitylog locked, plain contact' => [
		'lock' => fn (mysqli $l) => $l->query('LOCK TABLES tblactivitylog WRITE'),
		'release' => fn (mysqli $l) => $l->query('UNLOCK TABLES'),
		'waits in' => 'INSERT INTO tblactivitylog',
		'post' => [],
		'ini' => [],
	],
	'tblactivitylog locked, ContactAdd hook' => [
		'lock' => fn (mysqli $l) => $l->query('LOCK TABLES tblactivitylog WRITE'),
		'release' => fn (mysqli $l) => $l->query('UNLOCK TABLES'),
		'waits in' => 'INSERT INTO tblactivitylog',
		'post' => [],
		'ini' => ['localapi.hooks_dir' => $hooks],
	],
];

$n = 1;
$successes = 0;
foreach ($scenarios as $label => $scenario) {
	$written_before = [la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid),
		la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $cid)];
	$email = la_unique_email('inflight');
	$post = ['clientid' => $cid, 'email' => $email, 'firstname' => $label] + $scenario['post'];
	$before = la_rel_sessions();
	$child = la_rel_spawn('call', [], $scenario['ini']);
	la_rel_send($child, ['warmup' => la_missing_client_id(), 'post' => $post]);
	$ready = la_rel_receive($child, 60);
	$session = la_rel_new_session($before, $ready['thread'] ?? null);
	$locker = la_rel_link();
	$scenario['lock']($locker);
	la_rel_send($child, ['go' => true]);
	$waiting = la_rel_wait_statement($session, $scenario['waits in']);
	usleep(100000);
	$killed = $waiting !== null && la_rel_kill($session);
	$scenario['release']($locker);
	$locker->close();
	$report = la_rel_receive($child, 60);
	[$code, $stderr] = la_rel_finish($child);
	la_ok("$n $label: killed while waiting", $killed, $waiting ?? la_rel_sessions());

	$answer = $report['answer'] ?? null;
	$rows = la_rows('SELECT id FROM tblcontacts WHERE email = ?', $email);
	$ids = array_map('intval', array_column($rows, 'id'));
	$logs = la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ? AND description LIKE ?',
		$cid, '% - Contact ID: ' . ($ids[0] ?? 0));
	$shown = preg_replace('/^success, warning: Sub Accounts .*$/', 'success', la_show($answer));
	if ($shown === 'success') {
		$outcome = 'success';
		$truthful = $ids === [$answer['contactid']] && $logs === 1;
	} else {
		$outcome = $shown;
		$truthful = str_starts_with($shown, 'error: Database error: ') && $ids === [];
	}
	la_ok("$n $label: truthful answer", $truthful, [$shown, 'rows' => $ids, 'log rows' => $logs]);
	la_ok("$n $label: never two rows", count($ids) <= 1, $ids);
	/* exactly what the answer says: one contact and one log row on success, nothing on error */
	$written = [la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid) - $written_before[0],
		la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $cid) - $written_before[1]];
	la_is("$n $label: rows written", $written, $outcome === 'success' ? [1, 1] : [0, 0]);
	$successes += $outcome === 'success' ? 1 : 0;
	la_is("$n $label: warnings", [$report['warnings'] ?? 'no report', $code, $stderr], [[], 0, '']);
	la_rel_figure($label, ['answer' => $outcome, 'rows' => count($ids), 'log rows' => $logs,
		'call s' => round($report['elapsed'] ?? -1, 3)]);
	$n++;
}
la_is($n, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid) <= count($scenarios), true);
la_is($n + 1, [count(la_contacts_of($cid)), count(la_log_of($cid))], [$successes, $successes]);
unlink("$hooks/contactadd.php");
rmdir($hooks);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
foreach (glob(la_tmp_path('514-hooks-*')) as $dir) {
	array_map('unlink', glob("$dir/*"));
	rmdir($dir);
}
?>
--EXPECT--
1 tblcontacts locked, plain contact: killed while waiting: ok
1 tblcontacts locked, plain contact: truthful answer: ok
1 tblcontacts locked, plain contact: never two rows: ok
1 tblcontacts locked, plain contact: rows written: ok
1 tblcontacts locked, plain contact: warnings: ok
2 sub-account, its insert locked: killed while waiting: ok
2 sub-account, its insert locked: truthful answer: ok
2 sub-account, its insert locked: never two rows: ok
2 sub-account, its insert locked: rows written: ok
2 sub-account, its insert locked: warnings: ok
3 tblactivitylog locked, plain contact: killed while waiting: ok
3 tblactivitylog locked, plain contact: truthful answer: ok
3 tblactivitylog locked, plain contact: never two rows: ok
3 tblactivitylog locked, plain contact: rows written: ok
3 tblactivitylog locked, plain contact: warnings: ok
4 tblactivitylog locked, ContactAdd hook: killed while waiting: ok
4 tblactivitylog locked, ContactAdd hook: truthful answer: ok
4 tblactivitylog locked, ContactAdd hook: never two rows: ok
4 tblactivitylog locked, ContactAdd hook: rows written: ok
4 tblactivitylog locked, ContactAdd hook: warnings: ok
5: ok
6: ok
