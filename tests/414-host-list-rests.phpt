--TEST--
Several hosts: after a full outage the resting hosts are still tried, and a host that keeps failing rests twice as long each time (behaviour §9 "Several hosts")
--DESCRIPTION--
The rule of behaviour §9: a host that failed rests, 2 s after its first
failure and twice as long after each further one, up to 30 s; while it rests
the hosts that do not are tried first, and when none of those can be used
the resting ones are tried all the same, as the last resort, rather than
failing the call.
 - The last resort. localapi.db_host = "127.0.0.1:<closed port>,localhost",
   with localapi.db_socket naming a path where no socket is yet: a call
   fails (both hosts down), so both rest. The socket then appears (a
   symbolic link to the private server's), and a call made at once, while
   both hosts still rest, succeeds on localhost: one contact more.
 - The doubling. "127.0.0.1:<hung port>,localhost", where the hung port
   accepts connections and never greets (connect_timeout 1 s): its first
   failure rests it 2 s, so a call 2.5 s later tries it again (one new
   connection on the port) and fails on it a second time; that rests it
   4 s, so a call 2.5 s after that second failure must not try it (no new
   connection), and one 4.5 s after it does. Each call succeeds on
   localhost. Timing is the behaviour here: the margins are 0.5 s or more
   on each side, measured from the end of the call that failed on the host.
Interpretation: the rests are per process and counted from the failure, so
one test process sees them all.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
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

function la_free_port(): int
{
	$probe = stream_socket_server('tcp://127.0.0.1:0');
	$port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
	fclose($probe);
	return $port;
}

/* Each call with another spelling of the list (more spaces before it): other settings make
 * another persistent link, so the call connects instead of reusing the last call's link. */
function la_hosts_call(string $hosts, string $label): array
{
	static $calls = 0;
	ini_set('localapi.db_host', str_repeat(' ', $calls++) . $hosts);
	return localAPI('AddContact', ['clientid' => $GLOBALS['cid'], 'email' => la_unique_email($label)]);
}

/* the last resort: every host failed moments ago, and one is back */
$closed = la_free_port();
$link = la_tmp_path('414-socket');
@unlink($link);
ini_set('localapi.db_socket', $link);
$answer = la_hosts_call("127.0.0.1:$closed,localhost", 'outage');
la_is(1, [$answer['result'] ?? null, str_starts_with($answer['message'] ?? '', 'Database error: ')], ['error', true]);
symlink(la_config()['socket'], $link);
$before = count(la_contacts_of($cid));
$answer = la_hosts_call("127.0.0.1:$closed,localhost", 'back');
la_is(2, la_show($answer), 'success');
la_is(3, count(la_contacts_of($cid)), $before + 1);
unlink($link);
ini_set('localapi.db_socket', la_config()['socket']);

/* the doubling: 2 s after the first failure, 4 s after the second */
$hung = stream_socket_server('tcp://127.0.0.1:0');
$hung_port = (int) substr(strrchr(stream_socket_get_name($hung, false), ':'), 1);
stream_set_blocking($hung, false);
$tried = function () use ($hung): int {
	$n = 0;
	while (($conn = @stream_socket_accept($hung, 0)) !== false) {
		fclose($conn);
		$n++;
	}
	return $n;
};
$hosts = "127.0.0.1:$hung_port,localhost";

la_is(4, la_show(la_hosts_call($hosts, 'first-failure')), 'success');
la_is('4 tried', $tried(), 1);
usleep(2500000);
la_is(5, la_show(la_hosts_call($hosts, 'second-failure')), 'success');
la_is('5 tried again after 2 s', $tried(), 1);
$failed = microtime(true);
usleep(2500000);
la_is(6, la_show(la_hosts_call($hosts, 'resting-4s')), 'success');
la_is('6 not tried 2.5 s after the second failure', $tried(), 0);
time_sleep_until($failed + 4.5);
la_is(7, la_show(la_hosts_call($hosts, 'rested-4s')), 'success');
la_is('7 tried again 4.5 s after it', $tried(), 1);
fclose($hung);
la_is(8, $warnings, []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
@unlink(la_tmp_path('414-socket'));
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
4 tried: ok
5: ok
5 tried again after 2 s: ok
6: ok
6 not tried 2.5 s after the second failure: ok
7: ok
7 tried again 4.5 s after it: ok
8: ok
