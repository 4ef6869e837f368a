--TEST--
Races: 8 processes, the same new emails spelled in 8 letter cases, at the same moment; one row per email (behaviour §3.6, §4 "Lock conflicts", §7 "Equality")
--DESCRIPTION--
Like 500, but each process spells every email in its own mix of upper and
lower case (8 distinct spellings per address). The duplicate rule compares
as the column collation does (utf8_unicode_ci, case-insensitive), so still
exactly one sub-account per address may exist, stored as its winner spelled it.
12 addresses instead of 500's 50 keep the test short: every call hashes its
password2 with bcrypt first (about 0.1 s of CPU each). Under run-tests.php -m
(valgrind traces the children too) 4 processes and 3 addresses.
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
define('LA_EMAILS', la_rel_under_valgrind() ? 3 : 12);

/* Process $p upper-cases the letters at positions i where bit (i % 3) of $p is set. */
function la_case_variant(string $email, int $p): string
{
	$out = '';
	for ($i = 0; $i < strlen($email); $i++) {
		$out .= ($p >> ($i % 3)) & 1 ? strtoupper($email[$i]) : $email[$i];
	}
	return $out;
}

$cid = la_make_client();
$tag = bin2hex(random_bytes(5));
$emails = [];
for ($e = 0; $e < LA_EMAILS; $e++) {
	$emails[] = "la-race-case-$tag-$e@example.test";
}
$calls = [];
$spellings = [];
for ($p = 0; $p < LA_PROCESSES; $p++) {
	foreach ($emails as $e => $email) {
		$spelling = la_case_variant($email, $p);
		$spellings[$e][$p] = $spelling;
		$calls[$p][] = ['clientid' => $cid, 'email' => $spelling, 'password2' => "pw-$p-$e",
			'permissions' => $p % 2 ? 'invoices' : ''];
	}
}
la_is(1, array_map(fn ($list) => count(array_unique($list)), $spellings), array_fill(0, LA_EMAILS, LA_PROCESSES));

$counters = la_rel_lock_counters();
$race = la_rel_race($calls, la_missing_client_id());
$counters = la_rel_counters_delta($counters, la_rel_lock_counters());
la_is(2, $race['problems'], []);
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
la_is(3, $tally, ['error: Duplicate Email Address' => LA_PROCESSES * LA_EMAILS - LA_EMAILS, 'success' => LA_EMAILS]);
$wins = array_map('count', $winners + array_fill(0, LA_EMAILS, []));
ksort($wins);
la_is(4, $wins, array_fill(0, LA_EMAILS, 1));

$rows = la_rows('SELECT id, email, subaccount FROM tblcontacts WHERE userid = ? ORDER BY id', $cid);
la_is(5, count($rows), LA_EMAILS);
$per_address = array_count_values(array_map('strtolower', array_column($rows, 'email')));
ksort($per_address);
$expected = array_fill_keys($emails, 1);
ksort($expected);
la_is(6, $per_address, $expected);
$mismatch = [];
foreach ($rows as $row) {
	$e = array_search(strtolower($row['email']), $emails, true);
	[$p, $contactid] = $winners[$e][0] ?? [null, null];
	if ($p === null || (int) $row['id'] !== $contactid || $row['email'] !== $spellings[$e][$p] || $row['subaccount'] != 1) {
		$mismatch[] = $row['email'];
	}
}
la_is(7, $mismatch, []);

la_rel_figure('calls', LA_PROCESSES * LA_EMAILS);
la_rel_figure('answers', $tally);
la_rel_figure('rows', count($rows));
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
