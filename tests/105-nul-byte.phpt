--TEST--
Normalisation: strings are binary-safe, a NUL byte is kept (behaviour §2)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$answer = la_call(1, 'AddContact', [
	'clientid' => $cid,
	'firstname' => "a\0b",
	'lastname' => "\0",
	'companyname' => "x\0<y>",
	'address1' => "tail\0",
	'city' => "caf&eacute;\0&amp;",
	'tax_id' => "12\0",
]);
$id = $answer['contactid'] ?? 0;
$hex = la_row('SELECT HEX(firstname) f, HEX(lastname) l, HEX(companyname) c, HEX(address1) a,'
	. ' HEX(city) ci, HEX(tax_id) t FROM tblcontacts WHERE id = ?', $id);
la_is(2, $hex['f'] ?? null, '610062');
la_is(3, $hex['l'] ?? null, '00');
la_is(4, $hex['c'] ?? null, strtoupper(bin2hex("x\0&lt;y&gt;")));
la_is(5, $hex['a'] ?? null, strtoupper(bin2hex("tail\0")));
la_is(6, $hex['ci'] ?? null, strtoupper(bin2hex("café\0&amp;")));
la_is(7, $hex['t'] ?? null, '313200');
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
7: ok
