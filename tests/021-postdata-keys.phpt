--TEST--
localAPI(): postData keys are case-sensitive; unknown keys are ignored (behaviour §1, §3, §7)
--DESCRIPTION--
Keys AddContact does not read are ignored whatever they hold: invalid UTF-8,
arrays, objects, integer keys, invalid UTF-8 in the key itself, and the keys
of the HTTP API (action, username, password, responsetype).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();

/* keys are case-sensitive: ClientID is not clientid */
la_call(1, 'AddContact', ['ClientID' => $cid, 'CLIENTID' => $cid]);

$answer = la_call(2, 'AddContact', [
	'clientid' => $cid,
	'FirstName' => 'ignored',
	'LASTNAME' => 'ignored',
	'lastname' => 'Kept',
	'action' => 'GetClients',
	'responsetype' => "\xff",
	'username' => ['x' => "\xfe"],
	'password' => new stdClass(),
	'accesskey' => "\xc0\xaf",
	"\xff\xfe" => "\xff",
	"first\xffname" => 'x',
	0 => "\xff",
	17 => ['nested' => "\xff"],
	'email_preferencesx' => ['general' => "\xff"],
	'firstname ' => "\xff",
]);
$row = la_added($answer);
la_is(3, [$row['firstname'] ?? null, $row['lastname'] ?? null], ['', 'Kept']);
la_is(4, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid), 1);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: Client ID Not Found
2: success
3: ok
4: ok
