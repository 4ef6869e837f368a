--TEST--
AddContact: legacy <type>emails flags, stored as 1/0, off when absent (behaviour §3.3)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$types = ['general', 'product', 'domain', 'invoice', 'support', 'affiliate'];
$columns = array_map(fn ($type) => $type . 'emails', $types);
$n = 1;
foreach ($columns as $column) {
	$row = la_added(localAPI('AddContact', ['clientid' => $cid, $column => '1']));
	$expected = array_fill_keys($columns, '0');
	$expected[$column] = '1';
	la_is($n++ . " $column", la_pick($row, $columns), $expected);
}
$row = la_added(localAPI('AddContact', ['clientid' => $cid] + array_fill_keys($columns, 'yes')));
la_is($n++, la_pick($row, $columns), array_fill_keys($columns, '1'));
$row = la_added(localAPI('AddContact', ['clientid' => $cid]));
la_is($n++, la_pick($row, $columns), array_fill_keys($columns, '0'));
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1 generalemails: ok
2 productemails: ok
3 domainemails: ok
4 invoiceemails: ok
5 supportemails: ok
6 affiliateemails: ok
7: ok
8: ok
