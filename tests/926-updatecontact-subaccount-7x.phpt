--TEST--
UpdateContact 7.x: subaccount, password2 (bcrypt of the decoded value), permissions as a string or a list (behaviour §10, §7)
--DESCRIPTION--
subaccount is PHP truthiness → 1/0. password2 is stored as a bcrypt hash
($2y$10$) of its entity-decoded value (password_verify('p&ss') holds for
"p&amp;ss"); "" stores ''; a NUL byte → "password2 contains characters that
cannot be stored". password2 alone does not make a sub-account.
permissions given as a string is stored as given (normalised, "0" as ''),
given as a list its items are joined with ","; every name is checked
("Invalid permission: <name>"), a list item that is not a string → 
"permissions must be a string". Errors write nothing.
7.x behaviour only (8.x stores none of these, test 928): skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7); ?>
--FILE--
<?php
require_once __DIR__ . '/update-contact.inc';

$cid = la_make_client();
$id = la_upd_make_contact($cid);

la_upd_call(1, $id, ['password2' => 'p&amp;ss']);
$row = la_contact($id);
la_ok(2, str_starts_with($row['password'], '$2y$10$') && password_verify('p&ss', $row['password']));
la_is(3, $row['subaccount'], '0');
la_upd_call(4, $id, ['subaccount' => 'yes', 'permissions' => ' profile , tickets,,']);
la_upd_call(5, $id, ['permissions' => ['invoices', 'emails']]);
la_upd_call(6, $id, ['permissions' => 'profile,root']);
la_upd_call(7, $id, ['permissions' => ['profile', 'Root']]);
la_upd_call(8, $id, ['permissions' => ['profile', ['tickets']]]);
la_upd_call(9, $id, ['password2' => "a\0b"]);
la_upd_call(10, $id, ['password2' => "\xff"]);
la_upd_call(11, $id, ['permissions' => '0']);
la_upd_call(12, $id, ['permissions' => []]);
la_upd_call(13, $id, ['password2' => '']);
la_upd_call(14, $id, ['subaccount' => '0']);
la_upd_call(15, $id, ['subaccount' => 'false', 'password2' => null, 'permissions' => null]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECTF--
1: success ["password"=>"%s", "updated_at"=>"changed"]
2: ok
3: ok
4: success ["subaccount"=>"1", "permissions"=>" profile , tickets,,", "updated_at"=>"changed"]
5: success ["permissions"=>"invoices,emails", "updated_at"=>"changed"]
6: error: Invalid permission: root []
7: error: Invalid permission: Root []
8: error: permissions must be a string []
9: error: password2 contains characters that cannot be stored []
10: error: Invalid UTF-8 in password2 []
11: success ["permissions"=>"", "updated_at"=>"changed"]
12: success []
13: success ["password"=>"", "updated_at"=>"changed"]
14: success ["subaccount"=>"0", "updated_at"=>"changed"]
15: success ["subaccount"=>"1", "updated_at"=>"changed"]
