--TEST--
Commit point: the log row fails after ContactAdd ran (tblactivitylog renamed away by the hook): success with the contactid, an E_WARNING, no LogActivity (behaviour §3.11, §5, §7)
--DESCRIPTION--
With a ContactAdd hook the contact row is committed before the hook runs. The
callback renames tblactivitylog to tblactivitylog_off over the fixture link,
so writing the log row then fails. The answer must still be success with the
contactid of the existing row (success if and only if the contact exists), the
failure is reported as one E_WARNING (naming the contact), and LogActivity does
not fire (it runs after the log row is committed, and there is none). The
table is renamed back right after the call, at shutdown, and in --CLEAN--.
A second call afterwards writes both rows and fires LogActivity once. A
third, on a new connection while the table is away, cannot read the log's
layout: a Database error naming the table, and nothing written.
Renaming the table affects every test that writes a log row, hence
CONFLICTS all.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/hooks.inc';
if (!la_can_rename_tables()) die('skip the test user cannot rename tables');
if (la_table_exists('tblactivitylog_off')) die('skip tblactivitylog_off exists (left by an earlier run?)');
?>
--CONFLICTS--
activitylog
all
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/reliability.inc';

register_shutdown_function(function () {
	la_activitylog_restore('tblactivitylog_off');
});
$cid = la_make_client();
$arm = true;
$contact_hook = [];
$logged = [];
add_hook('ContactAdd', 1, function ($vars) use (&$arm, &$contact_hook) {
	$contact_hook[] = la_contact($vars['contactid'])['firstname'] ?? null;
	if ($arm) {
		$arm = false;
		la_query('RENAME TABLE tblactivitylog TO tblactivitylog_off');
	}
});
add_hook('LogActivity', 1, function ($vars) use (&$logged) {
	$logged[] = $vars['description'];
});

la_errors_start();
try {
	$answer = la_call(1, 'AddContact', ['clientid' => $cid, 'firstname' => 'Unlogged']);
} finally {
	restore_error_handler();
	la_activitylog_restore('tblactivitylog_off');
}
$errors = la_errors_take();
la_is(2, [la_table_exists('tblactivitylog'), la_table_exists('tblactivitylog_off')], [true, false]);
la_is(3, $contact_hook, ['Unlogged']);
la_is(4, la_added($answer)['firstname'] ?? null, 'Unlogged');
la_ok(5, la_one_warning_with($errors, (string) ($answer['contactid'] ?? '?')), $errors);
la_is(6, $logged, []);
la_is(7, count(la_log_of($cid)), 0);

/* nothing is left broken: the next call writes both rows */
la_errors_start();
$answer = la_call(8, 'AddContact', ['clientid' => $cid, 'firstname' => 'Logged']);
restore_error_handler();
la_is(9, la_errors_take(), []);
la_is(10, array_column(la_contacts_of($cid), 'firstname'), ['Unlogged', 'Logged']);
la_is(11, array_column(la_log_of($cid), 'description'), ["Added Contact - User ID: $cid - Contact ID: " . ($answer['contactid'] ?? '?')]);
la_is(12, $logged, ["Added Contact - User ID: $cid - Contact ID: " . ($answer['contactid'] ?? '?')]);

/* A new connection (the admin lookup reconnects) that finds no tblactivitylog cannot learn its
 * layout: an error before anything is written */
la_rel_kill((int) la_rel_phpinfo_thread());
$before = la_written($cid);
la_query('RENAME TABLE tblactivitylog TO tblactivitylog_off');
try {
	$answer = la_call(13, 'AddContact', ['clientid' => $cid, 'firstname' => 'Nowhere'], 'admin');
} finally {
	la_activitylog_restore('tblactivitylog_off');
}
la_is(14, [la_written($cid), count($logged), $contact_hook], [$before, 1, ['Unlogged', 'Logged']]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
la_activitylog_restore('tblactivitylog_off');
la_cleanup_tag();
?>
--EXPECTF--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
8: success
9: ok
10: ok
11: ok
12: ok
13: error: Database error: Table '%s.tblactivitylog' doesn't exist
14: ok
