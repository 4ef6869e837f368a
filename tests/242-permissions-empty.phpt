--TEST--
AddContact: permissions '0', '', null, false, 0 count as empty and store '' (behaviour §3.4, §3.6, §7)
--DESCRIPTION--
Truthiness is PHP's: '0' counts as empty like ''. An empty permissions value
stores '' and does not make the duplicate-email rule apply (the email below
is the client's own).
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
$n = 1;
foreach (['0', '', null, false, 0] as $value) {
	$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'email' => $email, 'permissions' => $value]));
	la_is($n++, [$row['permissions'] ?? null, $row['subaccount'] ?? null], ['', '0']);
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
