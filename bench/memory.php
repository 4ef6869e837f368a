<?php
/*
 * Memory per call of one command, in one process: (a) the extension or (b) the peer.
 *
 *   php [-d extension=... -d localapi.db_...] bench/memory.php --impl ext|peer
 *       --scenario getcontacts|updatecontact|gcd|gcd-stats [--calls N]
 *   (the peer's gcd scenarios need the extension loaded too, for its Price class)
 *
 * For the scenarios of bench/worker.php other than AddContact's (scripts/soak.sh measures
 * AddContact's 100 000 calls): N calls (20 000 unless told), and
 *   - per call, the PHP heap (Zend MM) one call takes at its peak above what the process held
 *     before it, and what it still holds after it (memory_get_usage(), exact: median of the
 *     calls after the first 1 000);
 *   - VmRSS and VmHWM (peak RSS) after 1 000 calls and after N: what N calls left behind.
 * Prints one markdown table row; exit 1 when peak RSS grew by more than 2 MB or a call
 * kept heap memory.
 */

declare(strict_types=1);

require __DIR__ . '/lib.php';

$opt = getopt('', ['impl:', 'scenario:', 'calls:']);
$impl = $opt['impl'] ?? 'ext';
$scenario = $opt['scenario'] ?? 'getcontacts';
$calls = max(2000, (int) ($opt['calls'] ?? 20000));

if ($impl === 'peer') {
	require __DIR__ . '/peer.php';
	$c = bench_config();
	peer_configure($c['socket'], $c['user'], $c['password'], $c['db']);
	$fn = 'peer_localAPI';
} else {
	$fn = 'localAPI';
}
if ($scenario === 'getcontacts') {
	$command = 'GetContacts';
	$base = ['userid' => (string) bench_read_client()];
} elseif ($scenario === 'gcd' || $scenario === 'gcd-stats') {
	$command = 'GetClientsDetails';
	$base = ['clientid' => (string) BENCH_GCD_CLIENT] + ($scenario === 'gcd-stats' ? ['stats' => '1'] : []);
} elseif ($scenario === 'updatecontact') {
	$command = 'UpdateContact';
	$base = ['contactid' => (string) bench_update_contact()[1]];
} else {
	fwrite(STDERR, "memory: --scenario must be getcontacts, updatecontact, gcd or gcd-stats\n");
	exit(2);
}

function status_kb(string $field): int
{
	preg_match('/^' . $field . ':\s+(\d+) kB/m', (string) file_get_contents('/proc/self/status'), $m);
	return (int) ($m[1] ?? 0);
}

/* Filled in place, so that recording a call allocates nothing. */
$peak = array_fill(0, $calls + 1, 0);
$kept = array_fill(0, $calls + 1, 0);
$rss = [1000 => [0, 0], $calls => [0, 0]];
$started = microtime(true);
for ($i = 1; $i <= $calls; $i++) {
	$post = $base;
	if ($command === 'UpdateContact') {
		$post['firstname'] = "Mem $impl $i";
		$post['lastname'] = "Doe $i";
	}
	$before = memory_get_usage();
	memory_reset_peak_usage();
	$answer = $fn($command, $post, '');
	$after = memory_get_usage();
	if ($answer['result'] !== 'success') {
		fwrite(STDERR, "memory: call $i: " . json_encode($answer) . "\n");
		exit(1);
	}
	$peak[$i] = memory_get_peak_usage() - $before;
	unset($answer);
	$kept[$i] = memory_get_usage() - $before;
	if ($i === 1000 || $i === $calls) {
		$rss[$i] = [status_kb('VmHWM'), status_kb('VmRSS')];
	}
}
$seconds = microtime(true) - $started;
$peakMedian = bench_median(array_slice($peak, 1001));
$keptMax = max(array_slice($kept, 1001));
$growth = $rss[$calls][0] - $rss[1000][0];
printf("| %s | %s | %s | %s B | %s B | %s / %s kB | %s / %s kB | %+d kB | %.0f/s |\n",
	$command . ($scenario === 'gcd-stats' ? ' (stats)' : ''), $impl === 'ext' ? '(a) ext' : '(b) peer',
	number_format($calls), number_format($peakMedian), number_format($keptMax), number_format($rss[1000][0]),
	number_format($rss[1000][1]), number_format($rss[$calls][0]), number_format($rss[$calls][1]), $growth, $calls / $seconds);
exit($growth > 2048 || $keptMax > 0 ? 1 : 0);
