--TEST--
UpdateContact server faults: the call's connection is killed while it waits for a row lock; it connects again, tries again and succeeds (behaviour §9, §10)
--DESCRIPTION--
The fixture link holds the contact's row (SELECT ... FOR UPDATE). A child
process's UpdateContact waits for it in its locking read; the test kills that
session (KILL CONNECTION). Nothing was written, so the call connects again
within its retry budget and tries again; once the fixture's transaction ends,
it answers success and the row holds the new values, updated once. Then the
same with the kill after the row was read and the UPDATE is waiting behind
the fixture's lock on another contact of the ICANN check (a locking read of
the client's other contacts): again success.
--EXTENSIONS--
localapi
mysqli
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

$cid = la_make_client();
la_query('UPDATE tblclients SET email_preferences = ? WHERE id = ?', '{"domain":0}', $cid);
$id = la_upd_make_contact($cid);
$other = la_upd_make_contact($cid);

$scenarios = [
	'waiting in the locking read of its row' => [$id, ['contactid' => $id, 'firstname' => 'Killed once'], 'SELECT userid'],
	'waiting in the ICANN check' => [$other, ['contactid' => $id, 'domainemails' => 0], 'SELECT id FROM tblcontacts WHERE userid'],
];
$n = 0;
foreach ($scenarios as $label => [$locked, $post, $statement]) {
	$n++;
	$child = la_rel_spawn('call', [], ['localapi.read_timeout' => '20']);
	la_rel_send($child, ['warmup' => la_missing_client_id(), 'post' => ['localAPI' => ['UpdateContact', $post]]]);
	$ready = la_rel_receive($child, 60);
	$thread = (int) ($ready['thread'] ?? 0);
	$holder = la_rel_link();
	$holder->begin_transaction();
	$holder->query('SELECT id FROM tblcontacts WHERE id = ' . (int) $locked . ' FOR UPDATE');
	la_rel_send($child, ['go' => true]);
	la_ok("$n $label: waits", la_rel_wait_statement($thread, $statement) !== null, la_rel_session_row($thread));
	la_ok("$n $label: killed", la_rel_kill($thread));
	usleep(300000);
	$holder->commit();
	$holder->close();
	$report = la_rel_receive($child, 60);
	[$code, $stderr] = la_rel_finish($child);
	la_is("$n $label: answer", $report['answer'] ?? null, ['result' => 'success', 'contactid' => $id]);
	la_is("$n $label: warnings", [$report['warnings'] ?? null, $code, $stderr], [[], 0, '']);
}
la_is(3, la_pick(la_contact($id), ['firstname', 'domainemails']), ['firstname' => 'Killed once', 'domainemails' => '0']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1 waiting in the locking read of its row: waits: ok
1 waiting in the locking read of its row: killed: ok
1 waiting in the locking read of its row: answer: ok
1 waiting in the locking read of its row: warnings: ok
2 waiting in the ICANN check: waits: ok
2 waiting in the ICANN check: killed: ok
2 waiting in the ICANN check: answer: ok
2 waiting in the ICANN check: warnings: ok
3: ok
