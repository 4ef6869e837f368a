--TEST--
Database down: malformed commands and invalid input still get their own errors (behaviour §7)
--DESCRIPTION--
Checks that need no database run without one. Interpretation: a missing or
malformed clientid is left out here, since behaviour §7 says the client check gets
"Database error" when the server is down and does not single out ids that
cannot match. Email flags are never validated, so one holding invalid UTF-8
is no input error and the call goes on to the database. password2 and
permissions are checked by 7.x only (behaviour §8): with
localapi.whmcs_version=7 their errors come without a database; with auto,
only the database's Version row can say whether they are checked, so the
answer is "Database error"; with 8 they are not checked at all.
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
la_call(9, 'AddContact', ['clientid' => "\xff"]);
/* Database error, whatever the server's message */
function la_403(int $n, array $post): void
{
	$answer = localAPI('AddContact', ['clientid' => 1] + $post);
	echo "$n: ", str_starts_with($answer['message'] ?? '', 'Database error: ') ? 'Database error' : la_show($answer), "\n";
}
la_403(10, ['email_preferences' => ['general' => "\xff"], 'generalemails' => ["\xff"]]);
la_403(11, ['firstname' => 'valid']);
la_403(12, ['permissions' => 'bogus']);
ini_set('localapi.whmcs_version', '7');
la_call(13, 'AddContact', ['clientid' => 1, 'permissions' => 'bogus']);
la_call(14, 'AddContact', ['clientid' => 1, 'password2' => "\xff"]);
ini_set('localapi.whmcs_version', '8');
la_403(15, ['permissions' => 'bogus', 'password2' => "\xff"]);
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
9: error: Invalid UTF-8 in clientid
10: Database error
11: Database error
12: Database error
13: error: Invalid permission: bogus
14: error: Invalid UTF-8 in password2
15: Database error
