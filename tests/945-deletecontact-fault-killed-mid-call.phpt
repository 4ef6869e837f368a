--TEST--
DeleteContact, server faults: the connection is killed mid-call, before or after the delete; the call is tried again and deletes once; a rival's delete meanwhile is Contact ID Not Found (behaviour §10 "DeleteContact", §4 "Lost connections", "Lock conflicts")
--DESCRIPTION--
A child process calls DeleteContact while the fixture link holds a row lock
the call needs, so that the call waits at a known statement; its session is
then KILLed from the fixture link, and the lock released:
 1. waiting in the locking read of the contact (nothing written yet);
 2. waiting to clear the order's contactid, after the contact row was deleted
    in the same (uncommitted) transaction, with a ContactDelete hook;
 3. the same without a hook.
The killed transaction is rolled back by the server; the call connects
again and deletes within its retry budget: success with the id as given,
the contact gone, its order cleared, exactly one log row, the hook once,
no warning.
 4. No kill: the lock holder deletes the contact itself and commits while
    the call waits; the call then finds no row: Contact ID Not Found, no log
    row, no hook.
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
require_once __DIR__ . '/delete-contact.inc';

$cases = [
	'killed in the locking read' => ['SELECT userid, firstname', 'tblcontacts', true, false],
	'killed after the delete, ContactDelete hook' => ['UPDATE tblorders', 'tblorders', true, true],
	'killed after the delete, no hook' => ['UPDATE tblorders', 'tblorders', true, false],
	'a rival deletes meanwhile' => ['SELECT userid, firstname', 'tblcontacts', false, true],
];
$n = 1;
foreach ($cases as $label => [$statement, $locked, $kill, $hook]) {
	$cid = la_make_client();
	$x = la_del_contact($cid);
	$order = la_del_order($cid, $x);
	$holder = la_rel_link();
	$holder->begin_transaction();
	$holder->execute_query("SELECT id FROM $locked WHERE id = ? FOR UPDATE", [$locked === 'tblorders' ? $order : $x]);

	$started = la_rel_child_start(['warmup' => la_missing_client_id(), 'hooks' => $hook ? ['ContactDelete'] : [],
		'post' => ['localAPI' => ['DeleteContact', ['contactid' => "$x"]]]]);
	la_rel_child_go($started);
	$waiting = la_rel_wait_statement($started['session'], $statement);
	if ($kill) {
		$killed = $waiting !== null && la_rel_kill($started['session']);
		$holder->rollback();
	} else {
		$holder->execute_query('DELETE FROM tblcontacts WHERE id = ?', [$x]);
		$holder->commit();
		$killed = $waiting !== null;
	}
	$holder->close();
	$report = la_rel_child_end($started);

	la_ok("$n $label: waited at $statement" . ($kill ? ', killed' : ''), $killed, $started['session']);
	if ($kill) {
		la_is("$n $label: answer", $report['answer'], ['result' => 'success', 'message' => "$x"]);
		la_is("$n $label: contact gone, order cleared, one log row",
			[la_contact($x), la_value('SELECT contactid FROM tblorders WHERE id = ?', $order), count(la_del_log($cid))], [null, '0', 1]);
	} else {
		la_is("$n $label: answer", la_show($report['answer']), 'error: Contact ID Not Found');
		la_is("$n $label: no log row", la_del_log($cid), []);
	}
	la_is("$n $label: hook", array_column(array_column($report['hooked'] ?? [], 1), 'contactid'), $hook && $kill ? ["$x"] : []);
	la_is("$n $label: warnings", $report['problems'], []);
	$n++;
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';
la_del_cleanup();
?>
--EXPECT--
1 killed in the locking read: waited at SELECT userid, firstname, killed: ok
1 killed in the locking read: answer: ok
1 killed in the locking read: contact gone, order cleared, one log row: ok
1 killed in the locking read: hook: ok
1 killed in the locking read: warnings: ok
2 killed after the delete, ContactDelete hook: waited at UPDATE tblorders, killed: ok
2 killed after the delete, ContactDelete hook: answer: ok
2 killed after the delete, ContactDelete hook: contact gone, order cleared, one log row: ok
2 killed after the delete, ContactDelete hook: hook: ok
2 killed after the delete, ContactDelete hook: warnings: ok
3 killed after the delete, no hook: waited at UPDATE tblorders, killed: ok
3 killed after the delete, no hook: answer: ok
3 killed after the delete, no hook: contact gone, order cleared, one log row: ok
3 killed after the delete, no hook: hook: ok
3 killed after the delete, no hook: warnings: ok
4 a rival deletes meanwhile: waited at SELECT userid, firstname: ok
4 a rival deletes meanwhile: answer: ok
4 a rival deletes meanwhile: no log row: ok
4 a rival deletes meanwhile: hook: ok
4 a rival deletes meanwhile: warnings: ok
