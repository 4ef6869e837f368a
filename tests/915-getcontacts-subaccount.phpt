--TEST--
GetContacts: subaccount filters sub-accounts on 7.x and is ignored on 8.x (behaviour §10, §8)
--DESCRIPTION--
A client with a plain contact and a sub-account (written by hand, so both
layouts hold it). On 7.x a truthy subaccount (1, "1", "yes", true) adds
subaccount = 1; falsy ("0", "", 0, false, null, "&#48;") filters nothing. On
8.x subaccount is never read: every value finds both contacts. The same with
localapi.whmcs_version forcing the other behaviour on this database.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$plain = la_insert('tblcontacts', ['userid' => $cid, 'subaccount' => 0]);
$sub = la_insert('tblcontacts', ['userid' => $cid, 'subaccount' => 1, 'email' => la_unique_email()]);

function la_ids(array $post): array
{
	$answer = localAPI('GetContacts', $post);
	return array_map(fn ($row) => $row['id'], $answer['contacts']['contact'] ?? []);
}

function la_seen(int $cid, mixed $subaccount): string
{
	$ids = la_ids(['userid' => $cid, 'subaccount' => $subaccount]);
	return count($ids) === 2 ? 'both' : (count($ids) === 1 ? 'sub-account' : 'none');
}

$n = 1;
foreach ([1, '1', 'yes', true] as $truthy) {
	la_is($n++, la_seen($cid, $truthy), la_by_version('sub-account', 'both'));
}
foreach (['0', '', 0, false, null, '&#48;'] as $falsy) {
	la_is($n++, la_seen($cid, $falsy), 'both');
}
la_is($n++, la_ids(['userid' => $cid, 'subaccount' => 1]), la_by_version([$sub], [$plain, $sub]));
ini_set('localapi.whmcs_version', '7');
la_is($n++, la_seen($cid, 1), 'sub-account');
ini_set('localapi.whmcs_version', '8');
la_is($n++, la_seen($cid, 1), 'both');
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
