--TEST--
Beside WHMCS: a WHMCS request has none of the extension's Capsule, Setting, autoloader or $CONFIG; a script outside has them (behaviour §12, §13)
--DESCRIPTION--
In the stand-in WHMCS tree of tests/beside-whmcs.inc, a page and a cron name
WHMCS\Database\Capsule and WHMCS\Config\Setting before requiring init.php:
class_exists() (which autoloads) is false, no autoloader is registered, no
Laravel class is loaded and $CONFIG is unset, even with localapi.hooks_dir
set; after init.php the classes are WHMCS's own. A script outside the tree
with the same INI finds the extension's Capsule, a subclass of Laravel's
Manager (the contrast that shows the checks can fail).
--EXTENSIONS--
localapi
--SKIPIF--
<?php
$la_no_server = true;
require __DIR__ . '/skipif.inc';
require __DIR__ . '/capsule.inc';
la_capsule_skipif();
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/beside-whmcs.inc';

$t = la_bw_tree();
$probe = <<<'PHP'
function la_capsule_probe(): array
{
	return [
		'capsule' => class_exists('WHMCS\Database\Capsule'),
		'setting' => class_exists('WHMCS\Config\Setting'),
		'autoloaders' => count(spl_autoload_functions()),
		'laravel' => count(array_filter(get_declared_classes(), fn ($c) => str_starts_with($c, 'Illuminate\\'))),
		'config' => isset($GLOBALS['CONFIG']),
	];
}
PHP;
$page = "<?php\n$probe\n\$before = la_capsule_probe();\nrequire __DIR__ . '/init.php';\n"
	. "echo json_encode([\$before, WHMCS\\Database\\Capsule::OWNER, get_parent_class('WHMCS\\Database\\Capsule')]), \"\\n\";\n";
file_put_contents("{$t['whmcs']}/capsule.php", $page);
file_put_contents("{$t['whmcs']}/crons/capsule.php", str_replace("__DIR__ . '/init.php'", "__DIR__ . '/../init.php'", $page));
file_put_contents("{$t['root']}/worker/capsule.php", "<?php\n$probe\necho json_encode([la_capsule_probe(), get_parent_class('WHMCS\\Database\\Capsule')]), \"\\n\";\n");

$ini = ['localapi.hooks_dir' => $t['hooks'], 'localapi.db_host' => '127.0.0.1', 'localapi.db_port' => '1'];
$none = ['capsule' => false, 'setting' => false, 'autoloaders' => 0, 'laravel' => 0, 'config' => false];
la_is(1, la_bw_run("{$t['whmcs']}/capsule.php", $ini), [$none, 'whmcs', false]);
la_is(2, la_bw_run("{$t['whmcs']}/crons/capsule.php", $ini), [$none, 'whmcs', false]);
/* pdo_mysql, which Capsule needs, is loaded for the child (it runs without php.ini) */
[$out, $err] = la_bw_php(['-d', 'extension=mysqlnd', '-d', 'extension=pdo', '-d', 'extension=pdo_mysql', "{$t['root']}/worker/capsule.php"], $ini);
$outside = json_decode($out, true) ?? "out: $out, err: $err";
la_is(3, [$outside[0]['capsule'] ?? null, $outside[0]['setting'] ?? null, $outside[1] ?? null],
	[true, true, 'Illuminate\Database\Capsule\Manager']);
?>
--EXPECT--
1: ok
2: ok
3: ok
