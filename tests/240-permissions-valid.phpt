--TEST--
AddContact: permissions, a comma-separated list of known names, stored as given (behaviour §3.4, §7)
--DESCRIPTION--
All thirteen names are accepted; names are trimmed of ASCII whitespace before
matching; empty items (',,', a trailing or leading comma, only commas) are
ignored; the column stores the normalised input as given, untrimmed.
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
	'profile,contacts,products,manageproducts,productsso,domains,managedomains,invoices,quotes,tickets,affiliates,emails,orders',
	'manageproducts,managedomains',
	'tickets',
	' profile , tickets ',
	"profile,\ttickets\r\n,\x20orders",
	'profile,,tickets',
	'profile,tickets,',
	',profile',
	',',
	' , ,',
	'profile,profile',
];
$n = 1;
foreach ($lists as $list) {
	/* each with its own unique email: permissions make the duplicate-email rule apply */
	$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'permissions' => $list]));
	la_is($n++, [$row['permissions'] ?? null, $row['subaccount'] ?? null], [$list, '0']);
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
13: success
14: ok
15: success
16: ok
17: success
18: ok
19: success
20: ok
21: success
22: ok
