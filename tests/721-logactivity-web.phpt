--TEST--
logActivity() in a web request: ipaddr is the client's address inside a localAPI() call, '' for "System" outside one (behaviour §7, §8)
--DESCRIPTION--
In a web request (PHP's built-in server) logActivity() called outside any
localAPI() call logs as "System" with no address; called from a ContactAdd
callback it logs as the call's user with $_SERVER['REMOTE_ADDR'], like
AddContact's own log row.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/web-server.inc';
if (($why = la_web_skip_reason()) !== null) {
	die("skip $why");
}
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/web-server.inc';

$docroot = la_tmp_dir('web');
file_put_contents("$docroot/index.php", <<<'PHP'
<?php
$cid = (int) $_GET['cid'];
add_hook('ContactAdd', 1, function (array $vars) {
	logActivity('la721 inside', $vars['userid']);
});
logActivity('la721 outside', $cid);
echo json_encode(localAPI('AddContact', ['clientid' => $cid], $_GET['admin']));
PHP);
$cid = la_make_client();
$server = la_web_start($docroot);
la_ok(1, $server !== null);
$answer = $server ? la_web_get($server, 'index.php', ['cid' => $cid, 'admin' => 'admin']) : [];
$answer2 = $server ? la_web_get($server, 'index.php', ['cid' => $cid, 'admin' => '']) : [];
if ($server) {
	la_web_stop($server);
}
la_is(2, [la_show($answer), la_show($answer2)], ['success', 'success']);
$row = fn (string $description, string $user, string $ip, int $admin) => la_log_row(['description' => $description,
	'user' => $user, 'ipaddr' => $ip], $admin);
la_is(3, la_log_rows($cid, ['description', 'user', 'ipaddr']), [
	$row('la721 outside', 'System', '', 0),
	$row('la721 inside', 'admin', '127.0.0.1', 1),
	$row("Added Contact - User ID: $cid - Contact ID: " . ($answer['contactid'] ?? '?'), 'admin', '127.0.0.1', 1),
	$row('la721 outside', 'System', '', 0),
	$row('la721 inside', 'Local API User', '127.0.0.1', 0),
	$row("Added Contact - User ID: $cid - Contact ID: " . ($answer2['contactid'] ?? '?'), 'Local API User', '127.0.0.1', 0),
]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
la_tmp_dir_remove('web');
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
