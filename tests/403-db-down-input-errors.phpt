--TEST--
Database down: malformed commands and invalid input still get their own errors (behaviour §7)
--DESCRIPTION--
Checks that need no database run without one. Interpretation: a missing or
malformed clientid is left out here, since behaviour §7 says the client check gets
"Database error" when the server is down and does not single out ids that
cannot match.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

set_error_handler(function (int $type, string $message) {
	echo "PHP error $type: $message\n";
	return true;
});
ini_set('localapi.db_host', 'localhost');
ini_set('localapi.db_socket', '/nonexistent/localapi-test/mysqld.sock');
ini_set('localapi.connect_timeout', '2');

la_call(1, 'add contact', ['clientid' => 1]);
la_call(2, 'GetClients', ['clientid' => 1]);
la_call(3, '0', [], 'admin');
la_call(4, 'AddContact', ['clientid' => 1, 'firstname' => "\xff"]);
la_call(5, 'AddContact', ['clientid' => 1, 'lastname' => ['x']]);
la_call(6, 'AddContact', ['clientid' => 1, 'tax_id' => str_repeat('x', 129)]);
la_call(7, 'AddContact', ['clientid' => 1, 'city' => str_repeat('x', 65536)]);
la_call(8, 'AddContact', ['clientid' => 1, 'state' => "\u{1F600}"]);
la_call(9, 'AddContact', ['clientid' => 1, 'permissions' => 'bogus']);
la_call(10, 'AddContact', ['clientid' => "\xff"]);
la_call(11, 'AddContact', ['clientid' => 1, 'email_preferences' => ['general' => "\xff"]]);
la_call(12, 'AddContact', ['clientid' => 1, 'password2' => "\xff"]);
$answer = localAPI('AddContact', ['clientid' => 1, 'firstname' => 'valid']);
echo '13: ', str_starts_with($answer['message'] ?? '', 'Database error: ') ? 'ok' : la_show($answer), "\n";
?>
--EXPECT--
1: error: Invalid API Command
2: error: API Function Not Found
3: error: API Function Not Found
4: error: Invalid UTF-8 in firstname
5: error: lastname must be a string
6: error: tax_id is longer than 128 characters
7: error: city is longer than 65535 bytes
8: error: state contains characters that cannot be stored
9: error: Invalid permission: bogus
10: error: Invalid UTF-8 in clientid
11: error: Invalid UTF-8 in email_preferences[general]
12: error: Invalid UTF-8 in password2
13: ok
