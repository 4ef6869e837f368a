--TEST--
Order of checks within one field: UTF-8, type, length, charset, then permission names (behaviour §7)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$emoji = "\u{1F600}";
/* UTF-8 before type: the nested value is checked first */
la_call(1, 'AddContact', ['clientid' => $cid, 'firstname' => ["\xff"]]);
/* UTF-8 before length and charset */
la_call(2, 'AddContact', ['clientid' => $cid, 'firstname' => str_repeat($emoji, 20000) . "\xff"]);
la_call(3, 'AddContact', ['clientid' => $cid, 'tax_id' => str_repeat($emoji, 200) . "\xff"]);
/* type before length */
la_call(4, 'AddContact', ['clientid' => $cid, 'lastname' => [str_repeat('x', 70000)]]);
/* length before charset: 16384 emoji are 65536 bytes; 129 emoji are 129 characters */
la_call(5, 'AddContact', ['clientid' => $cid, 'city' => str_repeat($emoji, 16384)]);
la_call(6, 'AddContact', ['clientid' => $cid, 'tax_id' => str_repeat($emoji, 129)]);
/* at the limit, the charset check reports */
la_call(7, 'AddContact', ['clientid' => $cid, 'tax_id' => str_repeat($emoji, 128)]);
/* permissions (7.x; 8.x neither stores nor checks them): UTF-8, type, length, charset, then the names */
la_call_by_version(8, ['clientid' => $cid, 'permissions' => "bogus\xff"], 'error: Invalid UTF-8 in permissions', 'success');
la_call_by_version(9, ['clientid' => $cid, 'permissions' => ['bogus']], 'error: permissions must be a string', 'success + warning');
la_call_by_version(10, ['clientid' => $cid, 'permissions' => 'bogus,' . str_repeat('profile,', 8192)],
	'error: permissions is longer than 65535 bytes', 'success + warning');
la_call_by_version(11, ['clientid' => $cid, 'permissions' => "bogus,$emoji"],
	'error: permissions contains characters that cannot be stored', 'success + warning');
la_call_by_version(12, ['clientid' => $cid, 'permissions' => 'bogus,profile'], 'error: Invalid permission: bogus', 'success + warning');
la_is(13, la_written($cid), la_by_version(0, 10));
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Invalid UTF-8 in firstname[0]
2: error: Invalid UTF-8 in firstname
3: error: Invalid UTF-8 in tax_id
4: error: lastname must be a string
5: error: city is longer than 65535 bytes
6: error: tax_id is longer than 128 characters
7: error: tax_id contains characters that cannot be stored
8: 7.x error: Invalid UTF-8 in permissions | 8.x success
9: 7.x error: permissions must be a string | 8.x success + warning
10: 7.x error: permissions is longer than 65535 bytes | 8.x success + warning
11: 7.x error: permissions contains characters that cannot be stored | 8.x success + warning
12: 7.x error: Invalid permission: bogus | 8.x success + warning
13: ok
