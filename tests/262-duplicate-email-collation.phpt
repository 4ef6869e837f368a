--TEST--
AddContact: duplicate emails compare as utf8_unicode_ci does (behaviour §3.6, §7 "Equality")
--DESCRIPTION--
Case- and accent-insensitive, trailing spaces ignored, against clients and
sub-accounts. utf8_unicode_ci (not the connection's utf8mb4_general_ci) also
makes 'ß' equal 'ss'. A leading space is not ignored by the collation, so
that email is a different one.
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

$tag = bin2hex(random_bytes(5));
$client_email = "josé-$tag@example.test";
$cid = la_make_client($client_email);
la_call(1, 'AddContact', ['clientid' => $cid, 'email' => strtoupper("jose-$tag@example.test"), 'password2' => 'pw']);
la_call(2, 'AddContact', ['clientid' => $cid, 'email' => "JOSÉ-$tag@Example.Test", 'password2' => 'pw']);
la_call(3, 'AddContact', ['clientid' => $cid, 'email' => "jos&eacute;-$tag@example.test", 'password2' => 'pw']);
la_call(4, 'AddContact', ['clientid' => $cid, 'email' => "$client_email  ", 'password2' => 'pw']);
la_call(5, 'AddContact', ['clientid' => $cid, 'email' => "JOSÈ-$tag@EXAMPLE.TEST", 'permissions' => 'profile']);
$street = la_make_client("strasse-$tag@example.test");
la_call('5a', 'AddContact', ['clientid' => $street, 'email' => "STRAßE-$tag@EXAMPLE.TEST", 'password2' => 'pw']);

$sub = "Sub-$tag@Example.Test";
la_call(6, 'AddContact', ['clientid' => $cid, 'email' => $sub, 'password2' => 'pw']);
la_call(7, 'AddContact', ['clientid' => $cid, 'email' => strtolower($sub), 'password2' => 'pw']);
la_call(8, 'AddContact', ['clientid' => $cid, 'email' => strtoupper($sub) . ' ', 'password2' => 'pw']);
la_call(9, 'AddContact', ['clientid' => $cid, 'email' => "sûb-$tag@example.test", 'permissions' => 'profile']);

la_call(10, 'AddContact', ['clientid' => $cid, 'email' => " $sub", 'password2' => 'pw']);
la_is(11, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid), 2);
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
5: error: Duplicate Email Address
5a: error: Duplicate Email Address
6: success
7: error: Duplicate Email Address
8: error: Duplicate Email Address
9: error: Duplicate Email Address
10: success
11: ok
