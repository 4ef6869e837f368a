--TEST--
Commit point: when the log row fails, the contact is not kept and the answer is an error (behaviour §3, §4, §7)
--DESCRIPTION--
Without a ContactAdd hook the contact row and its log row commit together. A
trigger refuses log rows for this test's client only; the call must answer
"Database error: <the server's reason>" and leave neither row. After the
trigger is gone, the same process adds contacts again (no transaction was
left open on the persistent link).
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
la_refuse_inserts('la_test_390', 'tblactivitylog', $cid, 'la-test: log row refused');
try {
	$answer = localAPI('AddContact', ['clientid' => $cid, 'firstname' => 'Nope', 'email' => la_unique_email(), 'password2' => 'pw']);
	la_is(1, $answer['result'] ?? null, 'error');
	$message = $answer['message'] ?? '';
	la_ok(2, str_starts_with($message, 'Database error: ') && str_contains($message, 'la-test: log row refused'), $answer);
	la_is(3, la_written($cid), 0);
} finally {
	la_drop_trigger('la_test_390');
}
la_call(4, 'AddContact', ['clientid' => $cid, 'firstname' => 'Yes']);
la_is(5, array_column(la_contacts_of($cid), 'firstname'), ['Yes']);
la_is(6, count(la_log_of($cid)), 1);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_390');
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: success
5: ok
6: ok
