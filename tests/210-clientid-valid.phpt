--TEST--
AddContact: clientid as an int or a string of decimal digits with surrounding whitespace (behaviour §3.1, §7)
--DESCRIPTION--
int; "12"; "  12 "; tab/CR/LF around; leading zeros ("007"). clientid is judged
after the §2 normalisation, like every value, so "&nbsp;12" (which
normalises to " 12") names client 12 too (interpretation of "judged after
§2 normalisation", taken literally).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$forms = [
	$cid,
	(string) $cid,
	"  $cid ",
	"\t$cid\r\n",
	"\n$cid",
	"00$cid",
	" 000$cid\t",
	"&nbsp;$cid",
];
$n = 1;
foreach ($forms as $clientid) {
	$row = la_added(la_call($n++, 'AddContact', ['clientid' => $clientid]));
	la_is($n++, $row['userid'] ?? null, (string) $cid);
}
la_is($n++, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid), count($forms));
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
7: success
8: ok
9: success
10: ok
11: success
12: ok
13: success
14: ok
15: success
16: ok
17: ok
