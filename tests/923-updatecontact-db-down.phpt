--TEST--
UpdateContact with the database down: bad input still gets its own error (behaviour §10 "Order of checks", §7)
--DESCRIPTION--
Every input check of UpdateContact needs no server: with localapi.db_socket
pointing nowhere and localapi.whmcs_version=7 (so that the 7.x keys are
known without asking the database), bad fields, a bad email_preferences, a
bad permission name, a NUL byte in password2 and a malformed contactid
answer their own errors; valid input answers "Database error: ...". With
whmcs_version=auto the fields every version reads are still checked first.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

set_error_handler(function (int $type, string $message) {
	echo "PHP error $type: $message\n";
	return true;
});
ini_set('localapi.db_host', 'localhost');
ini_set('localapi.db_socket', '/nonexistent/localapi-test/mysqld.sock');
ini_set('localapi.connect_timeout', '2');
ini_set('localapi.whmcs_version', '7');

la_call(1, 'UpdateContact', ['contactid' => 1, 'firstname' => "\xff"]);
la_call(2, 'UpdateContact', ['contactid' => 1, 'email' => ['x']]);
la_call(3, 'UpdateContact', ['contactid' => 1, 'email_preferences' => 'yes']);
la_call(4, 'UpdateContact', ['contactid' => 1, 'email_preferences' => ['domain' => 1, 'bogus' => 1]]);
la_call(5, 'UpdateContact', ['contactid' => 1, 'permissions' => 'profile,root']);
la_call(6, 'UpdateContact', ['contactid' => 1, 'password2' => "a\0b"]);
la_call(7, 'UpdateContact', ['contactid' => 'abc', 'firstname' => 'x']);
la_call(8, 'UpdateContact', ['contactid' => "\xff"]);
ini_set('localapi.whmcs_version', 'auto');
la_call(9, 'UpdateContact', ['contactid' => 1, 'phonenumber' => "\u{1F600}"]);
foreach ([10 => ['contactid' => 1, 'firstname' => 'x'], 11 => ['contactid' => 1, 'permissions' => 'root']] as $n => $post) {
	$answer = localAPI('UpdateContact', $post);
	echo "$n: ", str_starts_with($answer['message'] ?? '', 'Database error: ') ? 'Database error' : la_show($answer), "\n";
}
?>
--EXPECT--
1: error: Invalid UTF-8 in firstname
2: error: email must be a string
3: error: Argument email_preferences must be empty or an array.
4: error: Invalid Email Type: bogus. Valid options are: general, invoice, support, product, domain, affiliate
5: error: Invalid permission: root
6: error: password2 contains characters that cannot be stored
7: error: Contact ID Not Found
8: error: Invalid UTF-8 in contactid
9: error: phonenumber contains characters that cannot be stored
10: Database error
11: Database error
