--TEST--
ContactAdd: country is the stored value after the DefaultCountry fallback (behaviour §3.7, §5, §7)
--DESCRIPTION--
With DefaultCountry set, an empty country ('', '0', null, false, missing)
reaches ContactAdd as the default, exactly as stored; a given country as given;
with DefaultCountry unset, ''. DefaultCountry is read at the time of the call,
so changing it between calls changes what the hook sees.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
?>
--CONFLICTS--
defaultcountry
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$cid = la_make_client();
$seen = [];
add_hook('ContactAdd', 1, function (array $vars) use (&$seen) {
	$seen[] = $vars['country'] ?? 'missing';
});

/* Call AddContact and return [country seen by the hook, country stored]. */
function la_country(int $n, array $post, array &$seen): array
{
	$seen = [];
	$row = la_added(la_call($n, 'AddContact', $post));
	return [count($seen) === 1 ? $seen[0] : $seen, $row['country'] ?? null];
}

la_setting_backup('DefaultCountry');
try {
	la_setting_set('DefaultCountry', 'NZ');
	$n = 1;
	foreach ([[], ['country' => ''], ['country' => '0'], ['country' => null], ['country' => false]] as $extra) {
		$got = la_country($n++, ['clientid' => $cid] + $extra, $seen);
		la_is($n++, $got, ['NZ', 'NZ']);
	}
	$got = la_country($n++, ['clientid' => $cid, 'country' => 'CA'], $seen);
	la_is($n++, $got, ['CA', 'CA']);
	la_setting_set('DefaultCountry', 'AU');
	$got = la_country($n++, ['clientid' => $cid], $seen);
	la_is($n++, $got, ['AU', 'AU']);
	la_setting_set('DefaultCountry', null);
	/* a sub-account on 7.x (its own INSERT), a plain contact and the warning on 8.x */
	$seen = [];
	$row = la_added(la_call_by_version($n++, ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => 'secret'],
		'success', 'success + warning'));
	la_is($n++, [count($seen) === 1 ? $seen[0] : $seen, $row['country'] ?? null], ['', '']);
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
15: 7.x success | 8.x success + warning
16: ok
