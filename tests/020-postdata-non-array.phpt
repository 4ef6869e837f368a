--TEST--
localAPI(): postData that is not an array is treated as [] (behaviour §1)
--DESCRIPTION--
An empty postData has no clientid, so AddContact answers "Client ID Not Found".
Objects, even ArrayAccess ones holding a valid clientid, are not arrays.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$inputs = [
	"clientid=$cid",
	null,
	$cid,
	(float) $cid,
	true,
	false,
	new ArrayObject(['clientid' => $cid]),
	(object) ['clientid' => $cid],
	json_encode(['clientid' => $cid]),
];
foreach ($inputs as $i => $postData) {
	la_call($i + 1, 'AddContact', $postData);
}
echo '10: ', la_show(localAPI('AddContact')), "\n";
la_is(11, la_written($cid), 0);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Client ID Not Found
2: error: Client ID Not Found
3: error: Client ID Not Found
4: error: Client ID Not Found
5: error: Client ID Not Found
6: error: Client ID Not Found
7: error: Client ID Not Found
8: error: Client ID Not Found
9: error: Client ID Not Found
10: error: Client ID Not Found
11: ok
