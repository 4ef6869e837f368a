--TEST--
AddContact: racing sub-account calls for one new email produce exactly one sub-account (behaviour §3.6)
--DESCRIPTION--
Several forked processes, each with its own connection (warmed up first),
wait at a barrier and then add a sub-account with the same fresh email at the
same moment; repeated for a few rounds, each with a brand-new email.
Exactly one call per round
succeeds, the others answer "Duplicate Email Address", and exactly one
sub-account with that email exists. Children end by replacing themselves
with /bin/true (exec; SIGKILL if that fails) so that they neither close the
parent's resources nor write shutdown output.
7.x behaviour only (the duplicate-email rule is 7.x's; 8.x stores no sub-account and checks neither
permissions nor duplicate emails, behaviour §8): skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7); ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

/*
 * bcrypt (~50 ms, before any lock) spreads the children out by a few ms, while
 * the race window is about one: 10 children over 10 rounds catch a broken
 * lock (tried with READ COMMITTED instead of REPEATABLE READ) in ~98% of
 * runs. Under valgrind (run-tests -m sets USE_ZEND_ALLOC=0) only a smoke run.
 */
$la_valgrind = getenv('USE_ZEND_ALLOC') === '0';
define('LA_CHILDREN', $la_valgrind ? 3 : 10);
define('LA_ROUNDS', $la_valgrind ? 2 : 10);

function la_race(int $cid, string $email, string $dir): array
{
	la_db_close(); /* a child must not share (and then close) the parent's socket */
	$pids = [];
	for ($i = 0; $i < LA_CHILDREN; $i++) {
		$pid = pcntl_fork();
		if ($pid === 0) {
			/* warm up: open this process's own link */
			localAPI('AddContact', ['clientid' => la_missing_client_id_fixed()]);
			touch("$dir/ready-$i");
			$deadline = microtime(true) + 60;
			while (!file_exists("$dir/go") && microtime(true) < $deadline) {
				usleep(200);
			}
			$answer = localAPI('AddContact', ['clientid' => $cid, 'email' => $email, 'password2' => "pw$i"]);
			file_put_contents("$dir/result-$i", la_show($answer));
			/* end without PHP's shutdown; under valgrind an exec also ends the
			 * copy without a leak report of a process that never shut down */
			@pcntl_exec('/bin/true');
			posix_kill(posix_getpid(), SIGKILL);
		}
		$pids[] = $pid;
	}
	$deadline = microtime(true) + 120;
	while (count(glob("$dir/ready-*")) < LA_CHILDREN && microtime(true) < $deadline) {
		usleep(1000);
	}
	touch("$dir/go");
	foreach ($pids as $pid) {
		pcntl_waitpid($pid, $status);
	}
	$results = [];
	for ($i = 0; $i < LA_CHILDREN; $i++) {
		$results[] = @file_get_contents("$dir/result-$i") ?: 'no answer';
	}
	array_map('unlink', glob("$dir/*"));
	return $results;
}

/* computed before forking: children must not touch the fixture link */
function la_missing_client_id_fixed(): int
{
	return $GLOBALS['la_missing'];
}

$cid = la_make_client();
$GLOBALS['la_missing'] = la_missing_client_id();
$dir = sys_get_temp_dir() . '/localapi-test-race-' . getmypid();
@mkdir($dir);
$bad_answers = $bad_rows = [];
for ($round = 1; $round <= LA_ROUNDS; $round++) {
	$email = la_unique_email('race');
	$results = la_race($cid, $email, $dir);
	$tally = array_count_values($results);
	ksort($tally);
	if ($tally !== ['error: Duplicate Email Address' => LA_CHILDREN - 1, 'success' => 1]) {
		$bad_answers["round $round"] = $tally;
	}
	$rows = la_count('SELECT COUNT(*) FROM tblcontacts WHERE email = ? AND subaccount = 1', $email);
	if ($rows !== 1) {
		$bad_rows["round $round"] = $rows;
	}
}
@rmdir($dir);
/* 1: every round answered one success and N-1 duplicates; 2: and left one sub-account */
la_is(1, $bad_answers, []);
la_is(2, $bad_rows, []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
