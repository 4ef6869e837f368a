--TEST--
GetContacts: a row is the table's row as the table is now, NULL as null, with the server's types (behaviour §10)
--DESCRIPTION--
The columns of a row are read from the table, never assumed: columns added
to tblcontacts after a first call (a nullable int, a DECIMAL, a DOUBLE, a
nullable text) appear in the next call's rows, at the table's end, in the
same connection (its statements were prepared before the change). NULL comes
back as null, DECIMAL as a string, DOUBLE as a float, int as int. After the
columns are dropped again the rows are as before. The ALTER TABLE changes
what every test sees, hence CONFLICTS all.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
try {
	la_query('ALTER TABLE tblcontacts ADD COLUMN la_test_919_probe INT NULL');
	la_query('ALTER TABLE tblcontacts DROP COLUMN la_test_919_probe');
} catch (Throwable $e) {
	die('skip the test user cannot alter tblcontacts');
}
?>
--CONFLICTS--
all
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$id = la_insert('tblcontacts', ['userid' => $cid, 'firstname' => 'layout']);
$row = fn () => localAPI('GetContacts', ['userid' => $cid])['contacts']['contact'][0] ?? null;
$before = $row();
la_is(1, array_keys($before), array_column(la_columns('tblcontacts'), 'COLUMN_NAME'));

la_query('ALTER TABLE tblcontacts ADD COLUMN la_test_null_int INT NULL, ADD COLUMN la_test_dec DECIMAL(10,2) NULL DEFAULT 1.50,'
	. ' ADD COLUMN la_test_double DOUBLE NULL DEFAULT 0.25, ADD COLUMN la_test_null_text TEXT NULL');
$after = $row();
la_is(2, array_slice($after, 0, count($before)), $before);
la_is(3, array_slice($after, count($before)), ['la_test_null_int' => null, 'la_test_dec' => '1.50',
	'la_test_double' => 0.25, 'la_test_null_text' => null]);
la_query('UPDATE tblcontacts SET la_test_null_int = 7, la_test_null_text = ? WHERE id = ?', 'x', $id);
la_is(4, array_slice($row(), count($before)), ['la_test_null_int' => 7, 'la_test_dec' => '1.50',
	'la_test_double' => 0.25, 'la_test_null_text' => 'x']);

la_query('ALTER TABLE tblcontacts DROP COLUMN la_test_null_int, DROP COLUMN la_test_dec, DROP COLUMN la_test_double,'
	. ' DROP COLUMN la_test_null_text');
la_is(5, $row(), $before);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
foreach (['la_test_null_int', 'la_test_dec', 'la_test_double', 'la_test_null_text'] as $column) {
	/* DROP COLUMN IF EXISTS is MariaDB's only: ask first, for MySQL too. */
	if (la_count('SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()'
			. " AND TABLE_NAME = 'tblcontacts' AND COLUMN_NAME = ?", $column) === 1) {
		la_query("ALTER TABLE tblcontacts DROP COLUMN $column");
	}
}
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
