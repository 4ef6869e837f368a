--TEST--
localapi.whmcs_version overrides the Version row; the log row still follows the table layout (behaviour §8)
--DESCRIPTION--
Against each database the other version's behaviour is forced with
ini_set(): 7 on the 8.x database, 8 on the 7.10 one. The forced behaviour
decides what is stored and answered (7: a sub-account with its hash and
permissions, the permission names checked, Duplicate Email Address; 8: no
sub-account, the warning), while the columns of the log row are always the
ones the table has (admin_id and user_id on the 8.x layout only): the
layout, not the version, decides them. Back to auto, the Version row rules
again on the same connection. With a forced version, invalid password2 or
permissions input is answered without a database (the server is made
unreachable for those calls).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$native = la_whmcs();
$forced = $native === 8 ? 7 : 8;
$cid = la_make_client();
$email = la_unique_email();
ini_set('localapi.whmcs_version', (string) $forced);
$first = localAPI('AddContact', ['clientid' => $cid, 'email' => $email, 'password2' => 'pw', 'permissions' => 'profile'], 'admin');
$second = localAPI('AddContact', ['clientid' => $cid, 'email' => $email, 'password2' => 'pw']);
$bad_name = localAPI('AddContact', ['clientid' => $cid, 'permissions' => 'bogus']);
$row = la_added($first);
if ($forced === 7) {
	la_is(1, [la_show($first), la_show($second), la_show($bad_name)],
		['success', 'error: Duplicate Email Address', 'error: Invalid permission: bogus']);
	la_is(2, [$row['subaccount'] ?? null, password_verify('pw', $row['password'] ?? ''), $row['permissions'] ?? null],
		['1', true, 'profile']);
} else {
	$warning = 'success, warning: Sub Accounts are no longer supported. Please use AddUser and CreateClientInvite';
	la_is(1, [la_show($first), la_show($second), la_show($bad_name)], [$warning, $warning, $warning]);
	la_is(2, [$row['subaccount'] ?? null, $row['password'] ?? null, $row['permissions'] ?? null], ['0', '', '']);
}
$logs = la_log_rows($cid, ['user']);
la_is(3, $logs[0] ?? null, la_log_row(['user' => 'admin'], 1));
la_is(4, count($logs), $forced === 7 ? 1 : 3);
la_is(5, la_info('WHMCS behaviour'), "$forced.x (localapi.whmcs_version)");

ini_set('localapi.whmcs_version', 'auto');
$again = la_added(localAPI('AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => 'pw']));
la_is(6, $again['subaccount'] ?? null, $native === 8 ? '0' : '1');

ini_set('localapi.db_socket', '/nonexistent/localapi-test/mysqld.sock');
ini_set('localapi.db_host', 'localhost');
ini_set('localapi.whmcs_version', '7');
la_call(7, 'AddContact', ['clientid' => $cid, 'permissions' => 'bogus']);
la_call(8, 'AddContact', ['clientid' => $cid, 'password2' => ['x']]);
ini_set('localapi.whmcs_version', '8');
$down = localAPI('AddContact', ['clientid' => $cid, 'permissions' => 'bogus']);
la_ok(9, str_starts_with($down['message'] ?? '', 'Database error: '), $down);
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
7: error: Invalid permission: bogus
8: error: password2 must be a string
9: ok
