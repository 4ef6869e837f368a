--TEST--
LogActivity: exactly description, user, userid (int), ipaddress, after the log row is committed; user is the admin's username or 'Local API User' (behaviour §3.11, §5, §7)
--DESCRIPTION--
Checked on both commit paths: without a ContactAdd hook (contact and log row
commit together) and with one (the log row commits after ContactAdd). Inside
the callback the log row is visible from another connection (mysqli), and the
array equals that row (description, user, userid, ipaddr; ipaddr is '' under
the CLI). user: no admin -> 'Local API User'; admin given by id (1, '1'), by username
in another case ('ADMIN') or as stored ('admin') -> the username as stored.
LogActivity fires once per call.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$cid = la_make_client();
$stored_admin = la_value('SELECT username FROM tbladmins WHERE id = 1');
$seen = [];
add_hook('LogActivity', 1, function ($vars) use (&$seen, $cid) {
	$description = is_string($vars['description'] ?? null) ? $vars['description'] : '';
	$seen[] = [
		'vars' => $vars,
		'args' => func_num_args(),
		/* the committed row, read over the fixture link */
		'row' => la_row('SELECT description, user, userid, ipaddr FROM tblactivitylog WHERE userid = ? AND description = ?',
			$cid, $description),
		'rows' => la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $cid),
	];
});

function la_check_log(int $n, array $seen, array $answer, int $cid, string $user, int $rows): int
{
	$hook = $seen[0] ?? ['vars' => [], 'args' => 0, 'row' => null, 'rows' => -1];
	$vars = $hook['vars'];
	$contactid = $answer['contactid'] ?? '?';
	la_is($n++, count($seen), 1);
	la_is($n++, $hook['args'], 1);
	la_is($n++, la_types($vars), ['description' => 'string', 'ipaddress' => 'string', 'user' => 'string', 'userid' => 'int']);
	la_is($n++, $vars, ['description' => "Added Contact - User ID: $cid - Contact ID: $contactid", 'user' => $user,
		'userid' => $cid, 'ipaddress' => ''] + $vars);
	/* the row was there, committed, when the hook ran, and it is what the hook got */
	$row = $hook['row'];
	la_is($n++, $row === null ? null : [$row['description'], $row['user'], (int) $row['userid'], $row['ipaddr']],
		[$vars['description'] ?? null, $vars['user'] ?? null, $vars['userid'] ?? null, $vars['ipaddress'] ?? null]);
	la_is($n++, $hook['rows'], $rows);
	return $n;
}

$n = 1;
$rows = 0;
foreach ([['', 'Local API User'], [1, $stored_admin], ['1', $stored_admin], ['ADMIN', $stored_admin],
	[$stored_admin, $stored_admin]] as [$admin, $user]) {
	$seen = [];
	$answer = la_call($n++, 'AddContact', ['clientid' => $cid], $admin);
	$n = la_check_log($n, $seen, $answer, $cid, $user, ++$rows);
}

/* with a ContactAdd hook the log row commits later: LogActivity still sees it */
add_hook('ContactAdd', 1, function ($vars) use (&$seen) {
	$seen[] = 'ContactAdd';
});
$seen = [];
$answer = la_call($n++, 'AddContact', ['clientid' => $cid]);
la_is($n++, $seen[0] ?? null, 'ContactAdd');
array_shift($seen);
$n = la_check_log($n, $seen, $answer, $cid, 'Local API User', ++$rows);
$seen = [];
$answer = la_call($n++, 'AddContact', ['clientid' => $cid], 'admin');
array_shift($seen);
$n = la_check_log($n, $seen, $answer, $cid, $stored_admin, ++$rows);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
8: success
9: ok
10: ok
11: ok
12: ok
13: ok
14: ok
15: success
16: ok
17: ok
18: ok
19: ok
20: ok
21: ok
22: success
23: ok
24: ok
25: ok
26: ok
27: ok
28: ok
29: success
30: ok
31: ok
32: ok
33: ok
34: ok
35: ok
36: success
37: ok
38: ok
39: ok
40: ok
41: ok
42: ok
43: ok
44: success
45: ok
46: ok
47: ok
48: ok
49: ok
50: ok
