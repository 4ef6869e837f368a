--TEST--
AddContact: a sub-account may not reuse another sub-account's email; plain contacts do not count (behaviour §3.6)
--DESCRIPTION--
Only contacts with subaccount = 1 count, of any client. A plain contact's
email may be reused by a sub-account, and any email by a plain contact.
7.x behaviour only (the duplicate-email rule is 7.x's; 8.x stores no sub-account and checks neither
permissions nor duplicate emails, behaviour §8): skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7); ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$a = la_make_client();
$b = la_make_client();
$sub = la_unique_email('sub');
$plain = la_unique_email('plain');

la_call(1, 'AddContact', ['clientid' => $a, 'email' => $sub, 'password2' => 'pw']);
$before = la_written($a) + la_written($b);
la_call(2, 'AddContact', ['clientid' => $a, 'email' => $sub, 'password2' => 'other']);
la_call(3, 'AddContact', ['clientid' => $b, 'email' => $sub, 'password2' => 'pw']);
la_call(4, 'AddContact', ['clientid' => $b, 'email' => $sub, 'permissions' => 'profile']);
la_is(5, la_written($a) + la_written($b), $before);
la_call(6, 'AddContact', ['clientid' => $b, 'email' => $sub]);

la_call(7, 'AddContact', ['clientid' => $a, 'email' => $plain]);
la_call(8, 'AddContact', ['clientid' => $b, 'email' => $plain, 'password2' => 'pw']);
la_call(9, 'AddContact', ['clientid' => $a, 'email' => $plain, 'permissions' => 'profile']);
la_is(10, la_count('SELECT COUNT(*) FROM tblcontacts WHERE email = ? AND subaccount = 1', $sub), 1);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: error: Duplicate Email Address
3: error: Duplicate Email Address
4: error: Duplicate Email Address
5: ok
6: success
7: success
8: success
9: error: Duplicate Email Address
10: ok
