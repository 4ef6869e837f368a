--TEST--
Across requests: one persistent link reads and writes in every request; what a read keeps of a statement's result lives for one request only (behaviour §4, §10, §11)
--DESCRIPTION--
The built-in web server (one process, one request per HTTP request) runs four
requests on one persistent link. Each reads the client's contacts
(GetContacts), the client (GetClientsDetails), changes a contact's first name
(UpdateContact) and reads the contacts again, and keeps every answer in a
global until the request ends, so that the column names it shares with the
link's kept result shapes outlive them. Every request gets complete answers
with every column, the update of the request before it, and its own; the
server's error log shows no PHP error, warning or crash. Run under valgrind
too (the web server itself is not, the CLI test is).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/web-server.inc';
if (($why = la_web_skip_reason()) !== null) die("skip $why");
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/web-server.inc';

$docroot = sys_get_temp_dir() . '/localapi-test-949-' . getmypid();
$log = "$docroot/server.log";
@mkdir($docroot);
file_put_contents("$docroot/index.php", <<<'PHP'
<?php
$cid = (int) $_GET['cid'];
$GLOBALS['kept'] = [];
$GLOBALS['kept'][] = $before = localAPI('GetContacts', ['userid' => $cid]);
$GLOBALS['kept'][] = $client = localAPI('GetClientsDetails', ['clientid' => $cid]);
$GLOBALS['kept'][] = $update = localAPI('UpdateContact', ['contactid' => (int) $_GET['contact'], 'firstname' => $_GET['name']]);
$GLOBALS['kept'][] = $after = localAPI('GetContacts', ['userid' => $cid]);
echo json_encode([
	'before' => array_column($before['contacts']['contact'] ?? [], 'firstname'),
	'columns' => array_keys($after['contacts']['contact'][0] ?? []),
	'client' => [$client['result'] ?? null, $client['userid'] ?? null, count($client['client'] ?? [])],
	'update' => $update['result'] ?? $update,
	'after' => array_column($after['contacts']['contact'] ?? [], 'firstname'),
]);
PHP);

$cid = la_make_client();
$contact = la_insert('tblcontacts', ['userid' => $cid, 'firstname' => 'start']);
$other = la_insert('tblcontacts', ['userid' => $cid, 'firstname' => 'other']);
$columns = array_column(la_columns('tblcontacts'), 'COLUMN_NAME');
$client_keys = count(localAPI('GetClientsDetails', ['clientid' => $cid])['client'] ?? []);
try {
	$server = la_web_start($docroot, ['localapi.persistent' => '1', 'log_errors' => '1', 'error_log' => $log]);
	if (!$server) {
		throw new RuntimeException('the built-in web server did not start');
	}
	try {
		$previous = 'start';
		for ($i = 1; $i <= 4; $i++) {
			$body = la_web_body($server, 'index.php', ['cid' => $cid, 'contact' => $contact, 'name' => "request $i"]);
			$reply = json_decode($body, true) ?? ['raw' => $body];
			la_is($i, $reply, [
				'before' => [$previous, 'other'],
				'columns' => $columns,
				'client' => ['success', $cid, $client_keys],
				'update' => 'success',
				'after' => ["request $i", 'other'],
			]);
			$previous = "request $i";
		}
	} finally {
		la_web_stop($server);
	}
	$errors = is_file($log) ? trim(file_get_contents($log)) : '';
	la_is(5, $errors, '');
	la_ok(6, $client_keys > 40, $client_keys);
} finally {
	@unlink("$docroot/index.php");
	@unlink($log);
	@rmdir($docroot);
}
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
