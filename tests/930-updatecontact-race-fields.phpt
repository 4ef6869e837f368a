--TEST--
UpdateContact races: concurrent calls changing different fields of one contact all survive (behaviour §10 "Only the columns given")
--DESCRIPTION--
Four child processes, released at one moment, each change one field of
their own (firstname, lastname, city, a flag) on the same 40 contacts, in the
same order. Every call answers success and every contact ends with all four
new values: nothing one call wrote is overwritten by another's stale copy of
the row. (A call that read the row without a lock and wrote every column back
loses fields here: tried, most contacts lose at least one.)
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
require_once __DIR__ . '/update-contact.inc';

define('LA_CONTACTS', la_rel_under_valgrind() ? 4 : 40);

$cid = la_make_client();
$ids = [];
for ($i = 0; $i < LA_CONTACTS; $i++) {
	$ids[] = la_upd_make_contact($cid, ['firstname' => 'F0', 'lastname' => 'L0', 'city' => 'C0', 'supportemails' => 1]);
}
$fields = [['firstname' => 'F1'], ['lastname' => 'L1'], ['city' => 'C1'], ['supportemails' => 0]];
$calls = [];
foreach ($fields as $p => $post) {
	foreach ($ids as $id) {
		$calls[$p][] = $post + ['contactid' => $id];
	}
}
$race = la_rel_race($calls, la_missing_client_id(), array_fill(0, count($fields), 'UpdateContact'));
la_is(1, $race['problems'], []);
$tally = [];
foreach ($race['answers'] as $answers) {
	foreach ($answers as $answer) {
		$shown = ($answer['result'] ?? '') === 'success' ? 'success' : la_show($answer);
		$tally[$shown] = ($tally[$shown] ?? 0) + 1;
	}
}
la_is(2, $tally, ['success' => count($fields) * LA_CONTACTS]);
$lost = [];
foreach ($ids as $id) {
	$row = la_pick(la_contact($id), ['firstname', 'lastname', 'city', 'supportemails']);
	if ($row !== ['firstname' => 'F1', 'lastname' => 'L1', 'city' => 'C1', 'supportemails' => '0']) {
		$lost[$id] = $row;
	}
}
la_is(3, $lost, []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
