--TEST--
Server faults: with a ContactAdd hook, the answer to the log row's COMMIT is lost; still one log row (behaviour §3.11, §4 "Lost connections", §9)
--DESCRIPTION--
With a ContactAdd hook registered the contact commits first, then the hook
runs, then the activity-log row is written and committed on its own. Here
tests/fault-proxy.inc (see 515) lets the contact's COMMIT through and loses
the server's answer to the second COMMIT, the log row's: the server has
committed the log row, the extension saw the connection drop. Like the
contact, the log row must be looked for before the write is tried again, or
it is written twice: the answer is success, the client has one contact and
exactly one log row, and no warning is raised (the log row exists).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!function_exists('proc_open')) die('skip proc_open() disabled');
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});
$hooked = [];
add_hook('ContactAdd', 1, function (array $vars) use (&$hooked): void {
	$hooked[] = $vars['contactid'];
});

$cid = la_make_client();
$proxy = la_rel_proxy_start('lose-answer', 2);
try {
	la_is(1, la_fault_proxy_line($proxy), 'ready');
	ini_set('localapi.db_host', 'localhost');
	ini_set('localapi.db_socket', $proxy['socket']);

	$answer = la_call(2, 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'firstname' => 'lost log reply']);
	la_is(3, la_fault_proxy_line($proxy), 'triggered lose-answer, answer 00');
	$ids = array_map('intval', array_column(la_contacts_of($cid), 'id'));
	la_is(4, $ids, [$answer['contactid'] ?? 'no contactid']);
	la_is(5, $hooked, $ids);
	la_is(6, array_column(la_log_of($cid), 'description'),
		["Added Contact - User ID: $cid - Contact ID: " . ($ids[0] ?? '?')]);
	la_is(7, $warnings, []);
} finally {
	la_fault_proxy_stop($proxy);
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: success
3: ok
4: ok
5: ok
6: ok
7: ok
