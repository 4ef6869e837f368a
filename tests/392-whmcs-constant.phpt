--TEST--
Drop-in guard: the extension defines the constant WHMCS (behaviour §7)
--DESCRIPTION--
Files written for WHMCS start with if (!defined("WHMCS")) die(...);
such a file must load unchanged.
--EXTENSIONS--
localapi
--SKIPIF--
<?php $la_no_server = true; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
echo '1: ', defined('WHMCS') ? 'ok' : 'not defined', "\n";
$file = sys_get_temp_dir() . '/localapi-test-392-' . getmypid() . '.php';
file_put_contents($file, '<?php if (!defined("WHMCS")) die("This file cannot be accessed directly"); return "loaded";');
echo '2: ', include $file, "\n";
unlink($file);
$constant = (new ReflectionExtension('localapi'))->getConstants();
echo '3: ', array_key_exists('WHMCS', $constant) ? 'ok' : 'not from localapi', "\n";
?>
--EXPECT--
1: ok
2: loaded
3: ok
