--TEST--
Normalisation: ints, floats, bools and numeric strings become strings PHP's way; null becomes '' (behaviour §2, §7)
--DESCRIPTION--
true -> '1', false -> '', 1.5 -> '1.5', 42 -> '42', null -> '', floats as
PHP prints them ((string) 1e25 is '1.0E+25'); numeric strings pass unchanged.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$row = la_added(la_call(1, 'AddContact', [
	'clientid' => $cid,
	'firstname' => true,
	'lastname' => false,
	'companyname' => 1.5,
	'address1' => 42,
	'address2' => -7,
	'city' => null,
	'state' => 1e25,
	'postcode' => 0,
	'phonenumber' => 100.0,
	'tax_id' => -0.0,
	'email' => 0.1,
]));
la_is(2, [$row['firstname'] ?? null, $row['lastname'] ?? null], ['1', '']);
la_is(3, [$row['companyname'] ?? null, $row['address1'] ?? null, $row['address2'] ?? null], ['1.5', '42', '-7']);
la_is(4, $row['city'] ?? null, '');
la_is(5, [$row['state'] ?? null, $row['postcode'] ?? null, $row['phonenumber'] ?? null], ['1.0E+25', '0', '100']);
la_is(6, [$row['tax_id'] ?? null, $row['email'] ?? null], ['-0', '0.1']);

$row = la_added(la_call(7, 'AddContact', [
	'clientid' => $cid,
	'firstname' => ' 12',
	'lastname' => '1e3',
	'companyname' => '007',
	'address1' => '-0.50',
	'address2' => '12 ',
]));
la_is(8, [$row['firstname'] ?? null, $row['lastname'] ?? null, $row['companyname'] ?? null], [' 12', '1e3', '007']);
la_is(9, [$row['address1'] ?? null, $row['address2'] ?? null], ['-0.50', '12 ']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
7: success
8: ok
9: ok
