--TEST--
localAPI(): an unknown admin gives "No matching admin user found" and writes nothing (behaviour §1)
--DESCRIPTION--
' admin' keeps its leading space (the collation ignores trailing spaces only);
'0x1' is not numeric, so it is a username; SQL metacharacters are data.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$missing_id = (int) la_value('SELECT COALESCE(MAX(id), 0) + 1000 FROM tbladmins');
$admins = [
	'no-such-admin-' . bin2hex(random_bytes(4)),
	$missing_id,
	(string) $missing_id,
	-1,
	' admin',
	'adm',
	'adm%',
	'admin2',
	'0x1',
	"admin' OR '1'='1",
	'admin_',
];
foreach ($admins as $i => $admin) {
	la_call($i + 1, 'AddContact', ['clientid' => $cid], $admin);
}
la_is(12, la_written($cid), 0);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: No matching admin user found
2: error: No matching admin user found
3: error: No matching admin user found
4: error: No matching admin user found
5: error: No matching admin user found
6: error: No matching admin user found
7: error: No matching admin user found
8: error: No matching admin user found
9: error: No matching admin user found
10: error: No matching admin user found
11: error: No matching admin user found
12: ok
