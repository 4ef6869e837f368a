<?php
/*
 * Where the time of one AddContact goes, for (a) the extension, (b) the peer
 * and (c) the limit. Started by bench/profile (which checks for valgrind).
 *
 *   php bench/profile.php [--scenario plain|subaccount|error|getcontacts|updatecontact|gcd|gcd-stats] [--calls N] [--no-callgrind] [--keep DIR]
 *
 * 1. Native runs (no profiler) of N calls per contestant: this process's
 *    user and system CPU, the server's CPU (mariadbd, from /proc); no wall
 *    times (these runs are not interleaved: the benchmark table has them);
 *    the server's counters (statements, COMMIT/ROLLBACK/BEGIN, statement
 *    executions, InnoDB fsyncs) as the difference between an N-call and an
 *    N/6-call run, which cancels start-up, connection and warm-up. The
 *    counters are server-wide: whatever else runs against the server at the
 *    same time adds to them. Round trips exactly, for this process only: the
 *    same two runs under strace -c, requests sent (sendto) per call.
 * 2. Callgrind (instruction counts: stable on a noisy machine, user space
 *    only, no waiting) of the same two run lengths: instructions per call of
 *    the whole client process, by object file.
 * 3. perf record (cpu-clock samples, when perf works here) of the whole
 *    client process: its CPU by object, the kernel included.
 * 4. Callgrind of the extension with --toggle-collect=zif_localAPI: the
 *    instructions inside localAPI() only, by object file (localapi.so itself,
 *    libmariadb, PHP, libc) and the top functions.
 */

declare(strict_types=1);

require __DIR__ . '/lib.php';

$opt = getopt('', ['scenario:', 'calls:', 'no-callgrind', 'keep:']);
$scenario = $opt['scenario'] ?? 'plain';
$calls = max(60, (int) ($opt['calls'] ?? 600));
$short = intdiv($calls, 6);
$callgrind = !isset($opt['no-callgrind']);
$dir = $opt['keep'] ?? sys_get_temp_dir() . '/localapi-profile-' . getmypid();
@mkdir($dir, 0700, true);

$client = bench_client();
$missing = bench_missing_client();
bench_cleanup($client);
$names = ['Questions', 'Com_commit', 'Com_rollback', 'Com_begin', 'Com_stmt_execute',
	'Innodb_data_fsyncs', 'Innodb_log_writes'];
$who = ['a' => '(a) ext', 'b' => '(b) peer', 'c' => '(c) limit'];

/* CPU time (ns) one thread of the MariaDB server has used, from /proc/<pid>/task/<tid>/schedstat. */
function thread_cpu_ns(?int $tid): ?int
{
	$pid = (int) @file_get_contents(bench_config()['pidfile']);
	$stat = $pid > 0 && $tid ? @file_get_contents("/proc/$pid/task/$tid/schedstat") : false;
	return $stat === false ? null : (int) explode(' ', $stat)[0];
}

/*
 * One worker whose connection is watched on the server side as well: the
 * server runs one thread per connection, and information_schema.PROCESSLIST
 * names its Linux thread id (TID), so the CPU time that thread used during
 * the timed burst is exactly the server's work for these calls (background
 * threads and other clients excluded).
 */
function probed_burst(string $w, string $scenario, array $run): array
{
	$run['start_at'] = microtime(true) + 2.0;
	$run['tag'] = $w . 'p';
	$err = tmpfile();
	$proc = proc_open(bench_command($w, $scenario, $run), [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => $err], $pipes);
	$self = (int) bench_value('SELECT CONNECTION_ID()');
	$user = bench_config()['user'];
	$tid = null;
	while ($tid === null && microtime(true) < $run['start_at'] - 0.3) {
		$tid = bench_value('SELECT TID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND USER = ? AND ID <> ?'
			. ' ORDER BY ID DESC LIMIT 1', [$user, $self]);
		if ($tid === null) {
			usleep(20000);
		}
	}
	if (($left = $run['start_at'] - 0.05 - microtime(true)) > 0) {
		usleep((int) ($left * 1e6));
	}
	$cpu0 = thread_cpu_ns($tid === null ? null : (int) $tid);
	$json = stream_get_contents($pipes[1]);
	fclose($pipes[1]);
	$code = proc_close($proc);
	$cpu1 = thread_cpu_ns($tid === null ? null : (int) $tid);
	rewind($err);
	$r = json_decode((string) $json, true);
	if ($code !== 0 || !is_array($r)) {
		throw new RuntimeException("$w/$scenario: worker failed: exit $code: " . stream_get_contents($err));
	}
	sort($r['lat_ns']);
	return [
		'rate' => $r['ops'] / ($r['elapsed_ns'] / 1e9),
		'p50' => bench_percentile($r['lat_ns'], 50),
		'elapsed_s' => $r['elapsed_ns'] / 1e9,
		'cpu_us' => $r['cpu_ns'] / $r['ops'] / 1e3,
		'user_us' => $r['user_ns'] / $r['ops'] / 1e3,
		'sys_us' => $r['sys_ns'] / $r['ops'] / 1e3,
		'conn_cpu_us' => $cpu0 === null || $cpu1 === null || $r['late_ms'] > 30 ? NAN : ($cpu1 - $cpu0) / $r['ops'] / 1e3,
	];
}

/* One native run: its burst result plus the server's counters and CPU around it. */
function measured_run(string $w, string $scenario, int $count, array $base, array $names): array
{
	$s0 = bench_status($names);
	$cpu0 = bench_server_cpu_ns();
	try {
		$r = probed_burst($w, $scenario, $base + ['count' => $count]);
	} catch (RuntimeException $e) {
		fprintf(STDERR, "profile: %s; running it again\n", $e->getMessage());
		$r = probed_burst($w, $scenario, $base + ['count' => $count]);
	}
	$cpu1 = bench_server_cpu_ns();
	$s1 = bench_status($names);
	foreach ($names as $n) {
		$r['status'][$n] = $s1[$n] - $s0[$n] - ($n === 'Questions' ? 3 : 0); /* our own queries */
	}
	$r['server_cpu_ns'] = $cpu0 === null || $cpu1 === null ? null : $cpu1 - $cpu0;
	return $r;
}

/* System calls of one run under strace -c: [syscall => calls]. */
function strace_run(string $w, string $scenario, int $count, array $base, string $out): array
{
	bench_burst($w, $scenario, 1, $base + ['count' => $count, 'wrap' => ['strace', '-c', '-o', $out]]);
	$calls = [];
	foreach (file($out) ?: [] as $line) {
		$f = preg_split('/\s+/', trim($line));
		if (count($f) >= 5 && is_numeric($f[0]) && ctype_digit($f[3])) {
			$calls[end($f)] = (int) $f[3];
		}
	}
	return $calls;
}

$base = ['client' => $scenario === 'getcontacts' ? bench_read_client()
	: (in_array($scenario, BENCH_GCD_SCENARIOS, true) ? BENCH_GCD_CLIENT : $client), 'missing' => $missing, 'warmup' => 20];
if ($scenario === 'updatecontact') {
	[$base['client'], $base['contact']] = bench_update_contact();
}
$native = [];
$strace = trim((string) shell_exec('command -v strace')) !== '';
foreach ($who as $w => $label) {
	$small = measured_run($w, $scenario, $short, $base, $names);
	$big = measured_run($w, $scenario, $calls, $base, $names);
	$n = $calls - $short;
	/* The worker times its burst only (no start-up, connection or warm-up): take the long run as it is. */
	$row = [
		'wall_us' => $big['elapsed_s'] * 1e6 / $calls,
		'user_us' => $big['user_us'],
		'sys_us' => $big['sys_us'],
		/* The server's CPU covers the whole run; connecting and the warm-up are a small part of it. */
		'server_us' => $big['server_cpu_ns'] === null ? NAN : $big['server_cpu_ns'] / 1e3 / ($calls + $base['warmup']),
		'conn_us' => $big['conn_cpu_us'],
	];
	foreach ($names as $name) {
		$row[$name] = ($big['status'][$name] - $small['status'][$name]) / $n;
	}
	if ($strace) {
		$s1 = strace_run($w, $scenario, $short, $base, "$dir/strace.$w.short");
		$s2 = strace_run($w, $scenario, $calls, $base, "$dir/strace.$w.long");
		foreach (['sendto', 'recvfrom', 'poll', 'read', 'write'] as $sc) {
			$row['sys_' . $sc] = (($s2[$sc] ?? 0) - ($s1[$sc] ?? 0)) / $n;
		}
	}
	$native[$w] = $row;
	bench_cleanup($client);
	fprintf(STDERR, "profile: %s native runs done\n", $label);
}

printf("#### Per call, %s scenario, one process (%d calls; counters: difference of a %d-call and a %d-call run)\n\n",
	$scenario, $calls, $calls, $short);
echo "| per call | (a) ext | (b) peer | (c) limit |\n|---|---:|---:|---:|\n";
$rows = [
	'client CPU (user + system), µs' => fn ($r) => sprintf('%.1f', $r['user_us'] + $r['sys_us']),
	'server CPU on the connection\'s own thread, µs' => fn ($r) => is_nan($r['conn_us']) ? 'n/a' : sprintf('%.1f', $r['conn_us']),
	'server CPU, whole mariadbd (background threads, other clients), µs' => fn ($r) => sprintf('%.0f', $r['server_us']),
	'round trips: requests sent (sendto calls, strace, this process only)' => fn ($r) => isset($r['sys_sendto']) ? sprintf('%.2f', $r['sys_sendto'] + $r['sys_write']) : 'n/a',
	'socket system calls (sendto + recvfrom + poll)' => fn ($r) => isset($r['sys_sendto']) ? sprintf('%.2f', $r['sys_sendto'] + $r['sys_recvfrom'] + $r['sys_poll']) : 'n/a',
	'statements (Questions, server-wide)' => fn ($r) => sprintf('%.2f', $r['Questions']),
	'of them prepared-statement executions' => fn ($r) => sprintf('%.2f', $r['Com_stmt_execute']),
	'COMMIT / ROLLBACK / BEGIN (server-wide)' => fn ($r) => sprintf('%.2f / %.2f / %.2f', $r['Com_commit'], $r['Com_rollback'], $r['Com_begin']),
	'InnoDB fsyncs / redo-log writes (server-wide)' => fn ($r) => sprintf('%.2f / %.2f', $r['Innodb_data_fsyncs'], $r['Innodb_log_writes']),
];
foreach ($rows as $label => $f) {
	printf("| %s | %s | %s | %s |\n", $label, $f($native['a']), $f($native['b']), $f($native['c']));
}
echo "\nThe limit runs with autocommit on: its commit is inside the INSERT, not a COMMIT statement.\n";
echo "No wall times here: these runs are not interleaved, so machine load would decide them; see the benchmark table.\n";
echo "The server's counters and whole-server CPU are server-wide: other clients running at the same time add to them"
	. " (and that CPU time has a 10 ms resolution); the connection thread's CPU is exact (schedstat).\n";

/*
 * What the second row and the round trips cost: the limit program writing the
 * contact row alone (insert), the contact and log rows in one transaction
 * with three round trips (txn) and with one multi-statement round trip
 * (multi), against the extension; interleaved, medians of three rounds.
 */
if ($scenario === 'plain') {
	$ways = ['c:insert' => 'limit: contact row alone, autocommit (1 round trip)',
		'c:txn' => 'limit: contact + log row, one COMMIT (3 round trips)',
		'c:multi' => 'limit: contact + log row + COMMIT as one multi-statement query (1 round trip)',
		'a:plain' => '(a) the extension, plain contact (3 round trips)'];
	$floor = [];
	for ($round = 0; $round < 3; $round++) {
		foreach ($ways as $way => $label) {
			[$w, $mode] = explode(':', $way);
			$floor[$way][] = probed_burst($w, 'plain', $base + ['count' => $calls, 'mode' => $mode]);
		}
		bench_cleanup($client);
	}
	printf("\n#### The floor for a contact and its log row in one commit (interleaved, medians of 3 x %d calls)\n\n", $calls);
	echo "| way | ops/s | p50 ms | client CPU µs | server CPU µs (connection thread) |\n|---|---:|---:|---:|---:|\n";
	foreach ($ways as $way => $label) {
		printf("| %s | %.0f | %.3f | %.1f | %.1f |\n", $label,
			bench_median(array_column($floor[$way], 'rate')), bench_median(array_column($floor[$way], 'p50')),
			bench_median(array_column($floor[$way], 'cpu_us')), bench_median(array_column($floor[$way], 'conn_cpu_us')));
	}
	fprintf(STDERR, "profile: floor runs done\n");
}

/*
 * What GetContacts' round trips cost: the limit running the extension's statement (the
 * page with COUNT(*) OVER (), autocommit on) and the same count and page as one statement with
 * autocommit on (one round trip: bench/limit.c getcontacts-one), against the extension and
 * the peer; interleaved, medians of three rounds.
 */
if ($scenario === 'getcontacts') {
	$ways = ['c:getcontacts' => "limit: the extension's statement (1 round trip)",
		'c:getcontacts-one' => 'limit: count and page as one statement, autocommit (1 round trip)',
		'a:getcontacts' => '(a) the extension (1 round trip)',
		'b:getcontacts' => '(b) the peer (4 round trips)'];
	$floor = [];
	for ($round = 0; $round < 3; $round++) {
		foreach ($ways as $way => $label) {
			[$w, $mode] = explode(':', $way);
			$floor[$way][] = probed_burst($w, 'getcontacts', $base + ['count' => $calls, 'mode' => $mode]);
		}
	}
	printf("\n#### GetContacts: its round trips against one (interleaved, medians of 3 x %d calls)\n\n", $calls);
	echo "| way | ops/s | p50 ms | client CPU µs | server CPU µs (connection thread) |\n|---|---:|---:|---:|---:|\n";
	foreach ($ways as $way => $label) {
		printf("| %s | %.0f | %.3f | %.1f | %.1f |\n", $label,
			bench_median(array_column($floor[$way], 'rate')), bench_median(array_column($floor[$way], 'p50')),
			bench_median(array_column($floor[$way], 'cpu_us')), bench_median(array_column($floor[$way], 'conn_cpu_us')));
	}
	fprintf(STDERR, "profile: floor runs done\n");
}

/* Where the client process's CPU goes, kernel included: perf record (cpu-clock samples), by object. */
$perf = $scenario === 'plain' && trim((string) shell_exec('command -v perf')) !== ''
	&& str_contains((string) shell_exec('perf record -q -e cpu-clock -o /dev/null true 2>&1; echo rc=$?'), 'rc=0');
if ($perf) {
	$shares = [];
	$kernelTop = [];
	foreach ($who as $w => $label) {
		$data = "$dir/perf.$w.data";
		bench_burst($w, $scenario, 1, $base + ['count' => 2 * $calls,
			'wrap' => ['perf', 'record', '-q', '-e', 'cpu-clock', '-F', '10000', '-o', $data]]);
		foreach (explode("\n", (string) shell_exec('perf report -i ' . escapeshellarg($data) . ' --sort dso --stdio 2>/dev/null')) as $line) {
			if (preg_match('/^\s*([\d.]+)%\s+(\S+)/', $line, $m)) {
				$g = $m[2] === '[kernel.kallsyms]' ? 'kernel' : object_group($m[2]);
				$shares[$w][$g] = ($shares[$w][$g] ?? 0) + (float) $m[1];
			}
		}
		if ($w === 'a') {
			foreach (explode("\n", (string) shell_exec('perf report -i ' . escapeshellarg($data) . ' --sort sym --stdio 2>/dev/null')) as $line) {
				if (preg_match('/^\s*([\d.]+)%\s+\[k\]\s+(\S+)/', $line, $m) && count($kernelTop) < 4) {
					$kernelTop[] = sprintf('`%s` %.0f%%', $m[2], $m[1]);
				}
			}
		}
		@unlink($data);
		bench_cleanup($client);
	}
	printf("\n#### The client process's CPU by object, kernel included (perf record -e cpu-clock, %d calls each)\n\n", 2 * $calls);
	echo "| object | (a) ext | (b) peer | (c) limit |\n|---|---:|---:|---:|\n";
	$groups = array_keys(array_merge($shares['a'] ?? [], $shares['b'] ?? [], $shares['c'] ?? []));
	usort($groups, fn ($x, $y) => (($shares['a'][$y] ?? 0) + ($shares['b'][$y] ?? 0)) <=> (($shares['a'][$x] ?? 0) + ($shares['b'][$x] ?? 0)));
	foreach ($groups as $g) {
		if (max($shares['a'][$g] ?? 0, $shares['b'][$g] ?? 0, $shares['c'][$g] ?? 0) < 0.5) {
			continue;
		}
		printf("| %s | %s | %s | %s |\n", $g, ...array_map(fn ($w) => isset($shares[$w][$g]) ? sprintf('%.1f%%', $shares[$w][$g]) : '-', ['a', 'b', 'c']));
	}
	echo "\nThe whole process, start-up included; top kernel symbols for (a): " . implode(', ', $kernelTop) . ".\n";
	fprintf(STDERR, "profile: perf runs done\n");
}

if (!$callgrind) {
	if (!isset($opt['keep'])) {
		array_map('unlink', glob("$dir/strace.*") ?: []);
		@rmdir($dir);
	}
	exit(0);
}

/* ------------------------------------------------------------------------
 * Callgrind
 */

/*
 * Self cost (Ir) per [object, function] of a callgrind output file; $callers
 * gets, per called function, the inclusive cost of its calls from each caller
 * (to name the stripped PHP binary's anonymous functions by who calls them).
 */
function callgrind_self(string $file, ?array &$callers = null): array
{
	$names = ['ob' => [], 'fn' => []];
	$cost = [];
	$callers = [];
	$ob = '?';
	$fn = '?';
	$callee = '?';
	$skipNext = false;
	$h = fopen($file, 'r');
	while (($line = fgets($h)) !== false) {
		$line = rtrim($line, "\n");
		if ($line === '') {
			continue;
		}
		$c = $line[0];
		if (($c >= '0' && $c <= '9') || $c === '+' || $c === '-' || $c === '*') {
			if ($skipNext) {
				$skipNext = false;
				$parts = explode(' ', $line);
				$callers[$callee][$fn] = ($callers[$callee][$fn] ?? 0) + (int) ($parts[1] ?? 0);
				continue;
			}
			$parts = explode(' ', $line);
			$ir = (int) ($parts[1] ?? 0);
			$cost[$ob][$fn] = ($cost[$ob][$fn] ?? 0) + $ir;
			continue;
		}
		if (!preg_match('/^(ob|cob|fn|cfn|calls)=(.*)$/', $line, $m)) {
			continue;
		}
		[, $key, $value] = $m;
		if ($key === 'calls') {
			$skipNext = true;
			continue;
		}
		$space = $key === 'ob' || $key === 'cob' ? 'ob' : 'fn';
		if (preg_match('/^\((\d+)\)(?: (.*))?$/', $value, $mm)) {
			if (isset($mm[2])) {
				$names[$space][$mm[1]] = $mm[2];
			}
			$value = $names[$space][$mm[1]] ?? $value;
		}
		if ($key === 'ob') {
			$ob = $value;
		} elseif ($key === 'fn') {
			$fn = $value;
		} elseif ($key === 'cfn') {
			$callee = $value;
		}
	}
	fclose($h);
	return $cost;
}

function object_group(string $ob): string
{
	$base = basename($ob);
	return match (true) {
		str_contains($base, 'localapi.so') => 'localapi.so (the extension)',
		str_contains($base, 'libmariadb') => 'libmariadb (Connector/C)',
		str_contains($base, 'mysqlnd') || str_contains($base, 'pdo') => 'pdo_mysql + mysqlnd',
		str_starts_with($base, 'php') => 'PHP (engine, standard functions)',
		str_starts_with($base, 'libc.') || str_starts_with($base, 'libc-') => 'libc',
		str_starts_with($base, 'ld-linux') => 'dynamic loader',
		$base === 'limit' => 'limit (its own code)',
		default => 'other: ' . $base,
	};
}

function by_group(array $cost): array
{
	$out = [];
	foreach ($cost as $ob => $fns) {
		$g = object_group($ob);
		$out[$g] = ($out[$g] ?? 0) + array_sum($fns);
	}
	arsort($out);
	return $out;
}

function run_callgrind(string $w, string $scenario, int $count, array $base, string $out, array $extra = [], ?array &$callers = null): array
{
	$wrap = array_merge(['valgrind', '--tool=callgrind', '--callgrind-out-file=' . $out], $extra);
	bench_burst($w, $scenario, 1, $base + ['count' => $count, 'wrap' => $wrap]);
	return callgrind_self($out, $callers);
}

/* A stripped function's address, named by its main caller. */
function fn_label(string $fn, array $callers): string
{
	if (!str_starts_with($fn, '0x') || empty($callers[$fn])) {
		return "`$fn`";
	}
	arsort($callers[$fn]);
	return sprintf('`%s` (called from `%s`)', $fn, array_key_first($callers[$fn]));
}

$cgShort = max(20, intdiv($calls, 12));
$cgLong = max($cgShort + 40, intdiv($calls, 2));
$perCall = [];
foreach ($who as $w => $label) {
	$s = by_group(run_callgrind($w, $scenario, $cgShort, $base, "$dir/cg.$w.short"));
	$l = by_group(run_callgrind($w, $scenario, $cgLong, $base, "$dir/cg.$w.long"));
	foreach ($l as $g => $ir) {
		$perCall[$w][$g] = max(0, ($ir - ($s[$g] ?? 0)) / ($cgLong - $cgShort));
	}
	arsort($perCall[$w]);
	bench_cleanup($client);
	fprintf(STDERR, "profile: %s callgrind runs done\n", $label);
}

printf("\n#### Client instructions per call, whole process (callgrind, difference of a %d-call and a %d-call run)\n\n", $cgLong, $cgShort);
echo "| object | (a) ext | (b) peer | (c) limit |\n|---|---:|---:|---:|\n";
$groups = array_unique(array_merge(array_keys($perCall['a']), array_keys($perCall['b']), array_keys($perCall['c'])));
usort($groups, fn ($x, $y) => (($perCall['a'][$y] ?? 0) + ($perCall['b'][$y] ?? 0)) <=> (($perCall['a'][$x] ?? 0) + ($perCall['b'][$x] ?? 0)));
$totals = ['a' => 0, 'b' => 0, 'c' => 0];
foreach ($groups as $g) {
	$cells = [];
	foreach (['a', 'b', 'c'] as $w) {
		$v = $perCall[$w][$g] ?? 0;
		$totals[$w] += $v;
		$cells[] = $v >= 0.5 ? number_format($v, 0, '.', ',') : '-';
	}
	if (max(array_map(fn ($w) => $perCall[$w][$g] ?? 0, ['a', 'b', 'c'])) < 50) {
		continue; /* noise */
	}
	printf("| %s | %s |\n", $g, implode(' | ', $cells));
}
printf("| **total** | **%s** | **%s** | **%s** |\n", number_format($totals['a']), number_format($totals['b']), number_format($totals['c']));
echo "\n(a) and (b) include the benchmark loop itself (building the postData array, hrtime): a few hundred instructions.\n";

/* Inside localAPI() only. */
$inside = run_callgrind('a', $scenario, $cgLong, $base, "$dir/cg.a.inside", ['--toggle-collect=zif_localAPI'], $callers);
bench_cleanup($client);
$total = 0;
$groupsInside = by_group($inside);
$total = array_sum($groupsInside);
$n = $cgLong + 20; /* the warm-up calls are inside localAPI() too */
printf("\n#### Inside localAPI() (callgrind --toggle-collect=zif_localAPI, %d calls): %s instructions per call\n\n", $n, number_format($total / $n));
echo "| object | instructions per call | share |\n|---|---:|---:|\n";
foreach ($groupsInside as $g => $ir) {
	printf("| %s | %s | %.1f%% |\n", $g, number_format($ir / $n), 100 * $ir / $total);
}
$fns = [];
foreach ($inside as $ob => $list) {
	foreach ($list as $fn => $ir) {
		$fns[] = [$fn, basename($ob), $ir];
	}
}
usort($fns, fn ($x, $y) => $y[2] <=> $x[2]);
echo "\nTop functions inside localAPI() by own (self) instructions:\n\n| function | object | per call | share |\n|---|---|---:|---:|\n";
foreach (array_slice($fns, 0, 20) as [$fn, $ob, $ir]) {
	printf("| %s | %s | %s | %.1f%% |\n", fn_label($fn, $callers), $ob, number_format($ir / $n), 100 * $ir / $total);
}
$own = [];
foreach ($inside as $ob => $list) {
	if (str_contains(basename($ob), 'localapi.so')) {
		foreach ($list as $fn => $ir) {
			$own[$fn] = $ir;
		}
	}
}
arsort($own);
echo "\nThe extension's own functions (localapi.so):\n\n| function | per call | share |\n|---|---:|---:|\n";
foreach (array_slice($own, 0, 12, true) as $fn => $ir) {
	printf("| `%s` | %s | %.2f%% |\n", $fn, number_format($ir / $n), 100 * $ir / $total);
}
if (!isset($opt['keep'])) {
	array_map('unlink', glob("$dir/{cg,strace}.*", GLOB_BRACE) ?: []);
	@rmdir($dir);
} else {
	echo "\nCallgrind files kept in $dir (callgrind_annotate them for line-level detail).\n";
}
