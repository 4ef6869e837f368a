--TEST--
localapi.hooks_dir: loading hook files inside localAPI() leaves the calling function's variables alone, and the files do not see them (behaviour §5)
--DESCRIPTION--
tests/hooks/scope/locals.php assigns top-level variables ($marker,
$moduleName) and registers a closure that uses one. localAPI() is called from
inside a function that has its own $marker. After the call, that function's
variables must be exactly what they were (same names, same values), the file
must not have seen the caller's $marker, and the file's closure still gets
its $moduleName.
Behaviour §5 says hook files run in a scope of their own, as WHMCS loads
them, and §1 that existing callers work unchanged. WHMCS loads hook files
itself, never inside the scope of the code that calls localAPI(); so a hook
file's top-level variables are its own, and whether a caller keeps its local
variables cannot depend on which hook files are installed.
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

ini_set('localapi.hooks_dir', la_hooks_fixture('scope'));
$GLOBALS['la_fired'] = [];

function la_caller_616(int $cid): array
{
	$marker = 'set by the caller';
	$before = get_defined_vars();
	$answer = localAPI('AddContact', ['clientid' => $cid]);
	$after = get_defined_vars();
	unset($after['before'], $after['answer']);
	return [$answer, $before, $after];
}

$cid = la_make_client();
[$answer, $before, $after] = la_caller_616($cid);
echo '1: ', la_show($answer), "\n";
la_is(2, $GLOBALS['la_fired'], ['la_scope_module']);
la_is(3, $after, $before);
la_is(4, array_key_exists('la_file_saw_caller', $GLOBALS) ? $GLOBALS['la_file_saw_caller'] : 'unset', null);
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
