--TEST--
Order of checks: the admin is checked before the input (behaviour §7)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$nobody = 'no-such-admin-' . bin2hex(random_bytes(4));
$cid = la_make_client();
la_call(1, 'AddContact', ['clientid' => "\xff"], $nobody);
la_call(2, 'AddContact', ['clientid' => $cid, 'firstname' => ['x']], $nobody);
la_call(3, 'AddContact', ['clientid' => $cid, 'permissions' => 'bogus'], $nobody);
la_call(4, 'AddContact', ['clientid' => la_missing_client_id()], $nobody);
la_call(5, 'AddContact', ['clientid' => $cid, 'firstname' => ['x']], 'admin');
la_call_by_version(6, ['clientid' => $cid, 'permissions' => 'bogus'], 'error: Invalid permission: bogus', 'success + warning', 1);
la_is(7, la_written($cid), la_by_version(0, 2));
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
5: error: firstname must be a string
6: 7.x error: Invalid permission: bogus | 8.x success + warning
7: ok
