<?php
/*
 * The cluster scenarios of scripts/galera-test.sh, against the three nodes of
 * scripts/galera.sh. Run by galera-test.sh (which builds, starts the cluster
 * and exports its settings); by hand:
 *
 *   eval "$(scripts/galera.sh env)"
 *   php -d extension=$PWD/modules/localapi.so scripts/galera-test.php [--short] [--throughput] [scenario...]
 *
 * Scenarios: plain, race, lost, delete, kill, freeze, notready, rejoin (all by default, in that
 * order). Each check prints "ok - <what>" or "FAIL - <what>: <detail>";
 * measurements print as "# <name>: <value>". The last line is
 * "N passed, N failed". --short is the version .ci/run runs (fewer emails,
 * rounds and calls); --throughput adds the one node vs three nodes figures.
 *
 * Children: the same file with "child <mode>" runs one localAPI() process
 * (localapi.* settings from -d, the password from LA_GALERA_DB_PASSWORD);
 * messages are lines of base64(serialize()) on stdin and stdout.
 */

const LA_TAG = 'la-galera-test';
/* A client id no test creates: the warm-up call connects and answers Client ID Not Found. */
const LA_MISSING_CLIENT = 2100000000;

/* ---------------------------------------------------------------------------
 * Children
 */

function child_receive(bool $wait = true): mixed
{
	if (!$wait) {
		$read = [STDIN];
		$write = $except = null;
		if (stream_select($read, $write, $except, 0) !== 1) {
			return null;
		}
	}
	$line = fgets(STDIN);
	if ($line === false) {
		exit(3);
	}
	return unserialize(base64_decode($line));
}

function child_send(mixed $message): void
{
	fwrite(STDOUT, base64_encode(serialize($message)) . "\n");
	fflush(STDOUT);
}

/* One timed call (of logActivity() when $post has 'logActivity' => [description, userid], of
 * another command when it has 'localAPI' => [command, postData]); PHP warnings and output are
 * findings. */
function child_call(array $post): array
{
	$t0 = microtime(true);
	ob_start();
	if (isset($post['logActivity'])) {
		logActivity(...$post['logActivity']);
		$answer = 'logged';
	} elseif (isset($post['localAPI'])) {
		$answer = localAPI(...$post['localAPI']);
	} else {
		$answer = localAPI('AddContact', $post);
	}
	$output = ob_get_clean();
	if ($output !== '') {
		$GLOBALS['child_warnings'][] = "output: $output";
	}
	return ['post' => $post, 'answer' => $answer, 't0' => $t0, 't1' => microtime(true)];
}

function child_wait_until(float $start): void
{
	while (microtime(true) < $start - 0.01) {
		usleep(1000);
	}
	while (microtime(true) < $start) {
		/* spin: leave together */
	}
}

/*
 * Both modes take {hooks?: [hook point...]}: each callback call there is reported in
 * {hooked: [[hook point, vars]...]} with the results.
 * calls: gets {warmup: postData, calls: [postData...], lockstep?}; warms
 *        up, answers {ready}, gets {start}, makes the calls, answers
 *        {results, warnings}. In lockstep, before each call after the
 *        first it answers {at: i} and waits for {start} again, so that the
 *        parent can release all processes together for every call.
 * load:  gets {warmup, clientid, prefix, after}; warms up, answers {ready},
 *        gets {start}, then calls with emails <prefix>-<n> until it has made
 *        `after` calls since a {mark} message arrived (or {stop}); answers
 *        {results, mark: index of the first call after the mark, warnings}.
 */
function child_main(string $mode): void
{
	$password = getenv('LA_GALERA_DB_PASSWORD');
	if ($password !== false) {
		ini_set('localapi.db_password', $password);
		putenv('LA_GALERA_DB_PASSWORD');
	}
	$GLOBALS['child_warnings'] = [];
	set_error_handler(function (int $type, string $message): bool {
		$GLOBALS['child_warnings'][] = "$type: $message";
		return true;
	});
	$job = child_receive();
	$GLOBALS['child_hooked'] = [];
	foreach ($job['hooks'] ?? [] as $point) {
		add_hook($point, 1, function (array $vars) use ($point): void {
			$GLOBALS['child_hooked'][] = [$point, $vars];
		});
	}
	$warmup = isset($job['warmup']) ? child_call($job['warmup']) : null;
	child_send(['ready' => true, 'warmup' => $warmup]);
	$start = child_receive()['start'];
	child_wait_until($start);
	$results = [];
	$mark = null;
	if ($mode === 'calls') {
		foreach ($job['calls'] as $i => $post) {
			if ($i > 0 && !empty($job['lockstep'])) {
				child_send(['at' => $i]);
				child_wait_until(child_receive()['start']);
			}
			$results[] = child_call($post);
		}
	} elseif ($mode === 'load') {
		for ($n = 0; ; $n++) {
			$message = child_receive(false);
			if (($message['mark'] ?? false) && $mark === null) {
				$mark = $n;
			}
			if (($message['stop'] ?? false) || ($mark !== null && $n - $mark >= $job['after']) || $n >= 100000) {
				break;
			}
			$results[] = child_call(['clientid' => $job['clientid'], 'email' => "{$job['prefix']}-$n@example.test",
				'firstname' => "load $n"]);
		}
	}
	child_send(['results' => $results, 'mark' => $mark, 'warnings' => $GLOBALS['child_warnings'],
		'hooked' => $GLOBALS['child_hooked']]);
}

if (($argv[1] ?? '') === 'child') {
	child_main($argv[2] ?? '');
	exit(0);
}

/* ---------------------------------------------------------------------------
 * The parent: settings, the nodes, output
 */

$GLOBALS['passed'] = 0;
$GLOBALS['failed'] = 0;

function check(string $what, bool $ok, mixed $detail = null): void
{
	if ($ok) {
		$GLOBALS['passed']++;
		echo "ok - $what\n";
	} else {
		$GLOBALS['failed']++;
		echo "FAIL - $what", $detail === null ? '' : ': ' . json_encode($detail, JSON_UNESCAPED_SLASHES), "\n";
	}
}

function figure(string $name, mixed $value): void
{
	echo "# $name: ", is_string($value) ? $value : json_encode($value, JSON_UNESCAPED_SLASHES), "\n";
}

function env(string $name, string $default = ''): string
{
	$value = getenv($name);
	return $value === false || $value === '' ? $default : $value;
}

function config(): array
{
	static $config = null;
	if ($config === null) {
		$ports = array_map('intval', explode(',', env('LOCALAPI_GALERA_PORTS', '23301,23302,23303')));
		$config = [
			'ports' => array_combine([1, 2, 3], $ports),
			'user' => env('LOCALAPI_TEST_USER', 'localapi'),
			'password' => env('LOCALAPI_TEST_PASSWORD', 'localapi-test-pw'),
			'db' => env('LOCALAPI_TEST_DB', 'whmcs'),
		];
	}
	return $config;
}

/* "127.0.0.1:port" of each node, starting with node $first. */
function host_list(int $first): string
{
	$hosts = [];
	for ($i = 0; $i < 3; $i++) {
		$node = ($first - 1 + $i) % 3 + 1;
		$hosts[] = '127.0.0.1:' . config()['ports'][$node];
	}
	return implode(',', $hosts);
}

/* localapi.* settings for one node, or for the host list starting at $node ($extra adds or
 * replaces). WHMCS 7.x rules: the duplicate-email rule these checks are about is 7.x's (8.x
 * stores no sub-account), and the cluster's database has the 8.x layout and Version row of
 * sql/schema.sql. */
function node_ini(int $node, bool $list = false, array $extra = []): array
{
	return $extra + [
		'localapi.db_host' => $list ? host_list($node) : '127.0.0.1',
		'localapi.db_port' => (string) config()['ports'][$node],
		'localapi.db_socket' => '',
		'localapi.db_username' => config()['user'],
		'localapi.db_name' => config()['db'],
		'localapi.whmcs_version' => '7',
	];
}

/* A mysqli link to node $node with causal reads (it sees every commit the cluster made before the read). */
function node_link(int $node, bool $fresh = false): mysqli
{
	static $links = [];
	if ($fresh || !isset($links[$node])) {
		mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
		$link = mysqli_init();
		$link->options(MYSQLI_OPT_CONNECT_TIMEOUT, 5);
		$link->options(MYSQLI_OPT_READ_TIMEOUT, 60);
		$link->real_connect('127.0.0.1', config()['user'], config()['password'], config()['db'], config()['ports'][$node]);
		$link->set_charset('utf8mb4');
		$link->query('SET SESSION wsrep_sync_wait = 1');
		$links[$node] = $link;
	}
	return $links[$node];
}

function rows(int $node, string $sql, ...$params): array
{
	/* The node may have been restarted or rejoined since the link was made: fresh links, a few times. */
	for ($attempt = 1; ; $attempt++) {
		try {
			$result = node_link($node, $attempt > 1)->execute_query($sql, $params === [] ? null : $params);
			if ($result instanceof mysqli_result) {
				return $result->fetch_all(MYSQLI_ASSOC);
			}
			$problem = 'no result set';
		} catch (mysqli_sql_exception $e) {
			$problem = $e->getMessage();
		}
		if ($attempt >= 10) {
			throw new RuntimeException("node $node: $sql: $problem");
		}
		usleep(500000);
	}
}

function value(int $node, string $sql, ...$params): mixed
{
	$row = rows($node, $sql, ...$params)[0] ?? null;
	return $row === null ? null : array_values($row)[0];
}

function galera(string ...$args): array
{
	exec('bash ' . escapeshellarg(__DIR__ . '/galera.sh') . ' ' . implode(' ', array_map('escapeshellarg', $args)) . ' 2>&1',
		$lines, $code);
	return [$code, implode("\n", $lines)];
}

function make_client(int $node = 1): int
{
	$columns = rows($node, 'SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS'
		. " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tblclients'");
	$values = ['firstname' => 'Galera', 'lastname' => 'Test', 'companyname' => LA_TAG,
		'email' => sprintf('la-galera-client-%s@example.test', bin2hex(random_bytes(6))), 'status' => 'Active'];
	foreach ($columns as $c) {
		if ($c['IS_NULLABLE'] === 'NO' && $c['COLUMN_DEFAULT'] === null && !str_contains($c['EXTRA'], 'auto_increment')
			&& !isset($values[$c['COLUMN_NAME']])) {
			$values[$c['COLUMN_NAME']] = match ($c['DATA_TYPE']) {
				'int', 'tinyint', 'smallint', 'bigint', 'decimal' => 0,
				'date' => '2000-01-01',
				'datetime', 'timestamp' => '2000-01-01 00:00:00',
				default => '',
			};
		}
	}
	$names = implode(', ', array_map(fn ($n) => "`$n`", array_keys($values)));
	$marks = implode(', ', array_fill(0, count($values), '?'));
	$link = node_link($node);
	$link->execute_query("INSERT INTO tblclients ($names) VALUES ($marks)", array_values($values));
	$id = (int) $link->insert_id;
	$link->commit();
	return $id;
}

/* Removes what earlier runs left (clients of LA_TAG, their contacts and log rows). */
function cleanup(): void
{
	foreach (rows(1, 'SELECT id FROM tblclients WHERE companyname = ?', LA_TAG) as $row) {
		$id = (int) $row['id'];
		node_link(1)->execute_query('DELETE FROM tblcontacts WHERE userid = ?', [$id]);
		node_link(1)->execute_query('DELETE FROM tblactivitylog WHERE userid = ?', [$id]);
		node_link(1)->execute_query('DELETE FROM tblclients WHERE id = ?', [$id]);
	}
}

/*
 * What the activity log says against the rows, for one client: every "Added
 * Contact" row names a contact that exists, and every contact is named by
 * exactly one. A transaction split by a lost abort leaves a log row for a
 * contact that was never kept; [] when all agree.
 */
function log_mismatches(int $cid): array
{
	$named = [];
	foreach (rows(1, 'SELECT description FROM tblactivitylog WHERE description LIKE ?',
		"Added Contact - User ID: $cid - Contact ID: %") as $row) {
		$id = (int) substr($row['description'], strrpos($row['description'], ' ') + 1);
		$named[$id] = ($named[$id] ?? 0) + 1;
	}
	$contacts = array_map('intval', array_column(rows(1, 'SELECT id FROM tblcontacts WHERE userid = ?', $cid), 'id'));
	$mismatches = [];
	foreach ($named as $id => $count) {
		if (!in_array($id, $contacts, true)) {
			$mismatches[] = "log row for contact $id, which does not exist";
		}
	}
	foreach ($contacts as $id) {
		if (($named[$id] ?? 0) !== 1) {
			$mismatches[] = 'contact ' . $id . ' named by ' . ($named[$id] ?? 0) . ' log rows';
		}
	}
	return $mismatches;
}

function show(mixed $answer): string
{
	if (is_array($answer) && ($answer['result'] ?? null) === 'success' && is_int($answer['contactid'] ?? null)) {
		return 'success';
	}
	if (is_array($answer) && ($answer['result'] ?? null) === 'error' && is_string($answer['message'] ?? null)) {
		return 'error: ' . $answer['message'];
	}
	return 'unexpected ' . json_encode($answer);
}

/* show(), with the contact id of a success: "success #12". */
function show_with_id(mixed $answer): string
{
	return show($answer) . (is_array($answer) && isset($answer['contactid']) ? " #{$answer['contactid']}" : '');
}

function is_unknown_outcome(string $shown): bool
{
	return str_starts_with($shown, 'error: Database error: outcome unknown');
}

/* ---------------------------------------------------------------------------
 * Children, from the parent's side
 */

function spawn(string $mode, array $ini, array $job): array
{
	$extension = null;
	foreach (file('/proc/self/maps', FILE_IGNORE_NEW_LINES) ?: [] as $line) {
		if (preg_match('~\s(/\S*localapi[^/]*\.so)$~', $line, $match)) {
			$extension = $match[1];
			break;
		}
	}
	$argv = [PHP_BINARY, '-n', '-d', "extension=$extension", '-d', 'display_errors=stderr', '-d', 'error_reporting=-1',
		'-d', 'memory_limit=1G'];
	foreach ($ini as $name => $value) {
		$argv[] = '-d';
		$argv[] = "$name=$value";
	}
	array_push($argv, __FILE__, 'child', $mode);
	$env = getenv();
	$env['LA_GALERA_DB_PASSWORD'] = config()['password'];
	$errfile = tempnam(sys_get_temp_dir(), 'la-galera-err-');
	$process = proc_open($argv, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', $errfile, 'w']], $pipes, null, $env);
	if (!is_resource($process)) {
		throw new RuntimeException("cannot start a child ($mode)");
	}
	$child = ['process' => $process, 'stdin' => $pipes[0], 'stdout' => $pipes[1], 'errfile' => $errfile];
	send($child, $job);
	return $child;
}

function send(array $child, mixed $message): void
{
	@fwrite($child['stdin'], base64_encode(serialize($message)) . "\n");
	@fflush($child['stdin']);
}

function receive(array $child, float $timeout): mixed
{
	$read = [$child['stdout']];
	$write = $except = null;
	if (stream_select($read, $write, $except, (int) $timeout, (int) (fmod($timeout, 1) * 1e6)) !== 1) {
		return null;
	}
	$line = fgets($child['stdout']);
	return $line === false ? null : unserialize(base64_decode($line));
}

/* Ends a child; returns its stderr ('' when clean), killing it after $timeout. */
function finish(array $child, float $timeout = 30.0): string
{
	@fclose($child['stdin']);
	$deadline = microtime(true) + $timeout;
	while (($status = proc_get_status($child['process']))['running'] && microtime(true) < $deadline) {
		usleep(10000);
	}
	if ($status['running']) {
		proc_terminate($child['process'], 9);
	}
	@fclose($child['stdout']);
	proc_close($child['process']);
	$stderr = trim((string) @file_get_contents($child['errfile']));
	@unlink($child['errfile']);
	if ($status['running']) {
		return "killed after {$timeout}s" . ($stderr === '' ? '' : ": $stderr");
	}
	return $status['exitcode'] !== 0 ? "exit {$status['exitcode']}: $stderr" : $stderr;
}

/* Waits for every child's {ready}; returns the problems. */
function wait_ready(array $children, float $timeout = 120.0): array
{
	$problems = [];
	foreach ($children as $n => $child) {
		$ready = receive($child, $timeout);
		if (($ready['ready'] ?? false) !== true) {
			$problems[] = "child $n never got ready: " . finish($child, 1);
		}
	}
	return $problems;
}

function release(array $children, float $ahead = 0.25): float
{
	$start = microtime(true) + $ahead;
	foreach ($children as $child) {
		send($child, ['start' => $start]);
	}
	return $start;
}

/* Collects every child's report; ['reports' => [n => report], 'problems' => [...]]. */
function collect(array $children, float $timeout): array
{
	$reports = [];
	$problems = [];
	foreach ($children as $n => $child) {
		$report = receive($child, $timeout);
		$stderr = finish($child);
		if (!is_array($report)) {
			$problems[] = "child $n sent no report";
			$report = ['results' => [], 'mark' => null, 'warnings' => []];
		}
		foreach ($report['warnings'] as $warning) {
			$problems[] = "child $n: $warning";
		}
		if ($stderr !== '') {
			$problems[] = "child $n: $stderr";
		}
		$reports[$n] = $report;
	}
	return ['reports' => $reports, 'problems' => $problems];
}

/* Waits until all three nodes are synced (restarting a node that does not come back). */
function heal(): void
{
	foreach ([1, 2, 3] as $node) {
		galera('thaw', (string) $node);
		[$code] = galera('wait-synced', (string) $node, '60');
		if ($code !== 0) {
			galera('kill', (string) $node);
			galera('start-node', (string) $node);
		}
	}
	[$code, $output] = galera('status');
	if ($code !== 0) {
		throw new RuntimeException("the cluster did not heal: $output");
	}
}

/* ---------------------------------------------------------------------------
 * Scenarios
 */

/*
 * A plain contact and a sub-account through each node: the same rows on all
 * three. The claims table of the duplicate-email rule is dropped first: the
 * first sub-account creates it again.
 */
function scenario_plain(array $opt): void
{
	[$code, $output] = galera('sql', '1', '-e', 'DROP TABLE IF EXISTS mod_localapi_email_claims');
	check('claims table dropped', $code === 0, $output);
	$cid = make_client();
	foreach ([1, 2, 3] as $node) {
		$email = sprintf('la-galera-plain-%d-%s@example.test', $node, bin2hex(random_bytes(4)));
		$child = spawn('calls', node_ini($node), ['calls' => [
			['clientid' => $cid, 'email' => $email, 'firstname' => "plain via $node"],
			['clientid' => $cid, 'email' => "sub-$email", 'firstname' => "sub via $node", 'password2' => 'pw', 'permissions' => 'profile'],
		]]);
		$problems = wait_ready([$child]);
		release([$child]);
		$collected = collect([$child], 120);
		$results = $collected['reports'][0]['results'];
		$shown = array_map(fn ($r) => show($r['answer']), $results);
		check("node $node: a plain contact and a sub-account succeed", $shown === ['success', 'success'],
			[$shown, array_merge($problems, $collected['problems'])]);
		$ids = array_map(fn ($r) => $r['answer']['contactid'] ?? 0, $results);
		$seen = [];
		foreach ([1, 2, 3] as $reader) {
			$seen[$reader] = rows($reader, 'SELECT id, userid, email, subaccount, password, permissions FROM tblcontacts'
				. ' WHERE id IN (?, ?) ORDER BY id', $ids[0] ?? 0, $ids[1] ?? 0);
		}
		check("node $node: both rows, identical on every node", count($seen[1]) === 2 && $seen[1] === $seen[2] && $seen[1] === $seen[3],
			$seen);
	}
	$claims = [];
	foreach ([1, 2, 3] as $reader) {
		$claims[$reader] = value($reader, 'SELECT COUNT(*) FROM mod_localapi_email_claims');
	}
	check('the claims table was created again, one claim per sub-account, on every node', $claims === [1 => 3, 2 => 3, 3 => 3],
		$claims);
}

/*
 * 6 processes, 2 per node, add sub-accounts for the same new emails (half of
 * them in upper case), released together for every email (bcrypt alone takes
 * 50 ms or more, so processes left to run freely drift apart and stop
 * racing): exactly one sub-account per email, and the answers say which.
 */
function scenario_race(array $opt): void
{
	$rounds = $opt['short'] ? 1 : 3;
	$count = $opt['short'] ? 20 : 50;
	$cid = make_client();
	$totals = ['duplicates' => 0, 'wrong answers' => 0, 'database errors' => 0];
	for ($round = 1; $round <= $rounds; $round++) {
		$emails = [];
		for ($i = 0; $i < $count; $i++) {
			$emails[] = sprintf('la-galera-race-%d-%d-%s@example.test', $round, $i, bin2hex(random_bytes(4)));
		}
		$children = [];
		for ($k = 0; $k < 6; $k++) {
			$node = $k % 3 + 1;
			$calls = [];
			foreach ($emails as $email) {
				$calls[] = ['clientid' => $cid, 'email' => $k >= 3 ? strtoupper($email) : $email,
					'firstname' => "race child $k", 'password2' => 'race-pw'];
			}
			$children[$k] = spawn('calls', node_ini($node), ['warmup' => ['clientid' => LA_MISSING_CLIENT], 'calls' => $calls,
				'lockstep' => true]);
		}
		$problems = wait_ready($children);
		$start = release($children);
		for ($i = 1; $i < $count && $problems === []; $i++) {
			foreach ($children as $k => $child) {
				if ((receive($child, 300)['at'] ?? null) !== $i) {
					$problems[] = "child $k did not reach call $i";
				}
			}
			release($children, 0.02);
		}
		$collected = collect($children, 300);
		$elapsed = 0.0;
		$by_email = [];
		foreach ($collected['reports'] as $k => $report) {
			foreach ($report['results'] as $i => $result) {
				$by_email[$i][$k] = $result['answer'];
				$elapsed = max($elapsed, $result['t1'] - $start);
			}
		}
		$duplicates = $wrong = $errors = 0;
		$examples = [];
		foreach ($emails as $i => $email) {
			$ids = array_map('intval', array_column(rows(1, 'SELECT id FROM tblcontacts WHERE userid = ? AND subaccount = 1'
				. ' AND email = ?', $cid, $email), 'id'));
			$duplicates += max(0, count($ids) - 1);
			$answers = $by_email[$i] ?? [];
			$successes = array_values(array_filter($answers, fn ($a) => show($a) === 'success'));
			$others = array_filter($answers, fn ($a) => show($a) !== 'success');
			$errors += count(array_filter($answers, fn ($a) => str_starts_with(show($a), 'error: Database error')));
			$right = count($answers) === 6 && count($ids) === 1 && count($successes) === 1
				&& $successes[0]['contactid'] === $ids[0]
				&& count(array_filter($others, fn ($a) => show($a) === 'error: Duplicate Email Address')) === 5;
			if (!$right) {
				$wrong++;
				if (count($examples) < 3) {
					$examples[] = ['email' => $email, 'rows' => $ids, 'answers' => array_map('show_with_id', $answers)];
				}
			}
		}
		$totals['duplicates'] += $duplicates;
		$totals['wrong answers'] += $wrong;
		$totals['database errors'] += $errors;
		figure("race round $round", ['emails' => $count, 'duplicate sub-accounts' => $duplicates,
			'emails answered wrongly' => $wrong, 'Database errors' => $errors, 'seconds' => round($elapsed, 2)]);
		check("race round $round: one sub-account per email", $duplicates === 0, $examples);
		check("race round $round: every answer matches the rows (one success with its id, 5 Duplicate Email Address)",
			$wrong === 0, $examples);
		check("race round $round: no warnings or child failures", array_merge($problems, $collected['problems']) === [],
			array_slice(array_merge($problems, $collected['problems']), 0, 5));
	}
	$mismatches = log_mismatches($cid);
	check('race: the activity log agrees with the rows (one row per contact, none for a contact not kept)',
		$mismatches === [], array_slice($mismatches, 0, 5));
	figure('race total', $totals);
}

/*
 * Load on all nodes (one process per node on that node alone, one per node
 * with the host list starting there), node 2 killed with SIGKILL mid-load,
 * then restarted.
 */
function scenario_kill(array $opt): void
{
	$cid = make_client();
	$after = $opt['short'] ? 15 : 40;
	$ini = ['localapi.read_timeout' => '10', 'localapi.write_timeout' => '10', 'localapi.connect_timeout' => '3'];
	$children = [];
	$labels = [];
	foreach ([1, 2, 3] as $node) {
		foreach ([false, true] as $list) {
			$n = count($children);
			$label = $list ? "host list from node $node" : "node $node only";
			$labels[$n] = $label;
			$children[$n] = spawn('load', node_ini($node, $list, $ini), ['warmup' => ['clientid' => LA_MISSING_CLIENT], 'clientid' => $cid,
				'prefix' => sprintf('la-galera-kill-%d-%s', $n, bin2hex(random_bytes(4))), 'after' => $after]);
		}
	}
	$problems = wait_ready($children);
	release($children);
	/* Kill once the load runs: some contacts committed, calls in flight on every node. */
	$deadline = microtime(true) + 120;
	while ((int) value(1, 'SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid) < 60 && microtime(true) < $deadline) {
		usleep(20000);
	}
	[$code, $output] = galera('kill', '2');
	$killed_at = microtime(true);
	check('node 2 killed mid-load', $code === 0, $output);
	foreach ($children as $child) {
		send($child, ['mark' => true]);
	}
	$collected = collect($children, 600);
	[$code, $output] = galera('start-node', '2');
	check('node 2 restarted and synced', $code === 0, $output);

	$lost = $twice = $false_errors = $unknown = 0;
	$examples = $twice_examples = [];
	$after_kill = [];
	$max_call = 0.0;
	foreach ($collected['reports'] as $n => $report) {
		$after_kill[$n] = 0;
		foreach ($report['results'] as $i => $result) {
			$email = $result['post']['email'];
			$shown = show($result['answer']);
			$ids = array_map('intval', array_column(rows(1, 'SELECT id FROM tblcontacts WHERE userid = ? AND email = ?',
				$cid, $email), 'id'));
			$max_call = max($max_call, $result['t1'] - $result['t0']);
			if (count($ids) > 1) {
				$twice++;
				$twice_examples[] = [$labels[$n], $email, show_with_id($result['answer']), $ids,
					round($result['t0'] - $killed_at, 2), round($result['t1'] - $result['t0'], 2)];
			}
			if ($shown === 'success') {
				if (!in_array($result['answer']['contactid'], $ids, true)) {
					$lost++;
					$examples[] = [$labels[$n], $email, $shown, $ids];
				}
				if ($result['t0'] > $killed_at) {
					$after_kill[$n]++;
				}
			} elseif (is_unknown_outcome($shown)) {
				$unknown++;
			} elseif ($ids !== []) {
				$false_errors++;
				$examples[] = [$labels[$n], $email, $shown, $ids];
			}
		}
	}
	figure('kill: calls', array_sum(array_map(fn ($r) => count($r['results']), $collected['reports'])));
	figure('kill: lost / committed twice / Database error for a committed contact / outcome unknown',
		[$lost, $twice, $false_errors, $unknown]);
	figure('kill: successes after the kill, per process', array_combine($labels, $after_kill));
	figure('kill: longest call (s)', round($max_call, 2));
	check('kill: no contact lost (every success is in the table)', $lost === 0, array_slice($examples, 0, 3));
	check('kill: no contact committed twice', $twice === 0, array_slice($twice_examples, 0, 3));
	check('kill: no plain Database error for a committed contact', $false_errors === 0, array_slice($examples, 0, 3));
	$mismatches = log_mismatches($cid);
	check('kill: the activity log agrees with the rows', $mismatches === [], array_slice($mismatches, 0, 5));
	foreach ($labels as $n => $label) {
		if ($label !== 'node 2 only') {
			check("kill: $label continues after the kill", $after_kill[$n] > 0,
				array_map(fn ($r) => show($r['answer']), array_slice($collected['reports'][$n]['results'], -3)));
		}
	}
	check('kill: no warnings or child failures', array_merge($problems, $collected['problems']) === [],
		array_slice(array_merge($problems, $collected['problems']), 0, 5));
}

/*
 * A transaction rolled back underneath its session without the session being
 * told. A Galera node does that, now and then, to a transaction aborted by a
 * conflicting write from another node: the abort's error is lost, and the
 * session's later statements run, and commit, in a new transaction. Here
 * tests/fault-proxy.inc in front of node 1 plays it after the contact INSERT
 * and just before the COMMIT's batch, and for a sub-account also after the
 * claim and inside the batch (in place of the savepoint's release). Each call
 * still answers success with a contact that exists (a sub-account with its
 * claim row), logActivity() writes its row once, and the activity log names
 * exactly the contacts kept.
 */
function scenario_lost(array $opt): void
{
	require_once __DIR__ . '/../tests/proxy.inc';
	$cid = make_client();
	/* A sub-account's transaction has a savepoint, whose release goes just before COMMIT. */
	$cases = [['contact', 'rollback-after-insert'], ['contact', 'rollback-before'],
		['sub-account', 'rollback-after-claim'], ['sub-account', 'rollback-after-insert'], ['sub-account', 'rollback-before'],
		['sub-account', 'rollback-in-batch'], ['logActivity()', 'rollback-before']];
	foreach ($cases as [$kind, $mode]) {
		$what = "lost: $kind, rolled back underneath ($mode)";
		$tag = sprintf('la-galera-lost-%s', bin2hex(random_bytes(4)));
		$post = match ($kind) {
			'contact' => ['clientid' => $cid, 'email' => "$tag@example.test", 'firstname' => $what],
			'sub-account' => ['clientid' => $cid, 'email' => "$tag@example.test", 'firstname' => $what, 'password2' => 'lost-pw'],
			'logActivity()' => ['logActivity' => [$tag, $cid]],
		};
		$proxy = la_fault_proxy_start('tcp://127.0.0.1:' . config()['ports'][1], $mode);
		if (la_fault_proxy_line($proxy, 30) !== 'ready') {
			check("$what: proxy ready", false, la_fault_proxy_stop($proxy));
			continue;
		}
		$child = spawn('calls', node_ini(1, false, ['localapi.db_host' => 'localhost',
			'localapi.db_socket' => $proxy['socket']]), ['calls' => [$post]]);
		$problems = wait_ready([$child]);
		release([$child]);
		$collected = collect([$child], 120);
		$said = la_fault_proxy_stop($proxy);
		$answer = $collected['reports'][0]['results'][0]['answer'] ?? null;
		check("$what: the proxy acted", str_starts_with($said, "triggered $mode"), $said);
		if ($kind === 'logActivity()') {
			check("$what: the row is written once",
				(int) value(2, 'SELECT COUNT(*) FROM tblactivitylog WHERE description = ?', $tag) === 1);
		} else {
			$ids = array_map('intval', array_column(rows(2, 'SELECT id FROM tblcontacts WHERE userid = ? AND email = ?',
				$cid, "$tag@example.test"), 'id'));
			check("$what: success, with the contact that exists",
				show($answer) === 'success' && $ids === [$answer['contactid']], [show_with_id($answer), $ids]);
		}
		if ($kind === 'sub-account') {
			check("$what: the email's claim row was kept with it", (int) value(2, 'SELECT claims FROM mod_localapi_email_claims'
				. ' WHERE email_key = UNHEX(SHA2(WEIGHT_STRING(CONVERT(RTRIM(?) USING utf8mb4) COLLATE utf8mb4_unicode_ci), 256))',
				"$tag@example.test") === 1);
		}
		check("$what: no warnings or child failures", array_merge($problems, $collected['problems']) === [],
			array_merge($problems, $collected['problems']));
	}
	$mismatches = log_mismatches($cid);
	check('lost: the activity log agrees with the rows', $mismatches === [], $mismatches);
}

/* A sub-account (or a plain contact) of client $cid written by hand on node 1; its id. */
function make_contact(int $cid, string $email, int $subaccount): int
{
	$link = node_link(1);
	$link->execute_query('INSERT INTO tblcontacts (userid, firstname, lastname, companyname, email, address1, address2,'
		. ' city, state, postcode, country, phonenumber, subaccount, password, permissions, domainemails, generalemails,'
		. " invoiceemails, productemails, supportemails, affiliateemails, pwresetkey) VALUES (?, 'Upd', '', '', ?, '', '',"
		. " '', '', '', '', '', ?, ?, '', 1, 1, 1, 1, 1, 1, '')", [$cid, $email, $subaccount, $subaccount ? 'x' : '']);
	$id = (int) $link->insert_id;
	$link->commit();
	return $id;
}

/*
 * UpdateContact against AddContact across the nodes: per email, three processes
 * (one per node) turn a sub-account of their own to it (the first two by
 * changing its email, the third by making a plain contact with another email
 * a sub-account with it) while three (one per node) add a sub-account with it;
 * released together for every email. Exactly one sub-account per email, one
 * success and five Duplicate Email Address (every call hashes a password2
 * first, so that neither command starts ahead). Then an UpdateContact whose
 * transaction is rolled back underneath its session (fault proxy in front of
 * node 1) after the email's claim, just before COMMIT, or inside the COMMIT's batch
 * (only the transaction's mark shows it): success, with the new email stored and
 * its claim row kept.
 */
function scenario_update(array $opt): void
{
	require_once __DIR__ . '/../tests/proxy.inc';
	$rounds = $opt['short'] ? 1 : 3;
	$count = $opt['short'] ? 10 : 30;
	$cid_add = make_client();
	$cid_upd = make_client();
	for ($round = 1; $round <= $rounds; $round++) {
		$emails = [];
		for ($i = 0; $i < $count; $i++) {
			$emails[] = sprintf('la-galera-update-%d-%d-%s@example.test', $round, $i, bin2hex(random_bytes(4)));
		}
		$children = [];
		for ($k = 0; $k < 6; $k++) {
			$node = $k % 3 + 1;
			$calls = [];
			foreach ($emails as $email) {
				if ($k < 2) {
					$id = make_contact($cid_upd, sprintf('la-galera-before-%s@example.test', bin2hex(random_bytes(6))), 1);
					$calls[] = ['localAPI' => ['UpdateContact', ['contactid' => $id, 'email' => $email, 'password2' => 'race-pw']]];
				} elseif ($k === 2) {
					$id = make_contact($cid_upd, sprintf('la-galera-plain-%s@example.test', bin2hex(random_bytes(6))), 0);
					$calls[] = ['localAPI' => ['UpdateContact', ['contactid' => $id, 'email' => strtoupper($email),
						'subaccount' => 1, 'password2' => 'race-pw']]];
				} else {
					$calls[] = ['clientid' => $cid_add, 'email' => $email, 'firstname' => "update race child $k",
						'password2' => 'race-pw'];
				}
			}
			$children[$k] = spawn('calls', node_ini($node), ['warmup' => ['clientid' => LA_MISSING_CLIENT],
				'calls' => $calls, 'lockstep' => true]);
		}
		$problems = wait_ready($children);
		release($children);
		for ($i = 1; $i < $count && $problems === []; $i++) {
			foreach ($children as $k => $child) {
				if ((receive($child, 300)['at'] ?? null) !== $i) {
					$problems[] = "child $k did not reach call $i";
				}
			}
			release($children, 0.02);
		}
		$collected = collect($children, 300);
		$by_email = [];
		foreach ($collected['reports'] as $k => $report) {
			foreach ($report['results'] as $i => $result) {
				$by_email[$i][$k] = $result['answer'];
			}
		}
		$duplicates = $wrong = 0;
		$examples = [];
		$updates_won = 0;
		foreach ($emails as $i => $email) {
			$ids = array_map('intval', array_column(rows(1, 'SELECT id FROM tblcontacts WHERE subaccount = 1 AND email = ?',
				$email), 'id'));
			$duplicates += max(0, count($ids) - 1);
			$answers = $by_email[$i] ?? [];
			$shown = array_map(fn ($a) => ($a['result'] ?? null) === 'success' ? 'success' : show($a), $answers);
			$tally = array_count_values($shown);
			ksort($tally);
			$right = count($answers) === 6 && count($ids) === 1
				&& $tally === ['error: Duplicate Email Address' => 5, 'success' => 1];
			foreach ($shown as $k => $one) {
				$updates_won += $k < 3 && $one === 'success' ? 1 : 0;
			}
			if (!$right) {
				$wrong++;
				if (count($examples) < 3) {
					$examples[] = ['email' => $email, 'rows' => $ids, 'answers' => $shown];
				}
			}
		}
		figure("update round $round", ['emails' => $count, 'duplicate sub-accounts' => $duplicates,
			'emails answered wrongly' => $wrong, 'won by UpdateContact' => $updates_won]);
		check("update round $round: one sub-account per email", $duplicates === 0, $examples);
		check("update round $round: one success and 5 Duplicate Email Address per email", $wrong === 0, $examples);
		check("update round $round: no warnings or child failures", array_merge($problems, $collected['problems']) === [],
			array_slice(array_merge($problems, $collected['problems']), 0, 5));
	}
	$mismatches = log_mismatches($cid_add);
	check('update: the activity log agrees with the rows of AddContact', $mismatches === [], array_slice($mismatches, 0, 5));

	foreach (['rollback-after-claim', 'rollback-before', 'rollback-in-batch'] as $mode) {
		$what = "update: UpdateContact rolled back underneath ($mode)";
		$email = sprintf('la-galera-update-lost-%s@example.test', bin2hex(random_bytes(4)));
		$id = make_contact($cid_upd, sprintf('la-galera-before-%s@example.test', bin2hex(random_bytes(6))), 1);
		$proxy = la_fault_proxy_start('tcp://127.0.0.1:' . config()['ports'][1], $mode);
		if (la_fault_proxy_line($proxy, 30) !== 'ready') {
			check("$what: proxy ready", false, la_fault_proxy_stop($proxy));
			continue;
		}
		$child = spawn('calls', node_ini(1, false, ['localapi.db_host' => 'localhost',
			'localapi.db_socket' => $proxy['socket']]), ['calls' => [['localAPI' => ['UpdateContact', ['contactid' => $id,
			'email' => $email, 'firstname' => 'after']]]]]);
		$problems = wait_ready([$child]);
		release([$child]);
		$collected = collect([$child], 120);
		$said = la_fault_proxy_stop($proxy);
		$answer = $collected['reports'][0]['results'][0]['answer'] ?? null;
		check("$what: the proxy acted", str_starts_with($said, "triggered $mode"), $said);
		$row = rows(2, 'SELECT email, firstname FROM tblcontacts WHERE id = ?', $id)[0] ?? null;
		check("$what: success, and the row holds the new values",
			$answer === ['result' => 'success', 'contactid' => $id] && $row === ['email' => $email, 'firstname' => 'after'],
			[$answer, $row]);
		check("$what: the email's claim row was kept with it", (int) value(2, 'SELECT claims FROM mod_localapi_email_claims'
			. ' WHERE email_key = UNHEX(SHA2(WEIGHT_STRING(CONVERT(RTRIM(?) USING utf8mb4) COLLATE utf8mb4_unicode_ci), 256))',
			$email) === 1);
		check("$what: no warnings or child failures", array_merge($problems, $collected['problems']) === [],
			array_merge($problems, $collected['problems']));
	}
}

/*
 * DeleteContact across nodes: 3 processes, one per node, call DeleteContact
 * for the same contacts, released together for every contact; without and
 * with a ContactDelete callback. A delete leaves no row to read back, so this
 * is the check that the COMMIT's evidence (the log row written with it, or
 * the mark it wrote, write_mark.c) tells a certification loser from
 * the winner: exactly one success per contact, every other answer Contact ID
 * Not Found, one log row and one hook call per contact. Then, through
 * tests/fault-proxy.inc in front of node 1, the transaction rolled back
 * underneath its session without the session being told, around the COMMIT
 * (rollback-before) and in its batch in place of the savepoint's release
 * (rollback-in-batch): the call still answers success once, with the contact
 * deleted and one log row.
 */
function scenario_delete(array $opt): void
{
	require_once __DIR__ . '/../tests/proxy.inc';
	$count = $opt['short'] ? 10 : 30;
	/* The marks table is dropped first: the first hooked delete creates it again. */
	[$code, $output] = galera('sql', '1', '-e', 'DROP TABLE IF EXISTS mod_localapi_write_marks');
	check('marks table dropped', $code === 0, $output);
	foreach (['no hook' => [], 'ContactDelete hook' => ['ContactDelete']] as $label => $hooks) {
		$cid = make_client();
		$link = node_link(1);
		$ids = [];
		for ($i = 0; $i < $count; $i++) {
			$link->execute_query('INSERT INTO tblcontacts (userid, firstname, lastname, companyname, email, address1, address2,'
				. ' city, state, postcode, country, phonenumber, password, permissions, domainemails, generalemails, invoiceemails,'
				. " productemails, supportemails, affiliateemails, pwresetkey) VALUES (?, ?, 'Delete', '', ?, '', '', '', '', '', '',"
				. " '', '', '', 0, 0, 0, 0, 0, 0, '')", [$cid, "delete $i", sprintf('la-galera-delete-%d-%s@example.test', $i,
				bin2hex(random_bytes(4)))]);
			$ids[] = (int) $link->insert_id;
		}
		$link->commit();
		$children = [];
		foreach ([1, 2, 3] as $node) {
			$calls = array_map(fn ($id) => ['localAPI' => ['DeleteContact', ['contactid' => $id]]], $ids);
			$children[$node] = spawn('calls', node_ini($node), ['warmup' => ['clientid' => LA_MISSING_CLIENT], 'calls' => $calls,
				'lockstep' => true, 'hooks' => $hooks]);
		}
		$problems = wait_ready($children);
		release($children);
		for ($i = 1; $i < $count && $problems === []; $i++) {
			foreach ($children as $node => $child) {
				if ((receive($child, 300)['at'] ?? null) !== $i) {
					$problems[] = "child on node $node did not reach call $i";
				}
			}
			release($children, 0.02);
		}
		$collected = collect($children, 300);
		$wrong = [];
		$winners = [];
		foreach ($ids as $i => $id) {
			$answers = [];
			foreach ($collected['reports'] as $node => $report) {
				$answers[$node] = $report['results'][$i]['answer'] ?? null;
			}
			$won = array_keys(array_filter($answers, fn ($a) => $a === ['result' => 'success', 'message' => $id]));
			$lost = array_filter($answers, fn ($a) => $a === ['result' => 'error', 'message' => 'Contact ID Not Found']);
			if (count($won) !== 1 || count($lost) !== 2) {
				$wrong[] = ['contact' => $id, 'answers' => array_map(fn ($a) => json_encode($a), $answers)];
			}
			$winners[$id] = $won;
		}
		check("delete, $label: one success and two Contact ID Not Found per contact", $wrong === [], array_slice($wrong, 0, 3));
		$left = (int) value(2, 'SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid);
		check("delete, $label: no contact left", $left === 0, $left);
		$logged = [];
		foreach (rows(3, 'SELECT description FROM tblactivitylog WHERE userid = ? AND description LIKE ?', $cid,
			'Deleted Contact - %') as $row) {
			$id = preg_match('/ - Contact ID: (\d+) - /', $row['description'], $m) ? (int) $m[1] : 0;
			$logged[$id] = ($logged[$id] ?? 0) + 1;
		}
		ksort($logged);
		check("delete, $label: one log row per contact", $logged === array_fill_keys($ids, 1), $logged);
		if ($hooks !== []) {
			$hooked = [];
			foreach ($collected['reports'] as $node => $report) {
				foreach ($report['hooked'] ?? [] as [$point, $vars]) {
					$hooked[$vars['contactid']][] = $node;
				}
			}
			ksort($hooked);
			$differ = array_filter($ids, fn ($id) => count($hooked[$id] ?? []) !== 1 || ($hooked[$id] ?? []) !== $winners[$id]);
			check("delete, $label: one ContactDelete per contact, in the process that succeeded", $differ === [],
				array_map(fn ($id) => ['contact' => $id, 'hooked in' => $hooked[$id] ?? [], 'won in' => $winners[$id]],
					array_slice($differ, 0, 3)));
		}
		check("delete, $label: no warnings or child failures", array_merge($problems, $collected['problems']) === [],
			array_slice(array_merge($problems, $collected['problems']), 0, 5));
	}

	$cid = make_client();
	foreach ([['no hook', 'rollback-in-batch'], ['ContactDelete hook', 'rollback-in-batch'], ['no hook', 'rollback-before'],
		['ContactDelete hook', 'rollback-before']] as [$label, $mode]) {
		$what = "delete, $label, rolled back underneath ($mode)";
		$link = node_link(1);
		$link->execute_query('INSERT INTO tblcontacts (userid, firstname, lastname, companyname, email, address1, address2,'
			. ' city, state, postcode, country, phonenumber, password, permissions, domainemails, generalemails, invoiceemails,'
			. " productemails, supportemails, affiliateemails, pwresetkey) VALUES (?, ?, '', '', '', '', '', '', '', '', '', '', '',"
			. " '', 0, 0, 0, 0, 0, 0, '')", [$cid, $what]);
		$id = (int) $link->insert_id;
		$link->commit();
		$proxy = la_fault_proxy_start('tcp://127.0.0.1:' . config()['ports'][1], $mode);
		if (la_fault_proxy_line($proxy, 30) !== 'ready') {
			check("$what: proxy ready", false, la_fault_proxy_stop($proxy));
			continue;
		}
		$child = spawn('calls', node_ini(1, false, ['localapi.db_host' => 'localhost', 'localapi.db_socket' => $proxy['socket']]),
			['calls' => [['localAPI' => ['DeleteContact', ['contactid' => $id]]]],
			'hooks' => $label === 'no hook' ? [] : ['ContactDelete']]);
		$problems = wait_ready([$child]);
		release([$child]);
		$collected = collect([$child], 120);
		$said = la_fault_proxy_stop($proxy);
		$answer = $collected['reports'][0]['results'][0]['answer'] ?? null;
		check("$what: the proxy acted", str_starts_with($said, "triggered $mode"), $said);
		$logs = (int) value(2, 'SELECT COUNT(*) FROM tblactivitylog WHERE userid = ? AND description LIKE ?', $cid,
			"Deleted Contact - User ID: $cid - Contact ID: $id - %");
		$there = (int) value(2, 'SELECT COUNT(*) FROM tblcontacts WHERE id = ?', $id);
		$hooked = count($collected['reports'][0]['hooked'] ?? []);
		check("$what: success once, the contact deleted, one log row" . ($label === 'no hook' ? '' : ', one hook'),
			$answer === ['result' => 'success', 'message' => $id] && $there === 0 && $logs === 1
				&& $hooked === ($label === 'no hook' ? 0 : 1), [json_encode($answer), $there, $logs, $hooked]);
		check("$what: no warnings or child failures", array_merge($problems, $collected['problems']) === [],
			array_merge($problems, $collected['problems']));
	}
}

/*
 * Node 3 frozen with SIGSTOP (a hung host): a call through it alone, and a
 * call with the host list starting at it, end within the timeouts plus the
 * retry budget; the host list call succeeds elsewhere.
 */
function scenario_freeze(array $opt): void
{
	$cid = make_client();
	$timeout = 4;
	$connect = 2;
	$budget = 2;
	$cap = 90.0;
	$ini = ['localapi.read_timeout' => (string) $timeout, 'localapi.write_timeout' => (string) $timeout,
		'localapi.connect_timeout' => (string) $connect, 'localapi.retry_budget' => (string) ($budget * 1000)];
	$bound = $connect + 2 * $timeout + $budget + 3;
	$children = [];
	$labels = ['node 3 only', 'host list from node 3', 'node 1 only'];
	$emails = [];
	foreach ([[3, false], [3, true], [1, false]] as $n => [$node, $list]) {
		$emails[$n] = sprintf('la-galera-freeze-%d-%s@example.test', $n, bin2hex(random_bytes(4)));
		$children[$n] = spawn('calls', node_ini($node, $list, $ini), ['warmup' => ['clientid' => LA_MISSING_CLIENT],
			'calls' => [['clientid' => $cid, 'email' => $emails[$n], 'firstname' => $labels[$n]]]]);
	}
	$problems = wait_ready($children);
	[$code, $output] = galera('freeze', '3');
	check('node 3 frozen', $code === 0, $output);
	$start = release($children);
	/* Wait for the answers up to $cap seconds; then thaw, so that a call that hangs still ends (and is measured). */
	$reports = [];
	$deadline = $start + $cap;
	foreach ($children as $n => $child) {
		$reports[$n] = receive($child, max(0.1, $deadline - microtime(true)));
	}
	$thawed_at = null;
	if (in_array(null, $reports, true)) {
		$thawed_at = microtime(true);
		galera('thaw', '3');
	}
	$stderr = [];
	foreach ($children as $n => $child) {
		$reports[$n] ??= receive($child, 120);
		$stderr[$n] = finish($child);
	}
	galera('thaw', '3');
	foreach ($labels as $n => $label) {
		$result = $reports[$n]['results'][0] ?? null;
		$elapsed = $result === null ? null : round($result['t1'] - $result['t0'], 2);
		$shown = $result === null ? 'no answer' : show($result['answer']);
		figure("freeze: $label", ['answer' => $shown, 'seconds' => $elapsed,
			'thawed after (s)' => $thawed_at === null ? null : round($thawed_at - $start, 1)]);
		check("freeze: $label answers within {$bound}s (timeouts + retry budget)",
			$elapsed !== null && $elapsed <= $bound && ($thawed_at === null || $result['t1'] < $thawed_at), $elapsed);
		$ids = array_map('intval', array_column(rows(1, 'SELECT id FROM tblcontacts WHERE email = ?', $emails[$n]), 'id'));
		$truthful = $shown === 'success' ? $ids === [$result['answer']['contactid']]
			: (is_unknown_outcome($shown) || (str_starts_with($shown, 'error: Database error: ') && $ids === []));
		check("freeze: $label tells the truth", $truthful, [$shown, $ids]);
		if ($n !== 0) {
			check("freeze: $label succeeds", $shown === 'success', $shown);
		}
		check("freeze: $label no warnings", ($reports[$n]['warnings'] ?? ['no report']) === [] && $stderr[$n] === '',
			[$reports[$n]['warnings'] ?? null, $stderr[$n]]);
	}
	if ($problems !== []) {
		check('freeze: children ready', false, $problems);
	}
}

/*
 * Node 3 cut off from the cluster (gmcast.isolate): it runs and accepts
 * connections, but is not in the primary component (wsrep_ready OFF, its
 * statements fail with 1047). A host list starting at it skips it, for a new
 * connection and for a link made before it was cut off; node 3 alone answers
 * Database error within the retry budget and writes nothing.
 */
function scenario_notready(array $opt): void
{
	$cid = make_client();
	$ini = ['localapi.read_timeout' => '10', 'localapi.connect_timeout' => '3', 'localapi.retry_budget' => '2000'];
	$labels = ['host list from node 3, linked before' , 'host list from node 3, new', 'node 3 only'];
	$emails = [];
	$children = [];
	foreach ($labels as $n => $label) {
		$emails[$n] = sprintf('la-galera-notready-%d-%s@example.test', $n, bin2hex(random_bytes(4)));
	}
	$children[0] = spawn('calls', node_ini(3, true, $ini), ['warmup' => ['clientid' => LA_MISSING_CLIENT],
		'calls' => [['clientid' => $cid, 'email' => $emails[0], 'firstname' => $labels[0]]]]);
	$problems = wait_ready([$children[0]]);
	[$code, $output] = galera('isolate', '3');
	$deadline = microtime(true) + 60;
	do {
		usleep(200000);
		$state = trim(shell_exec('bash ' . escapeshellarg(__DIR__ . '/galera.sh') . ' sql 3 -N -e '
			. escapeshellarg("SHOW STATUS LIKE 'wsrep_ready'") . ' 2>/dev/null') ?? '');
	} while (!str_ends_with($state, 'OFF') && microtime(true) < $deadline);
	check('node 3 cut off (wsrep_ready OFF)', $code === 0 && str_ends_with($state, 'OFF'), [$output, $state]);
	$children[1] = spawn('calls', node_ini(3, true, $ini), ['calls' => [['clientid' => $cid, 'email' => $emails[1],
		'firstname' => $labels[1]]]]);
	$children[2] = spawn('calls', node_ini(3, false, $ini), ['calls' => [['clientid' => $cid, 'email' => $emails[2],
		'firstname' => $labels[2]]]]);
	$problems = array_merge($problems, wait_ready([1 => $children[1], 2 => $children[2]]));
	release($children);
	$collected = collect($children, 120);
	galera('unisolate', '3');
	foreach ($labels as $n => $label) {
		$result = $collected['reports'][$n]['results'][0] ?? null;
		$shown = $result === null ? 'no answer' : show($result['answer']);
		$elapsed = $result === null ? null : round($result['t1'] - $result['t0'], 2);
		$ids = array_map('intval', array_column(rows(1, 'SELECT id FROM tblcontacts WHERE email = ?', $emails[$n]), 'id'));
		figure("notready: $label", ['answer' => $shown, 'seconds' => $elapsed]);
		if ($n < 2) {
			check("notready: $label succeeds on another node", $shown === 'success' && $ids === [$result['answer']['contactid']],
				[$shown, $ids]);
			check("notready: $label within 3 s", $elapsed !== null && $elapsed < 3, $elapsed);
		} else {
			check("notready: $label answers Database error, writes nothing",
				str_starts_with($shown, 'error: Database error: ') && !is_unknown_outcome($shown) && $ids === [], [$shown, $ids]);
			check("notready: $label within the retry budget and the timeouts", $elapsed !== null && $elapsed < 2 + 3 + 3, $elapsed);
		}
	}
	check('notready: no warnings or child failures', array_merge($problems, $collected['problems']) === [],
		array_slice(array_merge($problems, $collected['problems']), 0, 5));
	[$code, $output] = galera('wait-synced', '3', '120');
	check('notready: node 3 rejoined', $code === 0, $output);
}

/* Every node back, synced, with the same rows. */
function scenario_rejoin(array $opt): void
{
	heal();
	$digests = [];
	foreach ([1, 2, 3] as $node) {
		foreach (['tblclients' => 'id, email, companyname', 'tblcontacts' => 'id, userid, email, subaccount, password, created_at',
			'tblactivitylog' => 'id, userid, description, date'] as $table => $columns) {
			$rows = rows($node, "SELECT $columns FROM $table ORDER BY id");
			$digests[$table][$node] = count($rows) . ' rows, ' . md5(serialize($rows));
		}
	}
	foreach ($digests as $table => $per_node) {
		check("rejoin: $table identical on the three nodes", count(array_unique($per_node)) === 1, $per_node);
	}
}

/* Plain contacts for a few seconds from 6 processes: all on node 1, then spread over the three nodes. */
function scenario_throughput(array $opt): void
{
	$seconds = 10;
	foreach (['one node' => fn (int $k) => 1, 'three nodes' => fn (int $k) => $k % 3 + 1] as $label => $node_of) {
		$cid = make_client();
		$children = [];
		for ($k = 0; $k < 6; $k++) {
			$children[$k] = spawn('load', node_ini($node_of($k)), ['warmup' => ['clientid' => LA_MISSING_CLIENT], 'clientid' => $cid,
				'prefix' => sprintf('la-galera-tp-%d-%s', $k, bin2hex(random_bytes(4))), 'after' => PHP_INT_MAX]);
		}
		wait_ready($children);
		$start = release($children);
		time_sleep_until($start + $seconds);
		foreach ($children as $child) {
			send($child, ['stop' => true]);
		}
		$collected = collect($children, 120);
		$ok = 0;
		$latencies = [];
		foreach ($collected['reports'] as $report) {
			foreach ($report['results'] as $result) {
				if (show($result['answer']) === 'success' && $result['t1'] <= $start + $seconds) {
					$ok++;
					$latencies[] = $result['t1'] - $result['t0'];
				}
			}
		}
		sort($latencies);
		$p = fn (float $q) => $latencies === [] ? null : round(1000 * $latencies[(int) floor($q * (count($latencies) - 1))], 1);
		figure("throughput, 6 processes, $label", ['contacts/s' => round($ok / $seconds), 'p50 ms' => $p(0.5), 'p99 ms' => $p(0.99)]);
	}
}

/* ---------------------------------------------------------------------------
 * Main
 */

$opt = ['short' => false, 'throughput' => false];
$chosen = [];
foreach (array_slice($argv, 1) as $arg) {
	match ($arg) {
		'--short' => $opt['short'] = true,
		'--throughput' => $opt['throughput'] = true,
		default => $chosen[] = $arg,
	};
}
$scenarios = $chosen ?: ['plain', 'race', 'update', 'lost', 'delete', 'kill', 'freeze', 'notready', 'rejoin'];
if ($opt['throughput'] && !in_array('throughput', $scenarios, true)) {
	$scenarios[] = 'throughput';
}
if (!extension_loaded('localapi') || !extension_loaded('mysqli')) {
	fwrite(STDERR, "galera-test.php: needs the localapi and mysqli extensions\n");
	exit(2);
}

/* Whatever happens, leave the three nodes running and unfrozen. */
register_shutdown_function(function (): void {
	foreach ([1, 2, 3] as $node) {
		galera('thaw', (string) $node);
	}
});

$t0 = microtime(true);
cleanup();
foreach ($scenarios as $name) {
	$function = "scenario_$name";
	if (!function_exists($function)) {
		check("scenario $name exists", false);
		continue;
	}
	echo "=== $name ===\n";
	$s0 = microtime(true);
	try {
		$function($opt);
	} catch (Throwable $e) {
		check("$name: ran to the end", false, get_class($e) . ': ' . $e->getMessage());
		try {
			heal();
		} catch (Throwable $e) {
			check("$name: cluster healed", false, $e->getMessage());
		}
	}
	figure("$name seconds", round(microtime(true) - $s0, 1));
}
cleanup();
figure('total seconds', round(microtime(true) - $t0, 1));
echo "{$GLOBALS['passed']} passed, {$GLOBALS['failed']} failed\n";
exit($GLOBALS['failed'] === 0 ? 0 : 1);
