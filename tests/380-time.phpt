--TEST--
Time: created_at = updated_at = the server's NOW() in its own time zone; pwresetexpiry keeps its default (behaviour §3.9, §7)
--DESCRIPTION--
The log's date (a DATETIME, stored as given) must agree with NOW() of another
session using the server's default time zone, so a changed session time zone
would show. The timestamps must also be the real instant (PHP's clock).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$answer = la_call(1, 'AddContact', ['clientid' => $cid]);
$id = $answer['contactid'] ?? 0;
$row = la_row('SELECT created_at, updated_at, pwresetexpiry, ABS(TIMESTAMPDIFF(SECOND, created_at, NOW())) AS skew,'
	. ' ABS(UNIX_TIMESTAMP(created_at) - ?) AS real_skew FROM tblcontacts WHERE id = ?', time(), $id);
la_is(2, ($row['created_at'] ?? 1) === ($row['updated_at'] ?? 2), true);
la_ok(3, (int) ($row['skew'] ?? 99) <= 5, $row);
la_ok(4, (int) ($row['real_skew'] ?? 99) <= 5, $row);
la_is(5, $row['pwresetexpiry'] ?? null, '0000-00-00 00:00:00');
$log = la_row('SELECT date, ABS(TIMESTAMPDIFF(SECOND, date, NOW())) AS skew FROM tblactivitylog WHERE userid = ?', $cid);
la_ok(6, (int) ($log['skew'] ?? 99) <= 5, $log);
la_ok(7, abs(strtotime($log['date'] ?? '') - strtotime($row['created_at'] ?? '')) <= 2, [$log, $row]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
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
