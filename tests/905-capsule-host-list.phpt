--TEST--
Capsule on a localapi.db_host list: the host the extension's link is on at that moment, else the first listed (behaviour §13, §9)
--DESCRIPTION--
localapi.db_host = "127.0.0.1:<closed port>, localhost". After a localAPI()
call, whose link skipped the closed port and is on localhost, Capsule's first
use takes localhost too, and its query works. In a process that names
Capsule before any call (no link yet), Capsule takes the first host listed,
127.0.0.1 and its port (read from its configuration: nothing connects).
--EXTENSIONS--
localapi
mysqli
pdo_mysql
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require __DIR__ . '/capsule.inc';
la_capsule_skipif();
if (la_config()['host'] !== 'localhost' || la_config()['socket'] === '') {
	die('skip needs the test server on a unix socket (localhost)');
}
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/beside-whmcs.inc';

use WHMCS\Database\Capsule;

$probe = stream_socket_server('tcp://127.0.0.1:0');
$closed = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);
$hosts = "127.0.0.1:$closed, localhost";
ini_set('localapi.connect_timeout', '1');
ini_set('localapi.db_host', $hosts);
$cid = la_make_client();
echo '1: ', la_show(localAPI('AddContact', ['clientid' => $cid])), "\n";
$config = Capsule::connection()->getConfig();
la_is(2, [$config['host'], $config['port'] ?? null, $config['unix_socket'] ?? null], ['localhost', null, la_config()['socket']]);
la_is(3, Capsule::table('tblcontacts')->where('userid', $cid)->count(), 1);

$script = '$c = WHMCS\Database\Capsule::connection()->getConfig(); echo json_encode([$c["host"], $c["port"] ?? null]);';
[$out, $err] = la_bw_php(['-d', 'extension=mysqlnd', '-d', 'extension=pdo', '-d', 'extension=pdo_mysql', '-r', $script],
	['localapi.db_host' => $hosts, 'localapi.db_socket' => la_config()['socket']]);
la_is(4, json_decode($out, true) ?? "out: $out, err: $err", ['127.0.0.1', $closed]);
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
