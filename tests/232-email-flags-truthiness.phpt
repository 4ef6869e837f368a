--TEST--
AddContact: email flags follow PHP truthiness, for any type (behaviour §3.3, §7)
--DESCRIPTION--
"0", "", 0, 0.0, false, null (normalised to ''), [] are off; "false", "0.0",
" ", "no", -1, true, a non-empty array and an object are on. Flags are only
tested for truthiness, never validated (an object or a long string is fine).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$values = [
	['"0"', '0', '0'], ['""', '', '0'], ['0', 0, '0'], ['0.0', 0.0, '0'], ['false', false, '0'],
	['null', null, '0'], ['[]', [], '0'],
	['"false"', 'false', '1'], ['"0.0"', '0.0', '1'], ['" "', ' ', '1'], ['"no"', 'no', '1'],
	['-1', -1, '1'], ['true', true, '1'], ['[0]', [0], '1'], ['object', new stdClass(), '1'],
	['70000 bytes', str_repeat('x', 70000), '1'], ['emoji', "\u{1F600}", '1'],
];
$n = 1;
foreach ($values as [$label, $value, $expected]) {
	$pref = la_added(localAPI('AddContact', ['clientid' => $cid, 'email_preferences' => ['support' => $value]]));
	$legacy = la_added(localAPI('AddContact', ['clientid' => $cid, 'supportemails' => $value]));
	la_is($n++ . " $label", [$pref['supportemails'] ?? null, $legacy['supportemails'] ?? null], [$expected, $expected]);
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1 "0": ok
2 "": ok
3 0: ok
4 0.0: ok
5 false: ok
6 null: ok
7 []: ok
8 "false": ok
9 "0.0": ok
10 " ": ok
11 "no": ok
12 -1: ok
13 true: ok
14 [0]: ok
15 object: ok
16 70000 bytes: ok
17 emoji: ok
