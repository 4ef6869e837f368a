--TEST--
Capsule: Laravel's Capsule on the extension's database: schema, transactions, select with bindings, WHMCS's session, and no atomicity with localAPI() (behaviour §13)
--DESCRIPTION--
WHMCS\Database\Capsule is a subclass of Illuminate\Database\Capsule\Manager
set as the global instance, on the database of the localapi.db_* entries.
A module-style Capsule::schema()->create() / hasTable() / drop(); a
transaction() that commits and one whose callback throws (rolled back);
Capsule::select() with bindings returns stdClass rows; the session runs
WHMCS's options (charset utf8, utf8_unicode_ci, sql_mode
NO_ENGINE_SUBSTITUTION: not strict). A localAPI() call inside a Capsule
transaction that rolls back keeps its contact: Capsule has its own
connection, so the two are not atomic. WHMCS\Config\Setting::setValue()
adds a tblconfiguration row, then updates it; getValue() reads it back.
pcre.jit is off: under valgrind this test otherwise shows "Conditional jump
... depends on uninitialised value(s)" in unnamed code, which PCRE's JIT
generates for Laravel's patterns (the report goes with pcre.jit=0).
--INI--
pcre.jit=0
--EXTENSIONS--
localapi
mysqli
pdo_mysql
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require __DIR__ . '/capsule.inc';
la_capsule_skipif();
if (!la_can_create_triggers()) die('skip the test user may not create tables');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

use WHMCS\Database\Capsule;

$table = 'mod_localapi_capsule_901';
la_query("DROP TABLE IF EXISTS `$table`");
la_query('DELETE FROM tblconfiguration WHERE setting = ?', 'LocalapiCapsule901');
la_ok(1, !class_exists('Illuminate\Database\Capsule\Manager', false));
la_is(2, [get_parent_class(Capsule::class), Capsule::connection()->getDatabaseName()],
	['Illuminate\Database\Capsule\Manager', la_config()['db']]);

Capsule::schema()->create($table, function ($t) {
	$t->increments('id');
	$t->string('name');
});
la_is(3, [Capsule::schema()->hasTable($table), Capsule::schema()->hasColumn($table, 'name')], [true, true]);

Capsule::connection()->transaction(function () use ($table) {
	Capsule::table($table)->insert(['name' => 'kept']);
});
try {
	Capsule::connection()->transaction(function () use ($table) {
		Capsule::table($table)->insert(['name' => 'undone']);
		throw new RuntimeException('roll back');
	});
} catch (RuntimeException $e) {
}
la_is(4, Capsule::table($table)->pluck('name')->all(), ['kept']);

$rows = Capsule::select("SELECT name, ? + 1 AS n FROM `$table` WHERE name = ?", [41, 'kept']);
la_is(5, [count($rows), get_class($rows[0]), $rows[0]->name, (int) $rows[0]->n], [1, 'stdClass', 'kept', 42]);
$session = Capsule::selectOne('SELECT @@character_set_client AS cs, @@collation_connection AS co, @@session.sql_mode AS m');
la_is(6, [$session->cs, $session->co, $session->m], ['utf8mb3', 'utf8mb3_unicode_ci', 'NO_ENGINE_SUBSTITUTION']);

Capsule::schema()->drop($table);
la_is(7, Capsule::schema()->hasTable($table), false);

/* Not atomic: the contact localAPI() committed stays when Capsule's transaction rolls back. */
$cid = la_make_client();
$contactid = null;
try {
	Capsule::connection()->transaction(function () use ($cid, &$contactid) {
		$contactid = localAPI('AddContact', ['clientid' => $cid])['contactid'] ?? null;
		throw new RuntimeException('roll back');
	});
} catch (RuntimeException $e) {
}
la_ok(8, is_int($contactid) && la_contact($contactid) !== null, $contactid);
la_is(9, Capsule::table('tblcontacts')->where('id', $contactid)->value('userid'), $cid);

/* WHMCS\Config\Setting::setValue() adds a row, then updates it; getValue() reads it back. */
$setting = 'LocalapiCapsule901';
WHMCS\Config\Setting::setValue($setting, 'one');
WHMCS\Config\Setting::setValue($setting, 2);
la_is(10, [WHMCS\Config\Setting::getValue($setting), la_count('SELECT COUNT(*) FROM tblconfiguration WHERE setting = ?', $setting),
	la_value('SELECT value FROM tblconfiguration WHERE setting = ?', $setting)], ['2', 1, '2']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_query('DROP TABLE IF EXISTS `mod_localapi_capsule_901`');
la_query('DELETE FROM tblconfiguration WHERE setting = ?', 'LocalapiCapsule901');
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
