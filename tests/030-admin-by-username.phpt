--TEST--
localAPI(): adminUsername names an admin by username, case-insensitively (behaviour §1, §3.11, §7)
--DESCRIPTION--
The sample admin (id 1) is "admin". The lookup compares as the column
collation does (utf8_unicode_ci: case-insensitive, trailing spaces ignored);
the log row carries the username as stored and the admin's id.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$stored = la_value('SELECT username FROM tbladmins WHERE id = 1');
la_is(1, $stored, 'admin');

$n = 2;
foreach (['admin', 'ADMIN', 'Admin', 'admin '] as $admin) {
	$answer = la_call($n++, 'AddContact', ['clientid' => $cid], $admin);
	la_is($n++, la_last_log($cid), la_log_row(['user' => 'admin'], 1));
}
la_is($n++, la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $cid), 4);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: success
3: ok
4: success
5: ok
6: success
7: ok
8: success
9: ok
10: ok
