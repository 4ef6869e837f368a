--TEST--
UpdateContact honest outcomes: the server is killed during COMMIT; the call answers "outcome unknown", never an error that says nothing was written (behaviour §9, §10)
--DESCRIPTION--
As test 542 for AddContact, with UpdateContact (the error says the contact
may have been updated):
a child process reaches the private server through tests/fault-proxy.inc,
which kills the server (SIGKILL) at the call's COMMIT: once before the COMMIT
reaches it, once after the server committed and answered. The answer must be
"Database error: outcome unknown: ..." within the timeouts, with no PHP
warning. After the server is started again (also in --CLEAN--) the row holds
the old value in the first case and the new one in the second, and a call
made after the restart succeeds.
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
require_once __DIR__ . '/update-contact.inc';

$cid = la_make_client();
$ini = ['localapi.read_timeout' => '5', 'localapi.connect_timeout' => '2'];
$scenarios = [
	'killed before the COMMIT arrived' => ['kill-before', 'Old'],
	'killed after it committed' => ['kill-after', 'New'],
];
$n = 1;
foreach ($scenarios as $label => [$mode, $left]) {
	$id = la_upd_make_contact($cid, ['lastname' => 'Old']);
	$proxy = la_out_proxy_start($mode);
	$child = la_rel_spawn('call', [], la_out_proxy_ini($proxy, $ini));
	la_rel_send($child, ['warmup' => la_missing_client_id(),
		'post' => ['localAPI' => ['UpdateContact', ['contactid' => $id, 'lastname' => 'New']]]]);
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
	la_ok("$n $label: says the contact may have been updated",
		str_contains($report['answer']['message'] ?? '', 'the contact may have been updated'), $report['answer'] ?? null);
	la_ok("$n $label: within the timeouts", ($report['elapsed'] ?? 99) <= 5 + 2 + 2 + 3, $report['elapsed'] ?? null);
	la_is("$n $label: server started again", [$started, $started === 0 ? '' : $output], [0, '']);
	la_is("$n $label: the row after the restart", la_contact($id)['lastname'] ?? null, $left);
	la_is("$n $label: warnings", [$report['warnings'] ?? 'no report', $code, $stderr], [[], 0, '']);
	$n++;
}
la_is($n, localAPI('UpdateContact', ['contactid' => $id, 'lastname' => 'After']), ['result' => 'success', 'contactid' => $id]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/outcome.inc';
la_rel_db_ensure_running();
la_cleanup_tag();
?>
--EXPECT--
1 killed before the COMMIT arrived: the proxy killed the server: ok
1 killed before the COMMIT arrived: answer: ok
1 killed before the COMMIT arrived: says the contact may have been updated: ok
1 killed before the COMMIT arrived: within the timeouts: ok
1 killed before the COMMIT arrived: server started again: ok
1 killed before the COMMIT arrived: the row after the restart: ok
1 killed before the COMMIT arrived: warnings: ok
2 killed after it committed: the proxy killed the server: ok
2 killed after it committed: answer: ok
2 killed after it committed: says the contact may have been updated: ok
2 killed after it committed: within the timeouts: ok
2 killed after it committed: server started again: ok
2 killed after it committed: the row after the restart: ok
2 killed after it committed: warnings: ok
3: ok
