<?php
/*
 * The memory soak: one process, many AddContact calls, RSS measured on the
 * way. Run by scripts/soak.sh (on its own, and by bench/run for the
 * benchmark's memory check), which creates the client, points the extension
 * at the database through INI settings and counts the server connections.
 *
 *   php soak.php <clientid> [calls=100000] [max growth in kB=2048]
 *
 * Every call adds a plain contact (no password2, no permissions) to
 * <clientid>. RSS (VmRSS) and peak RSS (VmHWM) are read from
 * /proc/self/status after 1 000 calls, when the allocator, the statement
 * cache and the persistent link have settled, every 10 000 calls and after
 * the last call. Exit status: 0 when every call succeeded and neither RSS nor
 * peak RSS grew by more than the allowed amount, 1 otherwise. The last line
 * is machine-readable.
 */

const WARM_UP = 1000;

function status_kb(string $field): int
{
	$status = file_get_contents('/proc/self/status');
	if (!preg_match('/^' . $field . ':\s+(\d+) kB$/m', $status, $match)) {
		fwrite(STDERR, "soak.php: no $field in /proc/self/status\n");
		exit(2);
	}
	return (int) $match[1];
}

function snapshot(int $calls, float $started): array
{
	return [
		'calls' => $calls,
		'rss' => status_kb('VmRSS'),
		'hwm' => status_kb('VmHWM'),
		'php' => memory_get_usage(true),
		'seconds' => microtime(true) - $started,
	];
}

function show(array $snap): void
{
	printf("soak: after %6d calls  VmRSS %6d kB  VmHWM %6d kB  PHP heap %5d kB  %.1f s\n",
		$snap['calls'], $snap['rss'], $snap['hwm'], intdiv($snap['php'], 1024), $snap['seconds']);
}

if (!function_exists('localAPI')) {
	fwrite(STDERR, "soak.php: the localapi extension is not loaded\n");
	exit(2);
}
$clientid = (int) ($argv[1] ?? 0);
$total = (int) ($argv[2] ?? 100000);
$allowed_kb = (int) ($argv[3] ?? 2048);
if ($clientid <= 0 || $total < WARM_UP) {
	fwrite(STDERR, "usage: php soak.php <clientid> [calls >= " . WARM_UP . "] [max growth kB]\n");
	exit(2);
}

$started = microtime(true);
$errors = 0;
$first_error = '';
$warm = null;
for ($i = 1; $i <= $total; $i++) {
	$answer = localAPI('AddContact', [
		'clientid' => $clientid,
		'firstname' => 'Soak',
		'lastname' => "Call $i",
		'email' => "soak-$clientid-$i@example.test",
		'companyname' => 'O\'Brien & <Co>',
	], '');
	if (($answer['result'] ?? null) !== 'success' || !is_int($answer['contactid'] ?? null)) {
		$errors++;
		if ($first_error === '') {
			$first_error = "call $i: " . json_encode($answer);
		}
	}
	unset($answer);
	if ($i === WARM_UP) {
		$warm = snapshot($i, $started);
		show($warm);
	} elseif ($i % 10000 === 0 || $i === $total) {
		show(snapshot($i, $started));
	}
}
$end = snapshot($total, $started);

$growth = $end['rss'] - $warm['rss'];
$peak_growth = $end['hwm'] - $warm['hwm'];
$ok = $errors === 0 && $growth <= $allowed_kb && $peak_growth <= $allowed_kb;
printf("soak: %d calls in %.1f s (%.0f calls/s), %d errors%s\n", $total, $end['seconds'],
	$total / max($end['seconds'], 0.001), $errors, $first_error === '' ? '' : " (first: $first_error)");
printf("soak: VmRSS %d kB at %d calls, %d kB at %d calls: growth %+d kB (allowed %d kB): %s\n",
	$warm['rss'], WARM_UP, $end['rss'], $total, $growth, $allowed_kb, $growth <= $allowed_kb ? 'flat' : 'GROWING');
printf("soak: VmHWM %d kB at %d calls, %d kB at %d calls: growth %+d kB (allowed %d kB): %s\n",
	$warm['hwm'], WARM_UP, $end['hwm'], $total, $peak_growth, $allowed_kb, $peak_growth <= $allowed_kb ? 'flat' : 'GROWING');
printf("RESULT calls=%d errors=%d rss_warm_kb=%d hwm_warm_kb=%d rss_end_kb=%d hwm_end_kb=%d growth_kb=%d hwm_growth_kb=%d seconds=%.1f\n",
	$total, $errors, $warm['rss'], $warm['hwm'], $end['rss'], $end['hwm'], $growth, $peak_growth, $end['seconds']);
exit($ok ? 0 : 1);
