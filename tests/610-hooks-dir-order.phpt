--TEST--
localapi.hooks_dir: *.php files load in byte order of their names, before the first hook point fires; other names, index.php and sub-folders are ignored; guarded files load (behaviour §5, §7)
--DESCRIPTION--
tests/hooks/dir-order/ holds 10-a.php, 9-b.php, B.php, _c.php, a-b.php,
a.php: byte order is exactly that ('1' < '9' < 'B' < '_' < 'a', '-' < '.'),
unlike natural order (9 before 10) or case-insensitive order (a before B).
Each starts with the drop-in guard (if (!defined("WHMCS")) die(...)), records
its loading and registers a ContactAdd callback at one priority, so the
callbacks run in load order. notes.txt, a.php.bak, php and the sub-folder
sub.php/ (with inner.php) are not hook files and must never load; nor is
index.php, the redirect stub WHMCS ships in its hooks folder (WHMCS's own
loader skips it, so a real includes/hooks/ folder works as localapi.hooks_dir). A callback
registered by the script at a lower priority sees every file already loaded
when ContactAdd fires.
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

ini_set('localapi.hooks_dir', la_hooks_fixture('dir-order'));
$GLOBALS['la_loaded'] = [];
$GLOBALS['la_ran'] = [];
$loaded_when_fired = null;
add_hook('ContactAdd', -1, function ($vars) use (&$loaded_when_fired) {
	$loaded_when_fired = $GLOBALS['la_loaded'];
});
$order = ['10-a.php', '9-b.php', 'B.php', '_c.php', 'a-b.php', 'a.php'];

$cid = la_make_client();
la_errors_start();
la_call(1, 'AddContact', ['clientid' => $cid]);
la_is(2, $loaded_when_fired, $order);
la_is(3, $GLOBALS['la_loaded'], $order);
la_is(4, $GLOBALS['la_ran'], $order);
la_is(5, la_errors_take(), []);
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
5: ok
