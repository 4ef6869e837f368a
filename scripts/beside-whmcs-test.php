<?php
/*
 * Driver of scripts/beside-whmcs-test.sh: a stand-in WHMCS tree served by
 * nginx through php-fpm and php-cgi (FastCGI), and by apache2 with mod_php,
 * each with one PHP process, with opcache off and on; checks that WHMCS's pages and the workers beside them
 * each see their own names (behaviour §12).
 *
 *   php beside-whmcs-test.php DIR EXTENSION|installed
 *
 * EXTENSION: the localapi.so to load (-n -d extension=...), run with opcache
 * off and then on. "installed": PHP's own php.ini and conf.d (the Debian
 * package enabled the module there), as configured.
 * Prints a line per check and ends with "N passed, N failed".
 */
require dirname(__DIR__) . '/tests/beside-whmcs.inc';

[, $dir, $extension] = $argv + [null, null, null];
if ($dir === null || $extension === null) {
	fwrite(STDERR, "usage: php beside-whmcs-test.php DIR EXTENSION|installed\n");
	exit(2);
}
$installed = $extension === 'installed';
$passed = $failed = 0;

function check(string $what, mixed $actual, mixed $expected): void
{
	global $passed, $failed;
	if ($actual === $expected) {
		$passed++;
		echo "ok      $what\n";
	} else {
		$failed++;
		echo "FAILED  $what\n        expected " . json_encode($expected) . "\n        got      " . json_encode($actual) . "\n";
	}
}

function free_port(): int
{
	$server = stream_socket_server('tcp://127.0.0.1:0');
	$port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
	fclose($server);
	return $port;
}

function get(int $port, string $path): mixed
{
	$context = stream_context_create(['http' => ['timeout' => 20, 'ignore_errors' => true]]);
	$body = @file_get_contents("http://127.0.0.1:$port$path", false, $context);
	$status = isset($http_response_header[0]) ? (int) explode(' ', $http_response_header[0])[1] : 0;
	$json = $body === false ? null : json_decode(trim($body), true);
	return $status === 200 && $json !== null ? $json : "HTTP $status: " . trim((string) $body);
}

function wait_for_port(int $port): bool
{
	for ($i = 0; $i < 100; $i++) {
		$socket = @stream_socket_client("tcp://127.0.0.1:$port", $no, $msg, 0.2);
		if ($socket) {
			fclose($socket);
			return true;
		}
		usleep(100000);
	}
	return false;
}

/* The tree, plus the scripts the forced checks and the process check read. */
$t = la_bw_tree();
/* WHMCS\View\Formatter\Price: a page in the tree and a worker, both including one probe file. */
$price = la_bw_price_files($t);
$probe = '<?php echo json_encode([function_exists("localAPI"), defined("WHMCS")]), "\n";';
mkdir($t['whmcs'] . '/custom');
file_put_contents($t['whmcs'] . '/custom/probe.php', $probe);
file_put_contents($t['root'] . '/worker/probe.php', $probe);
mkdir($t['root'] . '/worker-off');
file_put_contents($t['root'] . '/worker-off/probe.php', $probe);
file_put_contents($t['root'] . '/worker-off/.user.ini', "localapi.stand_in = off\n");
file_put_contents($t['root'] . '/pid.php', '<?php echo json_encode(getmypid()), "\n";');
/* Apache's child runs as www-data: the tree must be readable (it holds no secret). */
foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($t['root'], FilesystemIterator::SKIP_DOTS),
		RecursiveIteratorIterator::SELF_FIRST) as $entry) {
	chmod($entry->getPathname(), $entry->isDir() ? 0755 : 0644);
}
chmod($t['root'], 0755);
mkdir($t['root'] . '/worker-htaccess');
file_put_contents($t['root'] . '/worker-htaccess/probe.php', $probe);
file_put_contents($t['root'] . '/worker-htaccess/.htaccess', "php_value localapi.stand_in off\n");
chmod($t['root'] . '/worker-htaccess', 0755);

$fpm = trim((string) shell_exec('command -v php-fpm' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION));
$cgi = trim((string) shell_exec('command -v php-cgi' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION));
if ($fpm === '' || $cgi === '' || !is_executable('/usr/sbin/nginx')) {
	fwrite(STDERR, "beside-whmcs-test.php: php-fpm, php-cgi and nginx are needed\n");
	exit(1);
}

function php_args(bool $installed, string $extension, bool $opcache): array
{
	if ($installed) {
		return [];
	}
	$args = ['-n', '-d', "extension=$extension", '-d', 'display_errors=0', '-d', 'log_errors=1'];
	if ($opcache) {
		array_push($args, '-d', 'zend_extension=opcache', '-d', 'opcache.enable=1',
			'-d', 'opcache.validate_timestamps=0', '-d', 'opcache.file_update_protection=0');
	}
	return $args;
}

function serve(string $dir, array $t, string $fpm, string $cgi, array $php, array &$procs): array
{
	$ports = ['auto' => free_port(), 'on' => free_port(), 'off' => free_port(), 'cgi' => free_port()];
	$http = [];
	$user = posix_getuid() === 0 ? "user = root\ngroup = root\n" : '';
	$pools = '';
	foreach (['auto', 'on', 'off'] as $pool) {
		$pools .= "[$pool]\n{$user}listen = 127.0.0.1:{$ports[$pool]}\npm = static\npm.max_children = 1\n"
			. "pm.max_requests = 0\ncatch_workers_output = yes\nclear_env = no\n"
			. ($pool === 'auto' ? '' : "php_admin_value[localapi.stand_in] = $pool\n");
	}
	file_put_contents("$dir/php-fpm.conf", "[global]\npid = $dir/php-fpm.pid\nerror_log = $dir/php-fpm.log\n"
		. "daemonize = no\n$pools");
	$servers = '';
	foreach ($ports as $name => $port) {
		$http[$name] = free_port();
		$servers .= "server {\n listen 127.0.0.1:{$http[$name]};\n root {$t['root']};\n"
			. " location ~ \\.php\$ {\n  include /etc/nginx/fastcgi_params;\n"
			. "  fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;\n"
			. "  fastcgi_pass 127.0.0.1:$port;\n }\n}\n";
	}
	$nginx_user = posix_getuid() === 0 ? 'user root;' : '';
	file_put_contents("$dir/nginx.conf", "$nginx_user\nworker_processes 1;\ndaemon off;\npid $dir/nginx.pid;\n"
		. "error_log $dir/nginx-error.log warn;\nevents { worker_connections 64; }\n"
		. "http {\n access_log off;\n client_body_temp_path $dir/body;\n fastcgi_temp_path $dir/fastcgi;\n"
		. " proxy_temp_path $dir/proxy;\n uwsgi_temp_path $dir/uwsgi;\n scgi_temp_path $dir/scgi;\n$servers}\n");
	$log = ['file', "$dir/servers.log", 'a'];
	$root = posix_getuid() === 0 ? ['--allow-to-run-as-root'] : [];
	$procs[] = proc_open(array_merge([$fpm], $php, ['-F', '-y', "$dir/php-fpm.conf"], $root), [1 => $log, 2 => $log], $pipes);
	$procs[] = proc_open(array_merge([$cgi], $php, ['-b', "127.0.0.1:{$ports['cgi']}"]), [1 => $log, 2 => $log], $pipes,
		null, getenv() + ['PHP_FCGI_CHILDREN' => '0', 'PHP_FCGI_MAX_REQUESTS' => '100000']);
	$procs[] = proc_open(['/usr/sbin/nginx', '-c', "$dir/nginx.conf", '-e', "$dir/nginx-error.log"], [1 => $log, 2 => $log], $pipes);
	foreach (array_merge($ports, $http) as $port) {
		if (!wait_for_port($port)) {
			fwrite(STDERR, "a server did not start: see $dir/servers.log\n");
			return [];
		}
	}
	return $http;
}

/* Apache with mod_php (apache2handler), prefork with one child: the same tree, as www-data. */
function serve_apache(string $dir, array $t, bool $installed, string $extension, bool $opcache, array &$procs): int
{
	$port = free_port();
	$ini = "$dir/apache-php";
	@mkdir($ini);
	@mkdir("$dir/apache-scan");
	$php = '';
	if (!$installed) {
		$php = "extension=$extension\nlog_errors=1\ndisplay_errors=0\nerror_log=$dir/apache-php.log\n";
		if ($opcache) {
			$php .= "zend_extension=opcache\nopcache.enable=1\nopcache.validate_timestamps=0\nopcache.file_update_protection=0\n";
		}
		file_put_contents("$ini/php.ini", $php);
	}
	$modules = '/usr/lib/apache2/modules';
	$conf = "ServerRoot $dir\nServerName localhost\nDefaultRuntimeDir $dir\nPidFile $dir/apache.pid\n"
		. "ErrorLog $dir/apache-error.log\nLogLevel warn\nUser www-data\nGroup www-data\n"
		. "LoadModule mpm_prefork_module $modules/mod_mpm_prefork.so\n"
		. "LoadModule authz_core_module $modules/mod_authz_core.so\n"
		. "LoadModule php_module $modules/libphp" . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION . ".so\n"
		. "StartServers 1\nMinSpareServers 1\nMaxSpareServers 1\nServerLimit 1\nMaxRequestWorkers 1\nMaxConnectionsPerChild 0\n"
		. ($installed ? '' : "PHPIniDir $ini\n")
		. "Listen 127.0.0.1:$port\nDocumentRoot {$t['root']}\nAccessFileName .htaccess\n"
		. "<Directory {$t['root']}>\n Require all granted\n AllowOverride All\n</Directory>\n"
		. "<Directory {$t['whmcs']}/custom>\n php_admin_value localapi.stand_in on\n</Directory>\n"
		. "<FilesMatch \"\\.php\$\">\n SetHandler application/x-httpd-php\n</FilesMatch>\n";
	file_put_contents("$dir/apache.conf", $conf);
	$env = getenv();
	if (!$installed) {
		$env['PHP_INI_SCAN_DIR'] = "$dir/apache-scan";
	}
	$log = ['file', "$dir/servers.log", 'a'];
	/* Its own session: on TERM, apache signals its whole process group (with its children). */
	$procs[] = proc_open(['setsid', '/usr/sbin/apache2', '-f', "$dir/apache.conf", '-DFOREGROUND'], [1 => $log, 2 => $log], $pipes, null, $env);
	return wait_for_port($port) ? $port : 0;
}

function stop(array &$procs): void
{
	/* TERM: each server stops its workers with it (on QUIT apache's children would stay). */
	foreach ($procs as $proc) {
		posix_kill(proc_get_status($proc)['pid'], SIGTERM);
	}
	foreach ($procs as $proc) {
		for ($i = 0; $i < 50 && proc_get_status($proc)['running']; $i++) {
			usleep(100000);
		}
		if (proc_get_status($proc)['running']) {
			posix_kill(proc_get_status($proc)['pid'], SIGKILL);
		}
		proc_close($proc);
	}
	$procs = [];
}

$page = substr($t['page'], strlen($t['root']));
$worker = substr($t['worker'], strlen($t['root']));
$cron = substr($t['cron'], strlen($t['root']));
foreach ($installed ? ['as installed' => null] : ['opcache off' => false, 'opcache on' => true] as $label => $opcache) {
	$procs = [];
	$http = serve($dir, $t, $fpm, $cgi, php_args($installed, (string) $extension, (bool) $opcache), $procs);
	if (!$http) {
		check("$label: servers started", false, true);
		stop($procs);
		continue;
	}
	$sapis = ['fpm' => $http['auto'], 'cgi' => $http['cgi']];
	$apache = serve_apache($dir, $t, $installed, (string) $extension, (bool) $opcache, $procs);
	check("$label: apache2 with mod_php started", $apache > 0, true);
	if ($apache) {
		$sapis['apache2handler'] = $apache;
	}
	foreach ($sapis as $sapi => $port) {
		$pid = get($port, '/pid.php');
		/* The worker first: the file both include is compiled (and cached) in a request with the names. */
		check("$label, $sapi: a worker outside the tree has the extension's names", get($port, $worker), la_bw_native_view());
		check("$label, $sapi: the WHMCS page answers with WHMCS's own localAPI()", get($port, $page), la_bw_whmcs_view());
		check("$label, $sapi: a script under the WHMCS root likewise", get($port, $cron), la_bw_whmcs_view());
		$wrong = [];
		for ($i = 0; $i < 300; $i++) {
			/* pairs in both orders: page then worker, worker then page */
			$first = intdiv($i, 2) % 2 === 0 ? 'page' : 'worker';
			$which = $i % 2 === 0 ? $first : ($first === 'page' ? 'worker' : 'page');
			$answer = get($port, $which === 'page' ? $page : $worker);
			if ($answer !== ($which === 'page' ? la_bw_whmcs_view() : la_bw_native_view())) {
				$wrong[] = "$i $which: " . json_encode($answer);
			}
		}
		check("$label, $sapi: 300 alternating requests in one process, none crossed over", array_slice($wrong, 0, 3), []);
		/* The class: the worker first (the probe file compiled, and cached, where the class exists). */
		$price_page = substr($price['page'], strlen($t['root']));
		$price_worker = substr($price['worker'], strlen($t['root']));
		$wrong = [];
		for ($i = 0; $i < 100; $i++) {
			$which = intdiv($i, 2) % 2 === 0 ? ($i % 2 ? 'page' : 'worker') : ($i % 2 ? 'worker' : 'page');
			$answer = get($port, $which === 'page' ? $price_page : $price_worker);
			if ($answer !== $price[$which === 'page' ? 'whmcs_view' : 'worker_view']) {
				$wrong[] = "$i $which: " . json_encode($answer);
			}
		}
		check("$label, $sapi: WHMCS\\View\\Formatter\\Price in a worker, WHMCS's own in the page, 100 alternating requests", array_slice($wrong, 0, 3), []);
		check("$label, $sapi: the same PHP process served them all", get($port, '/pid.php'), $pid);
		if ($sapi === 'apache2handler') {
			check("$label, $sapi: .htaccess php_value localapi.stand_in off hides the names per directory", get($port, '/worker-htaccess/probe.php'), [false, false]);
			check("$label, $sapi: <Directory> php_admin_value localapi.stand_in on gives names inside the WHMCS tree", get($port, '/whmcs/custom/probe.php'), [true, true]);
		} else {
			check("$label, $sapi: .user.ini localapi.stand_in=off hides the names per directory", get($port, '/worker-off/probe.php'), [false, false]);
		}
	}
	/* php-cgi's command line passes the script's path as given: relative here. */
	$cgi_cli = proc_open(array_merge([$cgi], php_args($installed, (string) $extension, (bool) $opcache), ['-q', ltrim($page, '/')]),
		[1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $t['root']);
	$out = stream_get_contents($pipes[1]);
	$err = stream_get_contents($pipes[2]);
	proc_close($cgi_cli);
	check("$label, php-cgi on the command line, relative path: the WHMCS page", [json_decode(trim($out), true), $err], [la_bw_whmcs_view(), '']);
	check("$label, fpm pool php_admin_value[localapi.stand_in]=on: names inside the WHMCS tree", get($http['on'], '/whmcs/custom/probe.php'), [true, true]);
	check("$label, fpm pool php_admin_value[localapi.stand_in]=off: no names outside it", get($http['off'], '/worker/probe.php'), [false, false]);
	check("$label, fpm pool with auto: the same two scripts", [get($http['auto'], '/whmcs/custom/probe.php'), get($http['auto'], '/worker/probe.php')], [[false, false], [true, true]]);
	stop($procs);
	$errors = [];
	foreach (['php-fpm.log', 'apache-error.log', 'apache-php.log'] as $file) {
		if (is_file("$dir/$file")) {
			$errors = array_merge($errors, preg_grep('/PHP (Fatal|Warning|Notice)|SIGSEGV|exited on signal|Segmentation fault/', file("$dir/$file")));
			unlink("$dir/$file");
		}
	}
	check("$label: no PHP error, warning or crash in php-fpm's or apache's log", array_values($errors), []);
}
echo "$passed passed, $failed failed\n";
exit($failed ? 1 : 0);
