--TEST--
GetClientsDetails never writes: every table's checksum is the same after the calls, no uuid or owner is saved, no hook fires but CustomFieldLoad (behaviour §11.11 "Never writes")
--DESCRIPTION--
A client with an empty uuid, no owner user (8.x), custom fields, stats
asked: after calls by id and by email, by an admin and not, CHECKSUM TABLE of
every table of the database is unchanged (no INSERT, UPDATE or DELETE
anywhere: tblclients, tblusers, tblusers_clients, tblactivitylog ...), the
empty uuid is still empty, no owner appeared, and of the hooks
registered (LogActivity, UserAdd, ClientEdit, CustomFieldLoad) only
CustomFieldLoad ran.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

$email = la_unique_email('gcd');
$cid = la_gcd_client(['uuid' => '', 'currency' => 1], $email);
$tables = array_column(la_rows('SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()'
	. " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"), 'TABLE_NAME');
$checksums = function () use ($tables) {
	$sums = [];
	foreach ($tables as $table) {
		$sums[$table] = la_row("CHECKSUM TABLE `$table`")['Checksum'];
	}
	return $sums;
};
$fired = [];
foreach (['LogActivity', 'UserAdd', 'ClientEdit', 'CustomFieldLoad'] as $point) {
	add_hook($point, 1, function ($vars) use ($point, &$fired) {
		$fired[$point] = true;
	});
}
$before = $checksums();
la_ok(1, count($tables) > 20, count($tables));
$answers = [
	la_gcd(['clientid' => $cid, 'stats' => true]),
	la_gcd(['email' => $email]),
	localAPI('GetClientsDetails', ['clientid' => $cid], 'admin'),
	la_gcd(['clientid' => 1, 'stats' => 1]),
];
la_is(2, array_column($answers, 'result'), ['success', 'success', 'success', 'success']);
la_is(3, array_diff_assoc($checksums(), $before), []);
la_is(4, array_keys($fired), la_count("SELECT COUNT(*) FROM tblcustomfields WHERE type = 'client' AND relid = 0") ? ['CustomFieldLoad'] : []);
la_is(5, [la_value('SELECT uuid FROM tblclients WHERE id = ?', $cid), $answers[0]['owner_user_id'] ?? 0], ['', 0]);
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
