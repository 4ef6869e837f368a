--TEST--
localapi.whmcs_config: the odd configuration.php files real installs have, and broken ones, each with its exact answer (behaviour §8)
--DESCRIPTION--
Each case writes a file of its own and makes one call. Files that work: no
$db_port, $db_port = '' (what the installer writes), a port number with
host localhost (the socket is used, the port ignored), extra statements of
every kind (which are never run), a value assigned twice (the last one
counts), concatenated and double-quoted strings, heredoc and nowdoc, a
closing tag and HTML, a Windows line ending, assignments in a plain block.
Files that cannot work give "Database error: <reason naming the file>" and
write nothing: missing, a folder, empty, no $db_name (including one set only
inside an if), an empty $db_name, a port that is not a number, a value that
is not a constant (the file is never run, so getenv() cannot be evaluated,
and a constant the file define()s has no value: `$db_name = DB_NAME;` is
refused, never taken for the database named "DB_NAME"; the same for
$db_password),
a syntax error (its line only: the parser's own text could quote the file,
password included, so it is not repeated).
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
$cid = la_make_client();
la_config_spoil_ini();
$c = la_config();
$port = $c['port'] === 0 ? "''" : (string) $c['port'];
$good = la_config_lines();
$no_port = la_config_lines(['db_port' => null]);
$no_name = la_config_lines(['db_name' => null]);
$cases = [
	'no $db_port' => "<?php\n$no_port",
	'empty $db_port' => "<?php\n" . la_config_lines(['db_port' => '']),
	'int $db_port with localhost' => "<?php\n" . la_config_lines(['db_port' => $c['host'] === 'localhost' ? 3306 : $c['port']]),
	'extra statements' => "<?php\nif (!defined('WHMCS')) { die('This file cannot be accessed directly'); }\n$good"
		. "\$display_errors = false;\nini_set('memory_limit', '1M');\nerror_reporting(0);\nexit(3);\n"
		. "class La711Config {}\nfunction la711_config() {}\n\$_SESSION = [];\n\$db_username_extra = 1;\n",
	'assigned twice' => "<?php\n" . la_config_lines(['db_name' => 'la_no_such_db']) . $good,
	'concatenation, double quotes' => "<?php\n$no_name\$db_name = '" . substr($c['db'], 0, 2) . "' . \"" . substr($c['db'], 2) . "\";\n",
	'heredoc and nowdoc' => "<?php\n$good\$db_username = <<<EOT\n{$c['user']}\nEOT;\n\$db_password = <<<'EOT'\n{$c['password']}\nEOT;\n",
	'closing tag, HTML, CRLF' => "<p>before</p>\r\n<?php\r\n" . str_replace("\n", "\r\n", $good) . "?>\r\n<p>after</p>\r\n",
	'a block' => "<?php\n{\n$good}\n",
	'comments' => "<?php\n// \$db_name = 'la_no_such_db';\n/* \$db_name = 'la_no_such_db'; */\n# \$db_name = 'x';\n$good",
];
$n = 1;
foreach ($cases as $label => $source) {
	la_config_use($dir, "case-$n.php", $source);
	la_is("$n $label", la_show(localAPI('AddContact', ['clientid' => $cid])), 'success');
	$n++;
}

$written = la_written($cid);
$broken = [
	'missing' => [null, 'cannot read %s: No such file or directory'],
	'a folder' => ['', 'cannot read %s: not a regular file'],
	'empty' => ['', '%s sets no $db_name'],
	'no PHP tag' => [$good, '%s sets no $db_name'],
	'$db_name only inside an if' => ["<?php\n$no_name" . "if (true) {\n\$db_name = 'whmcs';\n}\n", '%s sets no $db_name'],
	'empty $db_name' => ["<?php\n" . la_config_lines(['db_name' => '']), '%s sets no $db_name'],
	'port not a number' => ["<?php\n" . la_config_lines(['db_port' => 'default']), '$db_port on line 3 of %s is not a port number'],
	'port out of range' => ["<?php\n" . la_config_lines(['db_port' => 70000]), '$db_port on line 3 of %s is not a port number'],
	'getenv()' => ["<?php\n$good\$db_password = getenv('DB_PASSWORD');\n", '$db_password on line 7 of %s is not a constant value'],
	'interpolation' => ["<?php\n$good\$db_name = \"{\$prefix}whmcs\";\n", '$db_name on line 7 of %s is not a constant value'],
	'compound assignment' => ["<?php\n$good\$db_name .= '_test';\n", '$db_name on line 7 of %s is not a constant value'],
	'by reference' => ["<?php\n\$name = 'whmcs';\n$no_name\$db_name = &\$name;\n", '$db_name on line 7 of %s is not a constant value'],
	'a bare constant' => ["<?php\ndefine('DB_NAME', " . var_export($c['db'], true) . ");\n$no_name\$db_name = DB_NAME;\n",
		'$db_name on line 7 of %s is not a constant value'],
	'a bare constant password' => ["<?php\ndefine('DB_PASSWORD', 'la711-secret');\n$good\$db_password = DB_PASSWORD;\n",
		'$db_password on line 8 of %s is not a constant value'],
	'syntax error' => ["<?php\n$good\$db_password = 'la711-secret' la711-secret-too;\n", 'syntax error in %s on line 7'],
	'unterminated string' => ["<?php\n\$db_password = 'la711-secret;\n$good", 'syntax error in %s on line (\d+)'],
];
foreach ($broken as $label => [$source, $reason]) {
	$path = "$dir/broken-$n.php";
	if ($label === 'a folder') {
		mkdir($path);
	} elseif ($source !== null) {
		file_put_contents($path, $source);
	}
	ini_set('localapi.whmcs_config', $path);
	$answer = localAPI('AddContact', ['clientid' => $cid]);
	$message = $answer['message'] ?? '';
	/* (\d+): the line the parser gives up on is its own business */
	$expected = '/^' . str_replace(preg_quote('(\d+)', '/'), '\d+', preg_quote('Database error: ' . sprintf($reason, $path), '/')) . '$/';
	$ok = preg_match($expected, $message) === 1;
	la_ok("$n $label", $ok && !str_contains($message, 'la711-secret'), $answer);
	$n++;
}
la_is($n++, la_written($cid), $written);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/whmcs-config.inc';
la_config_dir_remove();
la_cleanup_tag();
?>
--EXPECT--
1 no $db_port: ok
2 empty $db_port: ok
3 int $db_port with localhost: ok
4 extra statements: ok
5 assigned twice: ok
6 concatenation, double quotes: ok
7 heredoc and nowdoc: ok
8 closing tag, HTML, CRLF: ok
9 a block: ok
10 comments: ok
11 missing: ok
12 a folder: ok
13 empty: ok
14 no PHP tag: ok
15 $db_name only inside an if: ok
16 empty $db_name: ok
17 port not a number: ok
18 port out of range: ok
19 getenv(): ok
20 interpolation: ok
21 compound assignment: ok
22 by reference: ok
23 a bare constant: ok
24 a bare constant password: ok
25 syntax error: ok
26 unterminated string: ok
27: ok
