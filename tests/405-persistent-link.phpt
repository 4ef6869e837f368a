--TEST--
Persistence: with localapi.persistent=1 (the default) all calls of a process share one server connection (behaviour §4, §7)
--DESCRIPTION--
A trigger writes CONNECTION_ID() into tblcontacts.pwresetkey for this test's
client, so every added contact shows the server connection that inserted it.
Over 21 calls (successes, with and without admin, and errors that reach the
database) every contact names the same connection, and it is still open
after the calls. (Counting the user's connections in PROCESSLIST would be
disturbed by other processes using the same server.)
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
$email = la_unique_email('client');
la_make_client($email);
la_trace_connections('la_test_405', $cid);
try {
	la_call(1, 'AddContact', ['clientid' => $cid]);
	$answers = [];
	for ($i = 0; $i < 20; $i++) {
		$postData = match ($i % 4) {
			0 => ['clientid' => $cid, 'firstname' => "call $i"],
			1 => ['clientid' => la_missing_client_id()],
			2 => ['clientid' => $cid, 'email' => $email, 'password2' => 'pw'],
			3 => ['clientid' => $cid, 'country' => ''],
		};
		$answers[] = la_show(localAPI('AddContact', $postData, $i % 2 ? 'admin' : ''));
	}
} finally {
	la_drop_trigger('la_test_405');
}
/* a sub-account with a client's email: Duplicate Email Address on 7.x, a plain contact and a warning on 8.x */
la_is(2, array_count_values($answers), ['success' => 10, 'error: Client ID Not Found' => 5] + la_by_version(
	['error: Duplicate Email Address' => 5],
	['success, warning: Sub Accounts are no longer supported. Please use AddUser and CreateClientInvite' => 5]));
$links = la_connections_of($cid);
la_is(3, count($links), la_by_version(11, 16));
la_is(4, count(array_unique($links)), 1);
la_ok(5, ($links[0] ?? 0) > 0 && la_connection_alive($links[0]), $links);
la_ok(6, $links[0] !== (int) la_value('SELECT CONNECTION_ID()'));
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_405');
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
