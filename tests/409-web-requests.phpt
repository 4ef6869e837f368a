--TEST--
Across requests: one persistent connection per process; ipaddr is REMOTE_ADDR under a web SAPI (behaviour §4, §7)
--DESCRIPTION--
The CLI runs one request per process, so this test starts PHP's built-in web
server (the cli-server SAPI: one process, one request per HTTP request) with
modules/localapi.so and sends it several requests, each adding a contact. A
trigger records CONNECTION_ID() per contact (see 405).
With localapi.persistent=1 all requests use one server connection; with
localapi.persistent=0 each request has its own, closed at its end.
Under a web SAPI ipaddr is $_SERVER['REMOTE_ADDR'] (127.0.0.1 here), in the
log row and in LogActivity's ipaddress.
Skipped when the module is not at its built location or no local port can
be used.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!is_file(dirname(__DIR__) . '/modules/localapi.so')) die('skip modules/localapi.so not built in this tree');
if (!function_exists('proc_open')) die('skip proc_open() disabled');
if (!la_can_create_triggers()) die('skip the test user cannot create triggers');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$docroot = sys_get_temp_dir() . '/localapi-test-409-' . getmypid();
@mkdir($docroot);
file_put_contents("$docroot/index.php", <<<'PHP'
<?php
$ipaddress = null;
add_hook('LogActivity', 1, function (array $vars) use (&$ipaddress) {
	$ipaddress = $vars['ipaddress'];
});
$answer = localAPI('AddContact', ['clientid' => (int) $_GET['cid']]);
echo json_encode(['answer' => $answer, 'ipaddress' => $ipaddress]);
PHP);

/* Start a built-in server; returns [process, port] or null. */
function la_web_start(string $docroot, bool $persistent): ?array
{
	$config = la_config();
	for ($try = 0; $try < 5; $try++) {
		$port = random_int(20000, 60000);
		$cmd = [PHP_BINARY, '-n', '-d', 'extension=' . dirname(__DIR__) . '/modules/localapi.so',
			'-d', 'localapi.persistent=' . ($persistent ? '1' : '0'),
			'-d', 'localapi.db_host=' . $config['host'], '-d', 'localapi.db_port=' . $config['port'],
			'-d', 'localapi.db_socket=' . $config['socket'], '-d', 'localapi.db_username=' . $config['user'],
			'-d', 'localapi.db_password=' . $config['password'], '-d', 'localapi.db_name=' . $config['db'],
			'-S', "127.0.0.1:$port", '-t', $docroot];
		$env = getenv();
		unset($env['PHP_CLI_SERVER_WORKERS']);
		$proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, $env);
		/* bounded, and long enough for a start under valgrind on a loaded machine */
		$deadline = microtime(true) + 120;
		while (proc_get_status($proc)['running'] && microtime(true) < $deadline) {
			$sock = @fsockopen('127.0.0.1', $port, $errno, $errstr, 0.1);
			if ($sock) {
				fclose($sock);
				return [$proc, $port];
			}
			usleep(50000);
		}
		la_web_stop([$proc, $port]);
	}
	return null;
}

/* Stop the server as Ctrl-C does (SIGINT): it shuts PHP down normally, so that
 * under valgrind its leak check sees the extension's own end, not a killed process. */
function la_web_stop(array $server): void
{
	proc_terminate($server[0], 2);
	for ($i = 0; $i < 1200 && proc_get_status($server[0])['running']; $i++) {
		usleep(50000);
	}
	if (proc_get_status($server[0])['running']) {
		proc_terminate($server[0], 9);
	}
	proc_close($server[0]);
}

function la_web_get(array $server, int $cid): array
{
	$body = @file_get_contents("http://127.0.0.1:{$server[1]}/index.php?cid=$cid");
	return json_decode((string) $body, true) ?? ['answer' => ['raw' => $body]];
}

$persistent_cid = la_make_client();
$per_request_cid = la_make_client();
la_trace_connections('la_test_409a', $persistent_cid);
la_trace_connections('la_test_409b', $per_request_cid);
try {
	$server = la_web_start($docroot, true);
	if (!$server) {
		throw new RuntimeException('the built-in web server did not start');
	}
	try {
		$n = 1;
		$ips = [];
		for ($i = 0; $i < 3; $i++) {
			$reply = la_web_get($server, $persistent_cid);
			echo $n++, ': ', la_show($reply['answer']), "\n";
			$ips[] = $reply['ipaddress'];
		}
	} finally {
		la_web_stop($server);
	}
	$links = la_connections_of($persistent_cid);
	la_ok($n++, count($links) === 3 && count(array_unique($links)) === 1, $links);
	la_is($n++, array_column(la_log_of($persistent_cid), 'ipaddr'), ['127.0.0.1', '127.0.0.1', '127.0.0.1']);
	la_is($n++, $ips, ['127.0.0.1', '127.0.0.1', '127.0.0.1']);

	$server = la_web_start($docroot, false);
	if (!$server) {
		throw new RuntimeException('the built-in web server did not start');
	}
	try {
		for ($i = 0; $i < 3; $i++) {
			echo $n++, ': ', la_show(la_web_get($server, $per_request_cid)['answer']), "\n";
		}
		$links = la_connections_of($per_request_cid);
		la_ok($n++, count($links) === 3 && count(array_unique($links)) === 3, $links);
		/* The server ends a closed session's thread on its own time: give it a moment. */
		$deadline = microtime(true) + 5;
		while (($alive = array_values(array_filter($links, 'la_connection_alive'))) && microtime(true) < $deadline) {
			usleep(20000);
		}
		la_is($n++, $alive, []);
	} finally {
		la_web_stop($server);
	}
} finally {
	la_drop_trigger('la_test_409a');
	la_drop_trigger('la_test_409b');
	@unlink("$docroot/index.php");
	@rmdir($docroot);
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_409a');
la_drop_trigger('la_test_409b');
la_cleanup_tag();
?>
--EXPECT--
1: success
2: success
3: success
4: ok
5: ok
6: ok
7: success
8: success
9: success
10: ok
11: ok
