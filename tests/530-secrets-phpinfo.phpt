--TEST--
Secrets: the DB password never shows in phpinfo(), php --ri, or any error message; the persistent link is keyed by it (behaviour §4 "Secrets")
--DESCRIPTION--
The password of the test server (from the test environment) is searched for
in: phpinfo() and phpinfo(INFO_MODULES) before and after the extension
connected; a child PHP given the password as the master value (-d) and then
another one with ini_set(), for phpinfo() and php --ri localapi; and the
"Database error" messages of failed connections: a wrong password, and the
password used as database name, user name or socket path (the server's own
reason would then quote it). The localapi.db_password row itself must be
there and masked. ini_get() may return it (PHP's own INI does the same).
Environment variables of the test harness that hold the password (e.g.
LOCALAPI_TEST_PASSWORD) are removed first: phpinfo() lists the environment,
and that is not the extension's doing.
The persistent link is keyed by the credentials: changing only the password
to a wrong one must not reuse the open link (access denied), and the right
one works again. The key itself is a SHA-256 inside the extension; what is
observable of it is that neither phpinfo() nor messages show the password.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (strlen(la_config()['password']) < 6) {
	die('skip the test password is too short to search for');
}
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

$password = la_config()['password'];
$wrong = 'Wr0ng-S3cret-' . bin2hex(random_bytes(4));

/* the harness's environment variables that hold the password */
$scrubbed = 0;
foreach (getenv() as $name => $value) {
	if (str_contains($value, $password)) {
		putenv($name);
		unset($_ENV[$name], $_SERVER[$name]);
		$scrubbed++;
	}
}
la_rel_figure('environment variables scrubbed', $scrubbed);

function la_phpinfo(int $what = INFO_ALL): string
{
	ob_start();
	phpinfo($what);
	return ob_get_clean();
}

function la_clean(string $text, string ...$secrets): bool
{
	foreach ($secrets as $secret) {
		if (str_contains($text, $secret)) {
			return false;
		}
	}
	return true;
}

/* 1-4: phpinfo() in this process, before and after connecting */
$info = la_phpinfo();
la_ok(1, la_clean($info, $password));
la_ok(2, la_clean(la_phpinfo(INFO_MODULES), $password));
la_ok(3, preg_match('/^localapi\.db_password => \*{8} => /m', $info) === 1);
$cid = la_make_client();
la_call(4, 'AddContact', ['clientid' => $cid]);
$info = la_phpinfo();
la_ok(5, la_clean($info, $password) && la_clean(la_phpinfo(INFO_MODULES), $password));
la_ok(6, str_contains($info, 'localapi support => enabled'));

/* 7-8: a child with the password as the master value, then another one set at run time.
 * Its environment holds no credential; a sanitizer build's runtime settings pass through. */
$child_env = ['PATH' => getenv('PATH') ?: '/usr/bin:/bin'];
foreach (['LD_PRELOAD', 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS', 'USE_ZEND_ALLOC', 'ZEND_DONT_UNLOAD_MODULES'] as $name) {
	if (getenv($name) !== false) {
		$child_env[$name] = getenv($name);
	}
}
$code = 'phpinfo(); ini_set("localapi.db_password", ' . var_export($wrong, true) . '); phpinfo(INFO_MODULES);';
$argv = [PHP_BINARY, '-n', '-d', 'extension=' . la_extension_path(), '-d', "localapi.db_password=$password"];
$process = proc_open(array_merge($argv, ['-r', $code]), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $child_env);
$output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
proc_close($process);
la_ok(7, la_clean($output, $password, $wrong) && substr_count($output, "localapi.db_password => ********") === 2, strlen($output));
$process = proc_open(array_merge($argv, ['--ri', 'localapi']), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $child_env);
$output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
proc_close($process);
la_ok(8, la_clean($output, $password) && str_contains($output, 'localapi.db_password => ********'), $output);

/* 9-: error messages of failed connections */
$saved = ini_get_all('localapi', false);
$post = ['clientid' => $cid];
$faults = [
	'wrong password' => ['localapi.db_password' => $wrong],
	'password as database name' => ['localapi.db_name' => $password],
	'password as user name' => ['localapi.db_username' => $password],
	'password in the socket path' => ['localapi.db_socket' => "/nonexistent/$password/mysqld.sock", 'localapi.db_host' => 'localhost'],
	'wrong password as user name' => ['localapi.db_password' => $wrong, 'localapi.db_username' => $wrong],
];
$n = 9;
foreach ($faults as $label => $settings) {
	foreach ($settings as $name => $value) {
		ini_set($name, $value);
	}
	$answer = localAPI('AddContact', $post);
	$message = $answer['message'] ?? '';
	la_ok("$n $label: Database error", ($answer['result'] ?? null) === 'error' && str_starts_with($message, 'Database error: '), $answer);
	la_ok("$n $label: no password in it", la_clean($message, $password, $wrong), $message);
	la_rel_figure($label, $message);
	foreach ($saved as $name => $value) {
		ini_set($name, $value);
	}
	$n++;
}
la_is($n++, la_show(localAPI('AddContact', $post)), 'success');

/* the persistent link is keyed by the password: a wrong one never rides the open link */
$before = la_rel_sessions();
ini_set('localapi.db_password', $wrong);
$answer = localAPI('AddContact', $post);
la_ok($n++, str_starts_with($answer['message'] ?? '', 'Database error: Access denied'), $answer);
ini_set('localapi.db_password', $password);
la_is($n++, la_show(localAPI('AddContact', $post)), 'success');
la_is($n++, count(la_contacts_of($cid)), 3);
la_is($n++, $warnings, []);
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
4: success
5: ok
6: ok
7: ok
8: ok
9 wrong password: Database error: ok
9 wrong password: no password in it: ok
10 password as database name: Database error: ok
10 password as database name: no password in it: ok
11 password as user name: Database error: ok
11 password as user name: no password in it: ok
12 password in the socket path: Database error: ok
12 password in the socket path: no password in it: ok
13 wrong password as user name: Database error: ok
13 wrong password as user name: no password in it: ok
14: ok
15: ok
16: ok
17: ok
18: ok
