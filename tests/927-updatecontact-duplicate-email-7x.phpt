--TEST--
UpdateContact 7.x: Duplicate Email Address keeps one invariant, no sub-account shares its email with a client or another sub-account (behaviour §10 "Settled points", §3.6)
--DESCRIPTION--
A sub-account whose email changes to a client's email or another
sub-account's (compared as the column collation compares: letter case,
accents, trailing spaces) is refused; so is a plain contact becoming a
sub-account with such an email (given, or its stored one). Allowed: a plain
contact taking any email; a sub-account keeping its own email while another
field changes; an email that only a plain contact has; its own stored email
in another letter case; an empty email; a sub-account becoming a plain
contact with a client's email. The duplicate check comes after Contact ID
Not Found and before the ICANN rule. Refusals write nothing.
7.x behaviour only (8.x has no sub-accounts): skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7); ?>
--FILE--
<?php
require_once __DIR__ . '/update-contact.inc';

$client_email = la_unique_email('client');
$cid = la_make_client($client_email);
$sub_email = la_unique_email('sub');
$plain_email = la_unique_email('plain');
$sub = la_upd_make_contact($cid, ['email' => $sub_email, 'subaccount' => 1, 'password' => 'x']);
$plain = la_upd_make_contact($cid, ['email' => $plain_email]);
$id = la_upd_make_contact($cid, ['subaccount' => 1]);
$other = la_upd_make_contact($cid, ['email' => strtoupper($client_email)]);

la_upd_call(1, $id, ['email' => $client_email]);
la_upd_call(2, $id, ['email' => strtoupper($sub_email) . '  ']);
la_upd_call(3, $id, ['email' => str_replace('la-', 'lá-', $sub_email)]);
la_upd_call(4, $plain, ['email' => $sub_email, 'firstname' => 'x']);
la_upd_call(5, $plain, ['email' => $plain_email]);
/* only a plain contact has this email now */
la_upd_call(6, $other, ['subaccount' => 1]);
la_upd_call(7, $other, ['subaccount' => 1, 'email' => la_unique_email('fresh')]);
la_upd_call(8, $sub, ['email' => $plain_email]);
la_upd_call(9, $sub, ['firstname' => 'Kept']);
la_upd_call(10, $sub, ['email' => strtoupper($plain_email)]);
la_upd_call(11, $id, ['email' => '']);
la_upd_call(12, $sub, ['subaccount' => 0, 'email' => $client_email]);
/* order: Contact ID Not Found first; duplicate before ICANN */
la_upd_call(13, $id, ['email' => $client_email, 'contactid' => la_missing_client_id() * 10]);
la_query('UPDATE tblclients SET email_preferences = ? WHERE id = ?', '{"domain":0}', $cid);
la_query('UPDATE tblcontacts SET domainemails = 0 WHERE userid = ? AND id <> ?', $cid, $id);
la_upd_call(14, $id, ['email' => $client_email, 'domainemails' => 0]);
la_upd_call(15, $id, ['domainemails' => 0]);
la_is(16, la_count('SELECT COUNT(*) FROM tblcontacts WHERE subaccount = 1 AND email IN (?, ?)', $client_email, $sub_email), 0);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECTF--
1: error: Duplicate Email Address []
2: error: Duplicate Email Address []
3: error: Duplicate Email Address []
4: success ["firstname"=>"x", "email"=>"%s", "updated_at"=>"changed"]
5: success ["email"=>"%s", "updated_at"=>"changed"]
6: error: Duplicate Email Address []
7: success ["email"=>"%s", "subaccount"=>"1", "updated_at"=>"changed"]
8: success ["email"=>"%s", "updated_at"=>"changed"]
9: success ["firstname"=>"Kept", "updated_at"=>"changed"]
10: success ["email"=>"%s", "updated_at"=>"changed"]
11: success ["email"=>"", "updated_at"=>"changed"]
12: success ["email"=>"%s", "subaccount"=>"0", "updated_at"=>"changed"]
13: error: Contact ID Not Found []
14: error: Duplicate Email Address []
15: error: You must have at least one email address enabled to receive domain related notifications as required by ICANN. To disable domain notifications, please enable domain notifications for the primary account holder or another contact []
16: ok
