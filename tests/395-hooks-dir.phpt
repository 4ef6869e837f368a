--TEST--
localapi.hooks_dir: its *.php files load once per request, in byte order of their names, before the first hook point fires (behaviour §5, §7)
--DESCRIPTION--
Each file starts with the drop-in guard and registers a ContactAdd callback
(all at one priority, so they run in registration = load order). Byte order:
'10.php' < '9.php' < 'B.php' < 'a.php' < 'b.php'. A .txt file is not loaded.
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

$dir = la_tmp_path('395-hooks');
@mkdir($dir);
$code = <<<'PHP'
<?php
if (!defined("WHMCS")) die("This file cannot be accessed directly");
$GLOBALS['la_loaded'][] = basename(__FILE__);
add_hook('ContactAdd', 5, function (array $vars) {
	$GLOBALS['la_ran'][] = basename(__FILE__);
});
PHP;
foreach (['b.php', 'a.php', 'B.php', '10.php', '9.php', 'z.txt', 'php'] as $name) {
	file_put_contents("$dir/$name", $code);
}
$GLOBALS['la_loaded'] = [];
$GLOBALS['la_ran'] = [];
ini_set('localapi.hooks_dir', $dir);

$cid = la_make_client();
la_is(1, $GLOBALS['la_loaded'], []);
la_call(2, 'AddContact', ['clientid' => $cid]);
la_is(3, $GLOBALS['la_loaded'], ['10.php', '9.php', 'B.php', 'a.php', 'b.php']);
la_is(4, $GLOBALS['la_ran'], ['10.php', '9.php', 'B.php', 'a.php', 'b.php']);
$GLOBALS['la_ran'] = [];
la_call(5, 'AddContact', ['clientid' => $cid]);
la_is(6, $GLOBALS['la_loaded'], ['10.php', '9.php', 'B.php', 'a.php', 'b.php']);
la_is(7, $GLOBALS['la_ran'], ['10.php', '9.php', 'B.php', 'a.php', 'b.php']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
$dir = la_tmp_path('395-hooks');
foreach (glob("$dir/*") ?: [] as $file) {
	unlink($file);
}
@rmdir($dir);
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: success
3: ok
4: ok
5: success
6: ok
7: ok
