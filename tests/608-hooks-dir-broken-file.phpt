--TEST--
localapi.hooks_dir: two good files and a broken one between them: both good files' hooks run, one E_WARNING names the broken file, each file loads once per request (behaviour §5)
--DESCRIPTION--
tests/hooks/dir-two-plus-broken/ holds 10-a.php, 20-broken.php (a parse
error) and 30-b.php, each counting its own inclusions in a global. The first
AddContact loads the folder: 10-a and 30-b register and run, 20-broken is
reported as one E_WARNING naming it and nothing of it runs. The next calls in
the same request include no file again (the counts stay at 1, the broken file
gives no second warning) and the registered hooks still fire once each.
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
require_once __DIR__ . '/hooks.inc';

ini_set('localapi.hooks_dir', la_hooks_fixture('dir-two-plus-broken'));
$GLOBALS['la_includes'] = [];
$GLOBALS['la_ran'] = [];
$cid = la_make_client();

la_errors_start();
la_call(1, 'AddContact', ['clientid' => $cid]);
$errors = la_errors_take();
la_is(2, $GLOBALS['la_ran'], ['a', 'b', 'b-log']);
la_ok(3, la_one_warning_with($errors, '20-broken.php'), $errors);
la_is(4, $GLOBALS['la_includes'], ['10-a.php' => 1, '30-b.php' => 1]);

$GLOBALS['la_ran'] = [];
la_call(5, 'AddContact', ['clientid' => $cid]);
la_call(6, 'AddContact', ['clientid' => $cid]);
la_is(7, la_errors_take(), []);
la_is(8, $GLOBALS['la_ran'], ['a', 'b', 'b-log', 'a', 'b', 'b-log']);
la_is(9, $GLOBALS['la_includes'], ['10-a.php' => 1, '30-b.php' => 1]);
la_is(10, [count(la_contacts_of($cid)), count(la_log_of($cid))], [3, 3]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: success
6: success
7: ok
8: ok
9: ok
10: ok
