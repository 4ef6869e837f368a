--TEST--
Database: the extension works without mysqlnd or mysqli loaded (behaviour §4: Connector/C, never mysqlnd)
--DESCRIPTION--
Runs a child PHP with -n (no php.ini, so neither mysqlnd nor mysqli) and only
the built modules/localapi.so; it adds a contact through the extension.
Skipped when the module is not at its built location.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!is_file(dirname(__DIR__) . '/modules/localapi.so')) die('skip modules/localapi.so not built in this tree');
if (!function_exists('proc_open')) die('skip proc_open() disabled');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$config = la_config();
$ini = [];
foreach (['host' => 'db_host', 'port' => 'db_port', 'socket' => 'db_socket', 'user' => 'db_username',
	'password' => 'db_password', 'db' => 'db_name'] as $key => $entry) {
	$ini[] = '-d';
	$ini[] = "localapi.$entry=" . $config[$key];
}
$code = 'echo json_encode([extension_loaded("mysqlnd"), extension_loaded("mysqli"), localAPI("AddContact", ["clientid" => ' . $cid . '])]);';
$cmd = array_merge([PHP_BINARY, '-n', '-d', 'extension=' . dirname(__DIR__) . '/modules/localapi.so'], $ini, ['-r', $code]);
$proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
proc_close($proc);
$result = json_decode($out, true);
la_is(1, array_slice($result ?? [$out, $err], 0, 2), [false, false]);
la_is(2, $result[2]['result'] ?? $out . $err, 'success');
la_is(3, count(la_contacts_of($cid)), 1);
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
