--TEST--
GetClientsDetails: the answer's keys in order and their PHP types, 8.x and 7.x; client repeats the record without the card keys (behaviour §11.2, §11.3)
--DESCRIPTION--
A client made by hand, no card data, no stats asked: the answer is result, the
record (every key of §11.2 or §11.3 in order, custom fields included when the
install defines client fields), then client (the same keys and values without
cctype, cclastfour, gatewayid). Types: ids and stored ints are ints, the flags
bools, credit the DECIMAL's text. fullname keeps its one space when a part is
empty. A stored uuid is answered as stored; an empty one gets a new random
UUIDv4 at each call and is never saved.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

$v8 = la_whmcs() >= 8;
$cid = la_gcd_client(['firstname' => '', 'lastname' => 'Solo', 'credit' => '-5.25', 'taxexempt' => 1,
	'overrideautoclose' => 7, 'allow_sso' => 0, 'billingcid' => 12, 'groupid' => 3, 'uuid' => '',
	'status' => 'Closed', 'currency' => 1]);
$answer = la_gcd(['clientid' => $cid]);
$fields = la_count("SELECT COUNT(*) FROM tblcustomfields WHERE type = 'client' AND relid = 0");
$custom = [];
for ($i = 1; $i <= $fields; $i++) {
	$custom[] = "customfields$i";
	if ($i === 1) {
		$custom[] = 'customfields';
	}
}
$record8 = ['userid', 'client_id', 'id', 'owner_user_id', 'uuid', 'firstname', 'lastname', 'fullname',
	'companyname', 'email', 'address1', 'address2', 'city', 'fullstate', 'state', 'postcode', 'countrycode',
	'country', 'phonenumber', 'tax_id', 'email_preferences', 'statecode', 'countryname', 'phonecc',
	'phonenumberformatted', 'telephoneNumber', 'billingcid', 'notes', 'currency', 'defaultgateway', 'cctype',
	'cclastfour', 'gatewayid', 'groupid', 'status', 'credit', 'taxexempt', 'latefeeoveride',
	'overideduenotices', 'separateinvoices', 'disableautocc', 'emailoptout', 'marketing_emails_opt_in',
	'overrideautoclose', 'allowSingleSignOn', 'email_verified', 'language', 'isOptedInToMarketingEmails',
	'tax_state', 'tax_countrycode', 'lastlogin', ...$custom, 'currency_code', 'users'];
$record7 = ['userid', 'id', 'uuid', 'firstname', 'lastname', 'fullname', 'companyname', 'email', 'address1',
	'address2', 'city', 'fullstate', 'state', 'postcode', 'countrycode', 'country', 'phonenumber', 'tax_id',
	'password', 'email_preferences', 'statecode', 'countryname', 'phonecc', 'phonenumberformatted',
	'telephoneNumber', 'billingcid', 'notes', 'twofaenabled', 'currency', 'defaultgateway', 'cctype',
	'cclastfour', 'gatewayid', 'securityqid', 'securityqans', 'groupid', 'status', 'credit', 'taxexempt',
	'latefeeoveride', 'overideduenotices', 'separateinvoices', 'disableautocc', 'emailoptout',
	'marketing_emails_opt_in', 'overrideautoclose', 'allowSingleSignOn', 'email_verified', 'language',
	'isOptedInToMarketingEmails', 'lastlogin', ...$custom, 'currency_code'];
$record = $v8 ? $record8 : $record7;
la_is(1, array_keys($answer), ['result', ...$record, 'client']);
la_is(2, array_keys($answer['client']), array_values(array_diff($record, ['cctype', 'cclastfour', 'gatewayid'])));
$same = true;
foreach ($answer['client'] as $key => $value) {
	$same = $same && $value === $answer[$key];
}
la_ok(3, $same);
$types = [];
foreach ($answer as $key => $value) {
	$types[$key] = get_debug_type($value);
}
$expect = ['result' => 'string', 'userid' => 'int', 'client_id' => 'int', 'id' => 'int', 'owner_user_id' => 'int',
	'billingcid' => 'int', 'currency' => 'int', 'groupid' => 'int', 'securityqid' => 'int',
	'allowSingleSignOn' => 'int', 'email_preferences' => 'array', 'users' => 'array', 'client' => 'array',
	'cctype' => 'null', 'cclastfour' => 'null', 'gatewayid' => 'null', 'customfields' => 'array'];
foreach (['twofaenabled', 'taxexempt', 'latefeeoveride', 'overideduenotices', 'separateinvoices', 'disableautocc',
	'emailoptout', 'marketing_emails_opt_in', 'overrideautoclose', 'email_verified',
	'isOptedInToMarketingEmails'] as $flag) {
	$expect[$flag] = 'bool';
}
$wrong = [];
foreach ($types as $key => $type) {
	$want = $expect[$key] ?? ($key === 'phonecc' ? 'int' : 'string');
	if ($type !== $want) {
		$wrong[$key] = $type;
	}
}
la_is(4, $wrong, []);
la_is(5, [$answer['userid'], $answer['id'], $answer['fullname'], $answer['credit'], $answer['taxexempt'],
	$answer['overrideautoclose'], $answer['allowSingleSignOn'], $answer['billingcid'], $answer['groupid'],
	$answer['status'], $answer['currency_code']],
	[$cid, $cid, ' Solo', '-5.25', true, true, 0, 12, 3, 'Closed', 'USD']);
la_ok(6, preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $answer['uuid']) === 1,
	$answer['uuid']);
$again = la_gcd(['clientid' => $cid]);
la_ok(7, $again['uuid'] !== $answer['uuid'] && strlen($again['uuid']) === 36);
la_is(8, la_value('SELECT uuid FROM tblclients WHERE id = ?', $cid), '');
la_query("UPDATE tblclients SET uuid = '0' WHERE id = ?", $cid);
la_ok(9, la_gcd(['clientid' => $cid])['uuid'] !== '0');
la_query("UPDATE tblclients SET uuid = 'stored-uuid' WHERE id = ?", $cid);
la_is(10, la_gcd(['clientid' => $cid])['uuid'], 'stored-uuid');
/* lastname empty too: one space */
la_query("UPDATE tblclients SET lastname = '' WHERE id = ?", $cid);
la_is(11, la_gcd(['clientid' => (string) $cid])['fullname'], ' ');
/* the sample client, asked by an admin: the same answer shape */
la_is(12, array_keys(localAPI('GetClientsDetails', ['clientid' => 1], 'admin'))[1], 'userid');
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
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
9: ok
10: ok
11: ok
12: ok
