--TEST--
GetContacts: a row is the table's row as the table is now, NULL as null, with the server's types (behaviour §10)
--DESCRIPTION--
The columns of a row are read from the table, never assumed: columns added
to tblcontacts after a first call (a nullable int, a DECIMAL, a DOUBLE, a
nullable text) appear in the next call's rows, at the table's end, in the
same connection (its statements were prepared before the change). NULL comes
back as null, DECIMAL as a string, DOUBLE as a float, int as int; DATE,
DATETIME and TIMESTAMP as the server's text with the column's fraction
digits; text longer than what arrives with the row whole. After the
columns are dropped again the rows are as before. A column whose type
changes (INT, VARCHAR, DATETIME(2), DATETIME(4), BIGINT, BIGINT UNSIGNED)
while the number of columns stays comes back in its new type every time. The ALTER TABLE changes
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

/* Dates and times as the server's text, the fraction of a second to the column's digits; text of
 * any length, shorter and longer than what arrives with the row (256 bytes). */
la_query('ALTER TABLE tblcontacts ADD COLUMN la_test_dt3 DATETIME(3) NULL, ADD COLUMN la_test_date DATE NULL,'
	. ' ADD COLUMN la_test_ts6 TIMESTAMP(6) NULL DEFAULT NULL, ADD COLUMN la_test_dt DATETIME NULL,'
	. ' ADD COLUMN la_test_t256 TEXT NULL, ADD COLUMN la_test_t257 TEXT NULL, ADD COLUMN la_test_long TEXT NULL');
la_query("UPDATE tblcontacts SET la_test_dt3 = '2024-01-02 03:04:05.678', la_test_date = '0999-12-31',"
	. " la_test_ts6 = '2030-06-07 08:09:10.000012', la_test_dt = '9999-12-31 23:59:59', la_test_t256 = ?,"
	. ' la_test_t257 = ?, la_test_long = ? WHERE id = ?', str_repeat('a', 256), str_repeat('b', 257), str_repeat('é', 3000), $id);
la_is(6, array_slice($row(), count($before)), ['la_test_dt3' => '2024-01-02 03:04:05.678', 'la_test_date' => '0999-12-31',
	'la_test_ts6' => '2030-06-07 08:09:10.000012', 'la_test_dt' => '9999-12-31 23:59:59', 'la_test_t256' => str_repeat('a', 256),
	'la_test_t257' => str_repeat('b', 257), 'la_test_long' => str_repeat('é', 3000)]);
la_query("UPDATE tblcontacts SET la_test_dt3 = '2024-01-02 03:04:05', la_test_ts6 = '2030-06-07 08:09:10' WHERE id = ?", $id);
la_is(7, array_slice($row(), count($before), 3), ['la_test_dt3' => '2024-01-02 03:04:05.000', 'la_test_date' => '0999-12-31',
	'la_test_ts6' => '2030-06-07 08:09:10.000000']);
la_query('ALTER TABLE tblcontacts DROP COLUMN la_test_dt3, DROP COLUMN la_test_date, DROP COLUMN la_test_ts6,'
	. ' DROP COLUMN la_test_dt, DROP COLUMN la_test_t256, DROP COLUMN la_test_t257, DROP COLUMN la_test_long');
la_is(8, $row(), $before);

/* A column whose type changes while the number of columns stays the same: every read gives the
 * value in the type the column has now (the kept shape of the result is checked at each read). */
$kind = fn () => array_slice($row(), count($before));
la_query('ALTER TABLE tblcontacts ADD COLUMN la_test_kind INT NULL');
la_query('UPDATE tblcontacts SET la_test_kind = 5 WHERE id = ?', $id);
la_is(9, $kind(), ['la_test_kind' => 5]);
la_query('ALTER TABLE tblcontacts MODIFY COLUMN la_test_kind VARCHAR(10) NULL');
la_is(10, $kind(), ['la_test_kind' => '5']);
la_query('UPDATE tblcontacts SET la_test_kind = NULL WHERE id = ?', $id);
la_query('ALTER TABLE tblcontacts MODIFY COLUMN la_test_kind DATETIME(2) NULL');
la_query("UPDATE tblcontacts SET la_test_kind = '2024-01-02 03:04:05.67' WHERE id = ?", $id);
la_is(11, $kind(), ['la_test_kind' => '2024-01-02 03:04:05.67']);
la_query('ALTER TABLE tblcontacts MODIFY COLUMN la_test_kind DATETIME(4) NULL');
la_is(12, $kind(), ['la_test_kind' => '2024-01-02 03:04:05.6700']);
la_query('UPDATE tblcontacts SET la_test_kind = NULL WHERE id = ?', $id);
la_query('ALTER TABLE tblcontacts MODIFY COLUMN la_test_kind BIGINT NULL');
la_query('UPDATE tblcontacts SET la_test_kind = -1 WHERE id = ?', $id);
la_is(13, $kind(), ['la_test_kind' => -1]);
la_query('UPDATE tblcontacts SET la_test_kind = NULL WHERE id = ?', $id);
la_query('ALTER TABLE tblcontacts MODIFY COLUMN la_test_kind BIGINT UNSIGNED NULL');
la_query('UPDATE tblcontacts SET la_test_kind = 18446744073709551615 WHERE id = ?', $id);
la_is(14, $kind(), ['la_test_kind' => '18446744073709551615']);
la_query('ALTER TABLE tblcontacts DROP COLUMN la_test_kind');
la_is(15, $row(), $before);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
foreach (['la_test_null_int', 'la_test_dec', 'la_test_double', 'la_test_null_text', 'la_test_dt3', 'la_test_date',
	'la_test_ts6', 'la_test_dt', 'la_test_t256', 'la_test_t257', 'la_test_long', 'la_test_kind'] as $column) {
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
