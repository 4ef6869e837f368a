--TEST--
GetClientsDetails: currency_code and the stats' currency: every format, a negative sum, the default currency, none at all (behaviour §11.9, §11.10)
--DESCRIPTION--
A client whose balance due is -1234.07 (an invoice of 0.43 overpaid) and
whose gross revenue is 1234.50 (exact DECIMAL sums), in a currency of each
format: 1 (and an unknown format, 9) "1234.50", 2 "1,234.50", 3 "1.234,50",
4 "1,235" (a negative one rounding to zero has no sign). currency_code is the
code of the client's currency row; currency 0 or a deleted row: currency_code
null while stats use the default currency (lowest id with default = 1); with
no default row either: no prefix or suffix, format 1, getCurrency()'s six keys
null. The currency rows are made by the test (CONFLICTS: currencies).
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
currencies
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

$cur = fn (string $code, int $format, int $default = 0) => la_insert('tblcurrencies',
	['code' => $code, 'prefix' => "<$code>", 'suffix' => " $code", 'format' => $format, 'rate' => '1.50000', 'default' => $default]);
$cid = la_gcd_client();
$invoice = la_insert('tblinvoices', ['userid' => $cid, 'status' => 'Unpaid', 'total' => '0.43', 'duedate' => '2999-01-01']);
la_insert('tblaccounts', ['userid' => $cid, 'invoiceid' => $invoice, 'amountin' => '1234.50']);
la_insert('tblaccounts', ['userid' => $cid, 'invoiceid' => 0, 'amountin' => '0.00', 'fees' => '0.50']);
$n = 1;
foreach ([1 => ['1234.50', '-1234.07'], 2 => ['1,234.50', '-1,234.07'], 3 => ['1.234,50', '-1.234,07'],
	4 => ['1,235', '-1,234'], 9 => ['1234.50', '-1234.07']] as $format => [$gross, $due]) {
	$id = $cur("T$format", $format);
	la_query('UPDATE tblclients SET currency = ? WHERE id = ?', $id, $cid);
	$a = la_gcd(['clientid' => $cid, 'stats' => 1]);
	$s = $a['stats'];
	la_is($n++, [$a['currency_code'], (string) $s['grossRevenue'], $s['dueinvoicesbalance']->toFull(),
		$s['dueinvoicesbalance']->toNumeric(), $s['expenses']->toPrefixed(), $s['expenses']->toSuffixed()],
		["T$format", "<T$format>$gross T$format", "<T$format>$due T$format", '-1234.07',
		"<T$format>" . ($format === 4 ? '1' : ($format === 3 ? '0,50' : '0.50')),
		($format === 4 ? '1' : ($format === 3 ? '0,50' : '0.50')) . " T$format"]);
}
/* format 4: -0.40 rounds to 0, without a sign */
la_query('UPDATE tblaccounts SET amountin = ? WHERE invoiceid = ? AND userid = ?', '0.83', $invoice, $cid);
la_query('UPDATE tblclients SET currency = ? WHERE id = ?', (int) la_value("SELECT id FROM tblcurrencies WHERE code = 'T4'"), $cid);
la_is($n++, (string) la_gcd(['clientid' => $cid, 'stats' => 1])['stats']['dueinvoicesbalance'], '<T4>0 T4');

/* currency 0: no currency_code; stats in the default currency */
la_query('UPDATE tblclients SET currency = 0 WHERE id = ?', $cid);
$a = la_gcd(['clientid' => $cid, 'stats' => 1]);
$default = la_row('SELECT * FROM tblcurrencies WHERE `default` = 1 ORDER BY id LIMIT 1');
la_is($n++, [$a['currency_code'], $a['stats']['grossRevenue']->getCurrency()['id']], [null, (int) $default['id']]);
/* no default row either */
la_query('UPDATE tblcurrencies SET `default` = 0 WHERE `default` = 1');
$a = la_gcd(['clientid' => $cid, 'stats' => 1]);
la_is($n++, [(string) $a['stats']['grossRevenue'], $a['stats']['grossRevenue']->getCurrency()],
	['0.83', ['id' => null, 'code' => null, 'prefix' => null, 'suffix' => null, 'format' => null, 'rate' => null]]);
la_query('UPDATE tblcurrencies SET `default` = 1 WHERE id = ?', $default['id']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
la_query("DELETE FROM tblcurrencies WHERE code IN ('T1', 'T2', 'T3', 'T4', 'T9')");
la_query('UPDATE tblcurrencies SET `default` = 1 WHERE id = 1');
la_gcd_cleanup_tag();
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
