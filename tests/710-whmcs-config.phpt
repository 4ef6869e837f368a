--TEST--
localapi.whmcs_config: the connection comes from WHMCS's configuration.php, which is read without running it (behaviour §8)
--DESCRIPTION--
A configuration.php as WHMCS writes it, plus what real installs add to it
($license, $cc_encryption_hash, an assignment to $_SERVER, a function, a
constant, output, inline HTML after the closing tag). With
localapi.whmcs_config naming it, the INI entries db_host, db_port,
db_username, db_password and db_name are ignored (they are set to values
that reach nothing here); localapi.db_socket still names the socket. The
file is parsed, never run: no output, the caller's variables, $GLOBALS,
$_SERVER, the functions and the constants are exactly as before, and none of
the file's secrets appears in phpinfo() (which says where the settings come
from, not what they are) or in any answer. A wrong password in the file is
answered "Database error: ..." without the password.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/whmcs-config.inc';

$dir = la_config_dir();
$secrets = ['WHMCS-la710-license-secret', 'la710-cc-hash-secret', 'la710-wrong-password-secret'];
$source = "<?php\n\$license = '{$secrets[0]}';\n" . la_config_lines() . "\$cc_encryption_hash = '{$secrets[1]}';\n"
	. "\$templates_compiledir = 'templates_c';\n\$mysql_charset = 'utf8';\n\$customadminpath = 'admin';\n"
	. "\$_SERVER['LA710'] = 'set by configuration.php';\n\$GLOBALS['la710'] = 1;\n"
	. "define('LA710_CONSTANT', 1);\nfunction la710_function() {}\necho 'la710 output';\n"
	. "date_default_timezone_set('Pacific/Chatham');\n?>\n<p>la710 inline HTML</p>\n";
$cid = la_make_client();
la_config_spoil_ini();

function la_710_call(int $cid): array
{
	$result = 'before';
	$globals_before = array_keys($GLOBALS);
	$server_before = $_SERVER;
	$timezone = date_default_timezone_get();
	ob_start();
	$answer = localAPI('AddContact', ['clientid' => $cid]);
	$output = ob_get_clean();
	$unexpected = array_diff(array_keys(get_defined_vars()),
		['cid', 'result', 'globals_before', 'server_before', 'timezone', 'answer', 'output']);
	$scope = [array_values($unexpected), array_keys($GLOBALS) === $globals_before, $_SERVER === $server_before,
		$result, date_default_timezone_get() === $timezone, function_exists('la710_function'),
		defined('LA710_CONSTANT'), $output];
	return [$answer, $scope];
}

$path = la_config_use($dir, 'configuration.php', $source);
[$answer, $scope] = la_710_call($cid);
la_is(1, la_show($answer), 'success');
la_is(2, $scope, [[], true, true, 'before', true, false, false, '']);
la_is(3, [ini_get('localapi.db_username'), ini_get('localapi.db_name')], ['la_nobody', 'la_no_such_db']);
/* all but the environment and $_SERVER, where this test's own credentials are */
ob_start();
phpinfo(INFO_GENERAL | INFO_CREDITS | INFO_CONFIGURATION | INFO_MODULES | INFO_LICENSE);
$info = ob_get_clean();
la_is(4, array_filter(array_merge($secrets, [la_config()['password']]), fn ($s) => str_contains($info, $s)), []);
la_is(5, la_info('Connection settings'), 'from localapi.whmcs_config (values not shown)');
la_is(6, la_info('localapi.whmcs_config'), "$path => no value");

$wrong = la_config_use($dir, 'wrong-password.php', "<?php\n" . la_config_lines(['db_password' => $secrets[2]]));
$answer = localAPI('AddContact', ['clientid' => $cid]);
la_ok(7, str_starts_with($answer['message'] ?? '', 'Database error: Access denied for user'), $answer);
la_ok(8, !str_contains(json_encode($answer), $secrets[2]), $answer);
la_is(9, count(la_contacts_of($cid)), 1);
ini_set('localapi.whmcs_config', '');
la_ini_apply();
la_call(10, 'AddContact', ['clientid' => $cid]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/whmcs-config.inc';
la_config_dir_remove();
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
10: success
