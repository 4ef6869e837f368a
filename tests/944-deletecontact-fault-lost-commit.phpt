--TEST--
DeleteContact, server faults at COMMIT: its answer lost, or the COMMIT never arriving; the call finds out which and answers the truth: one delete, one log row, one hook (behaviour §10 "DeleteContact", §4 "Lost connections", §9)
--DESCRIPTION--
The extension talks to the server through tests/fault-proxy.inc. In
"lose-answer" the proxy passes the first COMMIT and drops the server's answer
(it reports 00, the server's OK: the delete is committed) and closes the
connection; in "drop-commit" the COMMIT never reaches the server, which rolls
the transaction back when the connection closes. Either way the extension
cannot know from the COMMIT whether the delete happened: it must look (the
log row written in the delete's transaction, or, with a ContactDelete hook,
whether the contact row is still there) and then answer success once, having
deleted the contact once: after a lost answer it must not delete again
(which would answer Contact ID Not Found), after a dropped COMMIT it must
delete again. Each case: the answer echoes the id, the contact is gone, its
order is cleared, exactly one log row, the hook ran once (when registered),
no warning; then the link carries on (the next delete succeeds normally).
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
require_once __DIR__ . '/delete-contact.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});
$hooked = [];
$hooks = false;

$cases = [
	['lose-answer', false, 'triggered lose-answer, answer 00'],
	['drop-commit', false, 'triggered drop-commit'],
	['lose-answer', true, 'triggered lose-answer, answer 00'],
	['drop-commit', true, 'triggered drop-commit'],
];
foreach ($cases as $i => [$mode, $with_hook, $said]) {
	$n = ($i + 1) . " $mode, " . ($with_hook ? 'ContactDelete hook' : 'no hook');
	if ($with_hook && !$hooks) {
		add_hook('ContactDelete', 1, function (array $vars) use (&$hooked): void {
			$hooked[] = $vars['contactid'];
		});
		$hooks = true;
	}
	$hooked = [];
	$cid = la_make_client();
	$x = la_del_contact($cid);
	$y = la_del_contact($cid);
	$order = la_del_order($cid, $x);
	$proxy = la_rel_proxy_start($mode);
	try {
		la_is("$n: proxy", la_fault_proxy_line($proxy), 'ready');
		ini_set('localapi.db_host', 'localhost');
		ini_set('localapi.db_socket', $proxy['socket']);

		la_is("$n: answer", localAPI('DeleteContact', ['contactid' => "$x"]), ['result' => 'success', 'message' => "$x"]);
		la_is("$n: the proxy acted", la_fault_proxy_line($proxy), $said);
		la_is("$n: contact gone, order cleared", [la_contact($x), la_value('SELECT contactid FROM tblorders WHERE id = ?', $order)],
			[null, '0']);
		la_is("$n: one log row", count(la_del_log($cid)), 1);
		la_is("$n: hook", $hooked, $with_hook ? ["$x"] : []);

		la_call("$n: next call", 'DeleteContact', ['contactid' => $y]);
		la_is("$n: rows", [count(la_contacts_of($cid)), count(la_del_log($cid))], [0, 2]);
		la_is("$n: warnings", $warnings, []);
	} finally {
		la_fault_proxy_stop($proxy);
		la_ini_apply();
	}
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';
la_del_cleanup();
?>
--EXPECTF--
1 lose-answer, no hook: proxy: ok
1 lose-answer, no hook: answer: ok
1 lose-answer, no hook: the proxy acted: ok
1 lose-answer, no hook: contact gone, order cleared: ok
1 lose-answer, no hook: one log row: ok
1 lose-answer, no hook: hook: ok
1 lose-answer, no hook: next call: success, message: %d
1 lose-answer, no hook: rows: ok
1 lose-answer, no hook: warnings: ok
2 drop-commit, no hook: proxy: ok
2 drop-commit, no hook: answer: ok
2 drop-commit, no hook: the proxy acted: ok
2 drop-commit, no hook: contact gone, order cleared: ok
2 drop-commit, no hook: one log row: ok
2 drop-commit, no hook: hook: ok
2 drop-commit, no hook: next call: success, message: %d
2 drop-commit, no hook: rows: ok
2 drop-commit, no hook: warnings: ok
3 lose-answer, ContactDelete hook: proxy: ok
3 lose-answer, ContactDelete hook: answer: ok
3 lose-answer, ContactDelete hook: the proxy acted: ok
3 lose-answer, ContactDelete hook: contact gone, order cleared: ok
3 lose-answer, ContactDelete hook: one log row: ok
3 lose-answer, ContactDelete hook: hook: ok
3 lose-answer, ContactDelete hook: next call: success, message: %d
3 lose-answer, ContactDelete hook: rows: ok
3 lose-answer, ContactDelete hook: warnings: ok
4 drop-commit, ContactDelete hook: proxy: ok
4 drop-commit, ContactDelete hook: answer: ok
4 drop-commit, ContactDelete hook: the proxy acted: ok
4 drop-commit, ContactDelete hook: contact gone, order cleared: ok
4 drop-commit, ContactDelete hook: one log row: ok
4 drop-commit, ContactDelete hook: hook: ok
4 drop-commit, ContactDelete hook: next call: success, message: %d
4 drop-commit, ContactDelete hook: rows: ok
4 drop-commit, ContactDelete hook: warnings: ok
