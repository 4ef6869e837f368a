--TEST--
Hooks: re-entrant localAPI() from ContactAdd and from LogActivity with localapi.persistent=0 (each call ends its own link) (behaviour §4, §5)
--DESCRIPTION--
With persistent links off, the inner call opens and closes its own
connection while the outer call is between its commit points (after the
contact commit, before the log row; and inside LogActivity). The outer call
must still write its log row and answer success; every contact and log row
exists once.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
?>
--INI--
localapi.persistent=0
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$cid = la_make_client();
$from_contact = null;
$from_log = null;
add_hook('ContactAdd', 1, function ($vars) use (&$from_contact) {
	if ($from_contact === null) {
		$from_contact = 'running';
		$from_contact = localAPI('AddContact', ['clientid' => $vars['userid'], 'firstname' => 'FromContactAdd']);
	}
});
add_hook('LogActivity', 1, function ($vars) use (&$from_log) {
	if ($from_log === null) {
		$from_log = 'running';
		$from_log = localAPI('AddContact', ['clientid' => $vars['userid'], 'firstname' => 'FromLogActivity'], 'admin');
	}
});
la_errors_start();
la_is(1, ini_get('localapi.persistent'), '0');
$outer = la_call(2, 'AddContact', ['clientid' => $cid, 'firstname' => 'Outer']);
echo '3: ', la_show($from_contact), "\n";
echo '4: ', la_show($from_log), "\n";
la_is(5, array_column(la_contacts_of($cid), 'firstname'), ['Outer', 'FromContactAdd', 'FromLogActivity']);
$ids = array_map('intval', array_column(la_contacts_of($cid), 'id'));
sort($ids);
$logged = array_map(fn ($row) => (int) preg_replace('/.*Contact ID: /', '', $row['description']), la_log_of($cid));
sort($logged);
la_is(6, $logged, $ids);
la_is(7, la_errors_take(), []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: success
3: success
4: success
5: ok
6: ok
7: ok
