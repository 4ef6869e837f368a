--TEST--
Several hosts: localapi.db_host lists hosts in order; the first that accepts a connection is used, a failed one rests (behaviour §9)
--DESCRIPTION--
localapi.db_host = "<host>,<host>:<port>,..." (spaces allowed, empty items
ignored). Against the private server, reached as "localhost" (its socket):
 - a closed TCP port first, then localhost: the call succeeds (one row);
 - a port that accepts but never greets (a hung server, connect_timeout
   1 s) first: the call succeeds after that host's connect timeout; a new
   link made at once with the same hung host first does not try it again
   (it rests for 2 s after a failure): the hung port sees no second
   connection, and the call succeeds;
 - only dead hosts: "Database error: ..." naming the last one's reason,
   within their connect timeouts, no row, no warning;
 - a single host (no comma) is used exactly as before.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (la_config()['host'] !== 'localhost' || la_config()['socket'] === '') {
	die('skip needs the test server on a unix socket (localhost)');
}
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	if (error_reporting() & $type) {
		$warnings[] = $message;
	}
	return true;
});
$cid = la_make_client();
ini_set('localapi.connect_timeout', '1');

$probe = stream_socket_server('tcp://127.0.0.1:0');
$closed = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);
$hung = stream_socket_server('tcp://127.0.0.1:0');
$hung_port = (int) substr(strrchr(stream_socket_get_name($hung, false), ':'), 1);
stream_set_blocking($hung, false);
$accepted = [];
$accept_all = function () use ($hung, &$accepted): int {
	$n = 0;
	while (($conn = @stream_socket_accept($hung, 0)) !== false) {
		$accepted[] = $conn;
		$n++;
	}
	return $n;
};

function la_hosts_call(string $hosts, string $label): array
{
	ini_set('localapi.db_host', $hosts);
	$t0 = microtime(true);
	$answer = localAPI('AddContact', ['clientid' => $GLOBALS['cid'], 'email' => la_unique_email($label)]);
	return [$answer, microtime(true) - $t0];
}

[$answer] = la_hosts_call("127.0.0.1:$closed, localhost", 'closed-first');
la_is(1, la_show($answer), 'success');
la_ok(2, la_added($answer) !== null, $answer);

/* The hung host listens in this process: the kernel completes the TCP handshake, no greeting follows. */
[$answer, $elapsed] = la_hosts_call("127.0.0.1:$hung_port,localhost", 'hung-first');
la_is(3, la_show($answer), 'success');
la_ok(4, $elapsed >= 0.9, $elapsed);
la_is(5, $accept_all(), 1);
[$answer] = la_hosts_call(" 127.0.0.1:$hung_port , , localhost ", 'hung-resting');
la_is(6, la_show($answer), 'success');
la_is(7, $accept_all(), 0);

$before = la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid);
[$answer, $elapsed] = la_hosts_call("127.0.0.1:$closed,127.0.0.2:$closed", 'all-dead');
la_is(8, [$answer['result'] ?? null, str_starts_with($answer['message'] ?? '', 'Database error: ')], ['error', true]);
la_ok(9, $elapsed < 3.0, $elapsed);
la_is(10, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid), $before);

[$answer] = la_hosts_call('localhost', 'single');
la_is(11, la_show($answer), 'success');
la_is(12, $warnings, []);
fclose($hung);
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
6: ok
7: ok
8: ok
9: ok
10: ok
11: ok
12: ok
