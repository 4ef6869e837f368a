--TEST--
Hooks: a failure names the file and line where it happened, and for a callback the file and line where it was defined (behaviour §8)
--DESCRIPTION--
tests/hooks/where/ holds a file of callbacks that throw (a closure, a named
function, a method, an internal function called with the wrong arguments,
an arrow function), a file with a syntax error on line 5 and a file that
throws on line 5 while it loads. Each failure is one E_WARNING: for a file,
"Hook file <path> failed: <class>: <message> in <file> on line <n>"; for a
callback, "Hook <point>: the callback defined in <file> on line <n> threw
<class>: <message> in <file> on line <n>" (an internal function has no
definition to name: "the callback threw ..."). The line of a failure is
where the exception was thrown; of a definition, where the function starts.
The callback after the failing ones still runs, and the call succeeds.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

$dir = la_hooks_fixture('where');
$real = realpath($dir);
ini_set('localapi.hooks_dir', $dir);
$cid = la_make_client();
la_errors_start();
$answer = localAPI('AddContact', ['clientid' => $cid]);
$errors = la_errors_take();
restore_error_handler();
echo '1: ', la_show($answer), "\n";
la_is(2, [$GLOBALS['la_730_ran'] ?? false, $GLOBALS['la_730_broken'] ?? false], [true, false]);
la_is(3, array_column($errors, 0), array_fill(0, 7, E_WARNING));
$messages = array_column($errors, 1);
$callback = "localAPI(): Hook ContactAdd: the callback defined in $real/10-callbacks.php on line %d threw %s in %s on line %d";
la_is(4, $messages[0] ?? null, "localAPI(): Hook file $dir/20-syntax-error.php failed: ParseError: syntax error, unexpected token \";\" in $real/20-syntax-error.php on line 5");
la_is(5, $messages[1] ?? null, "localAPI(): Hook file $dir/30-throws.php failed: LogicException: la-test 730: not configured in $real/30-throws.php on line 5");
la_is(6, $messages[2] ?? null, sprintf($callback, 12, 'RuntimeException: la-test 730: closure', "$real/10-callbacks.php", 9));
la_is(7, $messages[3] ?? null, sprintf($callback, 16, 'Error: Call to undefined function la_730_no_such_function()', "$real/10-callbacks.php", 18));
la_is(8, $messages[4] ?? null, sprintf($callback, 24, 'RuntimeException: la-test 730: method', "$real/10-callbacks.php", 9));
la_ok(9, str_starts_with($messages[5] ?? '', 'localAPI(): Hook ContactAdd: the callback threw ArgumentCountError: intdiv() expects exactly 2 arguments, 1 given in '), $messages[5] ?? null);
la_is(10, $messages[6] ?? null, sprintf($callback, 31, 'RuntimeException: la-test 730: arrow function', "$real/10-callbacks.php", 9));
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
8: ok
9: ok
10: ok
