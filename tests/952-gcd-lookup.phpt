--TEST--
GetClientsDetails: the client by clientid or by email, as the collation compares; the lowest id among clients sharing an email (behaviour §11.1)
--DESCRIPTION--
clientid as int, digit string with spaces, entity-encoded digits; a missing id
is "Client Not Found". By email: the stored value is compared as the column
collation compares (letter case, trailing spaces) with the normalised input
(O'Brien finds the stored O&#039;Brien); two clients sharing an email answer
the lower id (inserted in the other order). An email nobody has is "Client
Not Found". clientid wins: email is not read when clientid is truthy. A
Closed client is answered.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

$email = la_unique_email('gcd');
$cid = la_gcd_client(['status' => 'Closed']);
$id_of = fn (array $answer) => $answer['result'] === 'success' ? $answer['userid'] : la_show($answer);
la_is(1, $id_of(la_gcd(['clientid' => $cid])), $cid);
la_is(2, $id_of(la_gcd(['clientid' => " $cid\n"])), $cid);
la_is(3, $id_of(la_gcd(['clientid' => '&#' . ord(((string) $cid)[0]) . ';' . substr((string) $cid, 1)])), $cid);
la_is(4, $id_of(la_gcd(['clientid' => la_missing_client_id()])), 'error: Client Not Found');
la_is(5, $id_of(la_gcd(['clientid' => $cid, 'email' => 'nobody@example.invalid'])), $cid);

/* two clients share an email: the lower id, whatever the insertion order */
$high = la_gcd_client([], $email);
$low = la_gcd_client([], $email);
la_query('UPDATE tblclients SET id = ? WHERE id = ?', $high + 1000, $high);
$high += 1000;
la_ok(6, $low < $high);
la_is(7, $id_of(la_gcd(['email' => $email])), $low);
la_is(8, $id_of(la_gcd(['email' => strtoupper($email) . '  '])), $low);
la_is(9, $id_of(la_gcd(['email' => 'nobody-' . $email])), 'error: Client Not Found');

$obrien = la_gcd_client([], "O&#039;Brien-" . bin2hex(random_bytes(4)) . '@example.test');
$stored = la_value('SELECT email FROM tblclients WHERE id = ?', $obrien);
la_is(10, $id_of(la_gcd(['email' => html_entity_decode($stored, ENT_QUOTES)])), $obrien);
la_is(11, la_gcd(['email' => $stored])['email'], $stored);
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
la_gcd_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
8: ok
9: ok
10: ok
11: ok
