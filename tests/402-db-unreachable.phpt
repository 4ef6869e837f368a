--TEST--
Database: an unreachable server gives "Database error: <reason>", without the password or any warning (behaviour §1, §4)
--DESCRIPTION--
localapi.db_socket points at a socket that does not exist (host localhost
makes Connector/C use the socket). Needs no running server.
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
$password = 'la-Secret-Password-402';
ini_set('localapi.db_host', 'localhost');
ini_set('localapi.db_socket', '/nonexistent/localapi-test/mysqld.sock');
ini_set('localapi.db_password', $password);
ini_set('localapi.connect_timeout', '2');

function la_db_error(int $n, array $answer, string $password): void
{
	$message = $answer['message'] ?? '';
	$ok = la_show($answer) === "error: $message"
		&& str_starts_with($message, 'Database error: ')
		&& strlen(trim(substr($message, strlen('Database error: ')))) > 0
		&& !str_contains($message, $password);
	la_ok($n, $ok, $answer);
}

la_db_error(1, localAPI('AddContact', ['clientid' => 1]), $password);
la_db_error(2, localAPI('AddContact', ['clientid' => '1', 'firstname' => 'x']), $password);
la_db_error(3, localAPI('AddContact', ['clientid' => 1], 'admin'), $password);
la_db_error(4, localAPI('AddContact', [], 1), $password);
/* the admin is looked up before the input is checked */
la_db_error(5, localAPI('AddContact', ['firstname' => "\xff"], 'admin'), $password);
/* again, in the same process */
la_db_error(6, localAPI('AddContact', ['clientid' => 1]), $password);
echo "7: done\n";
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
7: done
