--TEST--
localAPI(): well-formed unknown command gives "API Function Not Found" (behaviour §1, §7)
--DESCRIPTION--
'0' is well-formed (behaviour §7), as are '-' and '_' and digits.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$commands = [
	'0',
	'GetClients',
	'getclients',
	'AddContacts',
	'Add-Contact',
	'add_contact',
	'AddClient',
	'_',
	'-',
	'42',
	str_repeat('x', 1000),
];
foreach ($commands as $i => $command) {
	la_call($i + 1, $command, ['clientid' => 1]);
}
?>
--EXPECT--
1: error: API Function Not Found
2: error: API Function Not Found
3: error: API Function Not Found
4: error: API Function Not Found
5: error: API Function Not Found
6: error: API Function Not Found
7: error: API Function Not Found
8: error: API Function Not Found
9: error: API Function Not Found
10: error: API Function Not Found
11: error: API Function Not Found
