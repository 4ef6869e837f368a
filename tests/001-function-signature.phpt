--TEST--
localAPI(): signature and return type (behaviour §1)
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$f = new ReflectionFunction('localAPI');
$p = $f->getParameters();
la_is(1, $f->getName(), 'localAPI');
la_is(2, $f->getExtensionName(), 'localapi');
la_is(3, [$f->getNumberOfParameters(), $f->getNumberOfRequiredParameters()], [3, 1]);
la_is(4, [$p[0]->getName(), (string) $p[0]->getType()], ['command', 'string']);
la_is(5, [$p[1]->getName(), (string) $p[1]->getType(), $p[1]->getDefaultValue()], ['postData', 'mixed', []]);
la_is(6, [$p[2]->getName(), (string) $p[2]->getType(), $p[2]->getDefaultValue()], ['adminUsername', 'string|int|null', '']);
la_is(7, (string) $f->getReturnType(), 'array');
/* function names are case-insensitive in PHP: old callers spell it localapi() */
la_is(8, function_exists('localapi'), true);
la_is(9, is_array(localAPI('no such command!')), true);
try {
	localAPI();
	echo "10: no exception\n";
} catch (ArgumentCountError $e) {
	echo "10: ok\n";
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
