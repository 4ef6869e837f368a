--TEST--
Order of checks: "Client ID Not Found" comes before "Duplicate Email Address" (behaviour §7)
--DESCRIPTION--
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
$cid = la_make_client($email);
$missing = la_missing_client_id();
la_call(1, 'AddContact', ['clientid' => $missing, 'email' => $email, 'password2' => 'pw']);
la_call(2, 'AddContact', ['clientid' => "{$cid}x", 'email' => $email, 'permissions' => 'profile']);
la_call(3, 'AddContact', ['email' => $email, 'password2' => 'pw']);
la_call(4, 'AddContact', ['clientid' => $cid, 'email' => $email, 'password2' => 'pw']);
la_is(5, la_written($cid), 0);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Client ID Not Found
2: error: Client ID Not Found
3: error: Client ID Not Found
4: error: Duplicate Email Address
5: ok
