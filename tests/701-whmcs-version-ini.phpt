--TEST--
localapi.whmcs_version: auto, 7 or 8; anything else is refused with a warning and the old value stays (behaviour §8)
--DESCRIPTION--
The entry is PHP_INI_ALL with the default auto (case-insensitive). An
invalid value gives one E_WARNING naming the entry and leaves the previous
value in force. phpinfo() shows an override as the behaviour in force.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = [$type, $message];
	return true;
});
la_is(1, ini_get('localapi.whmcs_version'), 'auto');
la_is(2, ini_get_all('localapi')['localapi.whmcs_version']['access'] ?? null, INI_ALL);
$n = 3;
foreach (['7', '8', 'AUTO', 'auto'] as $value) {
	la_is($n++, [ini_set('localapi.whmcs_version', $value) !== false, ini_get('localapi.whmcs_version')], [true, $value]);
}
ini_set('localapi.whmcs_version', '8');
foreach (['9', '7.10', '', 'yes', ' 8', '08'] as $value) {
	$warnings = [];
	$old = ini_set('localapi.whmcs_version', $value);
	la_is($n++ . ' ' . la_export($value), [$old, ini_get('localapi.whmcs_version'), count($warnings),
		str_contains($warnings[0][1] ?? '', 'localapi.whmcs_version must be auto, 7 or 8')], [false, '8', 1, true]);
}
la_is($n++, la_info('WHMCS behaviour'), '8.x (localapi.whmcs_version)');
ini_set('localapi.whmcs_version', '7');
la_is($n++, la_info('WHMCS behaviour'), '7.x (localapi.whmcs_version)');
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
7 "9": ok
8 "7.10": ok
9 "": ok
10 "yes": ok
11 " 8": ok
12 "08": ok
13: ok
14: ok
