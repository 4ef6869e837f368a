--TEST--
AddContact: an unknown permission name gives "Invalid permission: <name>"; nothing is written (behaviour §3.4, §7)
--DESCRIPTION--
stricter. Names are matched exactly, lower case as listed, after trimming
ASCII whitespace; the first unknown name is reported.
Interpretation: the name in the message is the trimmed item.
7.x behaviour only (permission names are a 7.x rule; 8.x stores no sub-account and checks neither
permissions nor duplicate emails, behaviour §8): skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7); ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$lists = [
	'bogus',
	'profile,bogus',
	'profile,bogus,other',
	' bogus ',
	'Profile',
	'TICKETS',
	'profile tickets',
	'profile;tickets',
	'profile,tickets,all',
	'product',
	'profile,*',
];
$n = 1;
foreach ($lists as $list) {
	la_call($n++, 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => 'pw', 'permissions' => $list]);
}
la_is($n++, la_written($cid), 0);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Invalid permission: bogus
2: error: Invalid permission: bogus
3: error: Invalid permission: bogus
4: error: Invalid permission: bogus
5: error: Invalid permission: Profile
6: error: Invalid permission: TICKETS
7: error: Invalid permission: profile tickets
8: error: Invalid permission: profile;tickets
9: error: Invalid permission: all
10: error: Invalid permission: product
11: error: Invalid permission: *
12: ok
