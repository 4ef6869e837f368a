--TEST--
GetContacts with the database down: bad input still gets its own error (behaviour §10 "Order of checks", §7)
--DESCRIPTION--
Every input check of GetContacts needs no server: with localapi.db_socket
pointing nowhere, bad whole numbers and bad filters answer their own errors;
valid input answers "Database error: ..." (the lookup needs the server).
subaccount is only a flag: no error of its own, so the call reaches the
database.
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

la_call(1, 'GetContacts', ['limitstart' => -5]);
la_call(2, 'GetContacts', ['limitnum' => '1e3']);
la_call(3, 'GetContacts', ['userid' => [1]]);
la_call(4, 'GetContacts', ['userid' => "\xff"]);
la_call(5, 'GetContacts', ['firstname' => "\xff"]);
la_call(6, 'GetContacts', ['email' => ['a@example.com']]);
la_call(7, 'GetContacts', ['phonenumber' => "\u{1F600}"]);
foreach ([8 => ['userid' => 1, 'email' => 'a@example.com'], 9 => ['subaccount' => "\xff"], 10 => []] as $n => $post) {
	$answer = localAPI('GetContacts', $post);
	echo "$n: ", str_starts_with($answer['message'] ?? '', 'Database error: ') ? 'Database error' : la_show($answer), "\n";
}
?>
--EXPECT--
1: error: limitstart must be a non-negative integer
2: error: limitnum must be a non-negative integer
3: error: userid must be a non-negative integer
4: error: Invalid UTF-8 in userid
5: error: Invalid UTF-8 in firstname
6: error: email must be a string
7: error: phonenumber contains characters that cannot be stored
8: Database error
9: Database error
10: Database error
