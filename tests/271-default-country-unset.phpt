--TEST--
AddContact: without a DefaultCountry setting an empty country stays '' (behaviour §3.7)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--CONFLICTS--
defaultcountry
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
la_setting_backup('DefaultCountry');
la_setting_set('DefaultCountry', null);
try {
	$row = la_added(la_call(1, 'AddContact', ['clientid' => $cid]));
	la_is(2, $row['country'] ?? null, '');
	$row = la_added(la_call(3, 'AddContact', ['clientid' => $cid, 'country' => '0']));
	la_is(4, $row['country'] ?? null, '');
	$row = la_added(la_call(5, 'AddContact', ['clientid' => $cid, 'country' => 'NL']));
	la_is(6, $row['country'] ?? null, 'NL');
} finally {
	la_setting_restore('DefaultCountry');
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_setting_restore('DefaultCountry');
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: success
4: ok
5: success
6: ok
