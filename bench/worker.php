<?php
/*
 * One timed burst of AddContact calls in one process, for contestant (a) the
 * extension's localAPI() or (b) the peer's peer_localAPI().
 *
 *   php [-d extension=...] bench/worker.php --impl ext|peer --scenario NAME
 *       --client ID [--missing ID] [--duration SEC | --count N] [--warmup N]
 *       [--start-at EPOCH_SECONDS] [--tag TEXT]
 *
 * Scenarios (the documented example request, clientid/firstname/lastname/
 * email, no country so DefaultCountry applies, no admin):
 *   plain       a plain contact with a unique email
 *   subaccount  + permissions (so the duplicate-email check runs), no password2
 *   bcrypt      + password2 as well: a real sub-account, bcrypt hash included
 *   error       clientid of a client that does not exist: Client ID Not Found
 *   getcontacts GetContacts of client --client (userid), the default page: --rows contacts
 *   updatecontact UpdateContact of contact --contact: firstname and lastname, new on every call
 *   gcd         GetClientsDetails of client --client (bench/fixture-gcd.sql: --rows custom fields)
 *   gcd-stats   the same with stats
 *
 * Database settings come from LOCALAPI_TEST_SOCKET/USER/PASSWORD/DB (see
 * scripts/db.sh env); the extension gets them through its INI entries, given
 * on the command line by bench/run.
 *
 * Prints one line of JSON: ops, elapsed_ns, cpu_ns, user_ns and sys_ns (this
 * process's CPU time during the burst) and lat_ns (hrtime of every timed call). Any answer
 * other than the expected one aborts the burst with exit code 1.
 */

declare(strict_types=1);

$opt = getopt('', ['impl:', 'scenario:', 'client:', 'missing:', 'contact:', 'rows:', 'duration:', 'count:', 'warmup:',
	'start-at:', 'tag:']);
$impl = $opt['impl'] ?? 'ext';
$scenario = $opt['scenario'] ?? 'plain';
$client = (int) ($opt['client'] ?? 0);
$missing = (int) ($opt['missing'] ?? 0);
$duration = (float) ($opt['duration'] ?? 0);
$count = (int) ($opt['count'] ?? 0);
$warmup = (int) ($opt['warmup'] ?? 20);
$startAt = (float) ($opt['start-at'] ?? 0);
$tag = preg_replace('/[^A-Za-z0-9_-]/', '', (string) ($opt['tag'] ?? $impl));

if ($client <= 0 || ($scenario === 'error' && $missing <= 0)) {
	fwrite(STDERR, "worker: --client (and --missing for the error scenario) are required\n");
	exit(2);
}
if ($duration <= 0 && $count <= 0) {
	$count = 500;
}

if ($impl === 'peer') {
	require __DIR__ . '/peer.php';
	peer_configure(
		(string) getenv('LOCALAPI_TEST_SOCKET'),
		(string) getenv('LOCALAPI_TEST_USER'),
		(string) getenv('LOCALAPI_TEST_PASSWORD'),
		(string) getenv('LOCALAPI_TEST_DB')
	);
	$fn = 'peer_localAPI';
} elseif ($impl === 'ext') {
	if (!function_exists('localAPI')) {
		fwrite(STDERR, "worker: the localapi extension is not loaded\n");
		exit(2);
	}
	$fn = 'localAPI';
} else {
	fwrite(STDERR, "worker: --impl must be ext or peer\n");
	exit(2);
}

$expect = $scenario === 'error' ? 'Client ID Not Found' : 'success';
$command = 'AddContact';
$base = ['clientid' => (string) ($scenario === 'error' ? $missing : $client), 'firstname' => 'Jane', 'lastname' => 'Doe'];
/* How many contacts GetContacts must answer (the bench's read client has that many). */
$rows = null;
switch ($scenario) {
	case 'getcontacts':
		/* The default page (25) of a client with 10 contacts: all 10. */
		$command = 'GetContacts';
		$base = ['userid' => (string) $client];
		$rows = (int) ($opt['rows'] ?? 10);
		break;
	case 'updatecontact':
		/* Two fields of one contact, both new on every call. */
		$command = 'UpdateContact';
		$base = ['contactid' => (string) (int) ($opt['contact'] ?? 0)];
		if ($base['contactid'] === '0') {
			fwrite(STDERR, "worker: --contact is required for updatecontact\n");
			exit(2);
		}
		break;
	case 'gcd':
	case 'gcd-stats':
		/* The fixture client: its record (and statistics); the answer must hold --rows custom fields. */
		$command = 'GetClientsDetails';
		$base = ['clientid' => (string) $client] + ($scenario === 'gcd-stats' ? ['stats' => '1'] : []);
		$fields = (int) ($opt['rows'] ?? 5);
		break;
	case 'plain':
	case 'error':
		break;
	case 'subaccount':
		$base['permissions'] = 'profile,contacts,invoices,tickets';
		break;
	case 'bcrypt':
		$base['permissions'] = 'profile,contacts,invoices,tickets';
		$base['password2'] = 'correct horse battery staple';
		break;
	default:
		fwrite(STDERR, "worker: unknown scenario $scenario\n");
		exit(2);
}
$prefix = 'jane.doe.' . $tag . '.' . getmypid() . '.';

function check(array $answer, string $expect, ?int $rows = null): void
{
	global $fields, $scenario;
	$got = $answer['result'] === 'success' ? 'success' : ($answer['message'] ?? '?');
	if ($got !== $expect || ($rows !== null && (($answer['numreturned'] ?? -1) !== $rows
		|| count($answer['contacts']['contact'] ?? []) !== $rows))
		|| (isset($fields) && (count($answer['customfields'] ?? []) !== $fields
			|| isset($answer['stats']) !== ($scenario === 'gcd-stats')))) {
		fwrite(STDERR, "worker: expected $expect, got " . json_encode($answer) . "\n");
		exit(1);
	}
}

/* [user, system] CPU time of this process, ns. */
function cpu_ns(): array
{
	$u = getrusage();
	return [$u['ru_utime.tv_sec'] * 1000000000 + $u['ru_utime.tv_usec'] * 1000,
		$u['ru_stime.tv_sec'] * 1000000000 + $u['ru_stime.tv_usec'] * 1000];
}

$n = 0;
for ($i = 0; $i < $warmup; $i++) {
	$post = $base;
	if ($command === 'AddContact') {
		$post['email'] = $prefix . $n++ . '@bench.invalid';
	} elseif ($command === 'UpdateContact') {
		$post['firstname'] = 'Jane ' . $prefix . $n;
		$post['lastname'] = 'Doe ' . $n++;
	}
	check($fn($command, $post, ''), $expect, $rows);
}

while (($left = $startAt - microtime(true)) > 0) {
	usleep((int) min(100000, $left * 1e6));
}

/* How late this process began its burst (others of the same burst started on time). */
$late = $startAt > 0 ? max(0.0, microtime(true) - $startAt) * 1000 : 0.0;
$lat = [];
$ops = 0;
$cpu0 = cpu_ns();
$t0 = hrtime(true);
$deadline = $count > 0 ? PHP_INT_MAX : $t0 + (int) ($duration * 1e9);
for (;;) {
	$s = hrtime(true);
	if ($count > 0 ? $ops >= $count : $s >= $deadline) {
		break;
	}
	$post = $base;
	if ($command === 'AddContact') {
		$post['email'] = $prefix . $n++ . '@bench.invalid';
	} elseif ($command === 'UpdateContact') {
		$post['firstname'] = 'Jane ' . $prefix . $n;
		$post['lastname'] = 'Doe ' . $n++;
	}
	$answer = $fn($command, $post, '');
	$lat[] = hrtime(true) - $s;
	check($answer, $expect, $rows);
	$ops++;
}
$t1 = hrtime(true);
$cpu1 = cpu_ns();

echo json_encode(['ops' => $ops, 'elapsed_ns' => $t1 - $t0, 'cpu_ns' => $cpu1[0] + $cpu1[1] - $cpu0[0] - $cpu0[1],
	'user_ns' => $cpu1[0] - $cpu0[0], 'sys_ns' => $cpu1[1] - $cpu0[1], 'late_ms' => round($late, 3), 'lat_ns' => $lat]), "\n";
