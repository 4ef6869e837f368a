--TEST--
INI: read_timeout, write_timeout and retry_budget: defaults, accepted ranges, invalid values refused with a warning (behaviour §9)
--DESCRIPTION--
localapi.read_timeout and localapi.write_timeout default to 30 (seconds,
1 to 3600, like connect_timeout); localapi.retry_budget defaults to 2000
(milliseconds, 0 to 60000; 0 means no retry). All three are PHP_INI_ALL.
A value that is not a plain integer in range is refused with an E_WARNING
naming the entry, and the previous value stays.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});
$entries = ['localapi.read_timeout' => ['30', 1, 3600], 'localapi.write_timeout' => ['30', 1, 3600],
	'localapi.retry_budget' => ['2000', 0, 60000]];
$all = ini_get_all('localapi');
$n = 1;
foreach ($entries as $name => [$default, $min, $max]) {
	echo $n++, ": ", ($all[$name]['global_value'] ?? null) === $default && ($all[$name]['access'] ?? 0) === INI_ALL
		? 'ok' : "$name: " . json_encode($all[$name] ?? null), "\n";
	foreach ([(string) $min, (string) $max, '7'] as $value) {
		$ok = ini_set($name, $value) !== false && ini_get($name) === $value;
		echo $n++, ": ", $ok && $warnings === [] ? 'ok' : "$name=$value: " . json_encode([ini_get($name), $warnings]), "\n";
	}
	foreach ([(string) ($min - 1), (string) ($max + 1), 'abc', '2.5', ''] as $value) {
		$warnings = [];
		$refused = ini_set($name, $value) === false && ini_get($name) === '7';
		$warned = count($warnings) === 1 && str_contains($warnings[0], $name);
		echo $n++, ": ", $refused && $warned ? 'ok' : "$name=$value: " . json_encode([ini_get($name), $warnings]), "\n";
	}
	$warnings = [];
}
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
13: ok
14: ok
15: ok
16: ok
17: ok
18: ok
19: ok
20: ok
21: ok
22: ok
23: ok
24: ok
25: ok
26: ok
27: ok
