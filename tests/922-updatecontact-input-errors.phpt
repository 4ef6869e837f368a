--TEST--
UpdateContact: input errors, their texts and their order; Contact ID Not Found; an error writes nothing (behaviour §10, §7)
--DESCRIPTION--
Each field given is checked as AddContact checks a stored value: UTF-8, then
type, then length, then charset; fields in parameter order (firstname before
lastname ... phonenumber), all before the contact lookup. A malformed
contactid (float, bool, "+1", "1e3", "0x1", array, 0, negative, beyond 32
bits, missing) or one with no row answers Contact ID Not Found, after the
input checks. Invalid UTF-8 in contactid has its own error. Every error
leaves the row as it was.
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
$missing = (int) la_value('SELECT COALESCE(MAX(id), 0) + 1000000 FROM tblcontacts');
$calls = [
	['firstname' => "\xff"],
	['firstname' => ['x']],
	['firstname' => new stdClass()],
	['lastname' => str_repeat('a', 65536)],
	['lastname' => str_repeat('<', 16384)],
	['email' => "\u{1F600}@example.test"],
	['phonenumber' => ['x'], 'firstname' => "\xff"],
	['city' => ['x'], 'firstname' => str_repeat('a', 70000)],
	['country' => "\u{1F600}", 'companyname' => ['x']],
	['address1' => ["\xff"]],
	['contactid' => "\xff", 'firstname' => ['x']],
	['contactid' => $missing],
	['contactid' => "$missing"],
	['contactid' => 1.0, 'firstname' => 'x'],
	['contactid' => true],
	['contactid' => "+$id"],
	['contactid' => '1e3'],
	['contactid' => '0x1'],
	['contactid' => [$id]],
	['contactid' => 0],
	['contactid' => -$id],
	['contactid' => 4294967296 + $id],
	['contactid' => null, 'firstname' => 'x'],
	['contactid' => "$missing", 'firstname' => ['x']],
];
foreach ($calls as $i => $post) {
	la_upd_call($i + 1, $id, $post);
}
$answer = localAPI('UpdateContact', ['firstname' => 'x']);
echo "no contactid: ", la_show($answer), "\n";
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Invalid UTF-8 in firstname []
2: error: firstname must be a string []
3: error: firstname must be a string []
4: error: lastname is longer than 65535 bytes []
5: error: lastname is longer than 65535 bytes []
6: error: email contains characters that cannot be stored []
7: error: Invalid UTF-8 in firstname []
8: error: firstname is longer than 65535 bytes []
9: error: companyname must be a string []
10: error: Invalid UTF-8 in address1[0] []
11: error: Invalid UTF-8 in contactid []
12: error: Contact ID Not Found []
13: error: Contact ID Not Found []
14: error: Contact ID Not Found []
15: error: Contact ID Not Found []
16: error: Contact ID Not Found []
17: error: Contact ID Not Found []
18: error: Contact ID Not Found []
19: error: Contact ID Not Found []
20: error: Contact ID Not Found []
21: error: Contact ID Not Found []
22: error: Contact ID Not Found []
23: error: Contact ID Not Found []
24: error: firstname must be a string []
no contactid: error: Contact ID Not Found
