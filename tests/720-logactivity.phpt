--TEST--
logActivity(): one activity-log row written as AddContact writes its own, committed, then LogActivity; outside and inside localAPI() and from hooks (behaviour §8)
--DESCRIPTION--
logActivity(string $description, int $userId = 0): void writes one
tblactivitylog row: date now, the description as given, userid, user = the
admin of the localAPI() call in progress, else "Local API User" inside a
call, else "System"; admin_id (that admin's id, else 0) and user_id (0) where
the table has them; ipaddr '' under the CLI. It commits the row, then fires
LogActivity with description, user, userid and ipaddress (the callbacks
see the row from their own connection). Called from a LogActivity callback
it writes its row but fires nothing (that would never end). Bad input is an
E_WARNING and writes nothing: a description that is not UTF-8, holds a
4-byte character or exceeds 65535 bytes, a userId outside 0 to 4294967295.
A database failure is an E_WARNING too, never an exception.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$cid = la_make_client();
$tag = 'la720-' . bin2hex(random_bytes(4));
$seen = [];
add_hook('LogActivity', 1, function (array $vars) use (&$seen) {
	/* from the fixture link: committed rows only */
	$vars['committed'] = la_count('SELECT COUNT(*) FROM tblactivitylog WHERE description = ?', $vars['description']);
	ksort($vars);
	$seen[] = $vars;
});
add_hook('LogActivity', 2, function (array $vars) use ($tag) {
	if (str_starts_with($vars['description'], "$tag contact")) {
		logActivity("$tag from a LogActivity callback", $vars['userid']);
	}
});
add_hook('ContactAdd', 1, function (array $vars) use ($tag) {
	logActivity("$tag contact {$vars['contactid']}", $vars['userid']);
});
function la_720_logs(int $cid): array
{
	return la_log_rows($cid, ['description', 'user', 'userid', 'ipaddr']);
}

la_is(1, logActivity("$tag outside", $cid), null);
la_is(2, la_720_logs($cid), [la_log_row(['description' => "$tag outside", 'user' => 'System', 'userid' => "$cid", 'ipaddr' => ''])]);
la_is(3, $seen, [['committed' => 1, 'description' => "$tag outside", 'ipaddress' => '', 'user' => 'System', 'userid' => $cid]]);
logActivity("$tag no userId");
la_is(4, la_rows('SELECT userid, user FROM tblactivitylog WHERE description = ?', "$tag no userId"), [['userid' => '0', 'user' => 'System']]);

$seen = [];
la_query('DELETE FROM tblactivitylog WHERE userid = ?', $cid);
$with_admin = la_call(5, 'AddContact', ['clientid' => $cid], 'admin');
$without = la_call(6, 'AddContact', ['clientid' => $cid]);
$id1 = $with_admin['contactid'] ?? 0;
$id2 = $without['contactid'] ?? 0;
$row = fn (string $description, string $user, int $admin) => la_log_row(['description' => $description, 'user' => $user,
	'userid' => "$cid", 'ipaddr' => ''], $admin);
la_is(7, la_720_logs($cid), [
	$row("$tag contact $id1", 'admin', 1),
	$row("$tag from a LogActivity callback", 'admin', 1),
	$row("Added Contact - User ID: $cid - Contact ID: $id1", 'admin', 1),
	$row("$tag contact $id2", 'Local API User', 0),
	$row("$tag from a LogActivity callback", 'Local API User', 0),
	$row("Added Contact - User ID: $cid - Contact ID: $id2", 'Local API User', 0),
]);
la_is(8, array_column($seen, 'description'), ["$tag contact $id1", "Added Contact - User ID: $cid - Contact ID: $id1",
	"$tag contact $id2", "Added Contact - User ID: $cid - Contact ID: $id2"]);
la_is(9, array_unique(array_column($seen, 'committed')), [1]);

la_errors_start();
$mine = fn () => la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ? OR description LIKE ?', $cid, "$tag%");
$before = $mine();
$n = 10;
$bad = [
	'not UTF-8' => ["$tag \xff", 0, 'description is not valid UTF-8; nothing was logged'],
	'4-byte character' => ["$tag \u{1F600}", 0, 'description contains characters that cannot be stored; nothing was logged'],
	'65536 bytes' => [str_pad("$tag ", 65536, 'x'), 0, 'description is longer than 65535 bytes; nothing was logged'],
	'userId -1' => ["$tag bad user", -1, 'userId must be from 0 to 4294967295; nothing was logged'],
	'userId 2^32' => ["$tag bad user", 4294967296, 'userId must be from 0 to 4294967295; nothing was logged'],
];
foreach ($bad as $label => [$description, $user, $message]) {
	logActivity($description, $user);
	la_is("$n $label", la_errors_take(), [[E_WARNING, "logActivity(): $message"]]);
	$n++;
}
ini_set('localapi.db_socket', '/nonexistent/localapi-test/mysqld.sock');
ini_set('localapi.db_host', 'localhost');
try {
	$result = logActivity("$tag server down", $cid);
	$errors = la_errors_take();
	la_ok($n++, $result === null && count($errors) === 1 && $errors[0][0] === E_WARNING
		&& str_starts_with($errors[0][1], 'logActivity(): Database error: ') && str_ends_with($errors[0][1], '; nothing was logged'), $errors);
} catch (Throwable $e) {
	la_ok($n++, false, get_class($e) . ': ' . $e->getMessage());
}
restore_error_handler();
la_ini_apply();
la_is($n++, $mine(), $before);
logActivity('', $cid);
la_is($n++, la_count("SELECT COUNT(*) FROM tblactivitylog WHERE userid = ? AND description = ''", $cid), 1);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_query("DELETE FROM tblactivitylog WHERE userid = 0 AND description LIKE 'la720-%'");
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: success
6: success
7: ok
8: ok
9: ok
10 not UTF-8: ok
11 4-byte character: ok
12 65536 bytes: ok
13 userId -1: ok
14 userId 2^32: ok
15: ok
16: ok
17: ok
