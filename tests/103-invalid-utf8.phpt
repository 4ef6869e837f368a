--TEST--
Normalisation: a string that is not valid UTF-8 is rejected and nothing is written (behaviour §2, §7)
--DESCRIPTION--
stricter: "Invalid UTF-8 in <field>" for every field AddContact reads
(password2 included: behaviour §7 "Passwords" says the UTF-8 check applies to it). Invalid
means RFC 3629: stray bytes, truncated sequences, overlong forms, UTF-16
surrogates, code points above U+10FFFF, Latin-1 text.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$fields = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city',
	'state', 'postcode', 'country', 'phonenumber', 'tax_id'];
$n = 1;
foreach ($fields as $field) {
	la_call($n++, 'AddContact', ['clientid' => $cid, $field => "ok\xff"]);
}
/* 8.x neither stores nor checks them; a string that is not UTF-8 normalises to '', so no warning */
foreach (['password2', 'permissions'] as $field) {
	la_call_by_version($n++, ['clientid' => $cid, $field => "ok\xff"], "error: Invalid UTF-8 in $field", 'success');
}
$sequences = [
	"\xff",
	"caf\xe9",            /* Latin-1 */
	"abc\xc3",            /* truncated at the end */
	"\xe2\x82",           /* truncated 3-byte */
	"\xe2\x28\xa1",       /* bad continuation */
	"\xc0\xaf",           /* overlong '/' */
	"\xe0\x80\xaf",       /* overlong, 3 bytes */
	"\xed\xa0\x80",       /* surrogate U+D800 */
	"\xf4\x90\x80\x80",   /* above U+10FFFF */
	"\xf8\x88\x80\x80\x80", /* 5-byte form */
	"\x80",               /* lone continuation */
	"&eacute;\xff",       /* invalid even when entities are around */
];
foreach ($sequences as $bytes) {
	la_call($n++, 'AddContact', ['clientid' => $cid, 'firstname' => $bytes]);
}
la_is($n++, la_written($cid), la_by_version(0, 4));
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Invalid UTF-8 in firstname
2: error: Invalid UTF-8 in lastname
3: error: Invalid UTF-8 in companyname
4: error: Invalid UTF-8 in email
5: error: Invalid UTF-8 in address1
6: error: Invalid UTF-8 in address2
7: error: Invalid UTF-8 in city
8: error: Invalid UTF-8 in state
9: error: Invalid UTF-8 in postcode
10: error: Invalid UTF-8 in country
11: error: Invalid UTF-8 in phonenumber
12: error: Invalid UTF-8 in tax_id
13: 7.x error: Invalid UTF-8 in password2 | 8.x success
14: 7.x error: Invalid UTF-8 in permissions | 8.x success
15: error: Invalid UTF-8 in firstname
16: error: Invalid UTF-8 in firstname
17: error: Invalid UTF-8 in firstname
18: error: Invalid UTF-8 in firstname
19: error: Invalid UTF-8 in firstname
20: error: Invalid UTF-8 in firstname
21: error: Invalid UTF-8 in firstname
22: error: Invalid UTF-8 in firstname
23: error: Invalid UTF-8 in firstname
24: error: Invalid UTF-8 in firstname
25: error: Invalid UTF-8 in firstname
26: error: Invalid UTF-8 in firstname
27: ok
