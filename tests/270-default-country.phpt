--TEST--
AddContact: an empty country takes tblconfiguration DefaultCountry (behaviour §3.7, §7)
--DESCRIPTION--
country absent, '', '0' (counts as empty), null and false (both normalise to
'') -> DefaultCountry; a non-empty country (even ' ') is kept. Changes
DefaultCountry, so it conflicts with the other tests that do, and restores it.
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
la_setting_set('DefaultCountry', 'DE');
try {
	$row = la_added(la_call(1, 'AddContact', ['clientid' => $cid]));
	la_is(2, $row['country'] ?? null, 'DE');
	$n = 3;
	foreach (['', '0', null, false, 0] as $country) {
		$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'country' => $country]));
		la_is($n++, $row['country'] ?? null, 'DE');
	}
	foreach (['FR', ' ', '00'] as $country) {
		$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'country' => $country]));
		la_is($n++, $row['country'] ?? null, $country);
	}
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
