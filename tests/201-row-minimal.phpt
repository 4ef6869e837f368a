--TEST--
AddContact: clientid alone inserts one complete row, every NOT NULL column explicit (behaviour §3.5, §3.9, §3.12)
--DESCRIPTION--
Without any optional field: text columns '', tax_id '', subaccount 0,
password '', permissions '', all email flags 0, pwresetkey '', no NULL
anywhere; exactly one contact row and one log row. (country is left out here:
it comes from DefaultCountry, see 270-272.)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$answer = la_call(1, 'AddContact', ['clientid' => $cid]);
$row = la_added($answer);
la_is(2, [$row['id'] ?? null, $row['userid'] ?? null], [(string) ($answer['contactid'] ?? ''), (string) $cid]);
$text = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
	'postcode', 'phonenumber', 'tax_id', 'password', 'permissions', 'pwresetkey'];
la_is(3, la_pick($row, $text), array_fill_keys($text, ''));
$flags = ['subaccount', 'generalemails', 'productemails', 'domainemails', 'invoiceemails', 'supportemails', 'affiliateemails'];
la_is(4, la_pick($row, $flags), array_fill_keys($flags, '0'));
la_is(5, array_keys(array_filter($row ?? [], 'is_null')), []);
la_is(6, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid), 1);
la_is(7, la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $cid), 1);
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
