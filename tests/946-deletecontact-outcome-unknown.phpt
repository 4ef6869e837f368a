--TEST--
DeleteContact, honest outcomes: the server is killed during COMMIT; the call answers "outcome unknown: the contact may have been deleted", never an error that says nothing was deleted (behaviour §10 "DeleteContact", §9)
--DESCRIPTION--
A child process reaches the private server through tests/fault-proxy.inc,
which kills the server (SIGKILL) at the call's COMMIT: before the COMMIT
reaches it (nothing deleted), after the server committed and answered (the
answer never arrives), and the latter again with a ContactDelete hook (the
delete's own COMMIT). Nobody can tell the caller what happened until the
server is back: the answer is "Database error: outcome unknown: the contact
may have been deleted (...)", within the timeouts, with no warning and no
hook. The test starts the server again (also in --CLEAN--) and checks what
the crash left: the contact and no log row in the first case; no contact and
its one log row in the second; no contact and no log row in the third (the
log row follows the hook, which never ran).
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/outcome.inc';
if (($why = la_rel_db_sh_unusable()) !== null) {
	die("skip $why");
}
if (!is_readable('/proc/self/maps')) {
	die('skip needs /proc/self/maps to find localapi.so for the children');
}
if (la_rel_under_valgrind()) {
	die('skip under valgrind: run-tests traces children, so the restarted server would run under valgrind');
}
?>
--FILE--
<?php
require_once __DIR__ . '/outcome.inc';
require_once __DIR__ . '/delete-contact.inc';

$cid = la_make_client();
$ini = ['localapi.read_timeout' => '5', 'localapi.connect_timeout' => '2'];
$scenarios = [
	'killed before the COMMIT arrived' => ['kill-before', false, [true, 0]],
	'killed after it committed' => ['kill-after', false, [false, 1]],
	'killed after it committed, ContactDelete hook' => ['kill-after', true, [false, 0]],
];
$n = 1;
foreach ($scenarios as $label => [$mode, $hook, $left]) {
	$x = la_del_contact($cid);
	$logs_before = count(la_del_log($cid));
	$proxy = la_out_proxy_start($mode);
	$child = la_rel_spawn('call', [], la_out_proxy_ini($proxy, $ini));
	la_rel_send($child, ['warmup' => la_missing_client_id(), 'hooks' => $hook ? ['ContactDelete'] : [],
		'post' => ['localAPI' => ['DeleteContact', ['contactid' => $x]]]]);
	$ready = la_rel_receive($child, 60);
	la_rel_send($child, ['go' => true]);
	$report = la_rel_receive($child, 60);
	[$code, $stderr] = la_rel_finish($child);
	$triggered = la_fault_proxy_stop($proxy);
	la_db_close();
	[$started, $output] = la_rel_db('start');

	la_is("$n $label: the proxy killed the server", [$ready === null ? 'no warm-up' : 'warm', $triggered],
		['warm', $mode === 'kill-after' ? "triggered $mode, answer 00" : "triggered $mode"]);
	la_is("$n $label: answer", la_out_show($report['answer'] ?? null), 'error: Database error: outcome unknown: <reason>');
	la_ok("$n $label: says the contact may have been deleted",
		str_contains($report['answer']['message'] ?? '', 'the contact may have been deleted'), $report['answer'] ?? null);
	la_ok("$n $label: within the timeouts", ($report['elapsed'] ?? 99) <= 5 + 2 + 2 + 3, $report['elapsed'] ?? null);
	la_is("$n $label: server started again", [$started, $started === 0 ? '' : $output], [0, '']);
	la_is("$n $label: what is left after the restart", [la_contact($x) !== null, count(la_del_log($cid)) - $logs_before], $left);
	la_is("$n $label: no hook, no warnings", [$report['hooked'] ?? 'no report', $report['warnings'] ?? 'no report', $code, $stderr],
		[[], [], 0, '']);
	$n++;
}
la_call($n, 'DeleteContact', ['contactid' => la_del_contact($cid)]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/outcome.inc';
require_once __DIR__ . '/delete-contact.inc';
la_rel_db_ensure_running();
la_del_cleanup();
?>
--EXPECTF--
1 killed before the COMMIT arrived: the proxy killed the server: ok
1 killed before the COMMIT arrived: answer: ok
1 killed before the COMMIT arrived: says the contact may have been deleted: ok
1 killed before the COMMIT arrived: within the timeouts: ok
1 killed before the COMMIT arrived: server started again: ok
1 killed before the COMMIT arrived: what is left after the restart: ok
1 killed before the COMMIT arrived: no hook, no warnings: ok
2 killed after it committed: the proxy killed the server: ok
2 killed after it committed: answer: ok
2 killed after it committed: says the contact may have been deleted: ok
2 killed after it committed: within the timeouts: ok
2 killed after it committed: server started again: ok
2 killed after it committed: what is left after the restart: ok
2 killed after it committed: no hook, no warnings: ok
3 killed after it committed, ContactDelete hook: the proxy killed the server: ok
3 killed after it committed, ContactDelete hook: answer: ok
3 killed after it committed, ContactDelete hook: says the contact may have been deleted: ok
3 killed after it committed, ContactDelete hook: within the timeouts: ok
3 killed after it committed, ContactDelete hook: server started again: ok
3 killed after it committed, ContactDelete hook: what is left after the restart: ok
3 killed after it committed, ContactDelete hook: no hook, no warnings: ok
4: success, message: %d
