--TEST--
Races: 8 processes add sub-accounts for the same 50 new emails at the same moment; one row per email (behaviour §3.6, §4 "Lock conflicts")
--DESCRIPTION--
8 child PHP processes (this PHP binary, -n, the same localapi.so and the
same localapi.* settings) each open their connection, wait for one start
time, then try to add a sub-account (password2 set; every other process also
sets permissions) for each of the same 50 new email addresses, in the same
order. The schema has no unique key on email (behaviour §4), so only the
extension's own locking keeps the rule.
Expected: 50 successes and 350 "Duplicate Email Address", no other answer
(lock waits and deadlocks are retried inside the call, behaviour §4 "Lock conflicts"), no PHP
warning; exactly one tblcontacts row per email, a sub-account, the one whose
contactid the winner got, plus its log row.
Under run-tests.php -m (valgrind traces the children too, and bcrypt then
takes over a second a call) the race shrinks to 4 processes and 4 emails.
7.x behaviour only (the duplicate-email rule is 7.x's; 8.x stores no sub-account and checks neither
permissions nor duplicate emails, behaviour §8): skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
race
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7);
if (!is_readable('/proc/self/maps')) {
	die('skip needs /proc/self/maps to find localapi.so for the children');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

/* Under valgrind the children are traced too and bcrypt takes over a second: a smaller race. */
define('LA_PROCESSES', la_rel_under_valgrind() ? 4 : 8);
define('LA_EMAILS', la_rel_under_valgrind() ? 4 : 50);

$cid = la_make_client();
$tag = bin2hex(random_bytes(5));
$emails = [];
for ($e = 0; $e < LA_EMAILS; $e++) {
	$emails[] = "la-race-$tag-$e@example.test";
}
$calls = [];
for ($p = 0; $p < LA_PROCESSES; $p++) {
	foreach ($emails as $e => $email) {
		$post = ['clientid' => $cid, 'email' => $email, 'firstname' => "P$p", 'password2' => "pw-$p-$e"];
		if ($p % 2) {
			$post['permissions'] = 'profile,tickets';
		}
		$calls[$p][] = $post;
	}
}

$counters = la_rel_lock_counters();
$race = la_rel_race($calls, la_missing_client_id());
$counters = la_rel_counters_delta($counters, la_rel_lock_counters());
la_is(1, $race['problems'], []);

/* every answer, tallied */
$tally = [];
$winners = [];
foreach ($race['answers'] as $p => $answers) {
	foreach ($answers as $e => $answer) {
		$shown = la_show($answer);
		$tally[$shown] = ($tally[$shown] ?? 0) + 1;
		if ($shown === 'success') {
			$winners[$e][] = [$p, $answer['contactid']];
		}
	}
}
ksort($tally);
la_is(2, $tally, ['error: Duplicate Email Address' => LA_PROCESSES * LA_EMAILS - LA_EMAILS, 'success' => LA_EMAILS]);
$not_one = [];
foreach ($emails as $e => $email) {
	if (count($winners[$e] ?? []) !== 1) {
		$not_one[$email] = count($winners[$e] ?? []);
	}
}
la_is(3, $not_one, []);

/* the table: one sub-account per email, the winner's */
$rows = la_rows('SELECT id, email, firstname, subaccount, permissions, password FROM tblcontacts WHERE userid = ? ORDER BY id', $cid);
la_is(4, count($rows), LA_EMAILS);
$per_email = array_count_values(array_column($rows, 'email'));
la_is(5, array_filter($per_email, fn ($count) => $count !== 1), []);
$stored = array_keys($per_email);
sort($stored);
$sorted = $emails;
sort($sorted);
la_is(6, $stored, $sorted);
$mismatch = [];
foreach ($rows as $row) {
	$e = array_search($row['email'], $emails, true);
	[$p, $contactid] = $winners[$e][0] ?? [null, null];
	$actual = [(int) $row['id'], $row['firstname'], (int) $row['subaccount'], $row['permissions']];
	if ($p === null || $actual !== [$contactid, "P$p", 1, $p % 2 ? 'profile,tickets' : '']) {
		$mismatch[] = $row['email'];
	}
}
la_is(7, $mismatch, []);
/* the stored hash is the winner's own password (three samples: bcrypt is slow) */
$verified = 0;
foreach (array_slice($rows, 0, 3) as $row) {
	$e = array_search($row['email'], $emails, true);
	$verified += password_verify('pw-' . $winners[$e][0][0] . "-$e", $row['password']) ? 1 : 0;
}
la_is(8, $verified, min(3, LA_EMAILS));
la_is(9, la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $cid), LA_EMAILS);

$by_process = array_fill(0, LA_PROCESSES, 0);
foreach ($winners as $list) {
	foreach ($list as [$p]) {
		$by_process[$p]++;
	}
}
la_rel_figure('calls', LA_PROCESSES * LA_EMAILS);
la_rel_figure('answers', $tally);
la_rel_figure('rows', count($rows));
la_rel_figure('wins per process', $by_process);
la_rel_figure('server counters during the race (all clients)', $counters);
la_rel_figure('release spread s', round($race['spread'], 4));
la_rel_figure('elapsed s', round($race['elapsed'], 2));
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
7: ok
8: ok
9: ok
