--TEST--
AddContact: the hash is made from the entity-decoded password2 (behaviour §3.5, §7 "Passwords")
--DESCRIPTION--
p&amp;ss and p&ss are the same password: password_verify('p&ss', $hash)
holds for both; &nbsp; becomes a space. Only the UTF-8 check applies to
password2: 4-byte characters and values over 65535 bytes are fine (it is
stored as a hash).
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
$cases = [
	['p&amp;ss', 'p&ss'],
	['p&ss', 'p&ss'],
	['a&nbsp;b', 'a b'],
	['caf&eacute;', 'café'],
	['&lt;x&gt; &quot;q&quot; &#39;', '<x> "q" \''],
	["O'Brien <&>", "O'Brien <&>"],
	["key\u{1F511}", "key\u{1F511}"],
	['&#128273;', "\u{1F511}"],
	[str_repeat('p', 70000), str_repeat('p', 70000)],
];
$n = 1;
foreach ($cases as [$given, $plain]) {
	$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => $given]));
	la_is($n++, [$row['subaccount'] ?? null, password_verify($plain, $row['password'] ?? '')], ['1', true]);
}
/* the encoded spelling is not the password */
$row = la_added(la_call($n++, 'AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => 'p&amp;ss']));
la_is($n++, password_verify('p&amp;ss', $row['password'] ?? ''), false);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
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
15: success
16: ok
17: success
18: ok
19: success
20: ok
