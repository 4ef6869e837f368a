--TEST--
Hooks: a callback that throws is reported as an E_WARNING naming the hook point; the others run; the result is the command's (behaviour §5)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!function_exists('add_hook')) die('skip add_hook() not implemented yet (hooks issue)');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$ran = [];
$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings) {
	$warnings[] = [$type, str_contains($message, 'ContactAdd')];
	return true;
});
add_hook('ContactAdd', 1, function () use (&$ran) {
	$ran[] = 'first';
	throw new RuntimeException('la-test hook failure');
});
add_hook('ContactAdd', 2, function () use (&$ran) {
	$ran[] = 'second';
});
$answer = la_call(1, 'AddContact', ['clientid' => $cid]);
la_is(2, $ran, ['first', 'second']);
la_is(3, $warnings, [[E_WARNING, true]]);
la_ok(4, la_added($answer) !== null);
la_is(5, count(la_log_of($cid)), 1);
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
