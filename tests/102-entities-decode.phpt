--TEST--
Normalisation: entities are decoded to UTF-8 before re-encoding; &nbsp; becomes a space (behaviour §2)
--DESCRIPTION--
caf&eacute; is stored as café (bytes 63 61 66 c3 a9), numeric entities too;
&quot; and &#39; come back in htmlspecialchars' spelling (&quot;, &#039;).
&nbsp; becomes a plain space (not U+00A0); a raw U+00A0 is left alone.
Interpretation (behaviour §2 lists the &nbsp; step before decoding): '&amp;nbsp;'
decodes to the text '&nbsp;' and is stored as '&amp;nbsp;', not as a space.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$input = [
	'firstname' => 'caf&eacute;',
	'lastname' => 'a&nbsp;b&nbsp;&nbsp;c',
	'companyname' => "raw\u{a0}nbsp",
	'address1' => '&#233;&#xE9;&#XE9;',
	'address2' => '&quot;x&quot;',
	'city' => '&#39;&#039;',
	'state' => '&copy; &euro; &hellip;',
	'postcode' => '&amp;nbsp;',
	'phonenumber' => '&#8364;100',
	'tax_id' => 'caf&eacute;',
	'country' => '&Uuml;',
];
$expected = [
	'firstname' => 'café',
	'lastname' => 'a b  c',
	'companyname' => "raw\u{a0}nbsp",
	'address1' => 'ééé',
	'address2' => '&quot;x&quot;',
	'city' => '&#039;&#039;',
	'state' => '© € …',
	'postcode' => '&amp;nbsp;',
	'phonenumber' => '€100',
	'tax_id' => 'café',
	'country' => 'Ü',
];
$answer = la_call(1, 'AddContact', ['clientid' => $cid] + $input);
$row = la_added($answer);
$n = 2;
foreach ($expected as $field => $value) {
	la_is($n++ . " $field", $row[$field] ?? null, $value);
}
/* the bytes on the server, independent of the fixture link's charset */
$hex = la_value('SELECT HEX(firstname) FROM tblcontacts WHERE id = ?', $answer['contactid'] ?? 0);
la_is($n++, $hex, '636166C3A9');
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2 firstname: ok
3 lastname: ok
4 companyname: ok
5 address1: ok
6 address2: ok
7 city: ok
8 state: ok
9 postcode: ok
10 phonenumber: ok
11 tax_id: ok
12 country: ok
13: ok
