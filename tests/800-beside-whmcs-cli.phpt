--TEST--
Beside WHMCS: a WHMCS page and cron run as without the extension, a script outside has its names (behaviour §12)
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/beside-whmcs.inc';

$t = la_bw_tree();
/* A listener stands in for the database: a WHMCS request must never connect to it. */
$listener = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($listener, false), ':'), 1);
$ini = ['localapi.hooks_dir' => $t['hooks'], 'localapi.db_host' => '127.0.0.1', 'localapi.db_port' => $port,
	'localapi.connect_timeout' => '1', 'localapi.read_timeout' => '1'];

la_is(1, la_bw_run($t['page'], $ini), la_bw_whmcs_view());
la_is(2, la_bw_run($t['cron'], $ini), la_bw_whmcs_view());
la_is(3, la_bw_run($t['cron'], $ini, $t['whmcs']), la_bw_whmcs_view());
la_is(4, [file_exists($t['marker']), @stream_socket_accept($listener, 0)], [false, false]);
/* A script outside the tree: the extension's names, as in any other request. */
la_is(5, la_bw_run($t['worker'], $ini), la_bw_native_view());
/* php -r has no main script, wherever it runs: the extension's names. */
[$out] = la_bw_php(['-r', 'echo json_encode([function_exists("localAPI"), defined("WHMCS")]);'], $ini, $t['whmcs']);
la_is(6, $out, '[true,true]');
/* The contrast that shows check 4 can fail: the native localAPI() connects. */
[$out] = la_bw_php(['-r', 'echo localAPI("AddContact", ["clientid" => 1], "")["result"];'], $ini);
la_is(7, [$out, is_resource(@stream_socket_accept($listener, 0))], ['error', true]);
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
