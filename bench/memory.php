<?php
/*
 * Memory check (issue 5, point 3): one process makes N plain AddContact calls
 * through the extension (default 100 000) and prints its peak RSS (VmHWM) and
 * current RSS (VmRSS) from /proc/self/status after 1 000 calls and after N.
 * The check passes when the peak grew by at most 2 MB (2048 kB).
 *
 * How many server connections the process used: it watches its own file
 * descriptors (the socket inodes in /proc/self/fd, sampled every 1 000 calls:
 * one persistent link shows one inode throughout), and it reads the server's
 * `Connections` counter before and after through the harness's own mysqli
 * link (server-wide: other clients connecting meanwhile add to it).
 *
 *   php -d extension=modules/localapi.so -d localapi.db_... bench/memory.php [--calls N]
 *
 * The contacts it adds go to the bench client and are deleted afterwards.
 */

declare(strict_types=1);

require __DIR__ . '/lib.php';

$opt = getopt('', ['calls:']);
$calls = max(1000, (int) ($opt['calls'] ?? 100000));
if (!function_exists('localAPI')) {
	fwrite(STDERR, "memory: the localapi extension is not loaded\n");
	exit(2);
}

/* The inodes of this process's sockets, except the harness's own mysqli link. */
function socket_inodes(array $exclude): array
{
	$found = [];
	foreach (glob('/proc/self/fd/*') ?: [] as $fd) {
		$target = @readlink($fd);
		if ($target !== false && preg_match('/^socket:\[(\d+)\]$/', $target, $m) && !isset($exclude[$m[1]])) {
			$found[$m[1]] = true;
		}
	}
	return $found;
}

$client = bench_client();
$before = socket_inodes([]);   /* the harness's mysqli link */
$connections0 = bench_status(['Connections'])['Connections'];
$base = ['clientid' => (string) $client, 'firstname' => 'Jane', 'lastname' => 'Doe'];
$prefix = 'memory.' . getmypid() . '.';
$seen = [];
$marks = [];
$t0 = hrtime(true);
for ($i = 1; $i <= $calls; $i++) {
	$post = $base;
	$post['email'] = $prefix . $i . '@bench.invalid';
	$answer = localAPI('AddContact', $post, '');
	if ($answer['result'] !== 'success') {
		echo "The memory check stopped: call $i answered ", json_encode($answer), "\n";
		bench_cleanup($client);
		exit(1);
	}
	if ($i % 1000 === 0) {
		$seen += socket_inodes($before);
	}
	if ($i === 1000 || $i === $calls) {
		$marks[$i] = bench_rss();
	}
}
$seconds = (hrtime(true) - $t0) / 1e9;
$connections = bench_status(['Connections'])['Connections'] - $connections0;
$removed = bench_cleanup($client);

$first = $marks[1000];
$last = $marks[$calls];
$growth = $last['hwm'] - $first['hwm'];
printf("| calls | VmHWM (peak RSS) | VmRSS |\n|---:|---:|---:|\n");
foreach ($marks as $n => $m) {
	printf("| %s | %s kB | %s kB |\n", number_format($n), number_format($m['hwm']), number_format($m['rss']));
}
printf("\n%s calls in %.1f s (%.0f/s); peak RSS grew by %d kB between 1 000 and %s calls: %s (limit 2048 kB).\n",
	number_format($calls), $seconds, $calls / $seconds, $growth, number_format($calls),
	$growth <= 2048 ? 'within 2 MB' : '**more than 2 MB**');
printf("Server connections used by the extension: %d distinct socket(s) seen in %d samples of /proc/self/fd;"
	. " the server's Connections counter rose by %d during the run (server-wide).\n",
	count($seen), intdiv($calls, 1000), $connections);
fprintf(STDERR, "memory: %d rows removed\n", $removed);
exit($growth <= 2048 ? 0 : 3);
