--TEST--
GetContacts: the answer's keys in order, every column of the row in the table's order, PHP types per column (behaviour §10)
--DESCRIPTION--
A client with two contacts (one written by AddContact, one by hand with odd
values). The answer is exactly result, totalresults, startnumber, numreturned,
contacts; contacts holds one key, contact, a list (also for one row). Each row
has the columns of tblcontacts in the table's order (information_schema), with
integer columns as PHP ints and every other column (text, timestamps) as the
string the server stores. The rows equal what the table holds.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$first = localAPI('AddContact', ['clientid' => $cid, 'firstname' => 'Ann', 'email' => la_unique_email()]);
$second = la_insert('tblcontacts', ['userid' => $cid, 'firstname' => "O&#039;Brien", 'address2' => "a\0b",
	'subaccount' => 0, 'created_at' => '2020-01-02 03:04:05']);

$answer = localAPI('GetContacts', ['userid' => $cid]);
la_is(1, array_keys($answer), ['result', 'totalresults', 'startnumber', 'numreturned', 'contacts']);
la_is(2, [$answer['result'], $answer['totalresults'], $answer['startnumber'], $answer['numreturned']],
	['success', 2, 0, 2]);
la_is(3, array_keys($answer['contacts']), ['contact']);
la_is(4, array_keys($answer['contacts']['contact']), [0, 1]);

$columns = la_columns('tblcontacts');
$names = array_column($columns, 'COLUMN_NAME');
$ints = [];
foreach ($columns as $column) {
	if (str_ends_with($column['DATA_TYPE'], 'int')) {
		$ints[] = $column['COLUMN_NAME'];
	}
}
$n = 5;
foreach ($answer['contacts']['contact'] as $i => $row) {
	la_is($n++, array_keys($row), $names);
	$stored = la_contact([$first['contactid'], $second][$i]);
	foreach ($ints as $name) {
		$stored[$name] = (int) $stored[$name];
	}
	la_is($n++, $row, $stored);
	$wrong = array_filter($names, fn ($name) => gettype($row[$name]) !== (in_array($name, $ints, true) ? 'integer' : 'string'));
	la_is($n++, array_values($wrong), []);
}
la_is($n++, $answer['contacts']['contact'][1]['address2'], "a\0b");
la_is($n++, $answer['contacts']['contact'][1]['created_at'], '2020-01-02 03:04:05');

/* one row: still a list */
$one = localAPI('GetContacts', ['userid' => $cid, 'limitnum' => 1]);
la_is($n++, [$one['totalresults'], $one['numreturned'], array_keys($one['contacts']['contact'])], [2, 1, [0]]);
/* no row: no contacts key */
$none = localAPI('GetContacts', ['userid' => la_missing_client_id()]);
la_is($n++, $none, ['result' => 'success', 'totalresults' => 0, 'startnumber' => 0, 'numreturned' => 0]);
/* the command's name is matched case-insensitively; an admin changes nothing */
la_is($n++, localAPI('getcontacts', ['userid' => $cid], 'admin'), $answer);
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
