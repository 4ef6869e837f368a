--TEST--
GetContacts: default page of 25, limitstart and limitnum, totalresults against the page, id order, startnumber as given (behaviour §10)
--DESCRIPTION--
A client with 30 contacts. Falsy limitstart (0, "0", "", false, null, [], 0.0)
starts at 0 and answers startnumber int 0; a truthy one is echoed as given
("5" the string, 5 the int, " 5 " with its spaces). Falsy limitnum takes 25.
Interpretation: " 0" (a truthy string whose number is 0) takes 25 too, as a
page of no rows is never what a caller means. No upper bound: limitnum 1000 and a 30-digit limitstart work.
Rows come in id order; totalresults counts every matching row whatever the page.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$ids = [];
for ($i = 0; $i < 30; $i++) {
	$ids[] = la_insert('tblcontacts', ['userid' => $cid, 'firstname' => "c$i"]);
}
sort($ids);

function la_page(array $post): array
{
	$answer = localAPI('GetContacts', $post);
	return [
		$answer['totalresults'] ?? null,
		$answer['startnumber'] ?? null,
		$answer['numreturned'] ?? null,
		array_map(fn ($row) => $row['id'], $answer['contacts']['contact'] ?? []),
		array_key_exists('contacts', $answer),
	];
}

la_is(1, la_page(['userid' => $cid]), [30, 0, 25, array_slice($ids, 0, 25), true]);
la_is(2, la_page(['userid' => $cid, 'limitstart' => 25]), [30, 25, 5, array_slice($ids, 25), true]);
la_is(3, la_page(['userid' => $cid, 'limitstart' => '5', 'limitnum' => '10']), [30, '5', 10, array_slice($ids, 5, 10), true]);
la_is(4, la_page(['userid' => $cid, 'limitstart' => " 5 \n", 'limitnum' => "\t3"]), [30, " 5 \n", 3, array_slice($ids, 5, 3), true]);
la_is(5, la_page(['userid' => $cid, 'limitstart' => '007', 'limitnum' => 1000]), [30, '007', 23, array_slice($ids, 7), true]);
la_is(6, la_page(['userid' => $cid, 'limitstart' => 30]), [30, 30, 0, [], false]);
la_is(7, la_page(['userid' => $cid, 'limitstart' => str_repeat('9', 30)]), [30, str_repeat('9', 30), 0, [], false]);
$n = 8;
foreach ([0, '0', '', false, null, [], 0.0, '&#48;'] as $falsy) {
	la_is($n++, la_page(['userid' => $cid, 'limitstart' => $falsy, 'limitnum' => $falsy]),
		[30, 0, 25, array_slice($ids, 0, 25), true]);
}
la_is($n++, la_page(['userid' => $cid, 'limitnum' => ' 0']), [30, 0, 25, array_slice($ids, 0, 25), true]);
la_is($n++, la_page(['userid' => $cid, 'limitnum' => 1]), [30, 0, 1, [$ids[0]], true]);
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
