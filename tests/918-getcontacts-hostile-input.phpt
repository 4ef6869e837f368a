--TEST--
GetContacts: hostile filter values find exactly their own text, never more (behaviour §10, §2, §7)
--DESCRIPTION--
Values are bound, never part of the SQL, and compared by equality: SQL
metacharacters (quotes, comment markers, a UNION, a semicolon and a second
statement), LIKE wildcards (%, _), a backslash and a NUL byte find only a
contact whose column holds that exact (HTML-encoded) text, and nothing when
none does. A resource or a recursive array as a filter is
"<name> must be a string"; a recursive array in a key GetContacts does not
read is ignored; a filter of 1 MB finds nothing. The table is still there and
still holds its rows afterwards.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$hostile = [
	"' OR 1=1 -- ",
	'" OR ""="',
	"x' UNION SELECT * FROM tbladmins -- ",
	"1; DROP TABLE tblcontacts",
	'%',
	'_',
	'a\\',
	"a\0b",
	'/* */',
];
$ids = [];
foreach ($hostile as $value) {
	$stored = htmlspecialchars($value, ENT_QUOTES, 'UTF-8');
	$ids[] = la_insert('tblcontacts', ['userid' => $cid, 'lastname' => $stored, 'email' => $stored]);
}
$other = la_insert('tblcontacts', ['userid' => $cid, 'lastname' => 'plain', 'email' => 'plain']);

function la_ids(array $post): array
{
	$answer = localAPI('GetContacts', $post + ['limitnum' => 100]);
	if (($answer['result'] ?? null) !== 'success') {
		return [la_show($answer)];
	}
	return array_map(fn ($row) => $row['id'], $answer['contacts']['contact'] ?? []);
}

$n = 1;
foreach ($hostile as $i => $value) {
	la_is($n++, [la_ids(['userid' => $cid, 'lastname' => $value]), la_ids(['email' => $value, 'userid' => $cid])],
		[[$ids[$i]], [$ids[$i]]]);
}
la_is($n++, la_ids(['userid' => $cid, 'lastname' => 'pla%']), []);
la_is($n++, la_ids(['userid' => $cid, 'lastname' => 'plai_']), []);
la_is($n++, la_ids(['userid' => $cid, 'lastname' => str_repeat('x', 1 << 20)]), []);
$recursive = ['a'];
$recursive[] = &$recursive;
$file = fopen('php://memory', 'r');
la_is($n++, la_ids(['lastname' => $file]), ['error: lastname must be a string']);
la_is($n++, la_ids(['city' => $recursive]), ['error: city must be a string']);
la_is($n++, count(la_ids(['userid' => $cid, 'notes' => $recursive])), count($hostile) + 1);
la_is($n++, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid), count($hostile) + 1);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
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
12: ok
13: ok
14: ok
15: ok
16: ok
