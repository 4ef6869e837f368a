--TEST--
Races: 4 processes delete the same 30 contacts at the same moment; each contact is deleted once, with one success, one log row and one hook (behaviour §10 "DeleteContact", §4 "Lock conflicts")
--DESCRIPTION--
4 child PHP processes (this PHP binary, -n, the same localapi.so and
localapi.* settings) open their connections, wait for one start time, then
call DeleteContact for each of the same 30 contacts in the same order. Twice:
without a ContactDelete callback (the delete and its log row commit
together), and with one in every child (the delete commits before the
callback, the log row after it).
Expected each time: exactly one success per contact, every other answer
"Contact ID Not Found" (the locking read of the losers waits for the winner,
then finds no row; lock waits and deadlocks are retried inside the call), no
PHP warning; no contact left; exactly one log row per contact, its
"Contact ID" the contact's; with the callback, exactly one ContactDelete call
per contact, in the process whose call succeeded.
Under run-tests.php -m (valgrind traces the children) the race shrinks to 3
processes and 4 contacts.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
race
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
require_once __DIR__ . '/delete-contact.inc';

define('LA_PROCESSES', la_rel_under_valgrind() ? 3 : 4);
define('LA_CONTACTS', la_rel_under_valgrind() ? 4 : 30);

foreach (['no hook' => [], 'ContactDelete hook' => ['ContactDelete']] as $label => $hooks) {
	$cid = la_make_client();
	$ids = [];
	for ($c = 0; $c < LA_CONTACTS; $c++) {
		$ids[] = la_del_contact($cid, ['firstname' => "Race$c"]);
	}
	$calls = [];
	for ($p = 0; $p < LA_PROCESSES; $p++) {
		foreach ($ids as $id) {
			$calls[$p][] = ['localAPI' => ['DeleteContact', ['contactid' => $id]]];
		}
	}
	$race = la_rel_race($calls, la_missing_client_id(), $hooks);
	la_is("$label: problems", $race['problems'], []);

	$tally = [];
	$winners = [];
	foreach ($race['answers'] as $p => $answers) {
		foreach ($answers as $c => $answer) {
			$shown = la_show($answer);
			$kind = str_starts_with($shown, 'success') ? 'success' : $shown;
			$tally[$kind] = ($tally[$kind] ?? 0) + 1;
			if ($kind === 'success') {
				$winners[$ids[$c]][] = $p;
			}
		}
	}
	ksort($tally);
	ksort($winners);
	la_is("$label: answers", $tally,
		['error: Contact ID Not Found' => LA_PROCESSES * LA_CONTACTS - LA_CONTACTS, 'success' => LA_CONTACTS]);
	la_is("$label: one winner per contact", array_map('count', $winners), array_fill_keys($ids, 1));
	la_is("$label: no contact left", la_contacts_of($cid), []);
	$logged = array_map(fn ($d) => preg_match('/Contact ID: (\d+) /', $d, $m) ? (int) $m[1] : $d, la_del_log($cid));
	sort($logged);
	la_is("$label: one log row per contact", $logged, $ids);
	if ($hooks !== []) {
		$hooked = [];
		foreach ($race['hooked'] as $p => $calls_seen) {
			foreach ($calls_seen as [$point, $vars]) {
				$hooked[$vars['contactid']][] = [$point, $p, $vars['userid']];
			}
		}
		ksort($hooked);
		$expected = [];
		foreach ($ids as $id) {
			$expected[$id] = [['ContactDelete', $winners[$id][0] ?? null, $cid]];
		}
		la_is("$label: one hook per contact, in the winner", $hooked, $expected);
	}
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';
la_del_cleanup();
?>
--EXPECT--
no hook: problems: ok
no hook: answers: ok
no hook: one winner per contact: ok
no hook: no contact left: ok
no hook: one log row per contact: ok
ContactDelete hook: problems: ok
ContactDelete hook: answers: ok
ContactDelete hook: one winner per contact: ok
ContactDelete hook: no contact left: ok
ContactDelete hook: one log row per contact: ok
ContactDelete hook: one hook per contact, in the winner: ok
