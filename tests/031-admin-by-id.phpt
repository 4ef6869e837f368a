--TEST--
localAPI(): a numeric adminUsername is an admin id (behaviour §1, §7 "Numeric admin")
--DESCRIPTION--
is_numeric() decides: '1', '1.0', ' 1', '1 ', '1e0', '+1', '01' and int 1 are
id 1. A float argument is coerced to int by the parameter type.
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
foreach (['1', '1.0', ' 1', '1 ', '1e0', '+1', '01', 1, 1.0] as $admin) {
	$answer = la_call($n++, 'AddContact', ['clientid' => $cid], $admin);
	la_is($n++, la_last_log($cid), la_log_row(['user' => 'admin'], 1));
}
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
17: success
18: ok
