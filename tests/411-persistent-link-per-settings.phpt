--TEST--
Persistence: one link per set of connection settings; a hook that switches settings and back opens no new server connection (behaviour §4, §7)
--DESCRIPTION--
A ContactAdd callback switches localapi.db_socket to another spelling of the
same socket (so the settings, and the link key, differ while the server is
the same), calls localAPI(), and switches back. A trigger records the server
connection that inserted each contact. Over three outer calls the outer
contacts all come from one connection and the inner ones from another: the
inner call neither closes nor replaces the caller's link, and after the first
round no new connection is made at all (the server's Connections counter does
not move). phpinfo() lists both links. Runs alone: the Connections counter
is the whole server's, so any test running beside it would move it.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (la_config()['socket'] === '') die('skip needs the server\'s unix socket (LOCALAPI_TEST_SOCKET)');
if (!la_can_create_triggers()) die('skip the test user cannot create triggers');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$socket = la_config()['socket'];
$other = dirname($socket) . '/./' . basename($socket);
$cid = la_make_client();
la_trace_connections('la_test_411', $cid);
$inner = [];
add_hook('ContactAdd', 1, function ($vars) use (&$inner, $socket, $other) {
	if ($vars['firstname'] !== 'Outer') {
		return;
	}
	ini_set('localapi.db_socket', $other);
	$inner[] = la_show(localAPI('AddContact', ['clientid' => $vars['userid'], 'firstname' => 'Inner']));
	ini_set('localapi.db_socket', $socket);
});
la_db();
$connections = fn () => (int) la_value("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'CONNECTIONS'");
try {
	la_call(1, 'AddContact', ['clientid' => $cid, 'firstname' => 'Outer']);
	$before = $connections();
	la_call(2, 'AddContact', ['clientid' => $cid, 'firstname' => 'Outer']);
	la_call(3, 'AddContact', ['clientid' => $cid, 'firstname' => 'Outer']);
	$after = $connections();
} finally {
	la_drop_trigger('la_test_411');
}
la_is(4, $inner, ['success', 'success', 'success']);
$by_name = [];
foreach (la_contacts_of($cid) as $row) {
	$by_name[$row['firstname']][] = (int) $row['pwresetkey'];
}
la_is(5, count(array_unique($by_name['Outer'])), 1);
la_is(6, count(array_unique($by_name['Inner'])), 1);
la_ok(7, $by_name['Outer'][0] !== $by_name['Inner'][0], $by_name);
la_is(8, $after - $before, 0);
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
la_ok(9, preg_match('/^Persistent links => 2$/m', $info) === 1, $info);
la_ok(10, preg_match('/^Persistent link => connected \(thread ' . $by_name['Outer'][0] . ',/m', $info) === 1);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_411');
la_cleanup_tag();
?>
--EXPECT--
1: success
2: success
3: success
4: ok
5: ok
6: ok
7: ok
8: ok
9: ok
10: ok
