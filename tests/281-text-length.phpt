--TEST--
AddContact: TEXT fields hold at most 65535 bytes of the stored, encoded value (behaviour §3.8, §7)
--DESCRIPTION--
stricter: "<field> is longer than 65535 bytes", never truncated. Counted in bytes
after encoding: 13107 '&' (65535 bytes as '&amp;') fit, 13108 do not;
32767 'é' + 'a' (65535 bytes) fit, 32768 'é' (65536 bytes) do not.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$n = 1;
foreach ([str_repeat('a', 65535), str_repeat('&', 13107), str_repeat('é', 32767) . 'a'] as $value) {
	$answer = la_call($n++, 'AddContact', ['clientid' => $cid, 'firstname' => $value]);
	la_is($n++, la_value('SELECT LENGTH(firstname) FROM tblcontacts WHERE id = ?', $answer['contactid'] ?? 0), '65535');
}
$written = la_written($cid);
$fields = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city',
	'state', 'postcode', 'country', 'phonenumber'];
foreach ($fields as $field) {
	la_call($n++, 'AddContact', ['clientid' => $cid, $field => str_repeat('a', 65536)]);
}
la_call($n++, 'AddContact', ['clientid' => $cid, 'lastname' => str_repeat('&', 13108)]);
la_call($n++, 'AddContact', ['clientid' => $cid, 'address1' => str_repeat('é', 32768)]);
la_call($n++, 'AddContact', ['clientid' => $cid, 'city' => str_repeat('x', 1 << 20)]);
/* permissions: valid names, too long */
la_call_by_version($n++, ['clientid' => $cid, 'email' => la_unique_email(), 'permissions' => str_repeat('profile,', 8192)],
	'error: permissions is longer than 65535 bytes', 'success + warning');
la_is($n++, la_written($cid), $written + la_by_version(0, 2));
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: success
4: ok
5: success
6: ok
7: error: firstname is longer than 65535 bytes
8: error: lastname is longer than 65535 bytes
9: error: companyname is longer than 65535 bytes
10: error: email is longer than 65535 bytes
11: error: address1 is longer than 65535 bytes
12: error: address2 is longer than 65535 bytes
13: error: city is longer than 65535 bytes
14: error: state is longer than 65535 bytes
15: error: postcode is longer than 65535 bytes
16: error: country is longer than 65535 bytes
17: error: phonenumber is longer than 65535 bytes
18: error: lastname is longer than 65535 bytes
19: error: address1 is longer than 65535 bytes
20: error: city is longer than 65535 bytes
21: 7.x error: permissions is longer than 65535 bytes | 8.x success + warning
22: ok
