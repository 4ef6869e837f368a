--TEST--
Server faults: no server (missing socket, closed port, a port that never answers) gives "Database error: ..." within connect_timeout, no warning (behaviour §4 "Database errors", "Lost connections", §7 "Order of checks")
--DESCRIPTION--
The extension is pointed at a server that is not there:
 - localapi.db_socket names a socket in a directory that does not exist;
 - localapi.db_host = 127.0.0.1 and a TCP port nobody listens on;
 - localapi.db_host = 127.0.0.1 and a port that accepts the TCP connection
   but never sends the server greeting (a hung server), in a child process
   so that a hang cannot stall the suite.
localapi.connect_timeout = 1. Each call returns exactly
['result' => 'error', 'message' => 'Database error: <reason>'] within the
timeout (plus 1 s of slack), with no PHP warning and no output. Checks that
need no database still give their own answers with the server down (behaviour §7 "Order of checks");
the admin lookup and the client check answer "Database error". The
permission names are checked with localapi.whmcs_version=7: with auto only
the database's Version row tells whether 7.x rules apply (behaviour §8).
Restoring the settings makes the next call succeed.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!is_readable('/proc/self/maps')) {
	die('skip needs /proc/self/maps to find localapi.so for the children');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});

/* Call with output captured; "Database error" answers are shown without their (variable) reason. */
function la_down_call(string $command, array $post, mixed $admin = ''): array
{
	ob_start();
	$t0 = microtime(true);
	$answer = localAPI($command, $post, $admin);
	$elapsed = microtime(true) - $t0;
	$output = ob_get_clean();
	return [la_down_show($answer), $elapsed, $output, $answer];
}

function la_down_show(mixed $answer): string
{
	$shown = la_show($answer);
	if (str_starts_with($shown, 'error: Database error: ') && strlen($shown) > strlen('error: Database error: ')) {
		return 'error: Database error: <reason>';
	}
	return $shown;
}

$cid = la_make_client();
$post = ['clientid' => $cid, 'firstname' => 'down'];
$saved = ini_get_all('localapi', false);
ini_set('localapi.connect_timeout', '1');

/* a closed TCP port: bind one, note it, close it */
$probe = stream_socket_server('tcp://127.0.0.1:0');
$closed_port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);

$targets = [
	'missing socket' => ['localapi.db_host' => 'localhost', 'localapi.db_socket' => '/nonexistent-' . bin2hex(random_bytes(4)) . '/mysqld.sock'],
	'closed port' => ['localapi.db_host' => '127.0.0.1', 'localapi.db_socket' => '', 'localapi.db_port' => (string) $closed_port],
];
$n = 1;
foreach ($targets as $label => $settings) {
	foreach ($settings as $name => $value) {
		ini_set($name, $value);
	}
	$calls = [
		'contact' => ['AddContact', $post, ''],
		'sub-account' => ['AddContact', $post + ['email' => la_unique_email('down'), 'password2' => 'pw'], ''],
		'admin lookup' => ['AddContact', $post, 'admin'],
		'bad command' => ['Add Contact', $post, 'admin'],
		'unknown command' => ['GetClients', $post, 'admin'],
		'bad input' => ['AddContact', ['clientid' => $cid, 'lastname' => "\xC0\xAF"], ''],
		'bad permission' => ['AddContact', ['clientid' => $cid, 'permissions' => 'root'], ''],
	];
	foreach ($calls as $what => [$command, $data, $admin]) {
		/* permission names are a 7.x rule: only a known version checks them without a database (behaviour §8) */
		ini_set('localapi.whmcs_version', $what === 'bad permission' ? '7' : 'auto');
		[$shown, $elapsed, $output, $answer] = la_down_call($command, $data, $admin);
		echo "$n $label, $what: $shown\n";
		if ($elapsed > 2.0 || $output !== '') {
			echo "$n $label, $what: took ", round($elapsed, 3), ' s, output ', la_export($output), "\n";
		}
		la_rel_figure("$label, $what", [$answer['message'] ?? null, round($elapsed, 3)]);
		$n++;
	}
}

/* a port that accepts and then says nothing, tried from a child */
$silent = stream_socket_server('tcp://127.0.0.1:0');
$silent_port = (int) substr(strrchr(stream_socket_get_name($silent, false), ':'), 1);
$child = la_rel_spawn('connect', [], ['localapi.db_host' => '127.0.0.1', 'localapi.db_socket' => '',
	'localapi.db_port' => (string) $silent_port, 'localapi.connect_timeout' => '1']);
la_rel_send($child, ['post' => $post]);
$t0 = microtime(true);
$report = la_rel_receive($child, 15);
$waited = microtime(true) - $t0;
[$code, $stderr] = la_rel_finish($child, 1);
fclose($silent);
echo "$n silent port: ", la_down_show($report['answer'] ?? 'no answer within 15 s'), "\n";
la_ok("$n silent port within timeout", is_array($report) && $report['elapsed'] <= 2.0, $report['elapsed'] ?? $waited);
la_is("$n silent port warnings", [$report['warnings'] ?? null, $code, $stderr], [[], 0, '']);
la_rel_figure('silent port', [$report['answer']['message'] ?? null, round($report['elapsed'] ?? $waited, 3)]);
$n++;

/* back to the real server */
foreach ($saved as $name => $value) {
	ini_set($name, $value);
}
la_call($n++, 'AddContact', $post);
la_is($n++, count(la_contacts_of($cid)), 1);
la_is($n++, $warnings, []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1 missing socket, contact: error: Database error: <reason>
2 missing socket, sub-account: error: Database error: <reason>
3 missing socket, admin lookup: error: Database error: <reason>
4 missing socket, bad command: error: Invalid API Command
5 missing socket, unknown command: error: API Function Not Found
6 missing socket, bad input: error: Invalid UTF-8 in lastname
7 missing socket, bad permission: error: Invalid permission: root
8 closed port, contact: error: Database error: <reason>
9 closed port, sub-account: error: Database error: <reason>
10 closed port, admin lookup: error: Database error: <reason>
11 closed port, bad command: error: Invalid API Command
12 closed port, unknown command: error: API Function Not Found
13 closed port, bad input: error: Invalid UTF-8 in lastname
14 closed port, bad permission: error: Invalid permission: root
15 silent port: error: Database error: <reason>
15 silent port within timeout: ok
15 silent port warnings: ok
16: success
17: ok
18: ok
