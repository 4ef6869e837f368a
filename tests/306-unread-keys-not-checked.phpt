--TEST--
Keys AddContact does not read are not checked; email flags are never validated (behaviour §7)
--DESCRIPTION--
Unknown keys, unknown email_preferences keys, and flag values of any type,
length or character (including 4-byte ones) never cause an error.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$row = la_added(la_call(1, 'AddContact', ['clientid' => $cid, 'email_preferences' => ['bogus' => "\xff", 'general' => '1', 7 => ['x' => "\xfe"]]]));
la_is(2, $row['generalemails'] ?? null, '1');
$row = la_added(la_call(3, 'AddContact', ['clientid' => $cid, 'email_preferences' => [
	'general' => str_repeat('x', 70000),
	'product' => "\u{1F600}",
	'domain' => ['deep' => ['x' => 'y']],
	'invoice' => new stdClass(),
	'support' => 3.5,
	'affiliate' => 'no',
]]));
la_is(4, la_pick($row, ['generalemails', 'productemails', 'domainemails', 'invoiceemails', 'supportemails', 'affiliateemails']),
	array_fill_keys(['generalemails', 'productemails', 'domainemails', 'invoiceemails', 'supportemails', 'affiliateemails'], '1'));
$row = la_added(la_call(5, 'AddContact', ['clientid' => $cid, 'productemails' => new ArrayObject([]), 'domainemails' => str_repeat("\u{1F600}", 20000)]));
la_is(6, la_pick($row, ['productemails', 'domainemails']), ['productemails' => '1', 'domainemails' => '1']);
la_call(7, 'AddContact', ['clientid' => $cid, 'action' => "\xff", 'responsetype' => ['x'], 'notes' => str_repeat('x', 70000), 'customfields' => "\u{1F600}"]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: success
4: ok
5: success
6: ok
7: success
