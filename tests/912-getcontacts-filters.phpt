--TEST--
GetContacts: every filter, equality with the stored encoded value, the column collation, "0" never filters (behaviour §10, §2, §7 "Equality")
--DESCRIPTION--
Two clients with contacts whose text columns differ one at a time. Each of
firstname ... phonenumber alone (with userid) finds exactly its contact;
filters combine with AND; userid alone finds a client's contacts and no
other's. Values are normalised as AddContact stores them, so O'Brien finds
O&#039;Brien, "a & b" and "a &amp; b" find "a &amp; b", and non-string
scalars compare as PHP prints them (12345 finds "12345"). The comparison is
the column's (utf8_unicode_ci): case, accents and trailing spaces do not
matter. Falsy filter values ("0", "", 0, null, false, "&#48;") filter nothing,
userid included.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$a = la_make_client();
$b = la_make_client();
$fields = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
	'postcode', 'country', 'phonenumber'];
$base = array_fill_keys($fields, 'x');
$id = [];
foreach ($fields as $field) {
	$id[$field] = la_insert('tblcontacts', ['userid' => $a, $field => "v-$field"] + $base);
}
$plain = la_insert('tblcontacts', ['userid' => $a] + $base);
$email = la_unique_email('filter');
$obrien = la_insert('tblcontacts', ['userid' => $b, 'firstname' => 'O&#039;Brien', 'lastname' => 'a &amp; b',
	'email' => $email, 'city' => 'José', 'postcode' => '12345', 'state' => '1'] + $base);

function la_ids(array $post): array
{
	$answer = localAPI('GetContacts', $post + ['limitnum' => 100]);
	if (($answer['result'] ?? null) !== 'success') {
		return [la_show($answer)];
	}
	return array_map(fn ($row) => $row['id'], $answer['contacts']['contact'] ?? []);
}

$n = 1;
foreach ($fields as $field) {
	la_is($n++, la_ids(['userid' => $a, $field => "v-$field"]), [$id[$field]]);
}
la_is($n++, la_ids(['userid' => $a, 'firstname' => 'v-firstname', 'lastname' => 'x']), [$id['firstname']]);
la_is($n++, la_ids(['userid' => $a, 'firstname' => 'v-firstname', 'lastname' => 'v-lastname']), []);
la_is($n++, la_ids(['userid' => $a]), array_merge(array_values($id), [$plain]));
la_is($n++, la_ids(['userid' => (string) $b]), [$obrien]);
/* encoded equality */
la_is($n++, la_ids(['firstname' => "O'Brien", 'userid' => $b]), [$obrien]);
la_is($n++, la_ids(['firstname' => 'O&#039;Brien', 'userid' => $b]), [$obrien]);
la_is($n++, la_ids(['lastname' => 'a & b', 'userid' => $b]), [$obrien]);
la_is($n++, la_ids(['lastname' => 'a &amp; b', 'userid' => $b]), [$obrien]);
la_is($n++, la_ids(['lastname' => 'a &amp;amp; b', 'userid' => $b]), []);
/* scalars as PHP prints them */
la_is($n++, la_ids(['postcode' => 12345, 'userid' => $b]), [$obrien]);
la_is($n++, la_ids(['state' => true, 'userid' => $b]), [$obrien]);
/* the column's collation, and no userid needed */
la_is($n++, la_ids(['email' => strtoupper($email)]), [$obrien]);
la_is($n++, la_ids(['email' => "$email  "]), [$obrien]);
la_is($n++, la_ids(['city' => 'JOSE', 'userid' => $b]), [$obrien]);
/* falsy values filter nothing */
foreach (['0', '', 0, null, false, '&#48;', 0.0] as $falsy) {
	la_is($n++, la_ids(['userid' => $b, 'firstname' => $falsy, 'email' => $falsy, 'country' => $falsy]), [$obrien]);
}
$all = localAPI('GetContacts', ['userid' => '0', 'limitnum' => 1])['totalresults'];
la_ok($n++, $all >= count($fields) + 2, $all);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
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
13: ok
14: ok
15: ok
16: ok
17: ok
18: ok
19: ok
20: ok
21: ok
22: ok
23: ok
24: ok
25: ok
26: ok
27: ok
28: ok
29: ok
30: ok
31: ok
32: ok
33: ok
