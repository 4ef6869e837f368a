--TEST--
The log row's columns are read from tblactivitylog itself, and stay right while DDL statements change that table (behaviour §8)
--DESCRIPTION--
The extension learns once per connection which of user_id and admin_id
tblactivitylog has. information_schema is not a safe source for that: read
inside a transaction that already holds a metadata lock (the admin lookup's),
it skips a table that a concurrent DDL statement holds, with only a warning,
and the table then looks like one without these columns, so every log row of
that connection lost its admin_id. Here a child process creates and drops a
trigger on tblactivitylog without pause while 40 calls, each on a fresh
connection (the previous one is killed, so the call reconnects after its admin
lookup and reads the layout again), add a contact as the admin "admin". Every
call must succeed and every log row must carry the admin's id where the table
has admin_id (8.x layout; on the 7.10 layout the rows have neither column, and
the calls must still succeed). The child must have made DDL rounds during the
calls, or the test proves nothing. The churn stalls every other writer of
log rows, hence CONFLICTS all.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!la_can_create_triggers()) die('skip the test user cannot create triggers');
if (stripos((string) la_value('SELECT VERSION()'), 'MariaDB') === false) {
	die('skip MySQL: under DDL that never pauses it gives up re-preparing a statement (1615) more often than the retry budget absorbs; MariaDB re-prepares');
}
?>
--CONFLICTS--
activitylog
all
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/reliability.inc';

const LA_CALLS = 40;
$cid = la_make_client();
$ids = la_log_has_ids();
$admin_id = (int) la_value("SELECT id FROM tbladmins WHERE username = 'admin'");
la_call(1, 'AddContact', ['clientid' => $cid], 'admin');

$churn = proc_open([PHP_BINARY, __DIR__ . '/ddl-churn.inc', 'la_test_706_' . getmypid()],
	[0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
la_is(2, trim((string) fgets($pipes[1])), 'ready');
$failed = $wrong = [];
for ($i = 0; $i < LA_CALLS; $i++) {
	la_rel_kill((int) la_rel_phpinfo_thread());
	$answer = localAPI('AddContact', ['clientid' => $cid, 'firstname' => "n$i"], 'admin');
	if (($answer['result'] ?? '') !== 'success') {
		$failed[] = la_show($answer);
		continue;
	}
	$row = la_row('SELECT * FROM tblactivitylog WHERE userid = ? AND description LIKE ?', $cid,
		'% - Contact ID: ' . $answer['contactid']);
	$got = $ids ? [$row['admin_id'] ?? null, $row['user_id'] ?? null] : [];
	if ($row === null || $row['user'] !== 'admin' || $got !== ($ids ? [(string) $admin_id, '0'] : [])) {
		$wrong[] = [$answer['contactid'], $row];
	}
}
fclose($pipes[0]);
$rounds = (int) fgets($pipes[1]);
proc_close($churn);
la_is(3, $failed, []);
la_is(4, [count($wrong), $wrong[0] ?? null], [0, null]);
la_ok(5, $rounds > LA_CALLS / 4, "$rounds DDL rounds during " . LA_CALLS . ' calls');
la_is(6, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid), LA_CALLS + 1);
la_is(7, [$admin_id > 0, la_info('Table layout')], [true, $ids ? 'tblactivitylog user_id admin_id'
	: 'tblactivitylog without user_id, admin_id']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
foreach (la_rows("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
	. " AND TRIGGER_NAME LIKE 'la\\_test\\_706\\_%'") as $row) {
	la_drop_trigger($row['TRIGGER_NAME']);
}
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
