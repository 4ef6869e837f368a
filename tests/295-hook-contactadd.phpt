--TEST--
AddContact: the ContactAdd hook runs after the row exists, with the documented variables (behaviour §3.10, §5, §7)
--DESCRIPTION--
Hooks are a separate issue; skipped while add_hook() does not exist.
ContactAdd gets userid (int), the normalised strings, country after the
default-country fallback, subaccount "1"/"0", password = the decoded plain
password2, permissions, the six flags ("1" or int 0) and contactid (int). The
row is committed before the hook runs: another connection can read it.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!function_exists('add_hook')) die('skip add_hook() not implemented yet (hooks issue)');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$email = la_unique_email();
$seen = [];
add_hook('ContactAdd', 1, function (array $vars) use (&$seen) {
	$vars['row_visible'] = la_contact($vars['contactid']) !== null;
	$seen[] = $vars;
	return 'ignored';
});
$answer = la_call(1, 'AddContact', [
	'clientid' => (string) $cid,
	'firstname' => "O'Brien",
	'lastname' => 'a&amp;b',
	'email' => $email,
	'country' => 'GB',
	'password2' => 'p&amp;ss',
	'permissions' => 'profile,tickets',
	'email_preferences' => ['general' => 1, 'invoice' => 0],
]);
la_is(2, count($seen), 1);
$vars = $seen[0] ?? [];
$keys = ['userid', 'firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
	'postcode', 'country', 'phonenumber', 'tax_id', 'subaccount', 'password', 'permissions', 'generalemails',
	'productemails', 'domainemails', 'invoiceemails', 'supportemails', 'affiliateemails', 'contactid', 'row_visible'];
$sorted = array_keys($vars);
sort($sorted);
$expected_keys = $keys;
sort($expected_keys);
la_is(3, $sorted, $expected_keys);
la_is(4, la_pick($vars, ['userid', 'contactid', 'row_visible']), ['userid' => $cid, 'contactid' => $answer['contactid'] ?? null, 'row_visible' => true]);
la_is(5, la_pick($vars, ['firstname', 'lastname', 'email', 'country', 'subaccount', 'password', 'permissions']), [
	'firstname' => 'O&#039;Brien', 'lastname' => 'a&amp;b', 'email' => $email, 'country' => 'GB',
	'subaccount' => '1', 'password' => 'p&ss', 'permissions' => 'profile,tickets']);
la_is(6, la_pick($vars, ['generalemails', 'invoiceemails', 'supportemails']), ['generalemails' => '1', 'invoiceemails' => 0, 'supportemails' => 0]);

$seen = [];
la_call(7, 'AddContact', ['clientid' => $cid]);
la_is(8, la_pick($seen[0] ?? [], ['subaccount', 'password']), ['subaccount' => '0', 'password' => '']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
7: success
8: ok
