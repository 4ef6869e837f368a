--TEST--
AddContact on WHMCS 8.x: password2 and permissions are neither stored nor checked, and earn a warning after contactid (behaviour §8)
--DESCRIPTION--
8.x behaviour only, so it runs against the 8.x database and skips on the
7.10 one (where tests 240-263 check sub-accounts, permissions and duplicate
emails). 8.x stores no sub-account: subaccount 0, password '' and
permissions '' whatever is given; no permission name is checked and no
duplicate email either (a contact may take the client's own email, twice).
When password2 or permissions is truthy after normalisation ("0", "", "&#48;",
null, false, 0, [] and a string that is not UTF-8 are not), the answer has a
third key, warning, after contactid. The input rules of the fields that are
stored still apply. The log row has admin_id (the admin's id) and user_id 0.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(8); ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

const LA_WARNING = 'success, warning: Sub Accounts are no longer supported. Please use AddUser and CreateClientInvite';
$client_email = la_unique_email('client');
$cid = la_make_client($client_email);
function la_plain(?array $row): array
{
	return la_pick($row, ['subaccount', 'password', 'permissions']);
}

$answer = la_call(1, 'AddContact', ['clientid' => $cid, 'email' => $client_email, 'password2' => 'secret pw',
	'permissions' => 'profile,bogus,<b>'], 'admin');
la_is(2, array_keys($answer), ['result', 'contactid', 'warning']);
la_is(3, la_plain(la_added($answer)), ['subaccount' => '0', 'password' => '', 'permissions' => '']);
la_is(4, la_log_rows($cid, ['user', 'description']), [la_log_row(['user' => 'admin',
	'description' => "Added Contact - User ID: $cid - Contact ID: " . ($answer['contactid'] ?? '?')], 1)]);
la_call(5, 'AddContact', ['clientid' => $cid, 'email' => $client_email, 'password2' => 'again']);

$n = 6;
$falsy = ['"0"' => '0', '""' => '', '"&#48;"' => '&#48;', 'null' => null, 'false' => false, '0' => 0, '[]' => [],
	'invalid UTF-8' => "\xff"];
foreach ($falsy as $label => $value) {
	$answer = localAPI('AddContact', ['clientid' => $cid, 'password2' => $value, 'permissions' => $value]);
	la_is($n++ . " $label", [la_show($answer), la_plain(la_added($answer))],
		['success', ['subaccount' => '0', 'password' => '', 'permissions' => '']]);
}
$truthy = ['"false"' => 'false', '1' => 1, '[0]' => [0], 'object' => new stdClass(), '4-byte' => "\u{1F600}",
	'NUL' => "\0", '70000 bytes' => str_repeat('p', 70000)];
foreach ($truthy as $label => $value) {
	$by_password = localAPI('AddContact', ['clientid' => $cid, 'password2' => $value]);
	$by_permissions = localAPI('AddContact', ['clientid' => $cid, 'permissions' => $value]);
	la_is($n++ . " $label", [la_show($by_password), la_show($by_permissions)], [LA_WARNING, LA_WARNING]);
}

$before = la_written($cid);
la_call($n++, 'AddContact', ['clientid' => $cid, 'firstname' => "\xfe", 'password2' => 'pw']);
la_call($n++, 'AddContact', ['clientid' => $cid, 'email' => "\u{1F600}@example.test", 'permissions' => 'profile']);
la_call($n++, 'AddContact', ['clientid' => la_missing_client_id(), 'password2' => 'pw']);
la_is($n++, la_written($cid), $before);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success, warning: Sub Accounts are no longer supported. Please use AddUser and CreateClientInvite
2: ok
3: ok
4: ok
5: success, warning: Sub Accounts are no longer supported. Please use AddUser and CreateClientInvite
6 "0": ok
7 "": ok
8 "&#48;": ok
9 null: ok
10 false: ok
11 0: ok
12 []: ok
13 invalid UTF-8: ok
14 "false": ok
15 1: ok
16 [0]: ok
17 object: ok
18 4-byte: ok
19 NUL: ok
20 70000 bytes: ok
21: error: Invalid UTF-8 in firstname
22: error: email contains characters that cannot be stored
23: error: Client ID Not Found
24: ok
