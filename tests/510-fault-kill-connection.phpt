--TEST--
Server faults: the extension's connection is KILLed between two calls; the next call succeeds (behaviour §4 "Lost connections")
--DESCRIPTION--
The extension's connection is found in information_schema.PROCESSLIST as the
one session of the test user that appeared with the first call (the fixture
link's own session excluded) and KILLed from the fixture link. The next call
must succeed without the caller doing anything, and a third one too.
First in this process (plain contact after plain contact), then, each in a
fresh child process so that one failure cannot hide the next, with every
kind of first statement the next call can send on the dead connection: a
statement already prepared on it or a new one (plain contact, sub-account
INSERT, admin lookup by name or by id, a client check that finds nothing).
Each line: warm-up call / kill / call after the kill / one more call.
No PHP warning, no output; the rows are exactly the successful calls'.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!is_readable('/proc/self/maps')) {
	die('skip needs /proc/self/maps to find localapi.so for the children');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});

$cid = la_make_client();

/* in this process */
$before = la_rel_sessions();
$first = la_call(1, 'AddContact', ['clientid' => $cid, 'firstname' => 'in-process']);
$thread = la_rel_new_session($before, la_rel_phpinfo_thread());
la_ok(2, $thread !== null && la_rel_kill($thread), la_rel_sessions());
$second = la_call(3, 'AddContact', ['clientid' => $cid, 'firstname' => 'in-process']);
$third = la_call(4, 'AddContact', ['clientid' => $cid, 'firstname' => 'in-process'], 'admin');
la_is(5, array_map('intval', array_column(la_rows('SELECT id FROM tblcontacts WHERE userid = ? AND firstname = ? ORDER BY id', $cid, 'in-process'), 'id')),
	[$first['contactid'] ?? 0, $second['contactid'] ?? 0, $third['contactid'] ?? 0]);
la_is(6, count(array_diff(la_rel_sessions(), $before)), 1);
la_is(7, $warnings, []);

/* in fresh children: [warm-up call, call after the kill] */
$plain = fn (string $label) => ['post' => ['clientid' => $cid, 'firstname' => $label], 'admin' => ''];
$sub = fn (string $label) => ['post' => ['clientid' => $cid, 'firstname' => $label, 'email' => la_unique_email('kill'), 'password2' => 'pw'], 'admin' => ''];
$admin = fn (string $label, string|int $who) => ['post' => ['clientid' => $cid, 'firstname' => $label], 'admin' => $who];
$scenarios = [
	'plain, then plain' => fn ($l) => [$plain($l), $plain($l)],
	'plain, then sub-account' => fn ($l) => [$plain($l), $sub($l)],
	'sub-account, then sub-account' => fn ($l) => [$sub($l), $sub($l)],
	'plain, then admin by name' => fn ($l) => [$plain($l), $admin($l, 'admin')],
	'admin by name, then admin by name' => fn ($l) => [$admin($l, 'admin'), $admin($l, 'admin')],
	'admin by id, then admin by id' => fn ($l) => [$admin($l, 1), $admin($l, 1)],
	'plain, then missing client' => fn ($l) => [$plain($l), ['post' => ['clientid' => la_missing_client_id()], 'admin' => '']],
];
$n = 8;
foreach ($scenarios as $label => $make) {
	[$warmup, $call] = $make($label);
	$started = la_rel_child_start(['warmup' => $warmup, 'post' => $call['post'], 'admin' => $call['admin'], 'then' => $plain($label)]);
	$killed = $started['session'] !== null && la_rel_kill($started['session']);
	la_rel_child_go($started);
	$report = la_rel_child_end($started);
	/* 8.x answers a contact with password2 with a warning (behaviour §8, test 703): a success here */
	$show = fn (mixed $answer) => preg_replace('/^success, warning: Sub Accounts .*$/', 'success', la_show($answer));
	$shown = [$show($started['warmup']), $killed ? 'killed' : 'not killed', $show($report['answer']), $show($report['then'])];
	echo "$n $label: ", implode(' / ', $shown), "\n";
	$successes = count(array_keys($shown, 'success', true));
	la_is("$n $label: rows", la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ? AND firstname = ?', $cid, $label), $successes);
	la_is("$n $label: warnings", $report['problems'], []);
	$n++;
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: success
4: success
5: ok
6: ok
7: ok
8 plain, then plain: success / killed / success / success
8 plain, then plain: rows: ok
8 plain, then plain: warnings: ok
9 plain, then sub-account: success / killed / success / success
9 plain, then sub-account: rows: ok
9 plain, then sub-account: warnings: ok
10 sub-account, then sub-account: success / killed / success / success
10 sub-account, then sub-account: rows: ok
10 sub-account, then sub-account: warnings: ok
11 plain, then admin by name: success / killed / success / success
11 plain, then admin by name: rows: ok
11 plain, then admin by name: warnings: ok
12 admin by name, then admin by name: success / killed / success / success
12 admin by name, then admin by name: rows: ok
12 admin by name, then admin by name: warnings: ok
13 admin by id, then admin by id: success / killed / success / success
13 admin by id, then admin by id: rows: ok
13 admin by id, then admin by id: warnings: ok
14 plain, then missing client: success / killed / error: Client ID Not Found / success
14 plain, then missing client: rows: ok
14 plain, then missing client: warnings: ok
