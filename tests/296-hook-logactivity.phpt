--TEST--
AddContact: the LogActivity hook runs after the log row is committed, with exactly four variables (behaviour §3.11, §7)
--DESCRIPTION--
Hooks are a separate issue; skipped while add_hook() does not exist.
LogActivity receives exactly description, user, userid (int), ipaddress.
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
$seen = [];
add_hook('LogActivity', 1, function (array $vars) use (&$seen, $cid) {
	$vars['logged'] = la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $cid);
	ksort($vars); /* the order of the keys is not part of the contract */
	$seen[] = $vars;
});
$answer = la_call(1, 'AddContact', ['clientid' => $cid], 'admin');
la_is(2, $seen, [[
	'description' => "Added Contact - User ID: $cid - Contact ID: " . ($answer['contactid'] ?? '?'),
	'ipaddress' => '',
	'logged' => 1,
	'user' => 'admin',
	'userid' => $cid,
]]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
