--TEST--
AddContact: characters a utf8mb3 column cannot hold are rejected, not replaced (behaviour §3.8, §7)
--DESCRIPTION--
stricter: "<field> contains characters that cannot be stored" for 4-byte UTF-8
(U+10000 and above: emoji, rare CJK), also when it arrives as an entity
(&#128512; decodes to one). 3-byte characters (€, CJK, U+FFFD, U+FFFF) are fine.
password2 is not stored as text, so an emoji there is fine (see 251).
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
	la_call($n++, 'AddContact', ['clientid' => $cid, $field => "smile \u{1F600}"]);
}
la_call($n++, 'AddContact', ['clientid' => $cid, 'firstname' => '&#128512;']);
la_call($n++, 'AddContact', ['clientid' => $cid, 'lastname' => '&#x1F600;']);
la_call($n++, 'AddContact', ['clientid' => $cid, 'city' => "\u{10000}"]);
la_call($n++, 'AddContact', ['clientid' => $cid, 'state' => "\u{20000}"]);
la_call($n++, 'AddContact', ['clientid' => $cid, 'address1' => "\u{10FFFF}"]);
la_call_by_version($n++, ['clientid' => $cid, 'email' => la_unique_email(), 'permissions' => "profile,\u{1F600}"],
	'error: permissions contains characters that cannot be stored', 'success + warning');
la_is($n++, la_written($cid), la_by_version(0, 2));

$text = "€ 中文 \u{FFFD}\u{FFFF} ü";
$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'firstname' => $text, 'tax_id' => $text]));
la_is($n++, [$row['firstname'] ?? null, $row['tax_id'] ?? null], [$text, $text]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: firstname contains characters that cannot be stored
2: error: lastname contains characters that cannot be stored
3: error: companyname contains characters that cannot be stored
4: error: email contains characters that cannot be stored
5: error: address1 contains characters that cannot be stored
6: error: address2 contains characters that cannot be stored
7: error: city contains characters that cannot be stored
8: error: state contains characters that cannot be stored
9: error: postcode contains characters that cannot be stored
10: error: country contains characters that cannot be stored
11: error: phonenumber contains characters that cannot be stored
12: error: tax_id contains characters that cannot be stored
13: error: firstname contains characters that cannot be stored
14: error: lastname contains characters that cannot be stored
15: error: city contains characters that cannot be stored
16: error: state contains characters that cannot be stored
17: error: address1 contains characters that cannot be stored
18: 7.x error: permissions contains characters that cannot be stored | 8.x success + warning
19: ok
20: success
21: ok
