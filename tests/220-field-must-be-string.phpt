--TEST--
AddContact: arrays and objects in a text field are "<field> must be a string"; nothing is written (behaviour §3.2, §7)
--DESCRIPTION--
stricter (WHMCS stores "Array"). Objects are rejected too, even
Stringable ones and closures.
password2 is left out: behaviour §7 "Passwords" gives its checks (it is
stored as a hash).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

class LaStringable
{
	public function __toString(): string
	{
		return 'text';
	}
}

$cid = la_make_client();
$fields = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city',
	'state', 'postcode', 'country', 'phonenumber', 'tax_id'];
$n = 1;
foreach ($fields as $field) {
	la_call($n++, 'AddContact', ['clientid' => $cid, $field => ['x']]);
}
/* 8.x neither stores nor checks permissions: a non-empty array is only truthy */
la_call_by_version($n++, ['clientid' => $cid, 'permissions' => ['x']], 'error: permissions must be a string', 'success + warning');
la_call($n++, 'AddContact', ['clientid' => $cid, 'firstname' => []]);
la_call_by_version($n++, ['clientid' => $cid, 'permissions' => ['profile', 'tickets']], 'error: permissions must be a string',
	'success + warning');
la_call($n++, 'AddContact', ['clientid' => $cid, 'lastname' => new stdClass()]);
la_call($n++, 'AddContact', ['clientid' => $cid, 'companyname' => new LaStringable()]);
la_call($n++, 'AddContact', ['clientid' => $cid, 'city' => fn () => 'x']);
la_call($n++, 'AddContact', ['clientid' => $cid, 'email' => new ArrayObject(['a@example.test'])]);
la_call($n++, 'AddContact', ['clientid' => $cid, 'tax_id' => [str_repeat('x', 200)]]);
la_is($n++, la_written($cid), la_by_version(0, 4));
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: firstname must be a string
2: error: lastname must be a string
3: error: companyname must be a string
4: error: email must be a string
5: error: address1 must be a string
6: error: address2 must be a string
7: error: city must be a string
8: error: state must be a string
9: error: postcode must be a string
10: error: country must be a string
11: error: phonenumber must be a string
12: error: tax_id must be a string
13: 7.x error: permissions must be a string | 8.x success + warning
14: error: firstname must be a string
15: 7.x error: permissions must be a string | 8.x success + warning
16: error: lastname must be a string
17: error: companyname must be a string
18: error: city must be a string
19: error: email must be a string
20: error: tax_id must be a string
21: ok
