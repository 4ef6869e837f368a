--TEST--
GetClientsDetails: cctype, cclastfour, gatewayid and the deprecation warning (behaviour §11.8)
--DESCRIPTION--
The three keys are the stored cardtype, cardlastfour, gatewayid when a card
type is set (not --MIGRATED--), or only the last four digits are, or a
gateway id is; else all three are null. warning (after the record, before
client) only when cctype is truthy. 8.x trims before testing; 7.x tests
cardtype as stored (a cardtype of spaces is kept on 7.x only; spaces are a truthy cctype). client never
has the three keys.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

$v8 = la_whmcs() >= 8;
$warning = 'Credit Card related parameters are now deprecated and have been removed. Use GetPayMethods instead.';
$cid = la_gcd_client();
$cases = [
	[['Visa', '4242', ''], ['Visa', '4242', ''], true],
	[['--MIGRATED--', '4242', ''], [null, null, null], false],
	[['--MIGRATED--', '4242', 'tok_1'], ['--MIGRATED--', '4242', 'tok_1'], true],
	[['', '4242', ''], ['', '4242', ''], false],
	[['', ' ', ''], [null, null, null], false],
	[['', '', ' tok '], ['', '', ' tok '], false],
	[['', '', '  '], [null, null, null], false],
	[['0', '', ''], [null, null, null], false],
	[['  ', '1111', ''], ['  ', '1111', ''], true],
	[['  ', '', ''], $v8 ? [null, null, null] : ['  ', '', ''], !$v8],
];
$n = 1;
foreach ($cases as [$stored, $expected, $warned]) {
	la_query('UPDATE tblclients SET cardtype = ?, cardlastfour = ?, gatewayid = ? WHERE id = ?', ...[...$stored, $cid]);
	$answer = la_gcd(['clientid' => $cid]);
	$keys = array_keys($answer);
	la_is($n++, [$answer['cctype'], $answer['cclastfour'], $answer['gatewayid'], $answer['warning'] ?? null,
		array_intersect(['cctype', 'cclastfour', 'gatewayid'], array_keys($answer['client'])),
		array_slice($keys, -2)],
		[...$expected, $warned ? $warning : null, [], $warned ? ['warning', 'client'] : [$v8 ? 'users' : 'currency_code', 'client']]);
}
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
