--TEST--
GetClientsDetails 8.x: owner_user_id, email_verified, users and the last login from tblusers_clients; no owner is ever created (behaviour §11.7, §11.4 "lastlogin")
--DESCRIPTION--
8.x only (7.x has no users; its lastlogin is in 960). A client without any
user: owner_user_id 0, email_verified false, users [], "No Login Logged",
and no tblusers or tblusers_clients row is created. Then three users linked
(one link to a missing user is left out), two of them owners: the owner is
the lowest user id among owners whose user row exists; users lists the
existing users by ascending id with name, email and is_owner. lastlogin is
the newest last_login (NULL and zero dates ignored; a tie goes to the lower
owner value), with that user's last_ip and last_hostname, '' for a missing
user. DateFormat is the install's (DD/MM/YYYY).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; require_once __DIR__ . '/connect.inc'; la_skip_unless_whmcs(8); ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

$cid = la_gcd_client();
/* scoped to this client: other tests add users of their own at the same time (963 checks every table) */
$mine = fn () => la_count('SELECT COUNT(*) FROM tblusers_clients WHERE client_id = ?', $cid)
	+ la_count('SELECT COUNT(*) FROM tblusers u JOIN tblclients c ON c.email = u.email WHERE c.id = ?', $cid);
$users = $mine();
$answer = la_gcd(['clientid' => $cid]);
la_is(1, [$answer['owner_user_id'], $answer['email_verified'], $answer['users'], $answer['lastlogin'],
	$answer['client']['users']], [0, false, [], 'No Login Logged', []]);
la_is(2, [$users, $mine()], [0, 0]);

$user = fn (string $first, ?string $verified, string $ip = '', string $host = '') => la_insert('tblusers',
	['first_name' => $first, 'last_name' => 'User', 'email' => la_unique_email('user'), 'last_ip' => $ip,
	'last_hostname' => $host, 'email_verified_at' => $verified]);
$a = $user('Ann', null, '192.0.2.1', 'a.example.net');
$b = $user('Bob', '2020-01-01 00:00:00', '192.0.2.2', 'b.example.net');
$c = $user('Cy', null, '192.0.2.3', '');
$link = fn (int $uid, int $owner, ?string $last) => la_insert('tblusers_clients',
	['auth_user_id' => $uid, 'client_id' => $cid, 'owner' => $owner, 'last_login' => $last]);
$missing = (int) la_value('SELECT MAX(id) + 1000 FROM tblusers');
$link($c, 1, '2021-05-06 07:08:09');
$link($b, 1, '2021-05-06 07:08:09');
$link($a, 0, '2020-01-01 00:00:00');
$link($missing, 1, null);
$answer = la_gcd(['clientid' => $cid]);
$emails = array_column(la_rows('SELECT id, email FROM tblusers WHERE id IN (?, ?, ?)', $a, $b, $c), 'email', 'id');
la_is(3, [$answer['owner_user_id'], $answer['email_verified']], [$b, true]);
la_is(4, $answer['users'], ['user' => [
	['id' => $a, 'name' => 'Ann User', 'email' => $emails[$a], 'is_owner' => false],
	['id' => $b, 'name' => 'Bob User', 'email' => $emails[$b], 'is_owner' => true],
	['id' => $c, 'name' => 'Cy User', 'email' => $emails[$c], 'is_owner' => false],
]]);
/* b and c logged in at the same moment, both owners: the lower link id (c's) wins */
la_is(5, $answer['lastlogin'], 'Date: 06/05/2021 07:08<br>IP Address: 192.0.2.3<br>Host: ');
/* a non-owner's tie loses to... nobody: owner 0 sorts first */
la_query('UPDATE tblusers_clients SET last_login = ? WHERE auth_user_id = ? AND client_id = ?', '2021-05-06 07:08:09', $a, $cid);
la_is(6, la_gcd(['clientid' => $cid])['lastlogin'], 'Date: 06/05/2021 07:08<br>IP Address: 192.0.2.1<br>Host: a.example.net');
/* the newest login is that of a missing user: ip and host '' */
la_query('UPDATE tblusers_clients SET last_login = ? WHERE auth_user_id = ? AND client_id = ?', '2022-12-31 23:59:00', $missing, $cid);
la_is(7, la_gcd(['clientid' => $cid])['lastlogin'], 'Date: 31/12/2022 23:59<br>IP Address: <br>Host: ');
/* only NULL and zero dates: no login */
la_query('UPDATE tblusers_clients SET last_login = NULL WHERE client_id = ?', $cid);
la_query("UPDATE tblusers_clients SET last_login = '0000-00-00 00:00:00' WHERE client_id = ? AND auth_user_id = ?", $cid, $a);
la_is(8, la_gcd(['clientid' => $cid])['lastlogin'], 'No Login Logged');
/* no owner left: 0 and not verified, users still listed */
la_query('UPDATE tblusers_clients SET owner = 0 WHERE client_id = ?', $cid);
$answer = la_gcd(['clientid' => $cid]);
la_is(9, [$answer['owner_user_id'], $answer['email_verified'], count($answer['users']['user'])], [0, false, 3]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
la_query("DELETE FROM tblusers_clients WHERE client_id IN (SELECT id FROM tblclients WHERE companyname = 'la-test:959-gcd-users-owner')");
la_query("DELETE FROM tblusers WHERE last_name = 'User' AND email LIKE 'la-user-%'");
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
