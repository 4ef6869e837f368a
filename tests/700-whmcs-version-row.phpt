--TEST--
WHMCS version: the Version row of tblconfiguration picks 7.x or 8.x behaviour; phpinfo() shows it (behaviour §8)
--DESCRIPTION--
With localapi.whmcs_version=auto (the default) the Version row decides. On
the 8.x database (8.12.1-release.1) a contact given password2 and
permissions is stored as a plain contact (subaccount 0, password '',
permissions '') and the answer carries the warning after contactid; on the
7.10 database (7.10.2-release.1) it is a sub-account with a bcrypt hash and
its permissions. phpinfo() says "auto" before the first connection and then
the behaviour and the Version row it read.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$version = la_value("SELECT value FROM tblconfiguration WHERE setting = 'Version' LIMIT 1");
la_is(1, la_info('WHMCS behaviour'), 'auto (from the Version row, once connected)');
$cid = la_make_client();
$answer = localAPI('AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => 'pw',
	'permissions' => 'profile,tickets']);
$row = la_added($answer);
$stored = [$row['subaccount'] ?? null, password_verify('pw', $row['password'] ?? ''), $row['password'] ?? null,
	$row['permissions'] ?? null];
if (la_whmcs() === 8) {
	la_is(2, array_keys($answer), ['result', 'contactid', 'warning']);
	la_is(3, la_show($answer), 'success, warning: Sub Accounts are no longer supported. Please use AddUser and CreateClientInvite');
	la_is(4, $stored, ['0', false, '', '']);
} else {
	la_is(2, array_keys($answer), ['result', 'contactid']);
	la_is(3, la_show($answer), 'success');
	la_is(4, [$stored[0], $stored[1], substr($stored[2], 0, 7), $stored[3]], ['1', true, '$2y$10$', 'profile,tickets']);
}
la_is(5, la_info('WHMCS behaviour'), la_whmcs() . ".x (Version $version)");
la_is(6, $version, la_whmcs() === 8 ? '8.12.1-release.1' : '7.10.2-release.1');
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
