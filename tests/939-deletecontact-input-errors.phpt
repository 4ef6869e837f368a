--TEST--
DeleteContact: a malformed or unknown contactid is Contact ID Not Found and writes nothing; command and admin are checked first (behaviour §10 "Shared rules", §7 "clientid")
--DESCRIPTION--
contactid follows AddContact's clientid rule: a positive int or ASCII digits
with surrounding whitespace. Missing, null, 0, '0', '', -1, 1.5, true, an
array, '+N', 'Ne0', '0xN', 'N abc', '1 2', a number past 2^31 - 1, an id no
row has: each answers Contact ID Not Found, fires no hook and leaves the
contact, the client's log and its billing contact as they were. Invalid UTF-8
answers "Invalid UTF-8 in contactid" (also nested in an array). Keys
DeleteContact does not read are ignored whatever they hold. An unknown admin
is refused before the input is looked at. The contact is then deleted by its
id, once; a second call finds nothing.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';

$cid = la_make_client();
$id = la_del_contact($cid);
la_query('UPDATE tblclients SET billingcid = ? WHERE id = ?', $id, $cid);
$hooked = 0;
add_hook('ContactDelete', 1, function () use (&$hooked): void {
	$hooked++;
});
$state = fn () => [la_contact($id) !== null, la_del_log($cid), (int) la_value('SELECT billingcid FROM tblclients WHERE id = ?', $cid)];
$before = $state();
$unknown = (int) la_value('SELECT COALESCE(MAX(id), 0) + 1000000 FROM tblcontacts');

$cases = [
	'missing' => [],
	'null' => ['contactid' => null],
	'0' => ['contactid' => 0],
	"'0'" => ['contactid' => '0'],
	"''" => ['contactid' => ''],
	'-N' => ['contactid' => -$id],
	'float' => ['contactid' => (float) $id],
	'true' => ['contactid' => true],
	'array' => ['contactid' => [$id]],
	'+N' => ['contactid' => "+$id"],
	'Ne0' => ['contactid' => "{$id}e0"],
	'0xN' => ['contactid' => '0x' . dechex($id)],
	'N abc' => ['contactid' => "$id abc"],
	'1 2' => ['contactid' => '1 2'],
	'past 2^31' => ['contactid' => 2147483648 + $id],
	'past 2^31 as a string' => ['contactid' => '2147483648'],
	'unknown id' => ['contactid' => $unknown],
	'wrong key case' => ['ContactID' => $id],
	'invalid UTF-8' => ['contactid' => "\xff$id"],
	'invalid UTF-8 nested' => ['contactid' => ['a' => "\xc3"]],
	'unread keys ignored' => ['contactid' => 'x', 'userid' => "\xff", 'email' => []],
];
foreach ($cases as $label => $post) {
	la_call($label, 'DeleteContact', $post);
}
la_call('unknown admin before input', 'DeleteContact', ['contactid' => "\xff"], 'la-no-such-admin-' . bin2hex(random_bytes(4)));
la_call('command checked first', 'Delete Contact', ['contactid' => $id]);
la_is('nothing written, no hook', [$state(), $hooked], [$before, 0]);

la_call('by id', 'DeleteContact', ['contactid' => "\t$id "]);
la_call('again', 'DeleteContact', ['contactid' => $id]);
la_is('deleted once, one hook', [la_contact($id), count(la_del_log($cid)), $hooked], [null, 1, 1]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';
la_del_cleanup();
?>
--EXPECTF--
missing: error: Contact ID Not Found
null: error: Contact ID Not Found
0: error: Contact ID Not Found
'0': error: Contact ID Not Found
'': error: Contact ID Not Found
-N: error: Contact ID Not Found
float: error: Contact ID Not Found
true: error: Contact ID Not Found
array: error: Contact ID Not Found
+N: error: Contact ID Not Found
Ne0: error: Contact ID Not Found
0xN: error: Contact ID Not Found
N abc: error: Contact ID Not Found
1 2: error: Contact ID Not Found
past 2^31: error: Contact ID Not Found
past 2^31 as a string: error: Contact ID Not Found
unknown id: error: Contact ID Not Found
wrong key case: error: Contact ID Not Found
invalid UTF-8: error: Invalid UTF-8 in contactid
invalid UTF-8 nested: error: Invalid UTF-8 in contactid[a]
unread keys ignored: error: Contact ID Not Found
unknown admin before input: error: No matching admin user found
command checked first: error: Invalid API Command
nothing written, no hook: ok
by id: success, message: "\t%d "
again: error: Contact ID Not Found
deleted once, one hook: ok
