--TEST--
ipaddr is '' under the CLI, even when REMOTE_ADDR is set (behaviour §3.11, §7)
--DESCRIPTION--
Behaviour §7: ipaddr is $_SERVER['REMOTE_ADDR'] when a web SAPI sets it; under the
CLI it is always ''. Here REMOTE_ADDR comes from the environment and is also
assigned by the script.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--ENV--
REMOTE_ADDR=192.0.2.7
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
la_is(1, PHP_SAPI, 'cli');
la_call(2, 'AddContact', ['clientid' => $cid]);
$_SERVER['REMOTE_ADDR'] = '203.0.113.9';
la_call(3, 'AddContact', ['clientid' => $cid]);
la_is(4, array_column(la_log_of($cid), 'ipaddr'), ['', '']);
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
4: ok
