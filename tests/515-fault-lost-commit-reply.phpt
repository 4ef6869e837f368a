--TEST--
Server faults: the server commits but its answer to COMMIT is lost; the call answers success with one contact, one log row (behaviour §4 "Lost connections", §7 "Commit points", §9)
--DESCRIPTION--
The extension talks to the server through tests/fault-proxy.inc, a relay
on a unix socket of its own that passes the first COMMIT to the server,
reads the server's answer itself and closes the connection instead of
relaying it. The contact and its log row are then committed, but to the
extension the connection was lost during COMMIT: it cannot know whether the
COMMIT happened. It must find out (look for the row) before trying again,
so the answer is success, with the contactid of the one row, and the client
has exactly one contact and exactly one log row. Retrying blindly would add
the contact a second time.
The proxy reports the answer it swallowed: 00 is the server's OK packet,
proof that the server committed. Then a second call through the same proxy
(which now relays everything) adds one more contact normally.
Twice, each with a proxy and a client of its own: a plain contact (the
contact and its log row share the COMMIT), and with a ContactAdd hook
registered (the contact's own COMMIT, before the hook runs; the hook must run
once, for the one contact).
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

$scenarios = [
	'plain contact' => false,
	'ContactAdd hook, its COMMIT before the hook' => true,
];
foreach (array_keys($scenarios) as $i => $label) {
	$n = ($i + 1) . " $label";
	$cid = la_make_client();
	if ($scenarios[$label]) {
		add_hook('ContactAdd', 1, function (array $vars) use (&$hooked): void {
			$hooked[] = $vars['contactid'];
		});
	}
	$proxy = la_rel_proxy_start();
	try {
		la_is("$n: proxy", la_fault_proxy_line($proxy), 'ready');
		ini_set('localapi.db_host', 'localhost');
		ini_set('localapi.db_socket', $proxy['socket']);

		$answer = la_call("$n: call", 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'firstname' => 'lost reply']);
		la_is("$n: the server committed, the reply was lost", la_fault_proxy_line($proxy), 'triggered lose-answer, answer 00');
		$ids = array_map('intval', array_column(la_contacts_of($cid), 'id'));
		la_is("$n: one contact", $ids, [$answer['contactid'] ?? 'no contactid']);
		la_is("$n: one log row", array_column(la_log_of($cid), 'description'),
			["Added Contact - User ID: $cid - Contact ID: " . ($ids[0] ?? '?')]);
		if ($scenarios[$label]) {
			la_is("$n: hook ran once", $hooked, [$answer['contactid'] ?? 'no contactid']);
		}

		/* the link works on: one more contact, one more log row */
		la_call("$n: next call", 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'firstname' => 'after']);
		la_is("$n: rows", [count(la_contacts_of($cid)), count(la_log_of($cid))], [2, 2]);
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
1 plain contact: proxy: ok
1 plain contact: call: success
1 plain contact: the server committed, the reply was lost: ok
1 plain contact: one contact: ok
1 plain contact: one log row: ok
1 plain contact: next call: success
1 plain contact: rows: ok
1 plain contact: warnings: ok
2 ContactAdd hook, its COMMIT before the hook: proxy: ok
2 ContactAdd hook, its COMMIT before the hook: call: success
2 ContactAdd hook, its COMMIT before the hook: the server committed, the reply was lost: ok
2 ContactAdd hook, its COMMIT before the hook: one contact: ok
2 ContactAdd hook, its COMMIT before the hook: one log row: ok
2 ContactAdd hook, its COMMIT before the hook: hook ran once: ok
2 ContactAdd hook, its COMMIT before the hook: next call: success
2 ContactAdd hook, its COMMIT before the hook: rows: ok
2 ContactAdd hook, its COMMIT before the hook: warnings: ok
