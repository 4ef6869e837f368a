--TEST--
DeleteContact's commit points: without a ContactDelete hook a failed log row undoes the delete; with one the delete stands, the failure is a warning and the answer success (behaviour §10 "DeleteContact", §7 "Commit points")
--DESCRIPTION--
A trigger refuses the client's log rows. Without a ContactDelete callback the
delete and its log row commit together: the answer is "Database error: ..."
with the trigger's message, and nothing changed (the contact, its client's
billingcid, its order's contactid and its account link are all still there),
no LogActivity, no warning. With a ContactDelete callback the delete commits
before it runs (the callback sees the row gone from another connection), then
the log row fails: the answer is still success with the contactid as given,
the failure is one E_WARNING ("Contact <id> was deleted but its activity log
row was not: ..."), the contact, billingcid, order and link are done, and
there is no log row and no LogActivity. Without the trigger both commit
together again.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
tblauthn_account_links
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!la_can_create_triggers()) die('skip the test user cannot create triggers');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/delete-contact.inc';

$cid = la_make_client();
$x = la_del_contact($cid);
la_query('UPDATE tblclients SET billingcid = ? WHERE id = ?', $x, $cid);
$order = la_del_order($cid, $x);
$link = la_del_link($cid, $x);
$effects = fn () => [la_contact($x) !== null, (int) la_value('SELECT billingcid FROM tblclients WHERE id = ?', $cid),
	(int) la_value('SELECT contactid FROM tblorders WHERE id = ?', $order),
	la_count('SELECT COUNT(*) FROM tblauthn_account_links WHERE id = ?', $link)];
$logged = 0;
add_hook('LogActivity', 1, function () use (&$logged): void {
	$logged++;
});
la_errors_start();

la_refuse_inserts('la_test_942', 'tblactivitylog', $cid, 'la-test: log row refused');
try {
	$answer = localAPI('DeleteContact', ['contactid' => $x]);
	la_ok(1, str_starts_with($answer['message'] ?? '', 'Database error: ') && str_contains($answer['message'], 'la-test: log row refused'),
		$answer);
	la_is(2, [$effects(), la_del_log($cid), $logged, la_errors_take()], [[true, $x, $x, 1], [], 0, []]);

	$visible = [];
	add_hook('ContactDelete', 1, function (array $vars) use (&$visible, $effects): void {
		$visible[] = $effects();
	});
	la_call(3, 'DeleteContact', ['contactid' => "$x"]);
	la_is(4, $visible, [[false, 0, 0, 0]]);
	$errors = la_errors_take();
	la_ok(5, la_one_warning_with($errors, "Contact $x was deleted but its activity log row was not", 'la-test: log row refused'),
		$errors);
	la_is(6, [$effects(), la_del_log($cid), $logged], [[false, 0, 0, 0], [], 0]);
} finally {
	la_drop_trigger('la_test_942');
}

/* without the trigger, with the hook: the delete, then the log row; LogActivity once */
$y = la_del_contact($cid);
la_call(7, 'DeleteContact', ['contactid' => $y]);
la_is(8, [count(la_del_log($cid)), $logged, la_errors_take()], [1, 1, []]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';
la_drop_trigger('la_test_942');
la_del_cleanup();
?>
--EXPECTF--
1: ok
2: ok
3: success, message: "%d"
4: ok
5: ok
6: ok
7: success, message: %d
8: ok
