--TEST--
Honest outcomes: the server is killed during COMMIT; the call answers "outcome unknown", never an error that says nothing was written (behaviour §9)
--DESCRIPTION--
A child process reaches the private server through tests/fault-proxy.inc,
which kills the server (SIGKILL) at the call's COMMIT: once before the
COMMIT reaches it (nothing is committed), once after the server committed
and answered (the answer never arrives). Either way nobody can tell the
caller what happened until the server is back: the answer must be
"Database error: outcome unknown: ..." (the contact may have been added),
within the timeouts, with no PHP warning. The test then starts the server
again (also in --CLEAN--) and checks what the crash left: no row in the
first case; the committed row and its log row in the second (the server
runs with innodb_flush_log_at_trx_commit=1). A call made after the restart
succeeds.
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

$cid = la_make_client();
$ini = ['localapi.read_timeout' => '5', 'localapi.connect_timeout' => '2'];
$scenarios = [
	'killed before the COMMIT arrived' => ['kill-before', 0],
	'killed after it committed' => ['kill-after', 1],
];
$n = 1;
foreach ($scenarios as $label => [$mode, $rows_left]) {
	$email = la_unique_email('killed');
	$proxy = la_out_proxy_start($mode);
	$child = la_rel_spawn('call', [], la_out_proxy_ini($proxy, $ini));
	la_rel_send($child, ['warmup' => la_missing_client_id(), 'post' => ['clientid' => $cid, 'email' => $email],
		'then' => ['post' => ['clientid' => $cid, 'email' => la_unique_email('down')]]]);
	$ready = la_rel_receive($child, 60);
	la_rel_send($child, ['go' => true]);
	$report = la_rel_receive($child, 60);
	[$code, $stderr] = la_rel_finish($child);
	$triggered = la_fault_proxy_stop($proxy);
	la_db_close();
	[$started, $output] = la_rel_db('start');
	$ids = array_map('intval', array_column(la_rows('SELECT id FROM tblcontacts WHERE email = ?', $email), 'id'));
	$logs = $ids === [] ? 0 : la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ? AND description = ?', $cid,
		"Added Contact - User ID: $cid - Contact ID: {$ids[0]}");
	la_is("$n $label: the proxy killed the server", [$ready === null ? 'no warm-up' : 'warm', $triggered],
		['warm', $mode === 'kill-after' ? "triggered $mode, answer 00" : "triggered $mode"]);
	la_is("$n $label: answer", la_out_show($report['answer'] ?? null), 'error: Database error: outcome unknown: <reason>');
	la_ok("$n $label: says the contact may have been added",
		str_contains($report['answer']['message'] ?? '', 'the contact may have been added'), $report['answer'] ?? null);
	la_ok("$n $label: within the timeouts", ($report['elapsed'] ?? 99) <= 5 + 2 + 2 + 3, $report['elapsed'] ?? null);
	la_is("$n $label: the next call, server still down", la_out_show($report['then'] ?? null), 'error: Database error: <reason>');
	la_is("$n $label: server started again", [$started, $started === 0 ? '' : $output], [0, '']);
	la_is("$n $label: rows after the restart", [count($ids), $logs], [$rows_left, $rows_left]);
	la_is("$n $label: warnings", [$report['warnings'] ?? 'no report', $code, $stderr], [[], 0, '']);
	la_rel_figure($label, ['answer' => $report['answer']['message'] ?? null, 'rows' => count($ids),
		'call s' => round($report['elapsed'] ?? -1, 3)]);
	$n++;
}
la_call($n, 'AddContact', ['clientid' => $cid, 'email' => la_unique_email('after')]);
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
1 killed before the COMMIT arrived: says the contact may have been added: ok
1 killed before the COMMIT arrived: within the timeouts: ok
1 killed before the COMMIT arrived: the next call, server still down: ok
1 killed before the COMMIT arrived: server started again: ok
1 killed before the COMMIT arrived: rows after the restart: ok
1 killed before the COMMIT arrived: warnings: ok
2 killed after it committed: the proxy killed the server: ok
2 killed after it committed: answer: ok
2 killed after it committed: says the contact may have been added: ok
2 killed after it committed: within the timeouts: ok
2 killed after it committed: the next call, server still down: ok
2 killed after it committed: server started again: ok
2 killed after it committed: rows after the restart: ok
2 killed after it committed: warnings: ok
3: success
