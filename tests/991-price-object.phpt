--TEST--
Price: a final, JsonSerializable, Stringable class; json_encode, serialize/unserialize, clone and comparison as for a plain object (behaviour §11.10)
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

use WHMCS\View\Formatter\Price;

$usd = ['id' => 1, 'code' => 'USD', 'prefix' => '$', 'suffix' => ' USD', 'format' => 2, 'rate' => '1.00000'];
$p = new Price('-1234.567', $usd);

$rc = new ReflectionClass(Price::class);
la_is('class', [$rc->isFinal(), $rc->isInternal(), $rc->getName(), $rc->getExtensionName(), class_exists('WHMCS\View\Formatter\Price')],
	[true, true, 'WHMCS\View\Formatter\Price', 'localapi', true]);
la_is('instanceof', [$p instanceof Price, $p instanceof JsonSerializable, $p instanceof Stringable], [true, true, true]);
$methods = array_map(fn ($m) => $m->getName(), $rc->getMethods());
sort($methods);
la_is('methods', $methods, ['__construct', '__toString', 'getCurrency', 'getValue', 'jsonSerialize', 'toFull', 'toNumeric', 'toPrefixed', 'toSuffixed']);

/* json_encode answers toFull(). */
la_is('json', [json_encode($p), json_encode(['total' => $p, 'n' => 1]), $p->jsonSerialize()],
	['"$-1,234.57 USD"', '{"total":"$-1,234.57 USD","n":1}', '$-1,234.57 USD']);

/* serialize()/unserialize(): the same amount and currency, the same answers. */
$s = serialize($p);
$u = unserialize($s);
la_is('unserialize', [get_class($u), $u->toFull(), $u->toNumeric(), $u->getCurrency(), $u == $p, $u === $p],
	['WHMCS\View\Formatter\Price', '$-1,234.57 USD', '-1234.57', $usd, true, false]);
la_is('in an array', unserialize(serialize(['a' => $p]))['a']->toFull(), '$-1,234.57 USD');

/* clone: an equal, independent object. */
$c = clone $p;
la_is('clone', [$c->toFull(), $c == $p, $c === $p], ['$-1,234.57 USD', true, false]);
la_is('different amounts compare unequal', new Price('1', $usd) == new Price('2', $usd), false);

/* The object keeps its own copy of the currency. */
$cur = $usd;
$q = new Price('5', $cur);
$cur['prefix'] = '€';
la_is('own copy', [$q->toFull(), $q->getCurrency()['prefix']], ['$5.00 USD', '$']);
$got = $q->getCurrency();
$got['suffix'] = ' EUR';
la_is('getCurrency is a copy', $q->toFull(), '$5.00 USD');

/* String contexts. */
la_is('string contexts', ["total: $p", 'x' . $p, strlen($p), sprintf('%s', $p)],
	['total: $-1,234.57 USD', 'x$-1,234.57 USD', 14, '$-1,234.57 USD']);
var_dump($p);
var_export(new Price('1.5'));
echo "\n";
?>
--EXPECTF--
class: ok
instanceof: ok
methods: ok
json: ok
unserialize: ok
in an array: ok
clone: ok
different amounts compare unequal: ok
own copy: ok
getCurrency is a copy: ok
string contexts: ok
object(WHMCS\View\Formatter\Price)#%d (2) {
  ["price":protected]=>
  string(9) "-1234.567"
  ["currency":protected]=>
  array(6) {
    ["id"]=>
    int(1)
    ["code"]=>
    string(3) "USD"
    ["prefix"]=>
    string(1) "$"
    ["suffix"]=>
    string(4) " USD"
    ["format"]=>
    int(2)
    ["rate"]=>
    string(7) "1.00000"
  }
}
\WHMCS\View\Formatter\Price::__set_state(array(
   'price' => '1.5',
   'currency' => 
  array (
    'id' => NULL,
    'code' => NULL,
    'prefix' => NULL,
    'suffix' => NULL,
    'format' => NULL,
    'rate' => NULL,
  ),
))
