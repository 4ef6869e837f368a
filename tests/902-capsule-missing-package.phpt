--TEST--
Capsule: without Laravel, the first use of WHMCS\Database\Capsule or WHMCS\Config\Setting is an Error naming the Debian package and localapi.composer_autoload (behaviour §13)
--DESCRIPTION--
localapi.composer_autoload names a vendor/autoload.php in an empty folder,
so no Laravel can be found: Capsule::table() throws an Error whose message
names php-illuminate-database, localapi.composer_autoload and the file, not
"Class not found"; Setting::getValue() gives the same Error (it runs on
Capsule); no class of Laravel was loaded. Naming the class with
class_exists($name, false) does not load anything.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$dir = la_tmp_path(la_test_tag() . '-empty');
@mkdir($dir, 0700, true);
ini_set('localapi.composer_autoload', "$dir/vendor/autoload.php");
la_ok(1, !class_exists('WHMCS\Database\Capsule', false));
function la_message(callable $use): string
{
	try {
		$use();
		return 'no error';
	} catch (Throwable $e) {
		return get_class($e) . ': ' . $e->getMessage();
	}
}
$message = la_message(fn () => WHMCS\Database\Capsule::table('tblclients')->count());
la_ok(2, str_starts_with($message, 'Error: ') && str_contains($message, 'php-illuminate-database')
	&& str_contains($message, 'localapi.composer_autoload') && str_contains($message, "$dir/vendor/autoload.php"), $message);
la_is(3, la_message(fn () => WHMCS\Config\Setting::getValue('DefaultCountry')), $message);
la_is(4, array_values(array_filter(get_declared_classes(), fn ($c) => str_starts_with($c, 'Illuminate\\'))), []);
rmdir($dir);
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
