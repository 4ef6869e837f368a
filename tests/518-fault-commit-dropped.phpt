--TEST--
Server faults: a COMMIT that never reached the live server is looked for, not found, and the write tried again: one contact, one log row (behaviour §4 "Lost connections", §7 "Commit points", §9 "Never failed when it may have succeeded")
--DESCRIPTION--
tests/fault-proxy.inc in mode drop-commit stands between the extension and
the server: it keeps the <nth> COMMIT from the server and closes both
connections instead, so the server, which stays up, rolls that transaction
back. To the extension the connection was lost during COMMIT, as in 515,
where the server did commit: it cannot tell the two apart, so it must look
for its row, find none, and write it again. Taking "not found" for
"committed" would answer success for a row that does not exist.
Expected each time: success, the one contact the answer names, exactly one
log row, no warning. Three cases, each with a proxy and a client of its own:
 1. no hook: the contact and its log row share the dropped COMMIT;
 2. a ContactAdd hook: the contact's own COMMIT (before the hook) is
    dropped; the hook runs once, for the one contact;
 3. a ContactAdd hook: the contact's COMMIT goes through, the log row's own
    COMMIT after the hook is dropped; the log row is written again.
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

/* label => [ContactAdd hook, which COMMIT is dropped] */
$scenarios = [
	'no hook, the shared COMMIT' => [false, 1],
	'ContactAdd hook, the contact\'s COMMIT' => [true, 1],
	'ContactAdd hook, the log row\'s COMMIT' => [true, 2],
];
$i = 0;
foreach ($scenarios as $label => [$hook, $nth]) {
	$n = ++$i . " $label";
	$cid = la_make_client();
	$hooked = [];
	if ($hook && $i === 2) {
		add_hook('ContactAdd', 1, function (array $vars) use (&$hooked): void {
			$hooked[] = $vars['contactid'];
		});
	}
	$proxy = la_rel_proxy_start('drop-commit', $nth);
	try {
		la_is("$n: proxy", la_fault_proxy_line($proxy), 'ready');
		ini_set('localapi.db_host', 'localhost');
		ini_set('localapi.db_socket', $proxy['socket']);

		$answer = la_call("$n: call", 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'firstname' => 'dropped']);
		la_is("$n: the COMMIT was dropped", la_fault_proxy_line($proxy), 'triggered drop-commit');
		$ids = array_map('intval', array_column(la_contacts_of($cid), 'id'));
		la_is("$n: one contact", $ids, [$answer['contactid'] ?? 'no contactid']);
		la_is("$n: one log row", array_column(la_log_of($cid), 'description'),
			["Added Contact - User ID: $cid - Contact ID: " . ($ids[0] ?? '?')]);
		if ($hook) {
			la_is("$n: hook ran once", $hooked, [$answer['contactid'] ?? 'no contactid']);
		}
		la_is("$n: warnings", $warnings, []);
	} finally {
		la_fault_proxy_stop($proxy);
	}
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1 no hook, the shared COMMIT: proxy: ok
1 no hook, the shared COMMIT: call: success
1 no hook, the shared COMMIT: the COMMIT was dropped: ok
1 no hook, the shared COMMIT: one contact: ok
1 no hook, the shared COMMIT: one log row: ok
1 no hook, the shared COMMIT: warnings: ok
2 ContactAdd hook, the contact's COMMIT: proxy: ok
2 ContactAdd hook, the contact's COMMIT: call: success
2 ContactAdd hook, the contact's COMMIT: the COMMIT was dropped: ok
2 ContactAdd hook, the contact's COMMIT: one contact: ok
2 ContactAdd hook, the contact's COMMIT: one log row: ok
2 ContactAdd hook, the contact's COMMIT: hook ran once: ok
2 ContactAdd hook, the contact's COMMIT: warnings: ok
3 ContactAdd hook, the log row's COMMIT: proxy: ok
3 ContactAdd hook, the log row's COMMIT: call: success
3 ContactAdd hook, the log row's COMMIT: the COMMIT was dropped: ok
3 ContactAdd hook, the log row's COMMIT: one contact: ok
3 ContactAdd hook, the log row's COMMIT: one log row: ok
3 ContactAdd hook, the log row's COMMIT: hook ran once: ok
3 ContactAdd hook, the log row's COMMIT: warnings: ok
