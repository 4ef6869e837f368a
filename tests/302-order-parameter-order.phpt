--TEST--
Order of checks: input is checked field by field in the parameter order of behaviour §3, then the client (behaviour §7)
--DESCRIPTION--
Every field gets a bad value and postData lists them in reverse; each call
must report the first field in the order of behaviour §3, then that field is fixed (dropped)
and the next one must be reported. clientid goes first (and, once it is
dropped, "Client ID Not Found" comes last, after all input checks).
Interpretation: the parameter order is the list of behaviour §3 as written:
clientid, firstname ... permissions; the permission-name check belongs to the
permissions field. Email flags (email_preferences[...], the legacy
<type>emails) are only tested for truthiness and never give an error, so
their invalid values stay in postData to the end without being reported.
8.x neither stores nor checks password2 and permissions (behaviour §8): there
their steps answer as if they were not there ("Client ID Not Found", since
clientid was dropped first).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$chain = [
	['clientid', "\xff", 'Invalid UTF-8 in clientid'],
	['firstname', [], 'firstname must be a string'],
	['lastname', "\xff", 'Invalid UTF-8 in lastname'],
	['companyname', "\u{1F600}", 'companyname contains characters that cannot be stored'],
	['email', str_repeat('a', 65536), 'email is longer than 65535 bytes'],
	['address1', ['x'], 'address1 must be a string'],
	['address2', "\xc0\xaf", 'Invalid UTF-8 in address2'],
	['city', new stdClass(), 'city must be a string'],
	['state', "\u{1F600}", 'state contains characters that cannot be stored'],
	['postcode', str_repeat('&', 13108), 'postcode is longer than 65535 bytes'],
	['country', ['GB'], 'country must be a string'],
	['phonenumber', "\xff", 'Invalid UTF-8 in phonenumber'],
	['tax_id', str_repeat('x', 129), 'tax_id is longer than 128 characters'],
	['password2', "\xff", 'Invalid UTF-8 in password2', 'Client ID Not Found'],
	['permissions', 'profile,bogus', 'Invalid permission: bogus', 'Client ID Not Found'],
];
$postData = ['affiliateemails' => "\xff", 'generalemails' => ['x' => "\xff"],
	'email_preferences' => ['affiliate' => "\xff"]];
foreach (array_reverse($chain) as [$field, $value]) {
	$postData[$field] = $value;
}
$n = 1;
foreach ($chain as $step) {
	[$field, $value, $message, $message8] = $step + [3 => null];
	$answer = localAPI('AddContact', $postData);
	la_is($n++ . " $field", la_show($answer), 'error: ' . ($message8 === null ? $message : la_by_version($message, $message8)));
	unset($postData[$field]);
}
la_call($n++, 'AddContact', $postData);
la_is($n++, la_written($cid), 0);

/* with a client, the invalid flags are merely off */
$answer = la_call($n++, 'AddContact', $postData + ['clientid' => $cid]);
la_is($n++, la_pick(la_added($answer), ['generalemails', 'affiliateemails']), ['generalemails' => '1', 'affiliateemails' => '0']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1 clientid: ok
2 firstname: ok
3 lastname: ok
4 companyname: ok
5 email: ok
6 address1: ok
7 address2: ok
8 city: ok
9 state: ok
10 postcode: ok
11 country: ok
12 phonenumber: ok
13 tax_id: ok
14 password2: ok
15 permissions: ok
16: error: Client ID Not Found
17: ok
18: success
19: ok
