--TEST--
Database: wrong credentials or database give "Database error: <server's reason>" without the password (behaviour §4)
--DESCRIPTION--
The persistent link is keyed by the credentials, so changing them at runtime
takes effect on the next call; restoring them works again.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

set_error_handler(function (int $type, string $message) {
	echo "PHP error $type: $message\n";
	return true;
});
$cid = la_make_client();
$config = la_config();

$wrong = 'la-Wrong-Password-' . bin2hex(random_bytes(4));
ini_set('localapi.db_password', $wrong);
$answer = localAPI('AddContact', ['clientid' => $cid]);
$message = $answer['message'] ?? '';
la_ok(1, str_starts_with($message, 'Database error: ') && str_contains($message, 'Access denied'), $answer);
la_ok(2, !str_contains($message, $wrong) && ($config['password'] === '' || !str_contains($message, $config['password'])), $message);

ini_set('localapi.db_password', $config['password']);
ini_set('localapi.db_name', 'la_no_such_db_404');
$answer = localAPI('AddContact', ['clientid' => $cid]);
$message = $answer['message'] ?? '';
la_ok(3, str_starts_with($message, 'Database error: ') && str_contains($message, 'la_no_such_db_404'), $answer);
la_ok(4, $config['password'] === '' || !str_contains($message, $config['password']), $message);

ini_set('localapi.db_name', $config['db']);
ini_set('localapi.db_username', 'la_nobody_404');
$answer = localAPI('AddContact', ['clientid' => $cid], 'admin');
la_ok(5, str_starts_with($answer['message'] ?? '', 'Database error: '), $answer);

la_ini_apply();
la_call(6, 'AddContact', ['clientid' => $cid]);
la_is(7, la_written($cid), 2);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: success
7: ok
