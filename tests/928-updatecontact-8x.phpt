--TEST--
UpdateContact 8.x: subaccount, password2 and permissions are never written; the warning after contactid (behaviour §10, §8)
--DESCRIPTION--
On an 8.x database subaccount, password2 and permissions are neither
validated nor written (a bad permission name or a NUL byte is no error, a
sub-account email is no duplicate). The answer carries a third key,
'warning' => 'Sub Accounts are no longer supported. Please use UpdateUser',
after contactid, when password2 or permissions is truthy ("0" and "" are
not) or when the stored row is a sub-account (even for a call that changes
nothing).
8.x behaviour only: skips on a 7.x database.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(8); ?>
--FILE--
<?php
require_once __DIR__ . '/update-contact.inc';

$client_email = la_unique_email('client');
$cid = la_make_client($client_email);
$id = la_upd_make_contact($cid);
$sub = la_upd_make_contact($cid, ['subaccount' => 1, 'password' => 'kept', 'permissions' => 'profile']);

la_upd_call(1, $id, ['password2' => 'secret', 'permissions' => 'root', 'subaccount' => 1, 'firstname' => 'W']);
la_upd_call(2, $id, ['permissions' => ['profile']]);
la_upd_call(3, $id, ['password2' => "a\0b", 'email' => $client_email]);
la_upd_call(4, $id, ['password2' => '0', 'permissions' => '', 'subaccount' => 0]);
la_upd_call(5, $id, ['password2' => null, 'permissions' => []]);
la_upd_call(6, $sub, []);
la_upd_call(7, $sub, ['email' => $client_email, 'subaccount' => 0, 'password2' => '']);
$answer = localAPI('UpdateContact', ['contactid' => (string) $sub, 'lastname' => 'L']);
la_is(8, $answer, ['result' => 'success', 'contactid' => (string) $sub,
	'warning' => 'Sub Accounts are no longer supported. Please use UpdateUser']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECTF--
1: success, warning: Sub Accounts are no longer supported. Please use UpdateUser ["firstname"=>"W", "updated_at"=>"changed"]
2: success, warning: Sub Accounts are no longer supported. Please use UpdateUser []
3: success, warning: Sub Accounts are no longer supported. Please use UpdateUser ["email"=>"%s", "updated_at"=>"changed"]
4: success []
5: success []
6: success, warning: Sub Accounts are no longer supported. Please use UpdateUser []
7: success, warning: Sub Accounts are no longer supported. Please use UpdateUser ["email"=>"%s", "updated_at"=>"changed"]
8: ok
