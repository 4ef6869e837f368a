--TEST--
GetClientsDetails: stats, every key in order with its type and value, status groups, mass-pay invoices, products and counts (behaviour §11.9, §11.10)
--DESCRIPTION--
A client with invoices in several statuses (one overdue with a zero date, one
with a NULL due date, one overpaid: a negative balance), payments with and
without invoice (also one by another client on this client's invoice),
mass-pay (Invoice) and AddFunds items, a Draft invoice (adds
numdraftinvoices and draftinvoicesamount after the six named groups), an
unknown status, services of every product type and of a missing product,
domains, quotes, tickets (one merged, one with an active status in another
letter case), an affiliate with two signups. stats is only asked for when
truthy ('false' asks, '0' does not). Money values are
WHMCS\View\Formatter\Price objects in the client's currency, exact sums.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

$cid = la_gcd_client(['currency' => 1, 'credit' => '12.30']);
$other = la_gcd_client();
$inv = fn (string $status, string $total, ?string $due = '2000-01-01', string $credit = '0.00') =>
	la_insert('tblinvoices', ['userid' => $cid, 'status' => $status, 'total' => $total, 'duedate' => $due, 'credit' => $credit]);
$pay = fn (int $invoice, string $in, string $fees = '0.00', string $out = '0.00', ?int $user = null) =>
	la_insert('tblaccounts', ['userid' => $user ?? $cid, 'invoiceid' => $invoice, 'amountin' => $in, 'fees' => $fees, 'amountout' => $out]);

$u1 = $inv('Unpaid', '100.10', '2000-01-01');         /* overdue */
$u2 = $inv('Unpaid', '50.00', '2999-01-01');          /* due, not overdue */
$u3 = $inv('Unpaid', '10.00', null);                  /* NULL due date: not overdue */
$u4 = $inv('Unpaid', '20.00', '0000-00-00');          /* zero date: overdue */
$u5 = $inv('Unpaid', '5.00', '2000-01-01');           /* overpaid: negative balance */
$mass = $inv('Unpaid', '999.00', '2000-01-01');       /* mass-pay: no due, no group */
$funds = $inv('Unpaid', '77.00', '2000-01-01');       /* AddFunds: due, no group */
$p1 = $inv('Paid', '30.00', '2000-01-01', '2.50');
$c1 = $inv('Cancelled', '7.77');
$d1 = $inv('Draft', '1.01');
$odd = $inv('Weird State', '3.00');
la_insert('tblinvoiceitems', ['invoiceid' => $mass, 'userid' => $cid, 'type' => 'Invoice']);
la_insert('tblinvoiceitems', ['invoiceid' => $funds, 'userid' => $cid, 'type' => 'AddFunds']);
la_insert('tblinvoiceitems', ['invoiceid' => $u2, 'userid' => $cid, 'type' => 'Hosting']);
$pay($u1, '40.05', '1.00');
$pay($u1, '0.00', '0.00', '10.00');                    /* a refund adds to the balance */
$pay($u5, '8.00', '0.25');
$pay($u2, '5.00', '0.00', '0.00', $other);             /* someone else's payment on this invoice */
$pay(0, '100.00', '3.00');                             /* credit added, no invoice */
$pay($p1, '27.50', '0.80');

$hostingaccount = la_insert('tblproducts', ['type' => 'hostingaccount', 'name' => 'la-test']);
$reseller = la_insert('tblproducts', ['type' => 'reselleraccount', 'name' => 'la-test']);
$server = la_insert('tblproducts', ['type' => 'server', 'name' => 'la-test']);
$otherp = la_insert('tblproducts', ['type' => 'other', 'name' => 'la-test']);
$odd_type = la_insert('tblproducts', ['type' => 'marketconnect', 'name' => 'la-test']);
foreach ([[$hostingaccount, 'Active'], [$hostingaccount, 'Suspended'], [$reseller, 'Active'], [$server, 'Pending'],
	[$otherp, 'Active'], [$otherp, 'Active'], [$odd_type, 'Active'], [2000000000, 'Active']] as [$pid, $status]) {
	la_insert('tblhosting', ['userid' => $cid, 'packageid' => $pid, 'domainstatus' => $status]);
}
foreach (['Active', 'Active', 'Expired'] as $status) {
	la_insert('tbldomains', ['userid' => $cid, 'status' => $status]);
}
foreach (['Accepted', 'Draft'] as $stage) {
	la_insert('tblquotes', ['userid' => $cid, 'stage' => $stage]);
}
foreach ([['Open', 0], ['customer-reply', 0], ['Closed', 0], ['Open', 99]] as [$status, $merged]) {
	la_insert('tbltickets', ['userid' => $cid, 'status' => $status, 'merged_ticket_id' => $merged]);
}
$aff = la_insert('tblaffiliates', ['clientid' => $cid]);
la_insert('tblaffiliatesaccounts', ['affiliateid' => $aff]);
la_insert('tblaffiliatesaccounts', ['affiliateid' => $aff]);

la_is(1, array_key_exists('stats', la_gcd(['clientid' => $cid, 'stats' => '0'])), false);
$answer = la_gcd(['clientid' => $cid, 'stats' => 'false']);
la_is(2, array_key_last($answer), 'stats');
$stats = $answer['stats'];
$money = array_filter($stats, 'is_object');
la_is(3, array_unique(array_map('get_class', array_values($money))), ['WHMCS\View\Formatter\Price']);
$shown = array_map(fn ($v) => is_object($v) ? (string) $v : $v, $stats);
la_is(4, $shown, [
	'numdueinvoices' => 6,
	/* (100.10 - 40.05 + 10.00) + 45 + 10 + 20 + (5.00 - 8.00) + 77 */
	'dueinvoicesbalance' => '$219.05 USD',
	'incredit' => true,
	'creditbalance' => '$12.30 USD',
	'grossRevenue' => '$175.55 USD',
	'expenses' => '$15.05 USD',
	'income' => '$160.50 USD',
	'numoverdueinvoices' => 4,
	'overdueinvoicesbalance' => '$164.05 USD',
	'numDraftInvoices' => 1,
	'draftInvoicesBalance' => '$1.01 USD',
	'numunpaidinvoices' => 5,
	'unpaidinvoicesamount' => '$185.10 USD',
	'numpaidinvoices' => 1,
	'paidinvoicesamount' => '$32.50 USD',
	'numcancelledinvoices' => 1,
	'cancelledinvoicesamount' => '$7.77 USD',
	'numrefundedinvoices' => 0,
	'refundedinvoicesamount' => '$0.00 USD',
	'numcollectionsinvoices' => 0,
	'collectionsinvoicesamount' => '$0.00 USD',
	'numpaymentpendinginvoices' => 0,
	'paymentpendinginvoicesamount' => '$0.00 USD',
	'numdraftinvoices' => 1,
	'draftinvoicesamount' => '$1.01 USD',
	'numweirdstateinvoices' => 1,
	'weirdstateinvoicesamount' => '$3.00 USD',
	'productsnumactivehosting' => 1,
	'productsnumhosting' => 2,
	'productsnumactivereseller' => 1,
	'productsnumreseller' => 1,
	'productsnumactiveservers' => 0,
	'productsnumservers' => 1,
	'productsnumactiveother' => 2,
	'productsnumother' => 2,
	'productsnumactive' => 4,
	'productsnumtotal' => 6,
	'numactivedomains' => 2,
	'numdomains' => 3,
	'numacceptedquotes' => 1,
	'numquotes' => 2,
	'numtickets' => 3,
	'numactivetickets' => 2,
	'numaffiliatesignups' => 2,
	'isAffiliate' => true,
]);
la_is(5, $stats['dueinvoicesbalance']->getCurrency(), ['id' => 1, 'code' => 'USD', 'prefix' => '$',
	'suffix' => ' USD', 'format' => 2, 'rate' => '1.00000']);
/* a status Due overwrites numdueinvoices in its first place; an empty status adds numinvoices */
$inv('Due', '4.00');
$inv('', '6.00');
$stats = la_gcd(['clientid' => $cid, 'stats' => true])['stats'];
la_is(6, [array_key_first($stats), $stats['numdueinvoices'], (string) $stats['dueinvoicesamount'],
	$stats['numinvoices'], (string) $stats['invoicesamount'], count($stats)], ['numdueinvoices', 1, '$4.00 USD', 1, '$6.00 USD', 48]);
/* no account at all: exactly 41 keys, zero Prices, no affiliate */
$empty = la_gcd(['clientid' => $other, 'stats' => 1])['stats'];
la_is(7, [count($empty), $empty['numdueinvoices'], $empty['dueinvoicesbalance']->toNumeric(), $empty['isAffiliate'],
	$empty['incredit']], [41, 0, '0.00', false, false]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
la_query("DELETE FROM tblproducts WHERE name = 'la-test'");
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
