--TEST--
Hooks: a callback may call localAPI('AddContact') itself; both contacts, both log rows, both answers success (behaviour §5)
--DESCRIPTION--
A ContactAdd callback adds a second contact (as admin 1, while the outer call
runs as no admin); the inner call is a whole call: its own ContactAdd and
LogActivity fire before it returns, then the outer call writes its own log row
(user 'Local API User', not the inner call's admin) and fires its
LogActivity. Then a LogActivity callback adds a contact the same way (its
admin named by username). Every row and answer is checked, the events come in
that order, and the outer contact's row precedes the inner one's.
The inner contact has a password2: a sub-account on 7.x, a plain contact
and the warning on 8.x (behaviour §8); admin_id only where the table has it.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$cid = la_make_client();
$admin = la_value('SELECT username FROM tbladmins WHERE id = 1');
$events = [];
$inner = null;
add_hook('ContactAdd', 1, function ($vars) use (&$events, &$inner) {
	$events[] = "ContactAdd {$vars['firstname']} {$vars['contactid']}";
	if ($vars['firstname'] === 'Outer') {
		$inner = localAPI('AddContact', ['clientid' => $vars['userid'], 'firstname' => 'Inner',
			'email' => la_unique_email(), 'password2' => 'inner-pw'], 1);
		$events[] = 'inner returned';
	}
});
add_hook('LogActivity', 1, function ($vars) use (&$events) {
	$events[] = "LogActivity {$vars['user']} " . preg_replace('/.*Contact ID: /', '', $vars['description']);
});

la_errors_start();
$outer = la_call(1, 'AddContact', ['clientid' => $cid, 'firstname' => 'Outer']);
la_is(2, la_show($inner), la_by_version('success',
	'success, warning: Sub Accounts are no longer supported. Please use AddUser and CreateClientInvite'));
$outer_id = $outer['contactid'] ?? 0;
$inner_id = $inner['contactid'] ?? 0;
la_ok(3, $outer_id !== $inner_id);
la_is(4, $events, ["ContactAdd Outer $outer_id", "ContactAdd Inner $inner_id", "LogActivity $admin $inner_id",
	'inner returned', "LogActivity Local API User $outer_id"]);
la_is(5, [la_added($outer)['firstname'] ?? null, la_added($inner ?? [])['firstname'] ?? null], ['Outer', 'Inner']);
la_is(6, la_pick(la_added($inner ?? []), ['subaccount']), ['subaccount' => la_by_version('1', '0')]);
la_is(7, la_log_rows($cid, ['description', 'user']), [
	la_log_row(['description' => "Added Contact - User ID: $cid - Contact ID: $inner_id", 'user' => $admin], 1),
	la_log_row(['description' => "Added Contact - User ID: $cid - Contact ID: $outer_id", 'user' => 'Local API User'], 0),
]);
la_is(8, la_errors_take(), []);

/* re-entry from LogActivity */
$cid2 = la_make_client();
$from_log = null;
add_hook('LogActivity', 2, function ($vars) use (&$from_log, $cid2, $admin) {
	if ($from_log === null && $vars['userid'] === $cid2) {
		$from_log = 'running';
		/* this inner call names its admin by username (the one above by id) */
		$from_log = localAPI('AddContact', ['clientid' => $cid2, 'firstname' => 'FromLog'], $admin);
	}
});
$events = [];
$first = la_call(9, 'AddContact', ['clientid' => $cid2, 'firstname' => 'First']);
echo '10: ', la_show($from_log), "\n";
la_is(11, array_column(la_contacts_of($cid2), 'firstname'), ['First', 'FromLog']);
la_is(12, array_column(la_log_of($cid2), 'description'), [
	"Added Contact - User ID: $cid2 - Contact ID: " . ($first['contactid'] ?? '?'),
	"Added Contact - User ID: $cid2 - Contact ID: " . ($from_log['contactid'] ?? '?'),
]);
la_is(13, count($events), 4);
la_is(14, la_errors_take(), []);
/* the outer contact was written first: its row comes before the inner one */
la_is(15, array_column(la_contacts_of($cid), 'firstname'), ['Outer', 'Inner']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
8: ok
9: success
10: success
11: ok
12: ok
13: ok
14: ok
15: ok
