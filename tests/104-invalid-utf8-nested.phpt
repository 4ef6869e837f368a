--TEST--
Normalisation: invalid UTF-8 inside arrays names the key path (behaviour §2, §7)
--DESCRIPTION--
Arrays are normalised recursively and a nested field is named as its key
path: firstname[0], firstname[a][b]. The UTF-8 check comes before the type
check, so firstname[0] is named rather than "firstname must be a string".
Email flags (email_preferences[...], <type>emails) are only tested for
truthiness, so invalid UTF-8 in them is no error (test 233).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
la_call(1, 'AddContact', ['clientid' => $cid, 'city' => ['general' => "\xff"]]);
la_call(2, 'AddContact', ['clientid' => $cid, 'state' => ['general' => '1', 'invoice' => "x\xc3"]]);
la_call(3, 'AddContact', ['clientid' => $cid, 'postcode' => ['support' => ['x' => "\xff"]]]);
la_call(4, 'AddContact', ['clientid' => $cid, 'firstname' => ["\xff"]]);
la_call(5, 'AddContact', ['clientid' => $cid, 'firstname' => ['a' => ['b' => "\xff"]]]);
la_call(6, 'AddContact', ['clientid' => $cid, 'lastname' => ['ok', 7 => "\xed\xa0\x80"]]);
la_call(7, 'AddContact', ['clientid' => $cid, 'phonenumber' => [['a'], "\xff"]]);
la_call(8, 'AddContact', ['clientid' => $cid, 'address2' => ['ok' => 'ok', 'k' => "\xff"]]);
la_is(9, la_written($cid), 0);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Invalid UTF-8 in city[general]
2: error: Invalid UTF-8 in state[invoice]
3: error: Invalid UTF-8 in postcode[support][x]
4: error: Invalid UTF-8 in firstname[0]
5: error: Invalid UTF-8 in firstname[a][b]
6: error: Invalid UTF-8 in lastname[7]
7: error: Invalid UTF-8 in phonenumber[1]
8: error: Invalid UTF-8 in address2[k]
9: ok
