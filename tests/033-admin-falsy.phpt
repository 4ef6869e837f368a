--TEST--
localAPI(): a falsy adminUsername means no admin (behaviour §1, §3.11, §7)
--DESCRIPTION--
'', 0, '0', null, false (and the omitted argument): the call runs as no admin,
no fallback admin is chosen; the log row says "Local API User", admin_id 0
(where the table has admin_id: the 8.x layout).
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
foreach (['', 0, '0', null, false] as $admin) {
	la_call($n++, 'AddContact', ['clientid' => $cid], $admin);
	la_is($n++, la_last_log($cid), la_log_row(['user' => 'Local API User'], 0));
}
echo "$n: ", la_show(localAPI('AddContact', ['clientid' => $cid])), "\n";
$n++;
la_is($n++, la_last_log($cid), la_log_row(['user' => 'Local API User'], 0));
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
