--TEST--
Hooks last one request: add_hook() registrations are gone in the next request, and hooks_dir files load again, once, in every request (behaviour §5)
--DESCRIPTION--
The CLI runs one request per process, so this test starts PHP's built-in web
server (cli-server SAPI: one process, one PHP request per HTTP request) with
localapi.hooks_dir = tests/hooks/per-request/ (counter.php counts its
inclusions and registers a ContactAdd callback). The page
(tests/hooks/per-request/web.txt) registers a callback with add_hook() only
when asked, then adds two contacts. Requests: register, no register,
register. In each request counter.php is included exactly once and its
callback fires once per call; the script's callback fires only in the
requests that registered it (not left over from an earlier request, not
twice).
Under scripts/test.sh --valgrind the server runs under valgrind too
(run-tests.php traces children) and is stopped with SIGINT, so it shuts down
normally: a registry or callbacks of one request lost when the next request
starts show up as a leak of this test.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/web-server.inc';
if (($reason = la_web_skip_reason()) !== null) die("skip $reason");
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/web-server.inc';

$docroot = la_tmp_dir('docroot');
copy(la_hooks_fixture('per-request/web.txt'), "$docroot/index.php");
$cid = la_make_client();
$server = la_web_start($docroot, ['localapi.hooks_dir' => la_hooks_fixture('per-request')]);
la_ok(1, $server !== null);
$replies = [];
try {
	if ($server !== null) {
		foreach ([1, 0, 1, 0] as $register) {
			$replies[] = la_web_get($server, 'index.php', ['cid' => $cid, 'register' => $register]);
		}
	}
} finally {
	if ($server !== null) {
		la_web_stop($server);
	}
	la_tmp_dir_remove('docroot');
}
$with = ['answers' => ['success', 'success'], 'fired' => ['script', 'file', 'script', 'file'], 'includes' => 1];
$without = ['answers' => ['success', 'success'], 'fired' => ['file', 'file'], 'includes' => 1];
la_is(2, $replies[0] ?? null, $with);
la_is(3, $replies[1] ?? null, $without);
la_is(4, $replies[2] ?? null, $with);
la_is(5, $replies[3] ?? null, $without);
la_is(6, count(la_contacts_of($cid)), 8);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
la_tmp_dir_remove('docroot');
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
