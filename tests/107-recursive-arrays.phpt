--TEST--
Normalisation: recursive and deeply nested arrays neither hang nor crash (behaviour §1, §2)
--DESCRIPTION--
localAPI() always answers with an array. A self-referencing array in a text
field is "<field> must be a string"; in an email preference it is a truthy
value; in a key AddContact does not read it is ignored. A 10000-level nested
array is handled the same way.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$loop = ['x'];
$loop['self'] = &$loop;
$deep = 'leaf';
for ($i = 0; $i < 10000; $i++) {
	$deep = [$deep];
}
la_call(1, 'AddContact', ['clientid' => $cid, 'firstname' => $loop]);
la_call(2, 'AddContact', ['clientid' => $cid, 'lastname' => $deep]);
$row = la_added(la_call(3, 'AddContact', ['clientid' => $cid, 'email_preferences' => ['general' => $loop, 'product' => $deep]]));
la_is(4, la_pick($row, ['generalemails', 'productemails']), ['generalemails' => '1', 'productemails' => '1']);
la_call(5, 'AddContact', ['clientid' => $cid, 'notes' => $loop, 'other' => $deep]);
la_call(6, 'AddContact', ['clientid' => $loop]);
la_call(7, 'AddContact', $loop);
la_is(8, count(la_contacts_of($cid)), 2);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: firstname must be a string
2: error: lastname must be a string
3: success
4: ok
5: success
6: error: Client ID Not Found
7: error: Client ID Not Found
8: ok
