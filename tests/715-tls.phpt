--TEST--
TLS to the server: the localapi.db_tls_* entries and configuration.php's $db_tls_* settings, with certificates made by this test (behaviour §8)
--DESCRIPTION--
The test makes a CA, a server certificate for "localhost" and a client
certificate signed by it, plus a second, unrelated CA, and has the private
server (scripts/db.sh tls-install) use its CA and server certificate; the
connection runs over the server's unix socket, where MariaDB speaks TLS as
over TCP. Any TLS setting asks for TLS, and then a server that cannot do it
is an error, never a silent plain-text connection. Checked through the INI
entries and through configuration.php: the CA verifies the server (phpinfo()
names the cipher), the other CA does not (Database error), the account
localapi_x509 (REQUIRE X509) is refused without the client certificate and
accepted with it, an unknown cipher is an error, and with a configuration
file the INI TLS entries do not apply (the file decides). Private server
only: it installs certificates into it.
--EXTENSIONS--
localapi
mysqli
openssl
pdo_mysql
--CONFLICTS--
tls
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/reliability.inc';
if (($why = la_rel_db_sh_unusable()) !== null) {
	die("skip $why");
}
require __DIR__ . '/capsule.inc';
la_capsule_skipif();
/* MariaDB says whether TLS is up in have_ssl; MySQL 9 has no have_ssl, and serves TLS when it has a certificate. */
$have_ssl = la_row("SHOW VARIABLES LIKE 'have_ssl'");
if ($have_ssl !== null ? $have_ssl['Value'] !== 'YES' : (string) la_value('SELECT @@ssl_cert') === '') {
	die('skip the private server runs without TLS: restart it (scripts/db.sh stop; scripts/db.sh start)');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';
require_once __DIR__ . '/whmcs-config.inc';

/* The account scripts/db.sh makes for client certificates. */
const LA_X509_USER = 'localapi_x509';
const LA_X509_PASSWORD = 'localapi-x509-pw';

function la_tls_sign(string $cnf, string $cn, string $section, $ca_cert, $ca_key, string $dir, string $name): array
{
	$key = openssl_pkey_new(['private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1']);
	$options = ['config' => $cnf, 'digest_alg' => 'sha256', 'x509_extensions' => $section];
	$csr = openssl_csr_new(['commonName' => $cn], $key, $options);
	$cert = openssl_csr_sign($csr, $ca_cert, $ca_key ?? $key, 3650, $options, random_int(1, PHP_INT_MAX));
	openssl_x509_export_to_file($cert, "$dir/$name-cert.pem");
	openssl_pkey_export_to_file($key, "$dir/$name-key.pem");
	return [$cert, $key];
}

$dir = la_config_dir();
$cnf = "$dir/openssl.cnf";
file_put_contents($cnf, "[req]\ndistinguished_name = dn\n[dn]\n"
	. "[la_ca]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n"
	. "[la_server]\nbasicConstraints = CA:FALSE\nsubjectAltName = DNS:localhost\nextendedKeyUsage = serverAuth\n"
	. "[la_client]\nbasicConstraints = CA:FALSE\nextendedKeyUsage = clientAuth\n");
[$ca, $ca_key] = la_tls_sign($cnf, 'localapi test CA ' . getmypid(), 'la_ca', null, null, $dir, 'ca');
la_tls_sign($cnf, 'localhost', 'la_server', $ca, $ca_key, $dir, 'server');
la_tls_sign($cnf, 'localapi test client', 'la_client', $ca, $ca_key, $dir, 'client');
la_tls_sign($cnf, 'another CA', 'la_ca', null, null, $dir, 'other');
rename("$dir/ca-cert.pem", "$dir/ca.pem");
exec(la_rel_db_sh_command('tls-install ' . escapeshellarg($dir) . ' 2>&1'), $out, $code);
la_is(1, $code, 0);

$cid = la_make_client();
function la_tls(int $cid, array $ini): string
{
	foreach (['ca', 'ca_path', 'cert', 'key', 'cipher'] as $name) {
		ini_set("localapi.db_tls_$name", $ini[$name] ?? '');
	}
	ini_set('localapi.db_tls_verify_cert', $ini['verify'] ?? '0');
	ini_set('localapi.db_username', $ini['user'] ?? la_config()['user']);
	ini_set('localapi.db_password', $ini['password'] ?? la_config()['password']);
	$shown = la_show(localAPI('AddContact', ['clientid' => $cid]));
	return str_starts_with($shown, 'error: Database error: TLS/SSL error: ') ? 'TLS error' : $shown;
}
/* What phpinfo() says of the link: "no TLS", or "TLS" and a cipher. */
function la_tls_link(): string
{
	$link = (string) la_info('Persistent link');
	if (str_ends_with($link, ', no TLS)')) {
		return 'no TLS';
	}
	return preg_match('/, TLS [A-Z0-9_-]+\)$/', $link) ? 'TLS' : $link;
}

la_is(2, [la_tls($cid, []), la_tls_link()], ['success', 'no TLS']);
la_is(3, [la_tls($cid, ['ca' => "$dir/ca.pem", 'verify' => '1']), la_tls_link()], ['success', 'TLS']);
/* a CA folder as OpenSSL reads one: certificates named by their subject hash */
mkdir("$dir/capath");
copy("$dir/ca.pem", "$dir/capath/" . openssl_x509_parse(file_get_contents("$dir/ca.pem"))['hash'] . '.0');
la_is(4, la_tls($cid, ['ca_path' => "$dir/capath", 'verify' => '1']), 'success');
la_is(5, la_tls($cid, ['ca' => "$dir/other-cert.pem", 'verify' => '1']), 'TLS error');
la_is(6, la_tls($cid, ['ca' => "$dir/other-cert.pem"]), 'TLS error');
la_is(7, la_tls($cid, ['ca' => "$dir/ca.pem", 'cipher' => 'LA-NO-SUCH-CIPHER']), 'TLS error');
$x509 = ['user' => LA_X509_USER, 'password' => LA_X509_PASSWORD, 'ca' => "$dir/ca.pem", 'verify' => '1'];
la_ok(8, str_starts_with(la_tls($cid, $x509), "error: Database error: Access denied for user '" . LA_X509_USER . "'"));
la_is(9, [la_tls($cid, $x509 + ['cert' => "$dir/client-cert.pem", 'key' => "$dir/client-key.pem"]), la_tls_link()],
	['success', 'TLS']);

$lines = la_config_lines(['db_username' => LA_X509_USER, 'db_password' => LA_X509_PASSWORD]);
la_config_use($dir, 'configuration.php', "<?php\n$lines\$db_tls_ca = '$dir/ca.pem';\n\$db_tls_cert = '$dir/client-cert.pem';\n"
	. "\$db_tls_key = '$dir/client-key.pem';\n\$db_tls_verify_cert = true;\n\$db_tls_cipher = '';\n\$db_tls_ca_path = '';\n");
la_is(10, [la_tls($cid, ['cipher' => 'LA-NO-SUCH-CIPHER']), la_tls_link()], ['success', 'TLS']);
/* Capsule (behaviour §13) on the same file: pdo_mysql cannot encrypt a unix socket, and says so. */
try {
	WHMCS\Database\Capsule::table('tblclients')->count();
	$capsule = 'no error';
} catch (Error $e) {
	$capsule = $e->getMessage();
}
la_ok('10a', str_contains($capsule, 'cannot use TLS to localhost'), $capsule);
la_config_use($dir, 'other-ca.php', "<?php\n$lines\$db_tls_ca = '$dir/other-cert.pem';\n\$db_tls_verify_cert = 1;\n");
la_is(11, la_tls($cid, []), 'TLS error');
la_config_use($dir, 'plain.php', "<?php\n" . la_config_lines());
la_is(12, [la_tls($cid, ['ca' => "$dir/other-cert.pem", 'verify' => '1']), la_tls_link()], ['success', 'no TLS']);
la_is(13, count(la_contacts_of($cid)), 6);
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
10: ok
10a: ok
11: ok
12: ok
13: ok
