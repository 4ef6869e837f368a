<?php
/*
 * The side-by-side benchmark: (a) the extension's localAPI(), (b)
 * the pure-PHP peer (bench/peer.php), (c) the C limit (bench/limit.c), in
 * interleaved fixed-duration bursts, several rounds, medians across rounds.
 * Started by bench/run, which builds everything and sets the environment.
 *
 *   php bench/bench.php [--rounds N] [--duration SEC] [--bcrypt-duration SEC] [--json FILE] [--only KEY,...]
 *
 * Every round starts from a clean bench client (its contacts and log rows
 * deleted) and runs, for every scenario, one burst of each contestant; the
 * contestants' order rotates from round to round (abc, bca, cab, ...) so that
 * neither drift nor the clean-up's background purge always hits the same one.
 * Prints a markdown table (medians across rounds; a/b and a/c are the medians
 * of the per-round ratios) and the targets checked against it.
 *
 * The targets, what the extension is measured against (bench/RESULTS.md says
 * which are met and what stands in the way of the others): for a plain
 * contact at least 2 x the peer's ops/s and 0.9 x the limit's; p99 at most
 * 3 x p50 in every scenario; the error path no slower than the success path;
 * with 8 processes an a/b ratio at least the one of 1 process. GetContacts (a client with 10
 * contacts, the default page) and UpdateContact (two fields of one contact): at least 1.5 x
 * the peer's ops/s and 0.9 x their own floor's, the floor being the extension's own
 * statements run from C (bench/limit.c, modes getcontacts and updatecontact).
 * GetClientsDetails of the fixture client (bench/fixture-gcd.sql: 5 custom fields, 20
 * invoices, 5 services), without and with stats: at least 2 x the peer's ops/s and 0.9 x
 * the floor's (bench/limit.c, modes gcd and gcd-stats: the extension's statements).
 */

declare(strict_types=1);

require __DIR__ . '/lib.php';

$opt = getopt('', ['rounds:', 'duration:', 'bcrypt-duration:', 'json:', 'only:']);
$rounds = max(1, (int) ($opt['rounds'] ?? 5));
$duration = (float) ($opt['duration'] ?? 2.0);
$bcryptDuration = (float) ($opt['bcrypt-duration'] ?? 1.0);
$jsonFile = $opt['json'] ?? null;

/* key => [label, worker scenario, processes, contestants, worker settings]. Every row runs with
 * localapi.whmcs_version=7 (the peer's rules) against the 8.x layout, except 'whmcs8', which
 * lets the database's Version row (8.x) decide, as an 8.x install does; it and the optional
 * baseline build (BENCH_BASELINE_EXT=path of another localapi.so) run right after 'plain', so
 * that the three plain paths meet the same server conditions. */
$scenarios = ['plain' => ['plain contact', 'plain', 1, 'abc']];
$scenarios['whmcs8'] = ['plain contact, WHMCS 8.x behaviour (from the Version row)', 'plain', 1, 'ac', ['whmcs' => 'auto']];
if (($baseline = getenv('BENCH_BASELINE_EXT')) !== false && $baseline !== '') {
	$scenarios['baseline'] = ['plain contact, baseline build (' . basename(dirname($baseline, 2)) . ')', 'plain', 1, 'ac',
		['ext' => $baseline]];
}
$scenarios += [
	'subaccount' => ['sub-account + permissions (duplicate check, no password2)', 'subaccount', 1, 'abc'],
	'error' => ['`Client ID Not Found`', 'error', 1, 'abc'],
	'plain2' => ['plain contact, 2 processes', 'plain', 2, 'abc'],
	'plain4' => ['plain contact, 4 processes', 'plain', 4, 'abc'],
	'plain8' => ['plain contact, 8 processes', 'plain', 8, 'abc'],
	'bcrypt' => ['sub-account with password2 (bcrypt, cost 10)', 'bcrypt', 1, 'ab'],
	/* The read: a client with BENCH_READ_CONTACTS contacts, filtered by userid, the default page. */
	'getcontacts' => ['GetContacts: a client with ' . BENCH_READ_CONTACTS . ' contacts, the default page', 'getcontacts', 1, 'abc',
		['client' => bench_read_client()]],
	/* The write: two fields of one contact, new values on every call (one process: one row). */
	'updatecontact' => ['UpdateContact: two fields of one contact', 'updatecontact', 1, 'abc',
		array_combine(['client', 'contact'], bench_update_contact())],
	/* The read of one client's record: 5 custom fields; with stats, 20 invoices and 5 services summed. */
	'gcd' => ['GetClientsDetails: the fixture client, 5 custom fields', 'gcd', 1, 'abc', ['client' => BENCH_GCD_CLIENT]],
	'gcd-stats' => ['GetClientsDetails with stats: 20 invoices, 5 services', 'gcd-stats', 1, 'abc', ['client' => BENCH_GCD_CLIENT]],
];
/* The baseline build (BENCH_BASELINE_EXT) beside the GetContacts, UpdateContact and GetClientsDetails
 * rows too, (a) only, interleaved with them (before and after, side by side). */
if ($baseline !== false && $baseline !== '') {
	foreach (['getcontacts', 'updatecontact', ...BENCH_GCD_SCENARIOS] as $key) {
		[$label, $worker, $procs, , $settings] = $scenarios[$key];
		$scenarios[$key . '-baseline'] = [$label . ', baseline build', $worker, $procs, 'a', ['ext' => $baseline] + $settings];
	}
}
/* --only getcontacts,updatecontact: those rows alone (a quick look; the targets of rows not run are skipped). */
if (isset($opt['only'])) {
	$scenarios = array_intersect_key($scenarios, array_flip(explode(',', $opt['only'])));
}

$client = bench_client();
$missing = bench_missing_client();
$removed = bench_cleanup($client);
fprintf(STDERR, "bench: client %d (missing client %d), %d old rows removed; %d rounds of %.1f s bursts\n",
	$client, $missing, $removed, $rounds, $duration);

$results = [];
$started = microtime(true);
for ($round = 0; $round < $rounds; $round++) {
	bench_cleanup($client);
	usleep(500000);
	$order = substr('abcabc', $round % 3, 3);
	foreach ($scenarios as $key => $entry) {
		[$label, $scenario, $procs, $who] = $entry;
		$line = [];
		foreach (str_split($order) as $contestant) {
			if (!str_contains($who, $contestant)) {
				continue;
			}
			$run = ($entry[4] ?? []) + ['client' => $client, 'missing' => $missing,
				'duration' => $scenario === 'bcrypt' ? $bcryptDuration : $duration, 'warmup' => $scenario === 'bcrypt' ? 2 : 20];
			$r = bench_burst($contestant, $scenario, $procs, $run);
			$results[$key][$contestant][$round] = $r;
			$line[] = sprintf('%s %.0f/s', $contestant, $r['rate']);
		}
		fprintf(STDERR, "bench: round %d/%d %-10s %s\n", $round + 1, $rounds, $key, implode('  ', $line));
	}
}
bench_cleanup($client);
fprintf(STDERR, "bench: measured in %.0f s\n", microtime(true) - $started);

/* Medians across rounds; ratios as medians of the per-round ratios. */
$summary = [];
foreach ($results as $key => $byWho) {
	foreach ($byWho as $who => $perRound) {
		foreach (['rate', 'p50', 'p99', 'cpu_us'] as $metric) {
			$summary[$key][$who][$metric] = bench_median(array_column($perRound, $metric));
		}
		$summary[$key][$who]['min'] = min(array_column($perRound, 'rate'));
		$summary[$key][$who]['max'] = max(array_column($perRound, 'rate'));
	}
	foreach (['b', 'c'] as $other) {
		$ratios = [];
		foreach ($byWho['a'] as $round => $r) {
			if (isset($byWho[$other][$round])) {
				$ratios[] = $r['rate'] / $byWho[$other][$round]['rate'];
			}
		}
		$summary[$key]["a/$other"] = $ratios ? bench_median($ratios) : NAN;
	}
}

function fmt_rate(?array $s): string
{
	return $s === null ? 'n/a' : number_format($s['rate'], 0, '.', '');
}

function fmt_lat(?array $s): string
{
	return $s === null ? 'n/a' : sprintf('%s / %s', fmt_ms($s['p50']), fmt_ms($s['p99']));
}

function fmt_ms(float $ms): string
{
	return $ms >= 10 ? sprintf('%.1f', $ms) : sprintf('%.3f', $ms);
}

function fmt_ratio(float $x): string
{
	return is_nan($x) ? 'n/a' : sprintf('%.2f', $x);
}

echo "| scenario | procs | (a) ext ops/s | (b) peer ops/s | (c) limit ops/s | a/b | a/c | (a) p50 / p99 ms | (b) p50 / p99 ms | (c) p50 / p99 ms |\n";
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
foreach ($scenarios as $key => [$label, , $procs]) {
	$s = $summary[$key];
	printf("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", $label, $procs,
		fmt_rate($s['a'] ?? null), fmt_rate($s['b'] ?? null), fmt_rate($s['c'] ?? null),
		fmt_ratio($s['a/b']), fmt_ratio($s['a/c']),
		fmt_lat($s['a'] ?? null), fmt_lat($s['b'] ?? null), fmt_lat($s['c'] ?? null));
}
printf("\nMedians of %d round(s) of %.1f s bursts (bcrypt: %.1f s); a/b and a/c are medians of the per-round ratios.\n",
	$rounds, $duration, $bcryptDuration);
echo "(c) for `Client ID Not Found` is one prepared `SELECT id FROM tblclients WHERE id = ?` (the floor of that path);"
	. " for GetContacts and UpdateContact the extension's own statements from C (the page with its count, autocommit on;"
	. " locking read, UPDATE, COMMIT); for GetClientsDetails the extension's own statements from C (snapshot,"
	. " client, 3 settings, currency, custom fields, with stats 5 more, ROLLBACK);"
	. " elsewhere one prepared INSERT, autocommit.\n";
echo "Latencies are per call over all processes of a burst. Spread of the per-round ops/s (min-max):\n\n";
echo "| scenario | (a) ext | (b) peer | (c) limit | client CPU per call, µs (a / b / c) |\n";
echo "|---|---:|---:|---:|---:|\n";
foreach ($scenarios as $key => [$label]) {
	$s = $summary[$key];
	$range = fn ($w) => isset($s[$w]) ? sprintf('%.0f-%.0f', $s[$w]['min'], $s[$w]['max']) : 'n/a';
	$cpu = fn ($w) => isset($s[$w]) ? sprintf('%.0f', $s[$w]['cpu_us']) : 'n/a';
	printf("| %s | %s | %s | %s | %s / %s / %s |\n", $label, $range('a'), $range('b'), $range('c'), $cpu('a'), $cpu('b'), $cpu('c'));
}

/* The targets of the header comment. */
$p = $summary['plain'] ?? null;
$targets = [];
if ($p !== null) {
	$targets[] = ['plain: a/b >= 2', $p['a/b'], $p['a/b'] >= 2, ''];
	$targets[] = ['plain: a/c >= 0.9', $p['a/c'], $p['a/c'] >= 0.9, ''];
}
/* The other commands: at least 1.5 x the peer's ops/s and 0.9 x their floor's. */
foreach (['getcontacts', 'updatecontact'] as $key) {
	if (isset($summary[$key])) {
		$g = $summary[$key];
		$targets[] = ["$key: a/b >= 1.5", $g['a/b'], $g['a/b'] >= 1.5, ''];
		$targets[] = ["$key: a/c >= 0.9", $g['a/c'], $g['a/c'] >= 0.9, ''];
	}
}
/* GetClientsDetails: at least 2 x the peer's ops/s and 0.9 x its floor's. */
foreach (BENCH_GCD_SCENARIOS as $key) {
	if (isset($summary[$key])) {
		$g = $summary[$key];
		$targets[] = ["$key: a/b >= 2", $g['a/b'], $g['a/b'] >= 2, ''];
		$targets[] = ["$key: a/c >= 0.9", $g['a/c'], $g['a/c'] >= 0.9, ''];
	}
}
foreach ($scenarios as $key => [$label]) {
	if ($key === 'bcrypt' || !isset($summary[$key]['b'])) {
		continue;
	}
	$x = $summary[$key]['a']['p99'] / $summary[$key]['a']['p50'];
	$cx = $summary[$key]['c']['p99'] / $summary[$key]['c']['p50'];
	$targets[] = ["$key: (a) p99 <= 3 x p50", $x, $x <= 3, sprintf('(c) p99/p50 = %.2f, (b) %.2f', $cx,
		$summary[$key]['b']['p99'] / $summary[$key]['b']['p50'])];
}
if ($p !== null && isset($summary['error'])) {
	$e = $summary['error']['a']['rate'] / $p['a']['rate'];
	$targets[] = ['error path ops/s >= plain ops/s (a)', $e, $e >= 1, sprintf('(b) %.2f', $summary['error']['b']['rate'] / $p['b']['rate'])];
}
if ($p !== null && isset($summary['plain8'])) {
	$targets[] = ['8 processes: a/b >= a/b at 1 process', $summary['plain8']['a/b'], $summary['plain8']['a/b'] >= $p['a/b'],
		'a/b at 1 process = ' . fmt_ratio($p['a/b'])];
}
/* The 8.x plain path against the 7.x one measured beside it: same INSERT and log row, no slower. */
if ($p !== null && isset($summary['whmcs8'])) {
	$w = $summary['whmcs8']['a'];
	$targets[] = ['8.x plain (a) ops/s >= 0.95 x 7.x plain (a) ops/s', $w['rate'] / $p['a']['rate'], $w['rate'] >= 0.95 * $p['a']['rate'],
		sprintf('p50 %s vs %s ms; client CPU per call %.0f vs %.0f µs', fmt_ms($w['p50']), fmt_ms($p['a']['p50']),
			$w['cpu_us'], $p['a']['cpu_us'])];
}
if ($p !== null && isset($summary['baseline'], $w)) {
	$base = $summary['baseline']['a'];
	$targets[] = ['8.x plain (a) ops/s >= 0.95 x baseline build plain (a)', $w['rate'] / $base['rate'], $w['rate'] >= 0.95 * $base['rate'],
		sprintf('p50 %s vs %s ms; client CPU per call %.0f vs %.0f µs', fmt_ms($w['p50']), fmt_ms($base['p50']),
			$w['cpu_us'], $base['cpu_us'])];
}
echo "\nTargets, from the medians above:\n\n| target | measured | met | for comparison |\n|---|---:|---|---|\n";
foreach ($targets as [$name, $value, $met, $context]) {
	printf("| %s | %s | %s | %s |\n", $name, fmt_ratio($value), $met ? 'yes' : '**no**', $context);
}

if ($jsonFile !== null) {
	file_put_contents($jsonFile, json_encode(['rounds' => $rounds, 'duration' => $duration,
		'summary' => $summary, 'per_round' => $results], JSON_PRETTY_PRINT | JSON_PARTIAL_OUTPUT_ON_ERROR) . "\n");
}
