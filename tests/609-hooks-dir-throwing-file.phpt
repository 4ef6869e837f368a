--TEST--
localapi.hooks_dir: a file that throws while loading (exception, Error) is one E_WARNING naming it; the files after it still load (behaviour §5)
--DESCRIPTION--
tests/hooks/dir-throwing/: 10-ok.php, 20-throws.php (throws a
RuntimeException at load time), 30-error.php (calls an undefined function),
40-ok.php. No exception escapes localAPI(), the call succeeds, both good files'
hooks run, and there is one E_WARNING per failing file, naming it (and, for
the exception, its message).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

ini_set('localapi.hooks_dir', la_hooks_fixture('dir-throwing'));
$GLOBALS['la_ran'] = [];
$cid = la_make_client();

la_errors_start();
try {
	la_call(1, 'AddContact', ['clientid' => $cid]);
	$escaped = null;
} catch (Throwable $e) {
	$escaped = get_class($e) . ': ' . $e->getMessage();
}
$errors = la_errors_take();
la_is(2, $escaped, null);
la_is(3, $GLOBALS['la_ran'], ['10-ok', '40-ok']);
la_is(4, array_column($errors, 0), [E_WARNING, E_WARNING]);
la_ok(5, la_one_warning_with([$errors[0] ?? [0, '']], '20-throws.php', 'la-test 609: cannot configure this hook'), $errors);
la_ok(6, la_one_warning_with([$errors[1] ?? [0, '']], '30-error.php'), $errors);
la_is(7, count(la_log_of($cid)), 1);
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
7: ok
