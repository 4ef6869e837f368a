--TEST--
UpdateContact 7.x races: UpdateContact and AddContact racing to give sub-accounts one new email leave exactly one (behaviour §10 "Settled points", §3.6)
--DESCRIPTION--
Child PHP processes (tests/reliability.inc's race) each warm up their own
connection and are released at one moment. Per round and fresh email: two
processes each turn a sub-account of their own (another email before) to the
new email with UpdateContact, two more make a plain contact a sub-account with
that email (subaccount=1 and email in one UpdateContact), and four add a
sub-account with it through AddContact. Exactly one call per round
succeeds, the others answer Duplicate Email Address, and exactly one
sub-account holds the email. Repeated over several rounds (a broken lock
loses in some of them: without the duplicate check's locking reads, tried,
several rounds end with two or more sub-accounts).
7.x behaviour only: skips on an 8.x database.
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
require_once __DIR__ . '/update-contact.inc';

define('LA_ROUNDS', la_rel_under_valgrind() ? 2 : 20);

$cid = la_make_client();
$calls = $commands = [];
$emails = [];
$contacts = [];
for ($r = 0; $r < LA_ROUNDS; $r++) {
	$emails[$r] = la_unique_email("race$r");
}
/* children 0-1: sub-accounts changing email; 2-3: plain contacts becoming sub-accounts; 4-7: AddContact */
for ($p = 0; $p < 8; $p++) {
	$commands[$p] = $p < 4 ? 'UpdateContact' : 'AddContact';
	foreach ($emails as $r => $email) {
		if ($p < 2) {
			$id = la_upd_make_contact($cid, ['subaccount' => 1, 'password' => 'x']);
			$calls[$p][] = ['contactid' => $id, 'email' => $email];
		} elseif ($p < 4) {
			$id = la_upd_make_contact($cid, ['subaccount' => 0, 'email' => la_unique_email('plain')]);
			$calls[$p][] = ['contactid' => $id, 'email' => $email, 'subaccount' => 1];
		} else {
			$calls[$p][] = ['clientid' => $cid, 'email' => $email, 'password2' => "pw$p"];
		}
	}
}
$race = la_rel_race($calls, la_missing_client_id(), $commands);
la_is(1, $race['problems'], []);

$bad_answers = $bad_rows = [];
foreach ($emails as $r => $email) {
	$tally = [];
	foreach ($race['answers'] as $p => $answers) {
		$answer = $answers[$r] ?? null;
		$shown = ($answer['result'] ?? '') === 'success' ? 'success' : la_show($answer);
		$tally[$shown] = ($tally[$shown] ?? 0) + 1;
	}
	ksort($tally);
	if ($tally !== ['error: Duplicate Email Address' => 7, 'success' => 1]) {
		$bad_answers[$r] = $tally;
	}
	$rows = la_count('SELECT COUNT(*) FROM tblcontacts WHERE email = ? AND subaccount = 1', $email);
	if ($rows !== 1) {
		$bad_rows[$r] = $rows;
	}
}
/* 2: one success and seven duplicates per round; 3: one sub-account per email */
la_is(2, $bad_answers, []);
la_is(3, $bad_rows, []);
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
