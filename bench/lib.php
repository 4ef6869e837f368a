<?php
/*
 * Shared helpers of the benchmark scripts (bench/bench.php, parity.php,
 * profile.php): the database settings, the bench client, clean-up, server
 * counters, and running worker processes. mysqli is used here only, for the
 * harness's own bookkeeping; it never takes part in a measurement.
 */

declare(strict_types=1);

const BENCH_COMPANY = 'localapi-bench';
const BENCH_EMAIL = 'localapi-bench-client@bench.invalid';

function bench_env(string $name, string $default): string
{
	$value = getenv($name);
	return $value === false || $value === '' ? $default : $value;
}

function bench_config(): array
{
	$root = dirname(__DIR__);
	return [
		'socket' => bench_env('LOCALAPI_TEST_SOCKET', $root . '/.db/mysqld.sock'),
		'user' => bench_env('LOCALAPI_TEST_USER', 'localapi'),
		'password' => bench_env('LOCALAPI_TEST_PASSWORD', 'localapi-test-pw'),
		'db' => bench_env('LOCALAPI_TEST_DB', 'whmcs'),
		'php' => bench_env('BENCH_PHP', PHP_BINARY),
		'ext' => bench_env('BENCH_EXT', $root . '/modules/localapi.so'),
		'limit' => bench_env('BENCH_LIMIT', __DIR__ . '/.build/limit'),
		'pidfile' => $root . '/.db/mysqld.pid',
	];
}

function bench_db(): mysqli
{
	static $link = null;
	if ($link === null) {
		$c = bench_config();
		mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
		$link = new mysqli('localhost', $c['user'], $c['password'], $c['db'], 0, $c['socket']);
		$link->set_charset('utf8mb4');
	}
	return $link;
}

function bench_value(string $sql, array $params = []): mixed
{
	$row = bench_db()->execute_query($sql, $params ?: null)->fetch_row();
	return $row[0] ?? null;
}

/* The dedicated client the benchmark adds contacts to: found again by its tag, or made. */
function bench_client(string $company = BENCH_COMPANY, string $email = BENCH_EMAIL): int
{
	$id = bench_value('SELECT id FROM tblclients WHERE companyname = ? AND email = ? ORDER BY id LIMIT 1',
		[$company, $email]);
	if ($id !== null) {
		return (int) $id;
	}
	$values = ['firstname' => 'Bench', 'lastname' => 'Client', 'companyname' => $company,
		'email' => $email, 'status' => 'Active', 'datecreated' => date('Y-m-d')];
	$columns = bench_db()->execute_query(
		'SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS'
		. " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tblclients'"
	)->fetch_all(MYSQLI_ASSOC);
	foreach ($columns as $col) {
		$needed = $col['IS_NULLABLE'] === 'NO' && $col['COLUMN_DEFAULT'] === null
			&& stripos($col['EXTRA'], 'auto_increment') === false;
		if ($needed && !array_key_exists($col['COLUMN_NAME'], $values)) {
			$numeric = in_array(strtolower($col['DATA_TYPE']), ['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'decimal', 'float', 'double'], true);
			$values[$col['COLUMN_NAME']] = $numeric ? 0 : (strtolower($col['DATA_TYPE']) === 'date' ? date('Y-m-d') : '');
		}
	}
	$names = implode(', ', array_map(fn ($n) => "`$n`", array_keys($values)));
	$marks = implode(', ', array_fill(0, count($values), '?'));
	bench_db()->execute_query("INSERT INTO tblclients ($names) VALUES ($marks)", array_values($values));
	return (int) bench_db()->insert_id;
}

const BENCH_READ_CONTACTS = 10;

/* The limit's mode for each worker scenario (bench/limit.c): its floor. */
const BENCH_LIMIT_MODES = ['error' => 'select', 'getcontacts' => 'getcontacts', 'updatecontact' => 'updatecontact',
	'gcd' => 'gcd', 'gcd-stats' => 'gcd-stats'];

/* The client GetClientsDetails reads (bench/fixture-gcd.sql, loaded by bench/lib.sh) and its
 * number of client custom fields (sample.sql's 2 and the fixture's 3). */
const BENCH_GCD_CLIENT = 900;
const BENCH_GCD_FIELDS = 5;
const BENCH_GCD_SCENARIOS = ['gcd', 'gcd-stats'];

/*
 * The client GetContacts reads (BENCH_READ_CONTACTS contacts, made once with varied values,
 * entities and a sub-account among them, never changed by a measurement), and the one
 * UpdateContact changes (one contact of its own): each a client of its own, apart from
 * the one AddContact fills and empties every round.
 */
function bench_read_client(): int
{
	$client = bench_client('localapi-bench-read', 'localapi-bench-read@bench.invalid');
	$have = (int) bench_value('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', [$client]);
	for ($i = $have; $i < BENCH_READ_CONTACTS; $i++) {
		bench_insert_contact($client, [
			'firstname' => "Reader $i", 'lastname' => $i % 3 ? 'Smith' : 'O&#039;Brien &amp; Co',
			'companyname' => $i % 2 ? 'Example Ltd' : '', 'email' => "reader.$i@bench.invalid",
			'address1' => "$i Main Street", 'city' => $i % 2 ? 'Zürich' : 'Leeds', 'state' => 'ZH',
			'postcode' => sprintf('%04d', 8000 + $i), 'country' => $i % 2 ? 'CH' : 'GB',
			'phonenumber' => "+41.4412345$i", 'subaccount' => $i === 3 ? 1 : 0,
			'permissions' => $i === 3 ? 'profile,contacts,invoices' : '',
		]);
	}
	return $client;
}

function bench_update_contact(): array
{
	$client = bench_client('localapi-bench-update', 'localapi-bench-update@bench.invalid');
	$id = bench_value('SELECT id FROM tblcontacts WHERE userid = ? ORDER BY id LIMIT 1', [$client]);
	if ($id === null) {
		$id = bench_insert_contact($client, ['firstname' => 'Update', 'lastname' => 'Me',
			'email' => 'update.me@bench.invalid', 'country' => 'GB']);
	}
	return [$client, (int) $id];
}

/* One tblcontacts row with the columns every layout has (the others take their defaults). */
function bench_insert_contact(int $client, array $values): int
{
	$row = $values + ['firstname' => '', 'lastname' => '', 'companyname' => '', 'email' => '', 'address1' => '',
		'address2' => '', 'city' => '', 'state' => '', 'postcode' => '', 'country' => '', 'phonenumber' => '',
		'subaccount' => 0, 'password' => '', 'permissions' => '', 'generalemails' => 1, 'productemails' => 0,
		'domainemails' => 1, 'invoiceemails' => 1, 'supportemails' => 0, 'affiliateemails' => 0, 'pwresetkey' => ''];
	$row = ['userid' => $client] + $row;
	$names = implode(', ', array_keys($row));
	$marks = implode(', ', array_fill(0, count($row), '?'));
	bench_db()->execute_query("INSERT INTO tblcontacts ($names, created_at, updated_at) VALUES ($marks, NOW(), NOW())",
		array_values($row));
	return (int) bench_db()->insert_id;
}

/* A client id that does not exist (for the `Client ID Not Found` path). */
function bench_missing_client(): int
{
	return (int) bench_value('SELECT COALESCE(MAX(id), 0) + 1000000 FROM tblclients');
}

/* Removes every contact and log row the benchmark wrote for its client. */
function bench_cleanup(int $client): int
{
	$db = bench_db();
	$db->execute_query('DELETE FROM tblcontacts WHERE userid = ?', [$client]);
	$removed = $db->affected_rows;
	$db->execute_query('DELETE FROM tblactivitylog WHERE userid = ?', [$client]);
	return $removed + $db->affected_rows;
}

function bench_status(array $names): array
{
	$in = implode(',', array_map(fn ($n) => "'$n'", $names));
	$out = array_fill_keys($names, 0);
	foreach (bench_db()->query("SHOW GLOBAL STATUS WHERE Variable_name IN ($in)")->fetch_all() as [$name, $value]) {
		$out[$name] = (int) $value;
	}
	return $out;
}

/* CPU time (user + system, ns) the MariaDB server has used so far, or null. */
function bench_server_cpu_ns(): ?int
{
	$pid = (int) @file_get_contents(bench_config()['pidfile']);
	$stat = $pid > 0 ? @file_get_contents("/proc/$pid/stat") : false;
	if ($stat === false) {
		return null;
	}
	$fields = explode(' ', substr($stat, strrpos($stat, ')') + 2));
	$hz = 100; /* USER_HZ on Linux */
	return (int) (((int) $fields[11] + (int) $fields[12]) * (1e9 / $hz));
}

/* The command line of one worker of contestant a (ext), b (peer) or c (limit). */
function bench_command(string $who, string $scenario, array $run): array
{
	$c = bench_config();
	if ($who === 'c') {
		$cmd = [$c['limit'], '--socket', $c['socket'], '--user', $c['user'], '--password', $c['password'],
			'--db', $c['db'], '--client', (string) $run['client'],
			'--mode', $run['mode'] ?? (BENCH_LIMIT_MODES[$scenario] ?? 'insert'), '--tag', $run['tag']];
		if ($scenario === 'getcontacts') {
			array_push($cmd, '--rows', (string) BENCH_READ_CONTACTS);
		} elseif (in_array($scenario, BENCH_GCD_SCENARIOS, true)) {
			array_push($cmd, '--rows', (string) BENCH_GCD_FIELDS);
		}
		if (isset($run['contact'])) {
			array_push($cmd, '--contact', (string) $run['contact']);
		}
	} else {
		$cmd = [$c['php']];
		if ($who === 'b' && in_array($scenario, BENCH_GCD_SCENARIOS, true)) {
			/* The peer's GetClientsDetails builds WHMCS\View\Formatter\Price, the extension's
			 * class: the extension is loaded for it (no setting, so it never connects). */
			array_push($cmd, '-d', 'extension=' . ($run['ext'] ?? $c['ext']));
		}
		if ($who === 'a') {
			/* WHMCS 7.x rules unless the run (or BENCH_WHMCS_VERSION) says otherwise: the peer implements 7.10's */
			array_push($cmd, '-d', 'extension=' . ($run['ext'] ?? $c['ext']), '-d', 'localapi.db_socket=' . $c['socket'],
				'-d', 'localapi.db_username=' . $c['user'], '-d', 'localapi.db_password=' . $c['password'],
				'-d', 'localapi.db_name=' . $c['db'],
				'-d', 'localapi.whmcs_version=' . ($run['whmcs'] ?? bench_env('BENCH_WHMCS_VERSION', '7')));
		}
		array_push($cmd, __DIR__ . '/worker.php', '--impl', $who === 'a' ? 'ext' : 'peer',
			'--scenario', $scenario, '--client', (string) $run['client'],
			'--missing', (string) $run['missing'], '--tag', $run['tag']);
		if ($scenario === 'getcontacts') {
			array_push($cmd, '--rows', (string) BENCH_READ_CONTACTS);
		}
		if (isset($run['contact'])) {
			array_push($cmd, '--contact', (string) $run['contact']);
		}
	}
	if (!empty($run['count'])) {
		array_push($cmd, '--count', (string) $run['count']);
	} else {
		array_push($cmd, '--duration', (string) $run['duration']);
	}
	array_push($cmd, '--warmup', (string) ($run['warmup'] ?? 20), '--start-at', sprintf('%.6f', $run['start_at'] ?? 0));
	return $cmd;
}

/*
 * Runs $procs workers at once (they start their timed bursts together at a
 * wall-clock instant) and merges what they report. A burst whose worker
 * failed (e.g. its connection was killed by a test running against the same
 * server) is run once more before giving up.
 */
function bench_burst(string $who, string $scenario, int $procs, array $run): array
{
	try {
		return bench_burst_once($who, $scenario, $procs, $run);
	} catch (RuntimeException $e) {
		fprintf(STDERR, "bench: %s; running that burst again\n", $e->getMessage());
		return bench_burst_once($who, $scenario, $procs, $run);
	}
}

function bench_burst_once(string $who, string $scenario, int $procs, array $run): array
{
	$run['start_at'] = isset($run['wrap']) ? 0 : microtime(true) + 0.3 + 0.12 * $procs;
	$workers = [];
	for ($i = 0; $i < $procs; $i++) {
		$run['tag'] = $who . $i;
		$wrap = str_replace('{tag}', $run['tag'], $run['wrap'] ?? []);
		$err = tmpfile();
		$proc = proc_open(array_merge($wrap, bench_command($who, $scenario, $run)), [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => $err], $pipes);
		if (!is_resource($proc)) {
			throw new RuntimeException("cannot start a worker for $who");
		}
		$workers[] = [$proc, $pipes[1], $err];
	}
	$merged = ['ops' => 0, 'rate' => 0.0, 'cpu_ns' => 0, 'user_ns' => 0, 'sys_ns' => 0, 'elapsed_ns' => 0, 'lat' => []];
	$failed = [];
	foreach ($workers as [$proc, $out, $err]) {
		$json = stream_get_contents($out);
		fclose($out);
		$code = proc_close($proc);
		rewind($err);
		$stderr = stream_get_contents($err);
		fclose($err);
		$r = json_decode((string) $json, true);
		if ($code !== 0 || !is_array($r) || $r['ops'] <= 0) {
			$failed[] = trim("exit $code: " . $stderr);
			continue;
		}
		$merged['ops'] += $r['ops'];
		$merged['rate'] += $r['ops'] / ($r['elapsed_ns'] / 1e9);
		$merged['cpu_ns'] += $r['cpu_ns'];
		$merged['user_ns'] += $r['user_ns'];
		$merged['sys_ns'] += $r['sys_ns'];
		$merged['elapsed_ns'] = max($merged['elapsed_ns'], $r['elapsed_ns']);
		$merged['late_ms'] = max($merged['late_ms'] ?? 0, $r['late_ms'] ?? 0);
		array_push($merged['lat'], ...$r['lat_ns']);
	}
	if ($failed) {
		throw new RuntimeException("$who/$scenario x$procs: worker failed: " . implode(' | ', $failed));
	}
	sort($merged['lat']);
	if ($procs > 1 && empty($run['count']) && $merged['late_ms'] > 100 * $run['duration']) {
		fprintf(STDERR, "bench: %s/%s x%d: a worker began its burst %.0f ms late (the machine is busy)\n",
			$who, $scenario, $procs, $merged['late_ms']);
	}
	return [
		'ops' => $merged['ops'],
		'rate' => $merged['rate'],
		'p50' => bench_percentile($merged['lat'], 50),
		'p99' => bench_percentile($merged['lat'], 99),
		'cpu_us' => $merged['cpu_ns'] / $merged['ops'] / 1e3,
		'user_us' => $merged['user_ns'] / $merged['ops'] / 1e3,
		'sys_us' => $merged['sys_ns'] / $merged['ops'] / 1e3,
		'elapsed_s' => $merged['elapsed_ns'] / 1e9,
		'late_ms' => $merged['late_ms'],
	];
}

/* Nearest-rank percentile of sorted values, in ms. */
function bench_percentile(array $sorted, float $p): float
{
	$n = count($sorted);
	if ($n === 0) {
		return NAN;
	}
	$rank = (int) max(1, (int) ceil($p / 100 * $n));
	return $sorted[$rank - 1] / 1e6;
}

function bench_median(array $values): float
{
	$values = array_values(array_filter($values, fn ($v) => $v !== null && !is_nan($v)));
	if (!$values) {
		return NAN;
	}
	sort($values);
	$n = count($values);
	return $n % 2 ? $values[intdiv($n, 2)] : ($values[$n / 2 - 1] + $values[$n / 2]) / 2;
}
