--TEST--
Capsule: a ContactAdd hook file reads the new contact through WHMCS\Database\Capsule, WHMCS\Config\Setting and $CONFIG (behaviour §13, §7 "Commit points")
--DESCRIPTION--
tests/hooks/capsule/contact_capsule.php, written as WHMCS hook files are
(`use WHMCS\Database\Capsule`, `global $CONFIG`), is loaded through
localapi.hooks_dir. When it loads, $CONFIG holds tblconfiguration's
DefaultCountry; its ContactAdd callback finds the new contact with
Capsule::table()->where()->first() (a stdClass row: the contact committed
before the hook ran, and Capsule has its own connection),
Setting::getValue('DefaultCountry') gives the row's value and null for a
setting that does not exist. No warning.
--EXTENSIONS--
localapi
mysqli
pdo_mysql
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require __DIR__ . '/capsule.inc';
la_capsule_skipif();
?>
--CONFLICTS--
defaultcountry
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

ini_set('localapi.hooks_dir', la_hooks_fixture('capsule'));
$country = la_value("SELECT value FROM tblconfiguration WHERE setting = 'DefaultCountry'");
$cid = la_make_client();
$email = la_unique_email();
la_errors_start();
$answer = localAPI('AddContact', ['clientid' => $cid, 'firstname' => 'Capsule', 'email' => $email]);
echo '1: ', la_show($answer), "\n";
$seen = $GLOBALS['la_capsule_seen'] ?? [];
la_is(2, $seen['contact'] ?? null, ['stdClass', $cid, $email]);
la_is(3, $seen['count'] ?? null, 1);
la_is(4, [$seen['setting'] ?? '?', array_key_exists('missing', $seen) ? $seen['missing'] : '?'], [$country, null]);
la_is(5, [$seen['config_at_load'] ?? '?', $seen['config'] ?? '?'], [$country, $country]);
la_is(6, la_errors_take(), []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
