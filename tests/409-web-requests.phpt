--TEST--
Across requests: one persistent connection per process; ipaddr is REMOTE_ADDR under a web SAPI (behaviour §4, §7)
--DESCRIPTION--
The CLI runs one request per process, so this test starts PHP's built-in web
server (the cli-server SAPI: one process, one request per HTTP request) with
the extension this test runs with (tests/web-server.inc) and sends it several
requests, each adding a contact. A trigger records CONNECTION_ID() per
contact (see 405).
With localapi.persistent=1 all requests use one server connection; with
localapi.persistent=0 each request has its own, closed at its end.
Under a web SAPI ipaddr is $_SERVER['REMOTE_ADDR'] (127.0.0.1 here), in the
log row and in LogActivity's ipaddress.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/web-server.inc';
if (($why = la_web_skip_reason()) !== null) die("skip $why");
if (!la_can_create_triggers()) die('skip the test user cannot create triggers');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/web-server.inc';

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

function la_409_get(array $server, int $cid): array
{
	$body = la_web_body($server, 'index.php', ['cid' => $cid]);
	return json_decode($body, true) ?? ['answer' => ['raw' => $body], 'ipaddress' => null];
}

$persistent_cid = la_make_client();
$per_request_cid = la_make_client();
la_trace_connections('la_test_409a', $persistent_cid);
la_trace_connections('la_test_409b', $per_request_cid);
try {
	$server = la_web_start($docroot, ['localapi.persistent' => '1']);
	if (!$server) {
		throw new RuntimeException('the built-in web server did not start');
	}
	try {
		$n = 1;
		$ips = [];
		for ($i = 0; $i < 3; $i++) {
			$reply = la_409_get($server, $persistent_cid);
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

	$server = la_web_start($docroot, ['localapi.persistent' => '0']);
	if (!$server) {
		throw new RuntimeException('the built-in web server did not start');
	}
	try {
		for ($i = 0; $i < 3; $i++) {
			echo $n++, ': ', la_show(la_409_get($server, $per_request_cid)['answer']), "\n";
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
