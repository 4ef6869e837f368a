--TEST--
GetContacts: every input error, and the first failure in parameter order wins (behaviour §10, §7)
--DESCRIPTION--
Whole numbers (limitstart, limitnum, userid): negative ints, floats (1.5 and
2.0), true, "1e3", "+1", "0x1", "-1", "1 2", non-empty arrays and objects ->
"<name> must be a non-negative integer"; an array userid too; invalid UTF-8
-> "Invalid UTF-8 in <name>". Filters: array or object -> "<name> must be a
string" (an empty array too: it is checked before truthiness), invalid UTF-8
(nested too) -> "Invalid UTF-8 in <name>...", a 4-byte character -> "<name>
contains characters that cannot be stored". Order: limitstart, limitnum,
userid, firstname ... phonenumber; for one field UTF-8 before type. Keys the
command does not read (tax_id, unknown ones) are ignored whatever they hold,
and on 8.x so is subaccount; on 7.x subaccount is only tested for truthiness.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

function la_err(array $post): string
{
	return la_show(localAPI('GetContacts', $post));
}

$n = 1;
foreach (['limitstart', 'limitnum', 'userid'] as $name) {
	$bad = [-1, 1.5, 2.0, true, '1e3', '+1', '0x1', '-1', '1 2', 'abc', [1], ['x' => 0], new stdClass(), "\u{0661}"];
	$got = array_unique(array_map(fn ($value) => la_err([$name => $value]), $bad));
	la_is($n++, $got, ["error: $name must be a non-negative integer"]);
	la_is($n++, la_err([$name => "\xff"]), "error: Invalid UTF-8 in $name");
	la_is($n++, la_err([$name => ["\xff"]]), "error: Invalid UTF-8 in {$name}[0]");
}
$filters = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
	'postcode', 'country', 'phonenumber'];
foreach ($filters as $name) {
	$got = array_unique(array_map(fn ($value) => la_err([$name => $value]), [['a'], [], new stdClass()]));
	la_is($n++, [$got, la_err([$name => "\xc3"]), la_err([$name => ['k' => "\xff"]]), la_err([$name => "a\u{1F600}"])],
		[["error: $name must be a string"], "error: Invalid UTF-8 in $name", "error: Invalid UTF-8 in {$name}[k]",
		"error: $name contains characters that cannot be stored"]);
}
/* the first failure in parameter order */
$all = ['phonenumber' => [], 'firstname' => "\u{1F600}", 'userid' => -1, 'limitnum' => 'x', 'limitstart' => 1.5];
$order = [];
while ($all) {
	$order[] = la_err($all);
	array_pop($all);
}
la_is($n++, $order, [
	'error: limitstart must be a non-negative integer',
	'error: limitnum must be a non-negative integer',
	'error: userid must be a non-negative integer',
	'error: firstname contains characters that cannot be stored',
	'error: phonenumber must be a string',
]);
la_is($n++, la_err(['email' => ["\xff"], 'firstname' => []]), 'error: firstname must be a string');
la_is($n++, la_err(['lastname' => "\xff", 'firstname' => "\u{1F600}"]), 'error: firstname contains characters that cannot be stored');
/* keys it does not read */
$answer = localAPI('GetContacts', ['userid' => la_missing_client_id(), 'tax_id' => ["\xff"], 'password2' => "\xff",
	'bogus' => new stdClass(), 'subaccount' => ["\xff"]]);
la_is($n++, $answer, ['result' => 'success', 'totalresults' => 0, 'startnumber' => 0, 'numreturned' => 0]);
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
