--TEST--
AddContact: a NUL byte in password2 is refused with "password2 contains characters that cannot be stored", never thrown (behaviour §1, §3.5, §7 "Passwords")
--DESCRIPTION--
PHP's bcrypt refuses passwords containing NUL (ValueError), so such a
password cannot be stored as a hash. localAPI() must not throw or warn
(§1): the answer is exactly "password2 contains characters that cannot be
stored" (§7 "Passwords"), and nothing is written. The next call works.
7.x behaviour only (sub-account passwords are stored by 7.x only; 8.x stores no sub-account and checks neither
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
try {
	$answer = localAPI('AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => "p\0ss"]);
	echo "1: ok\n";
} catch (Throwable $e) {
	$answer = null;
	echo '1: threw ', get_class($e), ': ', $e->getMessage(), "\n";
}
la_is(2, la_show($answer), 'error: password2 contains characters that cannot be stored');
la_is(3, la_written($cid), 0);
/* the next call still works */
la_call(4, 'AddContact', ['clientid' => $cid]);
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
4: success
