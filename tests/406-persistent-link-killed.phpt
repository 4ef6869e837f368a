--TEST--
Persistence: a persistent link the server has dropped is replaced on the next call (behaviour §4 "Persistent link", "Lost connections")
--DESCRIPTION--
The link is pinged on reuse: after KILL of the extension's connection (known
from a trigger that records CONNECTION_ID(), see 405) the next call must
still succeed, with no warning, on a new connection, which the call after it
reuses.
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

set_error_handler(function (int $type, string $message) {
	echo "PHP error $type: $message\n";
	return true;
});
$cid = la_make_client();
la_trace_connections('la_test_406', $cid);
try {
	la_call(1, 'AddContact', ['clientid' => $cid]);
	$first = la_connections_of($cid)[0] ?? 0;
	la_ok(2, $first > 0 && la_connection_alive($first));
	la_db()->query('KILL ' . $first);
	for ($i = 0; $i < 100 && la_connection_alive($first); $i++) {
		usleep(50000);
	}
	la_call(3, 'AddContact', ['clientid' => $cid]);
	la_call(4, 'AddContact', ['clientid' => $cid], 'admin');
} finally {
	la_drop_trigger('la_test_406');
}
$links = la_connections_of($cid);
la_ok(5, count($links) === 3 && $links[1] !== $first && $links[2] === $links[1], $links);
la_is(6, la_written($cid), 6);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_drop_trigger('la_test_406');
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: success
4: success
5: ok
6: ok
