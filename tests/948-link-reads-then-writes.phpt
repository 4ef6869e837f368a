--TEST--
One link, reads and writes in turn: a read of one statement leaves no transaction, and every write after it is still one transaction (behaviour §4 "Session")
--DESCRIPTION--
GetContacts reads its page and count in one statement with autocommit on, so
no ROLLBACK has to follow it. The writes after it on the same link must run
with autocommit off again: triggers on tblcontacts record @@autocommit of the
session that inserts or updates a contact of this test's client, and every
AddContact and UpdateContact made right after a GetContacts (of either kind:
one statement, or the snapshot read of an empty page past the first row) or a
GetClientsDetails shows 0. Every read right after a write sees it (no old
snapshot is left open). With log rows refused, AddContact and DeleteContact
right after a read write nothing: the contact row and its log row are still
one transaction. Checked to fail when the link stays autocommitting after
the read (lines 3, 5, 7, 9 and 11 to 16).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!la_can_create_triggers()) die('skip the test user cannot create triggers');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
foreach (['INSERT' => 'la_test_948_i', 'UPDATE' => 'la_test_948_u'] as $event => $trigger) {
	la_query("DROP TRIGGER IF EXISTS $trigger");
	la_query("CREATE TRIGGER $trigger BEFORE $event ON tblcontacts FOR EACH ROW
		BEGIN
			IF NEW.userid = $cid THEN
				SET NEW.pwresetkey = CONCAT('autocommit=', @@autocommit + 0);
			END IF;
		END");
}
$mode = fn (int $id) => la_value('SELECT pwresetkey FROM tblcontacts WHERE id = ?', $id);
$total = fn (array $post = []) => localAPI('GetContacts', ['userid' => $cid] + $post)['totalresults'] ?? null;
$add = function (string $name) use ($cid) {
	$answer = localAPI('AddContact', ['clientid' => $cid, 'firstname' => $name, 'email' => la_unique_email()]);
	return $answer['contactid'] ?? $answer;
};

try {
	$first = $add('One');
	la_is(1, $mode($first), 'autocommit=0');
	la_is(2, $total(), 1);
	$second = $add('Two');
	la_is(3, $mode($second), 'autocommit=0');
	la_is(4, $total(), 2);
	la_is(5, [localAPI('UpdateContact', ['contactid' => $first, 'firstname' => 'Uno'])['result'] ?? null,
		$mode($first)], ['success', 'autocommit=0']);
	$page = localAPI('GetContacts', ['userid' => $cid, 'limitstart' => 5]);
	la_is(6, [$page['totalresults'] ?? null, $page['numreturned'] ?? null,
		la_value('SELECT firstname FROM tblcontacts WHERE id = ?', $first)], [2, 0, 'Uno']);
	$third = $add('Three');
	la_is(7, $mode($third), 'autocommit=0');
	la_is(8, localAPI('GetClientsDetails', ['clientid' => $cid])['result'] ?? null, 'success');
	la_is(9, [localAPI('UpdateContact', ['contactid' => $third, 'firstname' => 'Tres'])['result'] ?? null,
		$mode($third)], ['success', 'autocommit=0']);

	la_refuse_inserts('la_test_948_log', 'tblactivitylog', $cid, 'la-test: log row refused');
	la_is(10, $total(), 3);
	$refused = $add('Four');
	la_ok(11, ($refused['result'] ?? null) === 'error' && la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid) === 3,
		$refused);
	la_is(12, $total(), 3);
	$answer = localAPI('DeleteContact', ['contactid' => $second]);
	la_ok(13, ($answer['result'] ?? null) === 'error' && la_contact($second) !== null, $answer);
	la_drop_trigger('la_test_948_log');

	la_is(14, localAPI('DeleteContact', ['contactid' => $second])['result'] ?? null, 'success');
	la_is(15, $total(), 2);
	$names = localAPI('GetContacts', ['userid' => $cid])['contacts']['contact'] ?? [];
	la_is(16, array_column($names, 'firstname'), ['Uno', 'Tres']);
} finally {
	foreach (['la_test_948_i', 'la_test_948_u', 'la_test_948_log'] as $trigger) {
		la_drop_trigger($trigger);
	}
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
foreach (['la_test_948_i', 'la_test_948_u', 'la_test_948_log'] as $trigger) {
	la_drop_trigger($trigger);
}
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
8: ok
9: ok
10: ok
11: ok
12: ok
13: ok
14: ok
15: ok
16: ok
