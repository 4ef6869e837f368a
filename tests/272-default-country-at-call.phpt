--TEST--
AddContact: DefaultCountry is read as it is at the time of each call (behaviour §7)
--DESCRIPTION--
No cache: changing the setting between two calls of one process changes the
stored country. Interpretation: "at the time of the call" holds within one
request too, not only across requests.
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
try {
	$n = 1;
	foreach (['AU', 'CA', null, 'JP'] as $setting) {
		la_setting_set('DefaultCountry', $setting);
		$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'country' => '']));
		la_is($n++, $row['country'] ?? null, $setting ?? '');
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
