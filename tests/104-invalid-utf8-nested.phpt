--TEST--
Normalisation: invalid UTF-8 inside arrays names the key path (behaviour §2, §7)
--DESCRIPTION--
Arrays are normalised recursively and a nested field is named as its key
path: email_preferences[general], firstname[0], firstname[a][b]. The UTF-8
check comes before the type check, so firstname[0] is named rather than
"firstname must be a string".
Interpretation: a legacy flag (generalemails) is read by AddContact when
email_preferences has no such key, so its value is UTF-8 checked too.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
la_call(1, 'AddContact', ['clientid' => $cid, 'email_preferences' => ['general' => "\xff"]]);
la_call(2, 'AddContact', ['clientid' => $cid, 'email_preferences' => ['general' => '1', 'invoice' => "x\xc3"]]);
la_call(3, 'AddContact', ['clientid' => $cid, 'email_preferences' => ['support' => ['x' => "\xff"]]]);
la_call(4, 'AddContact', ['clientid' => $cid, 'firstname' => ["\xff"]]);
la_call(5, 'AddContact', ['clientid' => $cid, 'firstname' => ['a' => ['b' => "\xff"]]]);
la_call(6, 'AddContact', ['clientid' => $cid, 'lastname' => ['ok', 7 => "\xed\xa0\x80"]]);
la_call(7, 'AddContact', ['clientid' => $cid, 'generalemails' => "\xff"]);
la_call(8, 'AddContact', ['clientid' => $cid, 'affiliateemails' => "\xff"]);
la_is(9, la_written($cid), 0);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Invalid UTF-8 in email_preferences[general]
2: error: Invalid UTF-8 in email_preferences[invoice]
3: error: Invalid UTF-8 in email_preferences[support][x]
4: error: Invalid UTF-8 in firstname[0]
5: error: Invalid UTF-8 in firstname[a][b]
6: error: Invalid UTF-8 in lastname[7]
7: error: Invalid UTF-8 in generalemails
8: error: Invalid UTF-8 in affiliateemails
9: ok
