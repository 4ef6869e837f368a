--TEST--
INI: phpinfo() never shows localapi.db_password (behaviour §4)
--DESCRIPTION--
Neither the master value (from the INI file) nor a local value set with
ini_set() appears in phpinfo()'s output, text or HTML; the entry itself is
listed.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--INI--
localapi.db_password=la-Master-Secret-401
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$before = ob_get_clean();
ini_set('localapi.db_password', 'la-Local-Secret-401');
ob_start();
phpinfo(INFO_MODULES);
$after = ob_get_clean();
ob_start();
phpinfo(INFO_CONFIGURATION);
$config = ob_get_clean();
$all = $before . $after . $config;
echo '1: ', str_contains($after, 'localapi.db_password') ? 'ok' : 'entry not listed', "\n";
echo '2: ', str_contains($all, 'la-Master-Secret-401') ? 'master value shown' : 'ok', "\n";
echo '3: ', str_contains($all, 'la-Local-Secret-401') ? 'local value shown' : 'ok', "\n";
echo '4: ', str_contains($after, 'localapi.db_host') ? 'ok' : 'section missing', "\n";
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
