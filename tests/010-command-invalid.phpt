--TEST--
localAPI(): malformed command gives "Invalid API Command" (behaviour §1)
--DESCRIPTION--
Empty, or containing anything but A-Z a-z 0-9 _ - : "Invalid API Command".
The check needs no database and no valid postData.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$commands = [
	'',
	' ',
	'add contact',
	'add;contact',
	"AddContact\0",
	"AddContact\0x",
	'AddContact ',
	' AddContact',
	"AddContact\n",
	'Add.Contact',
	'Add/Contact',
	"AddContaçt",
	"AddContact\xff",
	'AddContact()',
];
foreach ($commands as $i => $command) {
	la_call($i + 1, $command, ['clientid' => 1]);
}
?>
--EXPECT--
1: error: Invalid API Command
2: error: Invalid API Command
3: error: Invalid API Command
4: error: Invalid API Command
5: error: Invalid API Command
6: error: Invalid API Command
7: error: Invalid API Command
8: error: Invalid API Command
9: error: Invalid API Command
10: error: Invalid API Command
11: error: Invalid API Command
12: error: Invalid API Command
13: error: Invalid API Command
14: error: Invalid API Command
