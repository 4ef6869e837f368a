--TEST--
GetClientsDetails: email_preferences from the stored JSON object, else every type on (behaviour §11.5)
--DESCRIPTION--
A non-empty JSON object is answered as json_decode($text, true) gives it: keys
in stored order, whatever keys, values with their JSON types, nested objects as
arrays. NULL, '', invalid JSON, {}, [], null, 0, "1", [1,2], true answer the six
types on. Decoding a stored text that is not JSON leaves the caller's
json_last_error() alone.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

$default = ['general' => true, 'invoice' => true, 'support' => true, 'product' => true, 'domain' => true,
	'affiliate' => true];
$cid = la_gcd_client();
$cases = [
	['{"invoice":"1","general":0,"x":{"a":[1,2]},"domain":true,"n":null}',
		['invoice' => '1', 'general' => 0, 'x' => ['a' => [1, 2]], 'domain' => true, 'n' => null]],
	[' {"only":false} ', ['only' => false]],
	['{"0":1}', [1]],
	[null, $default],
];
foreach (['', 'not json', '{}', '[]', 'null', '0', '"1"', '[1,2]', 'true', '{"a":1', '{"a":1}x'] as $text) {
	$cases[] = [$text, $default];
}
$n = 1;
foreach ($cases as [$text, $expected]) {
	la_query('UPDATE tblclients SET email_preferences = ? WHERE id = ?', $text, $cid);
	$answer = la_gcd(['clientid' => $cid]);
	la_is($n++, [$answer['email_preferences'], $answer['client']['email_preferences']], [$expected, $expected]);
}
/* the caller's json_last_error() is left as it was */
la_query('UPDATE tblclients SET email_preferences = ? WHERE id = ?', '{"a":', $cid);
json_decode('[1]');
la_gcd(['clientid' => $cid]);
la_is($n++, json_last_error(), JSON_ERROR_NONE);
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
la_gcd_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
8: ok
9: ok
10: ok
11: ok
12: ok
13: ok
14: ok
15: ok
16: ok
