--TEST--
Order of checks: the command is checked before the admin (behaviour §1, §7)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$nobody = 'no-such-admin-' . bin2hex(random_bytes(4));
la_call(1, 'add contact', ['clientid' => "\xff"], $nobody);
la_call(2, '', [], $nobody);
la_call(3, "AddContact\0", [], 999999999);
la_call(4, 'GetClients', ['clientid' => "\xff"], $nobody);
la_call(5, '0', [], $nobody);
la_call(6, 'AddContact', [], $nobody);
?>
--EXPECT--
1: error: Invalid API Command
2: error: Invalid API Command
3: error: Invalid API Command
4: error: API Function Not Found
5: error: API Function Not Found
6: error: No matching admin user found
