--TEST--
Hook points are case-sensitive; callbacks run in ascending priority, equal priorities in registration order (behaviour §5, §7)
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

$cid = la_make_client();
$order = [];
$record = function (string $label) use (&$order): Closure {
	return function (array $vars) use (&$order, $label) {
		$order[] = $label;
	};
};
add_hook('ContactAdd', 10, $record('10a'));
add_hook('ContactAdd', 1, $record('1'));
add_hook('contactadd', 0, $record('lower'));
add_hook('ContactAdd', 10, $record('10b'));
add_hook('CONTACTADD', 0, $record('upper'));
add_hook('ContactAdd', -5, $record('-5'));
add_hook('ContactAdd', 10, $record('10c'));
add_hook('ContactAdd ', 0, $record('space'));
la_call(1, 'AddContact', ['clientid' => $cid]);
la_is(2, $order, ['-5', '1', '10a', '10b', '10c']);
$order = [];
la_call(3, 'AddContact', ['clientid' => $cid]);
la_is(4, $order, ['-5', '1', '10a', '10b', '10c']);
/* a failed call fires nothing */
$order = [];
la_call(5, 'AddContact', ['clientid' => la_missing_client_id()]);
la_is(6, $order, []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: success
4: ok
5: error: Client ID Not Found
6: ok
