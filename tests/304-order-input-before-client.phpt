--TEST--
Order of checks: invalid input is reported before "Client ID Not Found" (behaviour §7)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$missing = la_missing_client_id();
la_call(1, 'AddContact', ['clientid' => $missing, 'firstname' => "\xff"]);
la_call(2, 'AddContact', ['clientid' => "{$missing}abc", 'lastname' => ['x']]);
la_call(3, 'AddContact', ['tax_id' => str_repeat('x', 129)]);
la_call(4, 'AddContact', ['clientid' => [1], 'city' => "\u{1F600}"]);
la_call_by_version(5, ['clientid' => $missing, 'permissions' => 'bogus'], 'error: Invalid permission: bogus',
	'error: Client ID Not Found');
/* email flags are only tested for truthiness: no input error of theirs comes first */
la_call(6, 'AddContact', ['clientid' => $missing, 'email_preferences' => ['domain' => "\xff"]]);
la_call(7, 'AddContact', ['clientid' => $missing, 'firstname' => 'fine']);
la_is(8, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $missing)
	+ la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $missing), 0);
?>
--EXPECT--
1: error: Invalid UTF-8 in firstname
2: error: lastname must be a string
3: error: tax_id is longer than 128 characters
4: error: city contains characters that cannot be stored
5: 7.x error: Invalid permission: bogus | 8.x error: Client ID Not Found
6: error: Client ID Not Found
7: error: Client ID Not Found
8: ok
