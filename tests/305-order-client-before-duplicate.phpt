--TEST--
Order of checks: "Client ID Not Found" comes before "Duplicate Email Address" (behaviour §7)
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
