--TEST--
Beside WHMCS: localapi.stand_in forces either kind of request, per directory and on the command line, never at run time (behaviour §12)
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/beside-whmcs.inc';

$t = la_bw_tree();
la_is(1, ini_get('localapi.stand_in'), 'auto');
/* off: a script outside any WHMCS tree runs as WHMCS's own; the names are not there. */
[$out, $err] = la_bw_php([$t['worker']], ['localapi.stand_in' => 'off']);
la_is(2, [$out, strtok($err, "\n")], ['', 'Fatal error: Uncaught ReflectionException: Function localAPI() does not exist in ' . $t['worker'] . ':3']);
[$out] = la_bw_php(['-r', 'echo json_encode([function_exists("localAPI"), function_exists("add_hook"), function_exists("logActivity"), defined("WHMCS")]);'], ['localapi.stand_in' => 'off']);
la_is(3, $out, '[false,false,false,false]');
/* on: a WHMCS page gets the extension's names, and WHMCS's own declaration clashes as it always did. */
[$out, $err, $status] = la_bw_php([$t['page']], ['localapi.stand_in' => 'on']);
la_is(4, [$err, $status], ['Fatal error: Cannot redeclare localAPI() in ' . $t['whmcs'] . '/init.php on line 7', 255]);
/* Every spelling php.ini allows. */
foreach (['On' => true, 'yes' => true, '1' => true, 'Off' => false, 'no' => false, '0' => false, 'AUTO' => true] as $value => $names) {
	[$out] = la_bw_php(['-r', 'echo json_encode(function_exists("localAPI"));'], ['localapi.stand_in' => $value]);
	la_is("5 $value", $out, json_encode($names));
}
/* A wrong value is refused at startup and the default stays. */
[$out, $err] = la_bw_php(['-r', 'echo ini_get("localapi.stand_in");'], ['localapi.stand_in' => 'sometimes']);
la_is(6, [$out, $err], ['auto', 'Warning: PHP Startup: localapi.stand_in must be auto, on or off in Unknown on line 0']);
/* Decided before the script runs: ini_set() cannot change it. */
la_is(7, [ini_set('localapi.stand_in', 'off'), ini_get('localapi.stand_in'), function_exists('localAPI')], [false, 'auto', true]);
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5 On: ok
5 yes: ok
5 1: ok
5 Off: ok
5 no: ok
5 0: ok
5 AUTO: ok
6: ok
7: ok
