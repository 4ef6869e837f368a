--TEST--
Timeouts: a server that stops answering (SIGSTOP) costs a call read_timeout plus connect_timeout, never more (behaviour §9)
--DESCRIPTION--
A child process warms up its persistent link (read_timeout = write_timeout =
connect_timeout = 2 s), then the private server is frozen with SIGSTOP, as a
hung or partitioned host would be (the test waits until every thread of the
server has stopped: one still running could answer the first statement and
let the call reach COMMIT), and the child makes one call: a plain
contact, a sub-account, then a call that carries an admin (the admin lookup
runs first). The statement times out after read_timeout, the reconnect after
connect_timeout, and the call answers "Database error: ..." within those
plus the retry budget (2 s; 3 s of slack for a loaded machine), and never
before the read timeout could expire. Nothing reached COMMIT, so after the
server is thawed (SIGCONT, on every path, also in --CLEAN--) and the child's
session has ended, no row exists for the call's email.
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
?>
--FILE--
<?php
require_once __DIR__ . '/outcome.inc';

$pid = la_out_server_pid();
register_shutdown_function(fn () => la_out_signal($pid, 'CONT'));
$cid = la_make_client();
$ini = ['localapi.read_timeout' => '2', 'localapi.write_timeout' => '2', 'localapi.connect_timeout' => '2',
	'localapi.retry_budget' => '2000'];
$bound = 2 + 2 + 2 + 3;
$scenarios = [
	'plain contact' => [[], ''],
	'sub-account' => [['password2' => 'frozen-pw'], ''],
	'with an admin' => [[], 'admin'],
];
$n = 1;
foreach ($scenarios as $label => [$extra, $admin]) {
	$email = la_unique_email('frozen');
	$before = la_rel_sessions();
	$child = la_rel_spawn('call', [], $ini);
	la_rel_send($child, ['warmup' => la_missing_client_id(), 'post' => ['clientid' => $cid, 'email' => $email] + $extra,
		'admin' => $admin]);
	$ready = la_rel_receive($child, 60);
	$session = la_rel_new_session($before, $ready['thread'] ?? null);
	$frozen = la_out_signal($pid, 'STOP');
	try {
		la_rel_send($child, ['go' => true]);
		$report = la_rel_receive($child, 60);
	} finally {
		$thawed = la_out_signal($pid, 'CONT');
	}
	[$code, $stderr] = la_rel_finish($child);
	$elapsed = $report['elapsed'] ?? null;
	la_ok("$n $label: frozen and thawed", $frozen && $thawed && $ready !== null, [$pid, $ready]);
	la_is("$n $label: answer", la_out_show($report['answer'] ?? null), 'error: Database error: <reason>');
	la_ok("$n $label: within read + connect timeouts + retry budget", $elapsed !== null && $elapsed >= 1.9 && $elapsed <= $bound,
		$elapsed);
	la_ok("$n $label: its session ended", la_out_session_gone($session), $session);
	la_is("$n $label: rows", la_count('SELECT COUNT(*) FROM tblcontacts WHERE email = ?', $email), 0);
	la_is("$n $label: warnings", [$report['warnings'] ?? 'no report', $code, $stderr], [[], 0, '']);
	la_rel_figure($label, ['answer' => $report['answer']['message'] ?? null, 'call s' => round($elapsed ?? -1, 3)]);
	$n++;
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/outcome.inc';
la_out_signal(la_out_server_pid(), 'CONT');
la_cleanup_tag();
?>
--EXPECT--
1 plain contact: frozen and thawed: ok
1 plain contact: answer: ok
1 plain contact: within read + connect timeouts + retry budget: ok
1 plain contact: its session ended: ok
1 plain contact: rows: ok
1 plain contact: warnings: ok
2 sub-account: frozen and thawed: ok
2 sub-account: answer: ok
2 sub-account: within read + connect timeouts + retry budget: ok
2 sub-account: its session ended: ok
2 sub-account: rows: ok
2 sub-account: warnings: ok
3 with an admin: frozen and thawed: ok
3 with an admin: answer: ok
3 with an admin: within read + connect timeouts + retry budget: ok
3 with an admin: its session ended: ok
3 with an admin: rows: ok
3 with an admin: warnings: ok
