--TEST--
AddContact: a sub-account may not use a client's email, "Duplicate Email Address" (behaviour §3.6)
--DESCRIPTION--
With password2 or permissions non-empty the email must not equal any
tblclients.email (any client, not only the contact's own). A plain contact
(neither) may share it.
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

$email = la_unique_email('client');
$owner = la_make_client($email);
$cid = la_make_client();

la_call(1, 'AddContact', ['clientid' => $owner, 'email' => $email, 'password2' => 'pw']);
la_call(2, 'AddContact', ['clientid' => $cid, 'email' => $email, 'password2' => 'pw']);
la_call(3, 'AddContact', ['clientid' => $cid, 'email' => $email, 'permissions' => 'profile']);
la_call(4, 'AddContact', ['clientid' => $cid, 'email' => $email, 'password2' => 'pw', 'permissions' => 'tickets']);
la_is(5, la_written($owner) + la_written($cid), 0);

/* plain contacts with the client's email are allowed */
$row = la_added(la_call(6, 'AddContact', ['clientid' => $owner, 'email' => $email]));
la_is(7, [$row['email'] ?? null, $row['subaccount'] ?? null], [$email, '0']);
la_call(8, 'AddContact', ['clientid' => $cid, 'email' => $email, 'password2' => '0', 'permissions' => '']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Duplicate Email Address
2: error: Duplicate Email Address
3: error: Duplicate Email Address
4: error: Duplicate Email Address
5: ok
6: success
7: ok
8: success
