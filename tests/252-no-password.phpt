--TEST--
AddContact: without password2 (absent, '', '0', null, false, 0) subaccount = 0 and password = '' (behaviour §3.5, §7)
--DESCRIPTION--
differs from WHMCS: no hash of the empty password is stored.
'0' counts as empty, like ''. Without password2 and permissions, the
duplicate-email rule does not apply (the email is the client's own).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$email = la_unique_email('client');
$cid = la_make_client($email);
$row = la_added(la_call(1, 'AddContact', ['clientid' => $cid, 'email' => $email]));
la_is(2, [$row['subaccount'] ?? null, $row['password'] ?? null], ['0', '']);
$n = 3;
foreach (['', '0', null, false, 0] as $value) {
	$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'email' => $email, 'password2' => $value]));
	la_is($n++, [$row['subaccount'] ?? null, $row['password'] ?? null], ['0', '']);
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: success
4: ok
5: success
6: ok
7: success
8: ok
9: success
10: ok
11: success
12: ok
