--TEST--
Hooks: a failed AddContact (invalid command or admin, invalid input, Client ID Not Found, Duplicate Email Address) fires no hook at all (behaviour §3.10, §3.11, §5)
--DESCRIPTION--
ContactAdd and LogActivity callbacks are registered (with add_hook() and from
a hook file in localapi.hooks_dir). Every failing call must answer its error,
write nothing and fire neither hook point. A successful call at the end fires
both, so the callbacks were live all along.
Interpretation: the hook points fire for the contact that was added and its
log row (steps 10 and 11 follow the row's insert); a call that adds nothing
has neither. Invalid permissions and a duplicate sub-account email are 7.x
failures; 8.x stores neither (behaviour §8), so there the same calls are made
for a client that does not exist.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$dir = la_tmp_dir();
file_put_contents("$dir/fired.php", <<<'PHP'
<?php
if (!defined("WHMCS")) die("This file cannot be accessed directly");
add_hook('ContactAdd', 1, function ($vars) { $GLOBALS['la_fired'][] = 'file ContactAdd'; });
add_hook('LogActivity', 1, function ($vars) { $GLOBALS['la_fired'][] = 'file LogActivity'; });
PHP);
ini_set('localapi.hooks_dir', $dir);
$GLOBALS['la_fired'] = [];
add_hook('ContactAdd', 2, function ($vars) {
	$GLOBALS['la_fired'][] = 'ContactAdd';
});
add_hook('LogActivity', 2, function ($vars) {
	$GLOBALS['la_fired'][] = 'LogActivity';
});

$client_email = la_unique_email('client');
$cid = la_make_client($client_email);
$missing = la_missing_client_id();
$calls = [
	['Add Contact', ['clientid' => $cid], ''],
	['AddContactX', ['clientid' => $cid], ''],
	['AddContact', ['clientid' => $cid], 'la-no-such-admin-613'],
	['AddContact', ['clientid' => $missing], ''],
	['AddContact', ['clientid' => "$cid" . 'abc'], ''],
	['AddContact', ['clientid' => 0], ''],
	['AddContact', ['firstname' => 'No client'], ''],
	['AddContact', ['clientid' => $cid, 'firstname' => "bad \xff utf-8"], ''],
	['AddContact', ['clientid' => $cid, 'lastname' => ['array']], ''],
	['AddContact', ['clientid' => $cid, 'permissions' => 'profile,root'], '', 'Invalid permission: root'],
	['AddContact', ['clientid' => $cid, 'tax_id' => str_repeat('t', 129)], ''],
	['AddContact', ['clientid' => $cid, 'city' => "emoji \u{1F600}"], ''],
	['AddContact', ['clientid' => $cid, 'email' => strtoupper($client_email), 'password2' => 'pw'], '', 'Duplicate Email Address'],
];
$n = 1;
foreach ($calls as $call) {
	[$command, $post, $admin, $error7] = $call + [3 => null];
	if ($error7 === null) {
		la_call($n++, $command, $post, $admin);
	} else {
		la_call_by_version($n++, la_by_version($post, ['clientid' => $missing] + $post), "error: $error7",
			'error: Client ID Not Found', $admin);
	}
}
la_is($n++, $GLOBALS['la_fired'], []);
la_is($n++, la_written($cid), 0);

la_call($n++, 'AddContact', ['clientid' => $cid]);
la_is($n++, $GLOBALS['la_fired'], ['file ContactAdd', 'ContactAdd', 'file LogActivity', 'LogActivity']);
la_tmp_dir_remove();
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
la_tmp_dir_remove();
la_cleanup_tag();
?>
--EXPECT--
1: error: Invalid API Command
2: error: API Function Not Found
3: error: No matching admin user found
4: error: Client ID Not Found
5: error: Client ID Not Found
6: error: Client ID Not Found
7: error: Client ID Not Found
8: error: Invalid UTF-8 in firstname
9: error: lastname must be a string
10: 7.x error: Invalid permission: root | 8.x error: Client ID Not Found
11: error: tax_id is longer than 128 characters
12: error: city contains characters that cannot be stored
13: 7.x error: Duplicate Email Address | 8.x error: Client ID Not Found
14: ok
15: ok
16: success
17: ok
