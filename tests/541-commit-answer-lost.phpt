--TEST--
Honest outcomes: the answer to COMMIT is lost while the server lives; the call finds its row and answers success, exactly one row (behaviour §9)
--DESCRIPTION--
A child process reaches the server through tests/fault-proxy.inc, which
relays everything but, at the first (or second) COMMIT, lets the server
commit and answer, then drops the answer and closes the connection. The
call cannot know whether its COMMIT happened: it must look for its row (on
a new connection, after making sure the old session has ended) before
trying again or answering.
Expected: success with the contactid of the one row for the call's email,
exactly one log row, no PHP warning. Scenarios: a plain contact, a
sub-account, and a call with a ContactAdd hook where the lost answer is the
log row's COMMIT (the second; the contact committed first): still one log
row, no warning. Without the look, the retry would add a second contact
(or log row). On 8.x the sub-account's call stores a plain contact and its
answer carries the sub-account warning (behaviour §8): a success here.
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

$cid = la_make_client();
$hooks = sys_get_temp_dir() . '/localapi-test-541-hooks-' . getmypid();
@mkdir($hooks);
file_put_contents("$hooks/contactadd.php", '<?php add_hook("ContactAdd", 1, function (array $vars) {});');
$scenarios = [
	'plain contact' => [[], [], 1],
	'sub-account' => [['password2' => 'lost-pw'], [], 1],
	'ContactAdd hook, log COMMIT lost' => [[], ['localapi.hooks_dir' => $hooks], 2],
];
$n = 1;
foreach ($scenarios as $label => [$extra, $ini, $nth]) {
	$email = la_unique_email('lost');
	$proxy = la_out_proxy_start('lose-answer', $nth);
	$child = la_rel_spawn('call', [], la_out_proxy_ini($proxy, $ini));
	la_rel_send($child, ['warmup' => la_missing_client_id(), 'post' => ['clientid' => $cid, 'email' => $email] + $extra]);
	$ready = la_rel_receive($child, 60);
	la_rel_send($child, ['go' => true]);
	$report = la_rel_receive($child, 60);
	[$code, $stderr] = la_rel_finish($child);
	$triggered = la_fault_proxy_stop($proxy);
	$ids = array_map('intval', array_column(la_rows('SELECT id FROM tblcontacts WHERE email = ?', $email), 'id'));
	$logs = la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ? AND description = ?', $cid,
		"Added Contact - User ID: $cid - Contact ID: " . ($ids[0] ?? 0));
	la_is("$n $label: the proxy lost the answer", [$ready === null ? 'no warm-up' : 'warm', $triggered],
		['warm', 'triggered lose-answer, answer 00']);
	la_is("$n $label: answer", preg_replace('/^success, warning: Sub Accounts .*$/', 'success',
		la_out_show($report['answer'] ?? null)), 'success');
	la_is("$n $label: rows", [$ids, $logs], [[$report['answer']['contactid'] ?? -1], 1]);
	la_is("$n $label: warnings", [$report['warnings'] ?? 'no report', $code, $stderr], [[], 0, '']);
	la_rel_figure($label, ['answer' => la_show($report['answer'] ?? null), 'rows' => count($ids), 'log rows' => $logs,
		'call s' => round($report['elapsed'] ?? -1, 3)]);
	$n++;
}
unlink("$hooks/contactadd.php");
rmdir($hooks);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
foreach (glob(sys_get_temp_dir() . '/localapi-test-541-hooks-*') as $dir) {
	array_map('unlink', glob("$dir/*"));
	rmdir($dir);
}
?>
--EXPECT--
1 plain contact: the proxy lost the answer: ok
1 plain contact: answer: ok
1 plain contact: rows: ok
1 plain contact: warnings: ok
2 sub-account: the proxy lost the answer: ok
2 sub-account: answer: ok
2 sub-account: rows: ok
2 sub-account: warnings: ok
3 ContactAdd hook, log COMMIT lost: the proxy lost the answer: ok
3 ContactAdd hook, log COMMIT lost: answer: ok
3 ContactAdd hook, log COMMIT lost: rows: ok
3 ContactAdd hook, log COMMIT lost: warnings: ok
