--TEST--
Hooks: a ContactAdd callback may itself call localAPI() (behaviour §5)
--DESCRIPTION--
The callback adds a second contact for the same client (once, to avoid
recursion); both calls succeed and both rows and log rows exist.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!function_exists('add_hook')) die('skip add_hook() not implemented yet (hooks issue)');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$inner = null;
add_hook('ContactAdd', 1, function (array $vars) use (&$inner) {
	if ($inner === null && $vars['firstname'] === 'Outer') {
		$inner = localAPI('AddContact', ['clientid' => $vars['userid'], 'firstname' => 'Inner'], 'admin');
	}
});
la_call(1, 'AddContact', ['clientid' => $cid, 'firstname' => 'Outer']);
echo '2: ', la_show($inner), "\n";
la_is(3, array_column(la_contacts_of($cid), 'firstname'), ['Outer', 'Inner']);
la_is(4, count(la_log_of($cid)), 2);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: success
3: ok
4: ok
