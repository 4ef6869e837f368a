--TEST--
Price: bad constructor input and tampered objects give a clear TypeError, ValueError or Error, never a crash (behaviour §11.10)
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

use WHMCS\View\Formatter\Price;

function err(callable $f): string
{
	try {
		$r = $f();
		return 'no error: ' . var_export($r, true);
	} catch (Throwable $e) {
		return get_class($e) . ': ' . $e->getMessage();
	}
}

$arg1 = 'WHMCS\View\Formatter\Price::__construct(): Argument #1 ($price) ';
$cases = [
	'array' => [fn () => new Price([]), "TypeError: {$arg1}must be of type int|float|string, array given"],
	'null' => [fn () => new Price(null), "TypeError: {$arg1}must be of type int|float|string, null given"],
	'bool' => [fn () => new Price(true), "TypeError: {$arg1}must be of type int|float|string, bool given"],
	'object' => [fn () => new Price(new stdClass()), "TypeError: {$arg1}must be of type int|float|string, stdClass given"],
	'text' => [fn () => new Price('abc'), "ValueError: {$arg1}must be a number or a numeric string"],
	'empty' => [fn () => new Price(''), "ValueError: {$arg1}must be a number or a numeric string"],
	'comma' => [fn () => new Price('1,5'), "ValueError: {$arg1}must be a number or a numeric string"],
	'leading numeric' => [fn () => new Price('12abc'), "ValueError: {$arg1}must be a number or a numeric string"],
	'hex' => [fn () => new Price('0x1A'), "ValueError: {$arg1}must be a number or a numeric string"],
	'NUL' => [fn () => new Price("1\0"), "ValueError: {$arg1}must be a number or a numeric string"],
	'INF' => [fn () => new Price(INF), "ValueError: {$arg1}must be a finite number"],
	'NAN' => [fn () => new Price(NAN), "ValueError: {$arg1}must be a finite number"],
	'huge exponent' => [fn () => new Price('1e999'), "ValueError: {$arg1}must not move the decimal point by more than 400 places"],
	'currency string' => [fn () => new Price('1', 'USD'),
		'TypeError: WHMCS\View\Formatter\Price::__construct(): Argument #2 ($currency) must be of type ?array, string given'],
	'no argument' => [fn () => new Price(),
		'ArgumentCountError: WHMCS\View\Formatter\Price::__construct() expects at least 1 argument, 0 given'],
	'too many' => [fn () => (new Price('1'))->toFull(1),
		'ArgumentCountError: WHMCS\View\Formatter\Price::toFull() expects exactly 0 arguments, 1 given'],
	'uninitialised' => [fn () => (new ReflectionClass(Price::class))->newInstanceWithoutConstructor()->toFull(),
		'Error: WHMCS\View\Formatter\Price object is not initialized'],
	'uninitialised getValue' => [fn () => (new ReflectionClass(Price::class))->newInstanceWithoutConstructor()->getValue(),
		'Error: WHMCS\View\Formatter\Price object is not initialized'],
	'uninitialised json' => [fn () => json_encode((new ReflectionClass(Price::class))->newInstanceWithoutConstructor()),
		'Error: WHMCS\View\Formatter\Price object is not initialized'],
];
foreach ($cases as $name => [$f, $want]) {
	la_is($name, err($f), $want);
}

/* An exponent at the limit: 1 and 400 zeros, two decimals. */
la_is('big exponent within range', strlen((new Price('1e400'))->toNumeric()), 404);

/* unserialize() can put any string in the amount: the methods refuse it. */
$s = serialize(new Price('12.50'));
$bad = unserialize(str_replace('s:5:"12.50"', 's:3:"abc"', $s));
la_is('tampered toFull', err(fn () => $bad->toFull()), 'Error: WHMCS\View\Formatter\Price object holds no decimal amount');
la_is('tampered getValue', err(fn () => $bad->getValue()), 'Error: WHMCS\View\Formatter\Price object holds no decimal amount');
la_is('tampered json', err(fn () => json_encode($bad)), 'Error: WHMCS\View\Formatter\Price object holds no decimal amount');
la_is('tampered string', err(fn () => (string) $bad), 'Error: WHMCS\View\Formatter\Price object holds no decimal amount');
/* The typed properties refuse a wrong type at unserialize(). */
la_is('wrong type', err(fn () => unserialize(str_replace('s:5:"12.50"', 'i:5', $s))),
	'TypeError: Cannot assign int to property WHMCS\View\Formatter\Price::$price of type string');
/* Calling the constructor again replaces the state. */
$p = new Price('1');
$p->__construct('2.5', ['prefix' => '$']);
la_is('constructed again', $p->toFull(), '$2.50');
/* A prefix that is not a string is converted as PHP converts it; an array throws nothing fatal. */
la_is('int prefix', (new Price('1', ['prefix' => 7, 'format' => 1]))->toFull(), '71.00');
la_is('object prefix', err(fn () => (new Price('1', ['prefix' => new stdClass()]))->toFull()),
	'Error: Object of class stdClass could not be converted to string');
/* final: extending it is a compile error, in a child process (a fatal error ends the script).
 * Under valgrind (run-tests.php -m sets USE_ZEND_ALLOC=0) the child is traced too, and the
 * engine leaks on a fatal compile error: 991 checks isFinal() there. */
require_once __DIR__ . '/beside-whmcs.inc';
if (getenv('USE_ZEND_ALLOC') === '0') {
	echo "final: ok\n";
} else {
	[$out, $err, $status] = la_bw_php(['-r', 'class MyPrice extends WHMCS\\View\\Formatter\\Price {}']);
	la_is('final', [$status, $err], [255, 'Fatal error: Class MyPrice cannot extend final class WHMCS\\View\\Formatter\\Price in Command line code on line 1']);
}
?>
--EXPECT--
array: ok
null: ok
bool: ok
object: ok
text: ok
empty: ok
comma: ok
leading numeric: ok
hex: ok
NUL: ok
INF: ok
NAN: ok
huge exponent: ok
currency string: ok
no argument: ok
too many: ok
uninitialised: ok
uninitialised getValue: ok
uninitialised json: ok
big exponent within range: ok
tampered toFull: ok
tampered getValue: ok
tampered json: ok
tampered string: ok
wrong type: ok
constructed again: ok
int prefix: ok
object prefix: ok
final: ok
