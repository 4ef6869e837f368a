--TEST--
Admin lookup: username equality is the column collation's; numeric names are ids (behaviour §1, §7)
--DESCRIPTION--
Adds two admins (and removes them): "Jösé-Straße-<tag>" is found as
"JOSE-STRASSE-<tag>" (utf8_unicode_ci: case- and accent-insensitive, ß = ss,
trailing spaces ignored) and the log row carries the stored username and the
admin's id. An admin whose username is numeric ("98765<tag>") cannot
be named by username: is_numeric() makes it an id lookup, and no admin has
that id.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--CONFLICTS--
tbladmins
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$tag = (string) random_int(10000, 99999);
$accented = "Jösé-Straße-$tag";
$numeric = "98765$tag";
$aid = la_insert('tbladmins', ['username' => $accented]);
$nid = la_insert('tbladmins', ['username' => $numeric]);
file_put_contents(la_tmp_path('371-admins'), "$aid,$nid");
try {
	la_ok(1, $aid > 1 && $nid > 1 && $nid != (int) $numeric);
	$n = 2;
	foreach (["JOSE-STRASSE-$tag", "josé-straße-$tag", "Jösé-Straße-$tag "] as $admin) {
		la_call($n++, 'AddContact', ['clientid' => $cid], $admin);
		la_is($n++, la_last_log($cid), la_log_row(['user' => $accented], (int) $aid));
	}
	la_call($n++, 'AddContact', ['clientid' => $cid], $numeric);
	la_call($n++, 'AddContact', ['clientid' => $cid], $aid);
	la_is($n++, la_last_log($cid), la_log_row(['user' => $accented], (int) $aid));
} finally {
	la_query('DELETE FROM tbladmins WHERE id IN (?, ?)', $aid, $nid);
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
$file = la_tmp_path('371-admins');
if (file_exists($file)) {
	foreach (explode(',', file_get_contents($file)) as $id) {
		if ((int) $id > 1) {
			la_query('DELETE FROM tbladmins WHERE id = ?', (int) $id);
		}
	}
	unlink($file);
}
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: success
3: ok
4: success
5: ok
6: success
7: ok
8: error: No matching admin user found
9: success
10: ok
