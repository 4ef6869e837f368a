--TEST--
localapi.whmcs_config: the file is read again when it changes, and its settings select the connection (behaviour §8)
--DESCRIPTION--
The file is read the first time a connection is needed and again whenever
it changes: a new modification time, size or inode (the file replaced by a
rename). The persistent link is chosen by a hash of the settings in force,
those from the file included: a change that leaves the settings as they were
keeps the connection, one that changes them uses another. Checked within one
process through phpinfo()'s thread id: a comment added (same settings, same
connection); the database name changed to one the user may not use, the file
rewritten in place with the same size and the same whole second of its
modification time, so that only the fraction differs (Access denied, so the
change was seen);
the good file back by a rename (the first connection again); a $db_port the
socket connection ignores (other settings: another connection); the file
removed (Database error naming it); an INI setting the file overrides
changed (no effect). Needs host localhost, where the port is ignored.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (la_config()['host'] !== 'localhost') {
	die('skip needs the test server on a unix socket (host localhost)');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';
require_once __DIR__ . '/whmcs-config.inc';

$dir = la_config_dir();
$cid = la_make_client();
la_config_spoil_ini();
$name = la_config()['db'];
$good = "<?php\n" . la_config_lines();
$path = la_config_use($dir, 'configuration.php', $good);

la_call(1, 'AddContact', ['clientid' => $cid]);
$thread = la_rel_phpinfo_thread();
file_put_contents($path, $good . "// a comment\n");
la_call(2, 'AddContact', ['clientid' => $cid]);
la_is(3, la_rel_phpinfo_thread(), $thread);

/* Rewritten in place, the same length, within the same second: only the fraction of the
 * modification time tells. touch() sets the whole second the file had (its fraction 0),
 * so the two versions differ in that fraction alone, however slow the machine. */
$commented = $good . "// a comment\n";
$spoiled = str_replace("'$name'", "'" . substr('la_no_' . str_repeat('x', 64), 0, strlen($name)) . "'", $commented);
clearstatcache();
$before = stat($path);
file_put_contents($path, $spoiled);
touch($path, $before['mtime']);
clearstatcache();
$after = stat($path);
la_is('4 same file, size, second', [$after['ino'], $after['size'], $after['mtime']],
	[$before['ino'], $before['size'], $before['mtime']]);
$answer = localAPI('AddContact', ['clientid' => $cid]);
la_ok(4, str_starts_with($answer['message'] ?? '', "Database error: Access denied for user"), $answer);

file_put_contents("$dir/new.php", $good);
rename("$dir/new.php", $path);
la_call(5, 'AddContact', ['clientid' => $cid]);
la_is(6, la_rel_phpinfo_thread(), $thread);
file_put_contents($path, "<?php\n" . la_config_lines(['db_port' => '3306']));
la_call('6 port', 'AddContact', ['clientid' => $cid]);
la_ok('6 another connection', la_rel_phpinfo_thread() !== null && la_rel_phpinfo_thread() !== $thread,
	[la_rel_phpinfo_thread(), $thread]);
$thread = la_rel_phpinfo_thread();
ini_set('localapi.db_name', 'la_other_no_such_db');
la_call(7, 'AddContact', ['clientid' => $cid]);
la_is(8, la_rel_phpinfo_thread(), $thread);

unlink($path);
la_is(9, localAPI('AddContact', ['clientid' => $cid]),
	['result' => 'error', 'message' => "Database error: cannot read $path: No such file or directory"]);
file_put_contents($path, $good);
la_call(10, 'AddContact', ['clientid' => $cid]);
la_is(11, count(la_contacts_of($cid)), 6);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/whmcs-config.inc';
la_config_dir_remove();
la_cleanup_tag();
?>
--EXPECT--
1: success
2: success
3: ok
4 same file, size, second: ok
4: ok
5: success
6: ok
6 port: success
6 another connection: ok
7: success
8: ok
9: ok
10: success
11: ok
