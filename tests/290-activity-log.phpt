--TEST--
AddContact: one tblactivitylog row per added contact (behaviour §3.11)
--DESCRIPTION--
date = now (server clock), description "Added Contact - User ID: <clientid> -
Contact ID: <contactid>", user = admin username or "Local API User",
userid = clientid, admin_id = admin id or 0, user_id = 0, ipaddr = '' under
the CLI. Failed calls add no log row. A 7.10 table has no admin_id and
user_id: the row is written without them (behaviour §8; test 705 shows the
layout, not the version, decides).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$first = la_call(1, 'AddContact', ['clientid' => $cid]);
$second = la_call(2, 'AddContact', ['clientid' => " $cid "], 'admin');
la_call(3, 'AddContact', ['clientid' => $cid, 'firstname' => "\xff"]);
la_call(4, 'AddContact', ['clientid' => $cid, 'lastname' => ['nope']]);

$logs = la_log_rows($cid, ['description', 'user', 'userid', 'ipaddr', 'ABS(TIMESTAMPDIFF(SECOND, date, NOW())) <= 5 AS recent']);
la_is(5, count($logs), 2);
la_is(6, $logs[0] ?? null, la_log_row([
	'description' => "Added Contact - User ID: $cid - Contact ID: " . ($first['contactid'] ?? '?'),
	'user' => 'Local API User',
	'userid' => (string) $cid,
	'ipaddr' => '',
	'recent' => '1',
], 0));
la_is(7, $logs[1] ?? null, la_log_row([
	'description' => "Added Contact - User ID: $cid - Contact ID: " . ($second['contactid'] ?? '?'),
	'user' => 'admin',
	'userid' => (string) $cid,
	'ipaddr' => '',
	'recent' => '1',
], 1));
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: success
3: error: Invalid UTF-8 in firstname
4: error: lastname must be a string
5: ok
6: ok
7: ok
