--TEST--
Request faults: a request that dies mid-call leaves no transaction open for the next request of the worker (behaviour §4 "Persistent link")
--DESCRIPTION--
One web-server worker with a persistent link: PHP's built-in web server
(php -S, one process serving request after request, like a php-fpm worker),
started with the extension this test runs with and the test's localapi.*
settings.
Request 1 calls AddContact as admin "admin": the admin lookup's SELECT opens
a REPEATABLE READ transaction on the link, then a hook file of
localapi.hooks_dir, loaded before the ContactAdd hook point is looked up,
raises a fatal error. The request dies inside localAPI(), before the call
could end its transaction: only the rollback at request end can.
Between the requests the test adds an admin. Request 2, in the same process
and on the same link (its thread id, shown by phpinfo() before the call, is
set), calls AddContact as that new admin: it must be found and named in the
log row. A transaction left open by request 1 would still read request 1's
snapshot, in which the admin does not exist: "No matching admin user found".
The web server runs with PHP's allocator (USE_ZEND_ALLOC=1) even under
valgrind: after a fatal error PHP frees the request's memory through it.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
tbladmins
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!function_exists('proc_open')) die('skip proc_open() disabled');
if (!is_readable('/proc/self/maps')) die('skip needs /proc/self/maps to find localapi.so for the web server');
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$dir = sys_get_temp_dir() . '/localapi-test-516-' . getmypid();
@mkdir($dir);
@mkdir("$dir/docroot");
@mkdir("$dir/hooks");
file_put_contents("$dir/hooks/fatal.php", <<<'PHP'
<?php
trigger_error('la-516: fatal error in a hook file', E_USER_ERROR);
PHP);
file_put_contents("$dir/docroot/ping.php", '<?php echo "la-516 ", getmypid();');
file_put_contents("$dir/docroot/index.php", <<<'PHP'
<?php
ini_set('localapi.db_password', (string) getenv('LA_516_DB_PASSWORD'));
if (isset($_GET['hooks'])) {
	ini_set('localapi.hooks_dir', $_GET['hooks']);
}
ob_start();
phpinfo(INFO_MODULES);
$thread = preg_match('/Persistent link\b[^\n]*?connected \(thread (\d+)/', ob_get_clean(), $match) ? (int) $match[1] : null;
echo json_encode(['pid' => getmypid(), 'thread' => $thread]), "\n";
$answer = localAPI('AddContact', ['clientid' => (int) $_GET['cid'], 'lastname' => 'la-516'], $_GET['admin']);
echo json_encode($answer), "\n";
PHP);

/* php -S on a free port, checked by asking for ping.php (which names the server's process); [process, port, stderr file] or null. */
function la_web_start(string $dir): ?array
{
	$env = getenv();
	unset($env['PHP_CLI_SERVER_WORKERS']);
	$env['USE_ZEND_ALLOC'] = '1';
	$env['LA_516_DB_PASSWORD'] = ini_get('localapi.db_password');
	$errfile = "$dir/server.err";
	for ($try = 0; $try < 5; $try++) {
		$port = random_int(20000, 60000);
		/* la_rel_php_argv() puts "-S" where a script would go */
		$argv = la_rel_php_argv('-S', ["127.0.0.1:$port", '-t', "$dir/docroot"],
			['localapi.persistent' => '1']);
		$proc = proc_open($argv, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'],
			2 => ['file', $errfile, 'a']], $pipes, null, $env);
		$pid = proc_get_status($proc)['pid'];
		$deadline = microtime(true) + 120;
		while (proc_get_status($proc)['running'] && microtime(true) < $deadline) {
			$body = @file_get_contents("http://127.0.0.1:$port/ping.php", false,
				stream_context_create(['http' => ['timeout' => 10]]));
			if ($body === "la-516 $pid") {
				return [$proc, $port, $errfile];
			}
			usleep(50000);
		}
		proc_terminate($proc);
		proc_close($proc);
	}
	return null;
}

/* Stop the server as Ctrl-C does (SIGINT), so that it shuts PHP down normally. */
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

/* One request: its first line (the worker's process and link) and the answer, each decoded or null. */
function la_web_get(array $server, array $query): array
{
	$body = @file_get_contents("http://127.0.0.1:{$server[1]}/index.php?" . http_build_query($query), false,
		stream_context_create(['http' => ['ignore_errors' => true, 'timeout' => 120]]));
	$lines = explode("\n", (string) $body);
	$answer = json_decode($lines[1] ?? '', true);
	return ['worker' => json_decode($lines[0], true), 'answer' => is_array($answer) ? $answer : null, 'body' => $body];
}

$cid = la_make_client();
$name = 'la-516-' . bin2hex(random_bytes(4));
$server = null;
try {
	$server = la_web_start($dir);
	la_ok(1, $server !== null, 'php -S did not start');
	if ($server) {
		$first = la_web_get($server, ['cid' => $cid, 'admin' => 'admin', 'hooks' => "$dir/hooks"]);
		/* request 1 printed its process and no link yet, then died inside localAPI() */
		$worker = $first['worker'];
		la_is(2, [is_int($worker['pid'] ?? null), is_array($worker) ? $worker['thread'] : 'no line', $first['answer']],
			[true, null, null]);
		la_ok(3, str_contains((string) file_get_contents($server[2]), 'la-516: fatal error in a hook file'),
			file_get_contents($server[2]));
		la_is(4, la_written($cid), 0);

		$aid = la_insert('tbladmins', ['username' => $name]);
		$second = la_web_get($server, ['cid' => $cid, 'admin' => $name]);
		echo '5: ', la_show($second['answer'] ?? $second['body']), "\n";
		/* the same worker, on the link request 1 opened */
		$worker = $second['worker'];
		la_is(6, [($worker['pid'] ?? 0) === ($first['worker']['pid'] ?? -1), is_int($worker['thread'] ?? null)], [true, true]);
		/* admin_id where the table has it (the 8.x layout) */
		la_is(7, la_log_rows($cid, ['user'])[0] ?? null, la_log_row(['user' => $name], $aid));
	}
} finally {
	if ($server) {
		la_web_stop($server);
	}
	la_query("DELETE FROM tbladmins WHERE username = ?", $name);
	foreach (["$dir/hooks/fatal.php", "$dir/docroot/ping.php", "$dir/docroot/index.php", "$dir/server.err"] as $file) {
		@unlink($file);
	}
	@rmdir("$dir/hooks");
	@rmdir("$dir/docroot");
	@rmdir($dir);
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_query("DELETE FROM tbladmins WHERE username LIKE 'la-516-%'");
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: success
6: ok
7: ok
