--TEST--
Price: every format, method, prefix and suffix, rounding half away from zero, null currency (behaviour §11.10)
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

use WHMCS\View\Formatter\Price;

function cur(int $format, ?string $prefix = '$', ?string $suffix = ' USD'): array
{
	return ['id' => 1, 'code' => 'USD', 'prefix' => $prefix, 'suffix' => $suffix, 'format' => $format, 'rate' => '1.00000'];
}

/* The behaviour's table: 1234.5 in each format; any other format value is 1. */
$got = [];
foreach ([1, 2, 3, 4, 0, 5, -1] as $format) {
	$got[$format] = (new Price('1234.5', cur($format, '', '')))->toFull();
}
la_is('table', $got, [1 => '1234.50', 2 => '1,234.50', 3 => '1.234,50', 4 => '1,235', 0 => '1234.50', 5 => '1234.50', -1 => '1234.50']);

/* Every method, on the install's USD row (the suffix starts with a space). */
$p = new Price('-1234.567', cur(2));
la_is('methods', [(string) $p, $p->toFull(), $p->toPrefixed(), $p->toSuffixed(), $p->toNumeric(), $p->getValue()],
	['$-1,234.57 USD', '$-1,234.57 USD', '$-1,234.57', '-1,234.57 USD', '-1234.57', -1234.567]);
la_is('zero', [(new Price('0.00', cur(2)))->toFull(), (new Price('0.00', cur(4)))->toFull()], ['$0.00 USD', '$0 USD']);
la_is('getCurrency', $p->getCurrency(), cur(2));

/* Rounding half away from zero; a number that rounds to zero has no sign. */
$r = [];
foreach (['-0.40', '-0.50', '0.50', '2.50', '-2.50', '2.49', '999999.5'] as $amount) {
	$r[$amount] = (new Price($amount, cur(4, '', '')))->toFull();
}
la_is('format 4', $r, ['-0.40' => '0', '-0.50' => '-1', '0.50' => '1', '2.50' => '3', '-2.50' => '-3', '2.49' => '2', '999999.5' => '1,000,000']);
la_is('toNumeric keeps -0.40', (new Price('-0.40', cur(4)))->toNumeric(), '-0.40');
la_is('two decimals', [(new Price('0.005', cur(1, '', '')))->toFull(), (new Price('-0.005', cur(1, '', '')))->toFull(),
	(new Price('-0.004', cur(1, '', '')))->toFull(), (new Price('9.995', cur(3, '', '')))->toFull()],
	['0.01', '-0.01', '0.00', '10,00']);

/* toNumeric whatever the format. */
$n = [];
foreach ([1, 2, 3, 4] as $format) {
	$n[] = (new Price('1234.5', cur($format)))->toNumeric();
}
la_is('toNumeric', $n, ['1234.50', '1234.50', '1234.50', '1234.50']);

/* Big values: exact, no float on the way. */
$big = new Price('-12345678901234567890123456789.015', cur(3, '', ' EUR'));
la_is('big', [$big->toFull(), $big->toNumeric()], ['-12.345.678.901.234.567.890.123.456.789,02 EUR', '-12345678901234567890123456789.02']);

/* int, float and numeric-string arguments. */
la_is('int', (new Price(12, cur(2)))->toFull(), '$12.00 USD');
la_is('float', [(new Price(0.1, cur(1)))->toNumeric(), (new Price(1.5e3, cur(2)))->toFull(), (new Price(-2.5, cur(4)))->toFull()],
	['0.10', '$1,500.00 USD', '$-3 USD']);
la_is('numeric strings', [(new Price(' 1.5e3 ', cur(1)))->toNumeric(), (new Price('.25', cur(1)))->toNumeric(), (new Price('+7', cur(1)))->toNumeric()],
	['1500.00', '0.25', '7.00']);
la_is('getValue', [(new Price('1234.50'))->getValue(), (new Price(12))->getValue(), (new Price('-0.40'))->getValue()], [1234.5, 12.0, -0.4]);

/* No currency: no prefix or suffix, format 1, the six keys null. */
$none = new Price('1234.5');
la_is('null currency', [$none->toFull(), $none->toPrefixed(), $none->toSuffixed(), $none->getCurrency()],
	['1234.50', '1234.50', '1234.50', ['id' => null, 'code' => null, 'prefix' => null, 'suffix' => null, 'format' => null, 'rate' => null]]);
la_is('explicit null', (new Price('1', null))->toFull(), '1.00');
/* The same six nulls as getCurrency() answers for a client without a currency. */
la_is('six nulls', (new Price('-1234.5', $none->getCurrency()))->toFull(), '-1234.50');
/* A format given as a numeric string, as a row read with mysqli gives it. */
la_is('format as string', (new Price('1234.5', ['prefix' => '£', 'suffix' => '', 'format' => '3']))->toFull(), '£1.234,50');
?>
--EXPECT--
table: ok
methods: ok
zero: ok
getCurrency: ok
format 4: ok
toNumeric keeps -0.40: ok
two decimals: ok
toNumeric: ok
big: ok
int: ok
float: ok
numeric strings: ok
getValue: ok
null currency: ok
explicit null: ok
six nulls: ok
format as string: ok
