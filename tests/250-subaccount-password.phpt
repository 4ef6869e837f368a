--TEST--
AddContact: a non-empty password2 makes a sub-account with a bcrypt hash (behaviour §3.5)
--DESCRIPTION--
subaccount = 1; password is "$2y$10$..." made by PHP's password API and
verifiable with password_verify(); the plain password is stored nowhere (not
in the contact row, not in the log).
7.x behaviour only (sub-accounts are stored by 7.x only; 8.x stores no sub-account and checks neither
permissions nor duplicate emails, behaviour §8): skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7); ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$plain = 'Secret-' . bin2hex(random_bytes(4));
$row = la_added(la_call(1, 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => $plain]));
$hash = $row['password'] ?? '';
la_is(2, $row['subaccount'] ?? null, '1');
la_is(3, substr($hash, 0, 7), '$2y$10$');
la_is(4, strlen($hash), 60);
la_is(5, password_get_info($hash)['algoName'], 'bcrypt');
la_is(6, password_verify($plain, $hash), true);
la_is(7, password_verify($plain . 'x', $hash), false);
$everything = serialize(la_contacts_of($cid)) . serialize(la_log_of($cid));
la_is(8, str_contains($everything, $plain), false);

/* a fresh salt every time */
$row2 = la_added(la_call(9, 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => $plain]));
la_is(10, ($row2['password'] ?? '') !== $hash && password_verify($plain, $row2['password'] ?? ''), true);

/* anything truthy is a password: ' ' and 'false' */
$n = 11;
foreach ([' ', 'false'] as $plain) {
	$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => $plain]));
	la_is($n++, [$row['subaccount'] ?? null, password_verify($plain, $row['password'] ?? '')], ['1', true]);
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
3: ok
4: ok
5: ok
6: ok
7: ok
8: ok
9: success
10: ok
11: success
12: ok
13: success
14: ok
