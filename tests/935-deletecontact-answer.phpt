--TEST--
DeleteContact: the answer echoes contactid as given, the row is gone, one log row with the stored values and the id as a number, then LogActivity (behaviour §10 "DeleteContact", §3.11, §8)
--DESCRIPTION--
Three contacts of one client, deleted as "00<id>" (a string with leading
zeros), as an int and as " <id>\n" (surrounding whitespace): each answer is
exactly ['result' => 'success', 'message' => <contactid as given>] (the
string stays the string, the int the int), the row is gone, and the log row
reads "Deleted Contact - User ID: <client> - Contact ID: <id as a number> -
Contact Name: <first> <last> - Contact Email: <email>" with the stored,
HTML-encoded values (O&#039;Brien, &lt;b&gt;). The columns: user "Local API
User" and admin_id 0 without an admin, the admin's username and id with one;
userid the client id; user_id 0 and ipaddr '' (CLI). LogActivity gets
description, user, userid and ipaddress, once per call. The other contacts of
the client are untouched until deleted.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';

$cid = la_make_client();
$a = la_del_contact($cid, ['firstname' => 'O&#039;Brien', 'lastname' => '&lt;b&gt;', 'email' => 'ob@example.test']);
$b = la_del_contact($cid, ['firstname' => 'Int', 'lastname' => 'Id', 'email' => 'int@example.test']);
$c = la_del_contact($cid, ['firstname' => '', 'lastname' => '', 'email' => '']);
$logged = [];
add_hook('LogActivity', 1, function (array $vars) use (&$logged): void {
	$logged[] = $vars;
});
$admin = la_row('SELECT id, username FROM tbladmins WHERE id = 1');

la_is(1, localAPI('DeleteContact', ['contactid' => "00$a"]), ['result' => 'success', 'message' => "00$a"]);
la_is(2, [la_contact($a), count(la_contacts_of($cid))], [null, 2]);
$descriptions = [la_del_description($cid, $a, 'O&#039;Brien', '&lt;b&gt;', 'ob@example.test')];
la_is(3, la_log_rows($cid, ['description', 'user', 'userid', 'ipaddr']),
	[la_log_row(['description' => $descriptions[0], 'user' => 'Local API User', 'userid' => (string) $cid, 'ipaddr' => ''])]);

la_is(4, localAPI('DeleteContact', ['contactid' => $b], $admin['username']), ['result' => 'success', 'message' => $b]);
$descriptions[] = la_del_description($cid, $b, 'Int', 'Id', 'int@example.test');
la_is(5, la_log_rows($cid, ['description', 'user', 'userid', 'ipaddr'])[1] ?? null,
	la_log_row(['description' => $descriptions[1], 'user' => $admin['username'], 'userid' => (string) $cid, 'ipaddr' => ''],
		(int) $admin['id']));

la_is(6, localAPI('DeleteContact', ['contactid' => " $c\n"], (int) $admin['id']), ['result' => 'success', 'message' => " $c\n"]);
$descriptions[] = la_del_description($cid, $c, '', '', '');
la_is(7, [la_contacts_of($cid), la_del_log($cid)], [[], $descriptions]);

la_is(8, $logged, [
	['description' => $descriptions[0], 'user' => 'Local API User', 'userid' => $cid, 'ipaddress' => ''],
	['description' => $descriptions[1], 'user' => $admin['username'], 'userid' => $cid, 'ipaddress' => ''],
	['description' => $descriptions[2], 'user' => $admin['username'], 'userid' => $cid, 'ipaddress' => ''],
]);
la_is(9, $descriptions[2], "Deleted Contact - User ID: $cid - Contact ID: $c - Contact Name:   - Contact Email: ");
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';
la_del_cleanup();
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
