--TEST--
Normalisation: text is stored HTML-encoded, existing entities are not double-encoded (behaviour §2)
--DESCRIPTION--
Decode, then htmlspecialchars(ENT_QUOTES, 'UTF-8'): O'Brien & <Co> becomes
O&#039;Brien &amp; &lt;Co&gt;, a&amp;b stays a&amp;b. Something that is not
an entity (&foo;) gets its ampersand encoded.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$email = la_unique_email();
$input = [
	'firstname' => "O'Brien & <Co>",
	'lastname' => 'a&amp;b',
	'companyname' => 'Say "hi"',
	'address1' => '&lt;b&gt;bold&lt;/b&gt;',
	'address2' => '&amp;amp;',
	'city' => '&foo; & &#; &',
	'state' => '<script>alert(1)</script>',
	'postcode' => "'single' \"double\"",
	'phonenumber' => "+1 (555) 010-0000 <ext. 7> & 'fax' &amp; \"x\"",
	'tax_id' => 'A&B<1>',
	'email' => 'x&y+' . $email,
	'country' => 'U&S',
];
$expected = [
	'firstname' => 'O&#039;Brien &amp; &lt;Co&gt;',
	'lastname' => 'a&amp;b',
	'companyname' => 'Say &quot;hi&quot;',
	'address1' => '&lt;b&gt;bold&lt;/b&gt;',
	'address2' => '&amp;amp;',
	'city' => '&amp;foo; &amp; &amp;#; &amp;',
	'state' => '&lt;script&gt;alert(1)&lt;/script&gt;',
	'postcode' => '&#039;single&#039; &quot;double&quot;',
	'phonenumber' => '+1 (555) 010-0000 &lt;ext. 7&gt; &amp; &#039;fax&#039; &amp; &quot;x&quot;',
	'tax_id' => 'A&amp;B&lt;1&gt;',
	'email' => 'x&amp;y+' . $email,
	'country' => 'U&amp;S',
];
$row = la_added(la_call(1, 'AddContact', ['clientid' => $cid] + $input));
$n = 2;
foreach ($expected as $field => $value) {
	la_is($n++ . " $field", $row[$field] ?? null, $value);
}
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
12 email: ok
13 country: ok
