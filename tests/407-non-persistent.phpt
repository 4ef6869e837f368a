--TEST--
Persistence off: with localapi.persistent=0 calls work and connections do not pile up (behaviour §4)
--DESCRIPTION--
Behaviour §4 only names the entry; this checks that the non-persistent mode works
and leaks no connections: of the server connections that inserted the 5
contacts (recorded by a trigger, see 405), at most one is still open after
10 calls.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!la_can_create_triggers()) die('skip the test user cannot create triggers');
?>
--INI--
localapi.persistent=0
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
la_trace_connections('la_test_407', $cid);
try {
	$answers = [];
	for ($i = 0; $i < 10; $i++) {
		$answers[] = la_show(localAPI('AddContact', ['clientid' => $i % 2 ? $cid : la_missing_client_id()], 'admin'));
	}
} finally {
	la_drop_trigger('la_test_407');
}
la_is(1, array_count_values($answers), ['error: Client ID Not Found' => 5, 'success' => 5]);
$links = array_unique(la_connections_of($cid));
$open = array_filter($links, 'la_connection_alive');
la_ok(2, count($open) <= 1, [$links, $open]);
la_is(3, la_written($cid), 10);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_407');
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
