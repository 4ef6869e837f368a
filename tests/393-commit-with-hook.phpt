--TEST--
Commit point with a ContactAdd hook: the contact commits first; a failing log row is a warning, the answer stays success (behaviour §7)
--DESCRIPTION--
With a ContactAdd hook the contact row is committed before the hook runs (the
hook reads it over the fixture link, another connection). A trigger then
refuses the log row: the answer is still success with the contactid, the
failure is one E_WARNING, and no log row exists.
Interpretation: LogActivity "runs after the log row is committed", so it does
not run when there is no log row.
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
$visible = [];
$logged = 0;
$warnings = [];
add_hook('ContactAdd', 1, function (array $vars) use (&$visible) {
	$visible[] = la_contact($vars['contactid'])['firstname'] ?? null;
});
add_hook('LogActivity', 1, function (array $vars) use (&$logged) {
	$logged++;
});
set_error_handler(function (int $type, string $message) use (&$warnings) {
	$warnings[] = $type;
	return true;
});

la_refuse_inserts('la_test_393', 'tblactivitylog', $cid, 'la-test: log row refused');
try {
	$answer = la_call(1, 'AddContact', ['clientid' => $cid, 'firstname' => 'Hooked']);
} finally {
	la_drop_trigger('la_test_393');
}
la_is(2, la_added($answer)['firstname'] ?? null, 'Hooked');
la_is(3, $visible, ['Hooked']);
la_is(4, count(la_log_of($cid)), 0);
la_is(5, $warnings, [E_WARNING]);
la_is(6, $logged, 0);

/* and without the trigger: both rows, no warning, LogActivity once */
$warnings = [];
la_call(7, 'AddContact', ['clientid' => $cid, 'firstname' => 'Again']);
la_is(8, [count(la_contacts_of($cid)), count(la_log_of($cid)), $warnings, $logged], [2, 1, [], 1]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_393');
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
7: success
8: ok
