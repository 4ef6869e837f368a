--TEST--
Beside WHMCS: with localapi.whmcs_config set, its folder is the WHMCS installation, and only it (behaviour §12)
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/beside-whmcs.inc';

$t = la_bw_tree();
$other = la_bw_tree();
unlink($t['whmcs'] . '/init.php');    /* the named file's folder counts without WHMCS's init.php */
file_put_contents($t['page'], str_replace("require __DIR__ . '/init.php';", "require '" . $other['whmcs'] . "/init.php';", file_get_contents($t['page'])));
file_put_contents($t['cron'], str_replace("require __DIR__ . '/../init.php';", "require '" . $other['whmcs'] . "/init.php';", file_get_contents($t['cron'])));
$ini = ['localapi.whmcs_config' => $t['whmcs'] . '/configuration.php'];
la_is(1, la_bw_run($t['page'], $ini), la_bw_whmcs_view());
la_is(2, la_bw_run($t['cron'], $ini), la_bw_whmcs_view());
/* Another tree that looks like WHMCS is not one when the setting names a different installation. */
[$out, $err] = la_bw_php([$other['page']], $ini);
la_is(3, $err, 'Fatal error: Cannot redeclare localAPI() in ' . $other['whmcs'] . '/init.php on line 7');
la_is(4, la_bw_run($t['worker'], $ini), la_bw_native_view());
/* A path through a symbolic link is the same installation. */
symlink($t['whmcs'], $t['root'] . '/link');
la_is(5, la_bw_run($t['root'] . '/link/index.php', ['localapi.whmcs_config' => $t['root'] . '/link/configuration.php']), la_bw_whmcs_view());
la_is(6, la_bw_run($t['root'] . '/link/index.php', $ini), la_bw_whmcs_view());
unlink($t['root'] . '/link');
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
