--TEST--
DeleteContact: ContactDelete gets userid (int) and contactid as given, after the delete is committed and before the log row; then LogActivity (behaviour §10 "DeleteContact", §5, §7 "Commit points", "Hook points")
--DESCRIPTION--
Two ContactDelete callbacks (priorities 2 and 1) and a LogActivity callback
record what they see, in order. The ContactDelete array is exactly
['userid' => <client id, int>, 'contactid' => <as given>] ("007" stays the
string with its zeros, an int stays an int). When it runs, the contact row is
gone as seen from another connection (the fixture link: the delete is
committed) and the log row is not written yet; LogActivity runs after it, with
the row committed. A callback that throws is an E_WARNING naming
ContactDelete; the other callbacks run, the answer is success and the log row
is written. A callback may call localAPI() itself: deleting another contact
from inside the hook is a whole call (its own hook, log row and answer).
A failed call (unknown id) fires neither hook.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/delete-contact.inc';

$cid = la_make_client();
$x = la_del_contact($cid);
$y = la_del_contact($cid);
$z = la_del_contact($cid);
$seen = [];
add_hook('ContactDelete', 2, function (array $vars) use (&$seen): void {
	$seen[] = ['ContactDelete 2', $vars['contactid']];
});
add_hook('ContactDelete', 1, function (array $vars) use (&$seen, $cid): void {
	$seen[] = ['ContactDelete 1', $vars, la_types($vars), la_contact((int) $vars['contactid']) === null, count(la_log_of($cid))];
});
add_hook('LogActivity', 1, function (array $vars) use (&$seen, $cid): void {
	$seen[] = ['LogActivity', $vars['description'], count(la_log_of($cid))];
});
la_errors_start();

$padded = str_pad((string) $x, 8, '0', STR_PAD_LEFT);
$row = la_del_description($cid, $x, 'Del', 'Contact', la_contact($x)['email']);
la_call(1, 'DeleteContact', ['contactid' => $padded]);
la_is(2, $seen, [
	['ContactDelete 1', ['userid' => $cid, 'contactid' => $padded], ['contactid' => 'string', 'userid' => 'int'], true, 0],
	['ContactDelete 2', $padded],
	['LogActivity', $row, 1],
]);
la_is(3, [la_errors_take(), la_del_log($cid)], [[], [$row]]);

$seen = [];
la_call(4, 'DeleteContact', ['contactid' => $y]);
la_is(5, array_column($seen, 0), ['ContactDelete 1', 'ContactDelete 2', 'LogActivity']);
la_is(6, $seen[0][1] ?? null, ['userid' => $cid, 'contactid' => $y]);

/* unknown id: no hook at all */
$seen = [];
la_call(7, 'DeleteContact', ['contactid' => (int) la_value('SELECT COALESCE(MAX(id), 0) + 1000000 FROM tblcontacts')]);
la_is(8, $seen, []);

/* a callback that throws, and one that deletes another contact */
$inner = [];
add_hook('ContactDelete', 3, function (array $vars) use (&$inner, $z): void {
	if ($vars['contactid'] !== $z) {
		$inner[] = localAPI('DeleteContact', ['contactid' => $z]);
		throw new RuntimeException('la-test 941 thrown');
	}
});
$seen = [];
$w = la_del_contact($cid);
la_call(9, 'DeleteContact', ['contactid' => $w]);
$errors = la_errors_take();
la_ok(10, la_one_warning_with($errors, 'ContactDelete', 'la-test 941 thrown'), $errors);
la_is(11, $inner, [['result' => 'success', 'message' => $z]]);
la_is(12, [la_contacts_of($cid), count(la_del_log($cid))], [[], 4]);
la_is(13, array_column($seen, 0), ['ContactDelete 1', 'ContactDelete 2', 'ContactDelete 1', 'ContactDelete 2', 'LogActivity', 'LogActivity']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';
la_del_cleanup();
?>
--EXPECTF--
1: success, message: "%d"
2: ok
3: ok
4: success, message: %d
5: ok
6: ok
7: error: Contact ID Not Found
8: ok
9: success, message: %d
10: ok
11: ok
12: ok
13: ok
