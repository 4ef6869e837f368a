--TEST--
INI: the entries exist; all but localapi.persistent can be changed at runtime (behaviour §4)
--DESCRIPTION--
localapi.persistent defaults to 1 and is PHP_INI_SYSTEM (ini_set() fails and
leaves it unchanged); the connection entries, connect_timeout and hooks_dir
are PHP_INI_ALL.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
$expected = ['localapi.connect_timeout', 'localapi.db_host', 'localapi.db_name', 'localapi.db_password',
	'localapi.db_port', 'localapi.db_socket', 'localapi.db_username', 'localapi.hooks_dir', 'localapi.persistent'];
$all = ini_get_all('localapi');
echo '1: ', implode(' ', array_diff($expected, array_keys($all))) ?: 'ok', "\n";
$persistent = ini_get('localapi.persistent');
echo '2: ', filter_var($persistent, FILTER_VALIDATE_BOOLEAN) ? 'ok' : var_export($persistent, true), "\n";
echo '3: ', ini_set('localapi.persistent', '0') === false && ini_get('localapi.persistent') === $persistent ? 'ok' : 'changed', "\n";
$n = 4;
$values = [
	'localapi.db_host' => 'db.example.test',
	'localapi.db_port' => '3307',
	'localapi.db_socket' => '/tmp/other.sock',
	'localapi.db_username' => 'someone',
	'localapi.db_password' => 'something',
	'localapi.db_name' => 'otherdb',
	'localapi.connect_timeout' => '7',
	'localapi.hooks_dir' => sys_get_temp_dir(),
];
foreach ($values as $name => $value) {
	$old = ini_set($name, $value);
	$ok = $old !== false && ini_get($name) === $value;
	echo $n++, ": ", $ok ? 'ok' : "$name not settable", "\n";
}
$access = array_map(fn ($entry) => $entry['access'], $all);
echo $n++, ': ', ($access['localapi.persistent'] ?? 0) === INI_SYSTEM ? 'ok' : 'persistent access ' . ($access['localapi.persistent'] ?? '?'), "\n";
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
8: ok
9: ok
10: ok
11: ok
12: ok
