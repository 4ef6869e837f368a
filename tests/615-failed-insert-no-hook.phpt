--TEST--
Hooks: when the server refuses the contact row, the answer is a database error and no hook fires (behaviour §3.10, §4, §7)
--DESCRIPTION--
With ContactAdd and LogActivity callbacks registered (so the contact would
commit on its own before ContactAdd), a trigger refuses contact rows for this
test's client only. The call answers "Database error: <the server's reason>",
writes nothing and fires neither hook point. After the trigger is dropped the
same request adds a contact and both hook points fire once.
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
require_once __DIR__ . '/hooks.inc';

$fired = [];
add_hook('ContactAdd', 1, function ($vars) use (&$fired) {
	$fired[] = 'ContactAdd';
});
add_hook('LogActivity', 1, function ($vars) use (&$fired) {
	$fired[] = 'LogActivity';
});
$cid = la_make_client();
la_refuse_inserts('la_test_615', 'tblcontacts', $cid, 'la-test: contact row refused');
try {
	$answer = localAPI('AddContact', ['clientid' => $cid, 'firstname' => 'Refused']);
	la_is(1, $answer['result'] ?? null, 'error');
	$message = $answer['message'] ?? '';
	la_ok(2, str_starts_with($message, 'Database error: ') && str_contains($message, 'la-test: contact row refused'), $answer);
	$answer = localAPI('AddContact', ['clientid' => $cid, 'firstname' => 'Refused', 'email' => la_unique_email(), 'password2' => 'pw']);
	la_is(3, [$answer['result'] ?? null, str_contains($answer['message'] ?? '', 'la-test: contact row refused')], ['error', true]);
} finally {
	la_drop_trigger('la_test_615');
}
la_is(4, $fired, []);
la_is(5, la_written($cid), 0);
la_call(6, 'AddContact', ['clientid' => $cid, 'firstname' => 'Accepted']);
la_is(7, $fired, ['ContactAdd', 'LogActivity']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_615');
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: success
7: ok
