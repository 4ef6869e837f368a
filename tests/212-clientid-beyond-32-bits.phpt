--TEST--
AddContact: a clientid beyond 32 bits is "Client ID Not Found", never the client it wraps to (behaviour §3.1, §7)
--DESCRIPTION--
tblclients.id is a signed 32-bit int, so no client has an id above
2147483647. A larger clientid, as an int or as a string of digits, must be
"Client ID Not Found" and write nothing; cut to 32 bits it would name another
client: 2^32 + 1 is the sample client 1, $id + 2^32 the test's own client,
2^31 and $id + 2^31 negative ids. Just below the bound, 2147483647 is well
formed and names no client. Every call carries a marker in lastname, so a
contact written to any client (client 1 included) is found.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (PHP_INT_SIZE < 8) die('skip needs 64-bit ints');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$marker = 'la-212-' . bin2hex(random_bytes(6));
$forms = [
	2147483647,
	2147483648,
	4294967296,
	4294967297,
	$cid + 2 ** 31,
	$cid + 2 ** 32,
	$cid + 2 ** 33,
	'2147483648',
	'4294967296',
	'4294967297',
	(string) ($cid + 2 ** 31),
	(string) ($cid + 2 ** 32),
	" 000" . ($cid + 2 ** 32) . "\n",
];
foreach ($forms as $i => $clientid) {
	la_call($i + 1, 'AddContact', ['clientid' => $clientid, 'lastname' => $marker]);
}
$n = count($forms) + 1;
la_is($n++, la_written($cid), 0);
la_is($n++, la_count('SELECT COUNT(*) FROM tblcontacts WHERE lastname = ?', $marker), 0);
/* the client itself is still found */
la_call($n++, 'AddContact', ['clientid' => $cid, 'lastname' => $marker]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
/* contacts a wrong answer may have added to client 1, with their log rows */
foreach (la_rows("SELECT id, userid FROM tblcontacts WHERE lastname LIKE 'la-212-%'") as $row) {
	la_query('DELETE FROM tblactivitylog WHERE userid = ? AND description LIKE ?', $row['userid'],
		'% - Contact ID: ' . $row['id']);
	la_query('DELETE FROM tblcontacts WHERE id = ?', $row['id']);
}
la_cleanup_tag();
?>
--EXPECT--
1: error: Client ID Not Found
2: error: Client ID Not Found
3: error: Client ID Not Found
4: error: Client ID Not Found
5: error: Client ID Not Found
6: error: Client ID Not Found
7: error: Client ID Not Found
8: error: Client ID Not Found
9: error: Client ID Not Found
10: error: Client ID Not Found
11: error: Client ID Not Found
12: error: Client ID Not Found
13: error: Client ID Not Found
14: ok
15: ok
16: success
