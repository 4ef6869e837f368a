--TEST--
AddContact: an email flag holding invalid UTF-8, at any depth, is only tested for truthiness (behaviour §3.3, §7)
--DESCRIPTION--
Email flags are only tested for truthiness, never validated: no flag value
is an error, whatever its bytes. Truthiness is the normalised value's: a
string that is not UTF-8 normalises to '' as in the original
(htmlspecialchars() refuses it), so it is off; an array is on when it is not
empty, whatever its items hold. Checked through email_preferences[type] and
the legacy <type>emails keys, and next to a field whose own error must still
be the answer (the flag neither hides nor replaces it).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$cases = [
	'string' => ["\xff", '0'],
	'truncated sequence' => ["x\xc3", '0'],
	'overlong' => ["\xC0\xAF", '0'],
	'surrogate' => ["\xed\xa0\x80", '0'],
	'array holding it' => [['x' => "\xff"], '1'],
	'two levels down' => [['a' => ['b' => "\xff"]], '1'],
	'as a key' => [["\xff" => 'y'], '1'],
];
$n = 1;
foreach ($cases as $label => [$value, $expected]) {
	$pref = localAPI('AddContact', ['clientid' => $cid, 'email_preferences' => ['general' => '1', 'invoice' => $value]]);
	$legacy = localAPI('AddContact', ['clientid' => $cid, 'generalemails' => 1, 'affiliateemails' => $value]);
	la_is("$n $label", [la_show($pref), la_show($legacy)], ['success', 'success']);
	la_is("$n $label stored", [la_added($pref)['invoiceemails'] ?? null, la_added($legacy)['affiliateemails'] ?? null,
		la_added($pref)['generalemails'] ?? null], [$expected, $expected, '1']);
	$n++;
}
$before = la_written($cid);
la_call($n++, 'AddContact', ['clientid' => $cid, 'email_preferences' => ['support' => "\xff"], 'firstname' => "\xfe"]);
la_call($n++, 'AddContact', ['clientid' => $cid, 'supportemails' => ["\xff"], 'tax_id' => str_repeat('x', 129)]);
la_is($n++, la_written($cid), $before);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1 string: ok
1 string stored: ok
2 truncated sequence: ok
2 truncated sequence stored: ok
3 overlong: ok
3 overlong stored: ok
4 surrogate: ok
4 surrogate stored: ok
5 array holding it: ok
5 array holding it stored: ok
6 two levels down: ok
6 two levels down stored: ok
7 as a key: ok
7 as a key stored: ok
8: error: Invalid UTF-8 in firstname
9: error: tax_id is longer than 128 characters
10: ok
