--TEST--
UpdateContact: a call that changes nothing writes nothing; "" clears; null counts as not given (behaviour §10)
--DESCRIPTION--
Values equal to the stored ones (after normalisation: "O'Brien" equals the
stored "O&#039;Brien") write nothing: the answer is success and the row,
updated_at included, is unchanged; so does a call with no field at all.
A letter-case change is a change (compared byte for byte, not by the
column's collation). "" clears a field; a key given as null (a legacy flag
included) counts as not given; no DefaultCountry fallback for "" country.
A value of another scalar type is stored as PHP prints it (true → "1").
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/update-contact.inc';

$cid = la_make_client();
$id = la_upd_make_contact($cid, ['firstname' => 'O&#039;Brien', 'country' => 'DE', 'city' => 'Paris']);

la_upd_call(1, $id, ['firstname' => "O'Brien", 'country' => 'DE', 'domainemails' => 1, 'email_preferences' => ['general' => 'yes']]);
la_upd_call(2, $id, []);
la_upd_call(3, $id, ['city' => 'PARIS']);
la_upd_call(4, $id, ['city' => '', 'country' => '']);
la_upd_call(5, $id, ['lastname' => null, 'city' => null, 'domainemails' => null, 'email_preferences' => null]);
la_upd_call(6, $id, ['address1' => true, 'address2' => 12, 'state' => 1.5, 'postcode' => false]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success []
2: success []
3: success ["city"=>"PARIS", "updated_at"=>"changed"]
4: success ["city"=>"", "country"=>"", "updated_at"=>"changed"]
5: success []
6: success ["address1"=>"1", "address2"=>"12", "state"=>"1.5", "updated_at"=>"changed"]
