--TEST--
Capsule: the settings in force come from configuration.php: user, database, $mysql_charset, and the TLS settings as pdo_mysql's SSL attributes (behaviour §13, §8)
--DESCRIPTION--
With localapi.whmcs_config naming a configuration.php (and the INI
connection entries spoiled, so only the file can work), Capsule connects as
the file says: CURRENT_USER(), DATABASE(), and $mysql_charset = 'utf8mb4'
(character_set_client utf8mb4, utf8mb4_unicode_ci). In a second process, a
file naming a TCP host and port with every $db_tls_* setting gives Capsule's
connection those as PDO::MYSQL_ATTR_SSL_CA, SSL_CAPATH, SSL_CERT, SSL_KEY,
SSL_CIPHER and SSL_VERIFY_SERVER_CERT (read from its configuration; no
connection is made, the host does not exist), and PDO::ATTR_PERSISTENT
follows localapi.persistent. A $mysql_charset that is not a constant value is
ignored (utf8), and localAPI() on the same file still works.
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
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/whmcs-config.inc';
require_once __DIR__ . '/beside-whmcs.inc';

use WHMCS\Database\Capsule;

$dir = la_config_dir();
la_config_use($dir, 'configuration.php', "<?php\n" . la_config_lines() . "\$mysql_charset = 'utf8mb4';\n"
	. "\$cc_encryption_hash = 'secret';\n");
la_config_spoil_ini();
$row = Capsule::selectOne('SELECT CURRENT_USER() AS u, DATABASE() AS d, @@character_set_client AS cs, @@collation_connection AS co');
la_is(1, [strstr($row->u, '@', true), $row->d, $row->cs, $row->co],
	[la_config()['user'], la_config()['db'], 'utf8mb4', 'utf8mb4_unicode_ci']);

file_put_contents("$dir/tls.php", "<?php\n\$db_host = 'db.invalid';\n\$db_port = '3307';\n\$db_username = 'u';\n"
	. "\$db_password = 'p';\n\$db_name = 'whmcs';\n\$db_tls_ca = '$dir/ca.pem';\n\$db_tls_ca_path = '$dir/capath';\n"
	. "\$db_tls_cert = '$dir/cert.pem';\n\$db_tls_key = '$dir/key.pem';\n\$db_tls_cipher = 'ECDHE-RSA-AES256-GCM-SHA384';\n"
	. "\$db_tls_verify_cert = true;\n");
/* pdo_mysql's attribute names: Pdo\Mysql's from PHP 8.4 (8.5 deprecates PDO::MYSQL_ATTR_*). */
$script = '$c = WHMCS\Database\Capsule::connection()->getConfig(); $o = $c["options"];'
	. '$a = fn($n) => $o[constant((class_exists("Pdo\\Mysql") ? "Pdo\\Mysql::ATTR_" : "PDO::MYSQL_ATTR_") . $n)];'
	. 'echo json_encode([$c["host"], $c["port"], $c["unix_socket"] ?? null, $c["charset"], $a("SSL_CA"), $a("SSL_CAPATH"),'
	. '$a("SSL_CERT"), $a("SSL_KEY"), $a("SSL_CIPHER"),'
	. '$a("SSL_VERIFY_SERVER_CERT"), $o[PDO::ATTR_PERSISTENT]]);';
foreach ([2 => '1', 3 => '0'] as $n => $persistent) {
	/* a child without php.ini (tests/beside-whmcs.inc), with pdo_mysql */
	[$out, $err] = la_bw_php(['-d', 'extension=mysqlnd', '-d', 'extension=pdo', '-d', 'extension=pdo_mysql', '-r', $script],
		['localapi.whmcs_config' => "$dir/tls.php", 'localapi.persistent' => $persistent]);
	la_is($n, json_decode($out, true) ?? "out: $out, err: $err", ['db.invalid', 3307, null, 'utf8', "$dir/ca.pem", "$dir/capath",
		"$dir/cert.pem", "$dir/key.pem", 'ECDHE-RSA-AES256-GCM-SHA384', true, $persistent === '1']);
}

/* A $mysql_charset the file computes is ignored (utf8), and the extension's own link still works. */
file_put_contents("$dir/computed.php", "<?php\n" . la_config_lines() . "\$mysql_charset = strtolower('UTF8MB4');\n");
[$out, $err] = la_bw_php(['-d', 'extension=mysqlnd', '-d', 'extension=pdo', '-d', 'extension=pdo_mysql', '-r',
	'echo json_encode([WHMCS\Database\Capsule::connection()->getConfig()["charset"], localAPI("AddContact", ["clientid" => 0])]);'],
	['localapi.whmcs_config' => "$dir/computed.php", 'localapi.db_socket' => la_config()['socket']]);
la_is(4, json_decode($out, true) ?? "out: $out, err: $err", ['utf8', ['result' => 'error', 'message' => 'Client ID Not Found']]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/whmcs-config.inc';
la_config_dir_remove();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
