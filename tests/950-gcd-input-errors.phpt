--TEST--
GetClientsDetails: parameters, their errors and their order, with the server down (behaviour §11.1)
--DESCRIPTION--
With localapi.db_socket pointing nowhere, every input check answers its own
error: both keys falsy ("Either clientid Or email Is Required", also for '0',
'', null, false, []), an invalid clientid ("Client Not Found": '1abc', '1.5',
' ', true, -1, '+1', [1], beyond 32 bits), invalid UTF-8 in the key that is
used (a string that is not UTF-8 counts as given; the other key is not read), email an array or object. clientid wins over email: a bad
email is not checked when clientid is truthy. Input that passes the checks
reaches the server ("Database error"). stats is never validated. The unknown
command name is matched case-insensitively.
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

$cases = [
	[],
	['clientid' => 0, 'email' => ''],
	['clientid' => '0', 'email' => null],
	['clientid' => false, 'email' => []],
	['clientid' => '&#48;', 'email' => '0'],
	['clientid' => '1abc'],
	['clientid' => '1.5'],
	['clientid' => ' '],
	['clientid' => true],
	['clientid' => -1],
	['clientid' => '+1'],
	['clientid' => [1]],
	['clientid' => '2147483648'],
	['clientid' => "\xff"],
	['clientid' => ["\xff"]],
	['clientid' => '1', 'email' => "\xff"],
	['clientid' => '1', 'email' => ['x']],
	['email' => "a\xff@example.com"],
	['email' => ['a@example.com']],
	['email' => new stdClass()],
	['clientid' => '', 'email' => ['a@example.com']],
	['email' => 'a@example.com', 'clientid' => "\xff\xfe"],
	['clientid' => ' 12 ', 'stats' => ['anything']],
	['email' => 12, 'stats' => "\xff"],
	['email' => 'a@example.com', 'unknown' => "\xff"],
];
foreach ($cases as $n => $post) {
	$answer = localAPI($n % 2 ? 'getclientsdetails' : 'GetClientsDetails', $post);
	echo $n + 1, ': ', str_starts_with($answer['message'] ?? '', 'Database error: ') ? 'Database error' : la_show($answer), "\n";
}
?>
--EXPECT--
1: error: Either clientid Or email Is Required
2: error: Either clientid Or email Is Required
3: error: Either clientid Or email Is Required
4: error: Either clientid Or email Is Required
5: error: Either clientid Or email Is Required
6: error: Client Not Found
7: error: Client Not Found
8: error: Client Not Found
9: error: Client Not Found
10: error: Client Not Found
11: error: Client Not Found
12: error: Client Not Found
13: error: Client Not Found
14: error: Invalid UTF-8 in clientid
15: error: Invalid UTF-8 in clientid[0]
16: Database error
17: Database error
18: error: Invalid UTF-8 in email
19: error: email must be a string
20: error: email must be a string
21: error: email must be a string
22: error: Invalid UTF-8 in clientid
23: Database error
24: Database error
25: Database error
