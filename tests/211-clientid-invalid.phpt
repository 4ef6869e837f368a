--TEST--
AddContact: anything else as clientid is "Client ID Not Found"; nothing is written (behaviour §3.1, §7)
--DESCRIPTION--
stricter: "1abc" is not client 1. Floats, bools, '+1', '1e0', '0x1', '1.0',
arrays, objects, zero, negatives, a missing key, an unknown id, a number too
large for any int column: all "Client ID Not Found". Most forms below would
name the sample client 1 (which exists) if they were wrongly accepted, and
"{$cid}abc" would name the test's own client.
Interpretation: behaviour §7 lists the allowed whitespace as space, tab, CR, LF, so
a vertical tab, a form feed or a NUL around the digits is not allowed.
Invalid UTF-8 gives "Invalid UTF-8 in clientid".
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
/* other processes may add contacts to client 1: look for this test's marker instead */
$marker = 'la-211-' . bin2hex(random_bytes(6));
$forms = [
	"{$cid}abc",
	'1abc',
	'+1',
	'-1',
	'1e0',
	'1e3',
	'0x1',
	'1.0',
	'1 2',
	1.0,
	(float) $cid,
	true,
	false,
	null,
	'',
	' ',
	'0',
	0,
	-1,
	[1],
	['1'],
	[$cid],
	new ArrayObject([1]),
	"\x0b1",
	"1\x0c",
	"1\0",
	"\u{ff11}",
	'99999999999999999999999',
	PHP_INT_MAX,
	la_missing_client_id(),
	(string) la_missing_client_id(),
];
foreach ($forms as $i => $clientid) {
	la_call($i + 1, 'AddContact', ['clientid' => $clientid, 'lastname' => $marker]);
}
$n = count($forms) + 1;
la_call($n++, 'AddContact', ['firstname' => 'no clientid key']);
la_call($n++, 'AddContact', ['clientid' => "1\xff"]);
la_call($n++, 'AddContact', ['clientid' => "\xff"]);
la_is($n++, la_written($cid), 0);
la_is($n++, la_count('SELECT COUNT(*) FROM tblcontacts WHERE lastname = ?', $marker), 0);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Client ID Not Found
2: error: Client ID Not Found
3: error: Client ID Not Found
4: error: Client ID Not Found
5: error: Client ID Not Found
6: error: Client ID Not Found
7: error: Client ID Not Found
8: error: Client ID Not Found
9: error: Client ID Not Found
10: error: Client ID Not Found
11: error: Client ID Not Found
12: error: Client ID Not Found
13: error: Client ID Not Found
14: error: Client ID Not Found
15: error: Client ID Not Found
16: error: Client ID Not Found
17: error: Client ID Not Found
18: error: Client ID Not Found
19: error: Client ID Not Found
20: error: Client ID Not Found
21: error: Client ID Not Found
22: error: Client ID Not Found
23: error: Client ID Not Found
24: error: Client ID Not Found
25: error: Client ID Not Found
26: error: Client ID Not Found
27: error: Client ID Not Found
28: error: Client ID Not Found
29: error: Client ID Not Found
30: error: Client ID Not Found
31: error: Client ID Not Found
32: error: Client ID Not Found
33: error: Invalid UTF-8 in clientid
34: error: Invalid UTF-8 in clientid
35: ok
36: ok
