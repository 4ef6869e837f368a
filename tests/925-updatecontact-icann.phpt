--TEST--
UpdateContact: the ICANN rule, its exact text, when it applies and when not (behaviour §10)
--DESCRIPTION--
Turning a contact's domainemails from 1 to 0 is refused with the ICANN text
when its client does not receive domain emails (email_preferences JSON with
domain falsy) and no other contact of that client has domainemails = 1;
nothing is written (the other fields of the call neither). It is allowed
when the client's JSON is NULL, empty or has domain on or missing, or when
another contact still receives them, and a contact already at 0 may stay at
0. Through email_preferences[domain] and through the legacy domainemails
key alike. The rule comes after Contact ID Not Found.
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
$set_prefs = fn (?string $json) => la_query('UPDATE tblclients SET email_preferences = ? WHERE id = ?', $json, $cid);

$set_prefs('{"general":1,"invoice":1,"support":1,"product":1,"domain":0,"affiliate":1}');
la_upd_call(1, $id, ['domainemails' => 0, 'firstname' => 'Changed']);
la_upd_call(2, $id, ['email_preferences' => ['domain' => false]]);
la_upd_call(3, $id, ['email_preferences' => ['domain' => '0'], 'contactid' => la_missing_client_id() * 10]);
la_upd_call(4, $id, ['email_preferences' => ['general' => 0]]);
$set_prefs('{"domain":"0"}');
la_upd_call(5, $id, ['domainemails' => '']);
/* another contact of the client receives them */
$other = la_upd_make_contact($cid);
la_upd_call(6, $id, ['domainemails' => 0]);
/* now the other is the last one */
la_upd_call(7, $other, ['domainemails' => 0]);
/* a contact already at 0 stays at 0 */
la_upd_call(8, $id, ['domainemails' => 0, 'lastname' => 'Zero']);
/* $other is the only recipient from here on: the client's JSON decides */
la_query('UPDATE tblcontacts SET domainemails = 0 WHERE id = ?', $id);
foreach ([9 => null, 10 => '', 11 => '{}', 12 => '{"domain":1}', 13 => '{"general":0}', 14 => 'not json',
	15 => '{"domain":false}'] as $n => $json) {
	$set_prefs($json);
	la_query('UPDATE tblcontacts SET domainemails = 1 WHERE id = ?', $other);
	la_upd_call($n, $other, ['domainemails' => 0]);
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: You must have at least one email address enabled to receive domain related notifications as required by ICANN. To disable domain notifications, please enable domain notifications for the primary account holder or another contact []
2: error: You must have at least one email address enabled to receive domain related notifications as required by ICANN. To disable domain notifications, please enable domain notifications for the primary account holder or another contact []
3: error: Contact ID Not Found []
4: success ["generalemails"=>"0", "updated_at"=>"changed"]
5: error: You must have at least one email address enabled to receive domain related notifications as required by ICANN. To disable domain notifications, please enable domain notifications for the primary account holder or another contact []
6: success ["domainemails"=>"0", "updated_at"=>"changed"]
7: error: You must have at least one email address enabled to receive domain related notifications as required by ICANN. To disable domain notifications, please enable domain notifications for the primary account holder or another contact []
8: success ["lastname"=>"Zero", "updated_at"=>"changed"]
9: success ["domainemails"=>"0", "updated_at"=>"changed"]
10: success ["domainemails"=>"0", "updated_at"=>"changed"]
11: success ["domainemails"=>"0", "updated_at"=>"changed"]
12: success ["domainemails"=>"0", "updated_at"=>"changed"]
13: success ["domainemails"=>"0", "updated_at"=>"changed"]
14: success ["domainemails"=>"0", "updated_at"=>"changed"]
15: error: You must have at least one email address enabled to receive domain related notifications as required by ICANN. To disable domain notifications, please enable domain notifications for the primary account holder or another contact []
