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
require_once __DIR__ . '/web-server.inc';
if (($why = la_web_skip_reason()) !== null) die("skip $why");
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';
require_once __DIR__ . '/web-server.inc';

$dir = sys_get_temp_dir() . '/localapi-test-516-' . getmypid();
@mkdir($dir);
@mkdir("$dir/docroot");
@mkdir("$dir/hooks");
file_put_contents("$dir/hooks/fatal.php", <<<'PHP'
<?php
trigger_error('la-516: fatal error in a hook file', E_USER_ERROR);
PHP);
file_put_contents("$dir/docroot/index.php", <<<'PHP'
<?php
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

/* One request: its first line (the worker's process and link) and the answer, each decoded or null. */
function la_516_get(array $server, array $query): array
{
	$body = la_web_body($server, 'index.php', $query);
	$lines = explode("\n", (string) $body);
	$answer = json_decode($lines[1] ?? '', true);
	return ['worker' => json_decode($lines[0], true), 'answer' => is_array($answer) ? $answer : null, 'body' => $body];
}

$cid = la_make_client();
$name = 'la-516-' . bin2hex(random_bytes(4));
$server = null;
try {
	/* PHP's allocator even under valgrind; errors to a file of the test */
	$server = la_web_start("$dir/docroot", ['localapi.persistent' => '1', 'display_errors' => 'stderr',
		'error_reporting' => '-1', 'html_errors' => '0', 'log_errors' => '0'], ['USE_ZEND_ALLOC' => '1'], "$dir/server.err");
	la_ok(1, $server !== null, 'php -S did not start');
	if ($server) {
		$first = la_516_get($server, ['cid' => $cid, 'admin' => 'admin', 'hooks' => "$dir/hooks"]);
		/* request 1 printed its process and no link yet, then died inside localAPI() */
		$worker = $first['worker'];
		la_is(2, [is_int($worker['pid'] ?? null), is_array($worker) ? $worker['thread'] : 'no line', $first['answer']],
			[true, null, null]);
		la_ok(3, str_contains((string) file_get_contents("$dir/server.err"), 'la-516: fatal error in a hook file'),
			file_get_contents("$dir/server.err"));
		la_is(4, la_written($cid), 0);

		$aid = la_insert('tbladmins', ['username' => $name]);
		$second = la_516_get($server, ['cid' => $cid, 'admin' => $name]);
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
	foreach (["$dir/hooks/fatal.php", "$dir/docroot/index.php", "$dir/server.err"] as $file) {
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
