--TEST--
AddContact: a NUL byte in password2 never throws; the answer tells the truth (behaviour §1, §2, §3)
--DESCRIPTION--
PHP's bcrypt refuses passwords containing NUL (ValueError). This test
accepts either answer, but localAPI() must not throw or warn (behaviour §1),
and the answer must tell the truth: on success the sub-account exists and its
hash verifies the password; on error nothing was written.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
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
if (($answer['result'] ?? null) === 'success') {
	$row = la_added($answer);
	la_ok(2, ($row['subaccount'] ?? null) === '1' && password_verify("p\0ss", $row['password'] ?? ''), $row);
} else {
	la_ok(2, is_array($answer) && la_written($cid) === 0 && str_starts_with(la_show($answer), 'error: '), $answer);
}
/* the next call still works */
la_call(3, 'AddContact', ['clientid' => $cid]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: success
