--TEST--
Beside WHMCS: opcache never carries one kind of request's names into the other, in either order (behaviour §12)
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc';
require __DIR__ . '/connect.inc'; require __DIR__ . '/beside-whmcs.inc';
if (!la_bw_opcache_available()) die('skip opcache cannot be loaded'); ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/beside-whmcs.inc';

/* The file cache outlives each CLI process: what one request compiled, the next one runs. */
$t = la_bw_tree();
foreach (['native first' => ['worker', 'page'], 'WHMCS first' => ['page', 'worker']] as $order => $scripts) {
	$ini = la_bw_opcache($t['root'] . '/opcache-' . $scripts[0]);
	mkdir($ini['opcache.file_cache']);
	for ($round = 1; $round <= 2; $round++) {
		foreach ($scripts as $script) {
			$view = $script === 'page' ? la_bw_whmcs_view() : la_bw_native_view();
			la_is("$order, round $round, $script", la_bw_run($t[$script], $ini), $view);
		}
	}
	la_is("$order: cached", count(glob($ini['opcache.file_cache'] . '/*/' . $t['root'] . '/shared/lib.php.bin')), 1);
}

/* opcache_compile_file() in a request with the names compiles as the file cache does. */
$ini = la_bw_opcache($t['root'] . '/opcache-compile');
mkdir($ini['opcache.file_cache']);
[$out, $err] = la_bw_php(['-r', 'var_export(opcache_compile_file($argv[1]));', $t['shared']], $ini);
la_is('opcache_compile_file', [$out, $err], ['true', '']);
la_is('then a WHMCS page', la_bw_run($t['page'], $ini), la_bw_whmcs_view());
?>
--EXPECT--
native first, round 1, worker: ok
native first, round 1, page: ok
native first, round 2, worker: ok
native first, round 2, page: ok
native first: cached: ok
WHMCS first, round 1, page: ok
WHMCS first, round 1, worker: ok
WHMCS first, round 2, page: ok
WHMCS first, round 2, worker: ok
WHMCS first: cached: ok
opcache_compile_file: ok
then a WHMCS page: ok
