--TEST--
UpdateContact: email_preferences and the legacy flags, their errors, truthiness, flags not given keep their value (behaviour §10)
--DESCRIPTION--
A non-empty email_preferences must be an array of the six types (else
"Argument email_preferences must be empty or an array." or "Invalid Email
Type: <bad keys>. Valid options are: ..."); each key given sets its flag by
PHP truthiness ("0", "" and null off; "false", "yes", "2" and a non-empty
array on, stored 1), and then the legacy <type>emails keys are ignored. An
empty email_preferences ("", "0", [], 0, false) lets the legacy keys set
their flags. Flags not given keep their value. domainemails stays on in
this test (the client receives domain emails: no ICANN refusal).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/update-contact.inc';

$cid = la_make_client();
$id = la_upd_make_contact($cid);

la_upd_call(1, $id, ['email_preferences' => 'yes']);
la_upd_call(2, $id, ['email_preferences' => 5]);
la_upd_call(3, $id, ['email_preferences' => ['general' => 0, 'billing' => 1, 'x' => 0, 7 => 1]]);
la_upd_call(4, $id, ['email_preferences' => ['General' => 0]]);
la_upd_call(5, $id, ['email_preferences' => ['general' => '0', 'invoice' => '', 'support' => null], 'productemails' => 0]);
la_upd_call(6, $id, ['email_preferences' => ['general' => 'false', 'invoice' => 'yes', 'support' => [1]]]);
la_upd_call(7, $id, ['email_preferences' => ['product' => 0, 'affiliate' => '2'], 'generalemails' => 0]);
foreach (['', '0', [], 0, false] as $i => $empty) {
	la_upd_call('8.' . $i, $id, ['email_preferences' => $empty, 'generalemails' => $i % 2, 'productemails' => ($i + 1) % 2]);
}
la_upd_call(9, $id, ['supportemails' => '0', 'affiliateemails' => 'false', 'invoiceemails' => '']);
la_upd_call(10, $id, ['generalemails' => null, 'supportemails' => null]);
la_is(11, la_pick(la_contact($id), ['generalemails', 'productemails', 'domainemails', 'invoiceemails',
	'supportemails', 'affiliateemails']), ['generalemails' => '0', 'productemails' => '1', 'domainemails' => '1',
	'invoiceemails' => '0', 'supportemails' => '0', 'affiliateemails' => '1']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Argument email_preferences must be empty or an array. []
2: error: Argument email_preferences must be empty or an array. []
3: error: Invalid Email Type: billing, x, 7. Valid options are: general, invoice, support, product, domain, affiliate []
4: error: Invalid Email Type: General. Valid options are: general, invoice, support, product, domain, affiliate []
5: success ["generalemails"=>"0", "invoiceemails"=>"0", "supportemails"=>"0", "updated_at"=>"changed"]
6: success ["generalemails"=>"1", "invoiceemails"=>"1", "supportemails"=>"1", "updated_at"=>"changed"]
7: success ["productemails"=>"0", "updated_at"=>"changed"]
8.0: success ["generalemails"=>"0", "productemails"=>"1", "updated_at"=>"changed"]
8.1: success ["generalemails"=>"1", "productemails"=>"0", "updated_at"=>"changed"]
8.2: success ["generalemails"=>"0", "productemails"=>"1", "updated_at"=>"changed"]
8.3: success ["generalemails"=>"1", "productemails"=>"0", "updated_at"=>"changed"]
8.4: success ["generalemails"=>"0", "productemails"=>"1", "updated_at"=>"changed"]
9: success ["invoiceemails"=>"0", "supportemails"=>"0", "updated_at"=>"changed"]
10: success []
11: ok
