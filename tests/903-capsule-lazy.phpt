--TEST--
Capsule: a request that never names WHMCS\Database\Capsule loads no Laravel and opens no second connection; the first use opens one (behaviour §13)
--DESCRIPTION--
Counts the server's connections of the test user (processlist), alone on the
server (CONFLICTS all): an AddContact call with a ContactAdd hook (not using
Capsule) adds the extension's one link and no other, and no class of Laravel
is declared; the first Capsule query then adds exactly one more (Capsule's PDO
connection), which shows the count can tell.
--EXTENSIONS--
localapi
mysqli
pdo_mysql
--CONFLICTS--
all
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require __DIR__ . '/capsule.inc';
la_capsule_skipif();
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

function la_connections(): int
{
	return la_count('SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ?', la_config()['user']);
}
$before = la_connections();
$during = null;
add_hook('ContactAdd', 1, function () use (&$during) {
	$during = la_connections();
});
$answer = localAPI('AddContact', ['clientid' => la_make_client()]);
echo '1: ', la_show($answer), "\n";
la_is(2, [$during - $before, la_connections() - $before], [1, 1]);
la_is(3, array_values(array_filter(get_declared_classes(), fn ($c) => str_starts_with($c, 'Illuminate\\'))), []);
la_is(4, WHMCS\Database\Capsule::table('tblcontacts')->where('id', $answer['contactid'])->count(), 1);
la_is(5, la_connections() - $before, 2);
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
