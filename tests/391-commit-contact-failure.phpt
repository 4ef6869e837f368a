--TEST--
Commit point: when the contact insert fails, nothing is written and the answer is a database error (behaviour §3, §4, §7)
--DESCRIPTION--
A trigger refuses tblcontacts rows for this test's client only.
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
la_refuse_inserts('la_test_391', 'tblcontacts', $cid, 'la-test: contact row refused');
try {
	$answer = localAPI('AddContact', ['clientid' => $cid, 'firstname' => 'Nope']);
	$message = $answer['message'] ?? '';
	la_ok(1, la_show($answer) === "error: $message" && str_starts_with($message, 'Database error: ')
		&& str_contains($message, 'la-test: contact row refused'), $answer);
	la_is(2, la_written($cid), 0);
} finally {
	la_drop_trigger('la_test_391');
}
la_call(3, 'AddContact', ['clientid' => $cid, 'firstname' => 'Yes']);
la_is(4, la_written($cid), 2);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_391');
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: success
4: ok
