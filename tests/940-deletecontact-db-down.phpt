--TEST--
DeleteContact with the database down: a malformed contactid still gets its own answer, a valid one a Database error (behaviour §10 "Order of checks", §7, §4 "Database errors")
--DESCRIPTION--
contactid's check needs no server: with localapi.db_socket pointing nowhere,
invalid UTF-8 answers "Invalid UTF-8 in contactid" and a malformed id
"Contact ID Not Found" at once; a well-formed id needs the lookup and answers
"Database error: ...", without a PHP warning.
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

la_call(1, 'DeleteContact', ['contactid' => "\xff"]);
la_call(2, 'DeleteContact', ['contactid' => '12abc']);
la_call(3, 'DeleteContact', []);
la_call(4, 'DeleteContact', ['contactid' => 0]);
foreach ([5 => ['contactid' => 7], 6 => ['contactid' => ' 007 ']] as $n => $post) {
	$answer = localAPI('DeleteContact', $post);
	echo "$n: ", str_starts_with($answer['message'] ?? '', 'Database error: ') ? 'Database error' : la_show($answer), "\n";
}
?>
--EXPECT--
1: error: Invalid UTF-8 in contactid
2: error: Contact ID Not Found
3: error: Contact ID Not Found
4: error: Contact ID Not Found
5: Database error
6: Database error
