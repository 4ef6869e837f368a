--TEST--
AddContact: tax_id holds at most 128 characters of the stored, encoded value (behaviour §3.8, §7)
--DESCRIPTION--
stricter: nothing is truncated. varchar(128) counts characters, not bytes, of
the encoded value: 128 'é' (256 bytes) fit; 123 'a' + '&' (stored '&amp;',
128 chars) fit, so does 123 'a' + '&amp;' (an entity stays encoded);
124 'a' + '&' (129 stored chars), 126 'a' + '&' (131) and 125 'a' + '<'
('&lt;', 129) do not. Failed calls write nothing.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

function la_chars(string $s): int
{
	return preg_match_all('/./su', $s);
}

$cid = la_make_client();
$ok = [
	str_repeat('A', 128),
	str_repeat('é', 128),
	str_repeat('€', 128),
	str_repeat('a', 123) . '&',
	str_repeat('a', 123) . '&amp;',
	str_repeat('a', 127) . '&eacute;',
];
$n = 1;
foreach ($ok as $tax_id) {
	$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'tax_id' => $tax_id]));
	la_is($n++, la_chars($row['tax_id'] ?? ''), 128);
}
$written = la_written($cid);
$too_long = [
	str_repeat('A', 129),
	str_repeat('é', 129),
	str_repeat('a', 124) . '&',
	str_repeat('a', 126) . '&',
	str_repeat('a', 125) . '<',
	str_repeat('A', 1000),
];
foreach ($too_long as $tax_id) {
	la_call($n++, 'AddContact', ['clientid' => $cid, 'tax_id' => $tax_id]);
}
la_is($n++, la_written($cid), $written);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: success
4: ok
5: success
6: ok
7: success
8: ok
9: success
10: ok
11: success
12: ok
13: error: tax_id is longer than 128 characters
14: error: tax_id is longer than 128 characters
15: error: tax_id is longer than 128 characters
16: error: tax_id is longer than 128 characters
17: error: tax_id is longer than 128 characters
18: error: tax_id is longer than 128 characters
19: ok
