--TEST--
Hooks: ascending priority, ties in registration order across hook files and add_hook() calls; return values ignored; hook point names case-sensitive (behaviour §5, §7)
--DESCRIPTION--
tests/hooks/priority/ holds two hook files (loaded through localapi.hooks_dir,
10-first.php before 20-second.php) that register ContactAdd callbacks at
priorities the test script also uses. Registration order is: the script's
calls before the first localAPI() call, then the files (loaded before the
first hook point fires), then the script's later calls. Ties are only set up
between registrations whose order that makes certain (never between a file
and a script call made before the files load). PHP_INT_MIN and PHP_INT_MAX
must sort as numbers. Callbacks return false, an error array, strings or
objects: nothing changes (the answer, the row, the log, the later callbacks).
Each callback gets its own copy of the array: one that changes or unsets keys
does not change what the next sees. 'contactadd', 'CONTACTADD', 'Contactadd',
'logactivity', 'ContactAdd ' never fire.
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

ini_set('localapi.hooks_dir', la_hooks_fixture('priority'));
$GLOBALS['la_order'] = [];
$GLOBALS['la_log_order'] = [];
$GLOBALS['la_firstnames'] = [];
function la_record(string $label, mixed $return = null): Closure
{
	return function (array $vars) use ($label, $return) {
		$GLOBALS['la_order'][] = $label;
		$GLOBALS['la_firstnames'][] = $vars['firstname'] ?? 'unset';
		return $return;
	};
}

add_hook('ContactAdd', 3, la_record('pre-3', 'stop'));
add_hook('ContactAdd', 7, la_record('pre-7', false));
add_hook('ContactAdd', PHP_INT_MAX, la_record('pre-max', new stdClass()));
add_hook('ContactAdd', PHP_INT_MIN, function (array $vars) {
	$GLOBALS['la_order'][] = 'pre-min';
	$GLOBALS['la_firstnames'][] = $vars['firstname'];
	$vars['firstname'] = 'changed';
	unset($vars['contactid'], $vars['userid']);
	return $vars;
});
foreach (['contactadd', 'CONTACTADD', 'Contactadd', 'ContactAdd ', ' ContactAdd', 'logactivity', 'LOGACTIVITY'] as $i => $name) {
	add_hook($name, 0, la_record("wrong-name-$i"));
}
add_hook('LogActivity', 9, function (array $vars) {
	$GLOBALS['la_log_order'][] = 'pre-9';
	return ['result' => 'error'];
});

$cid = la_make_client();
$answer = la_call(1, 'AddContact', ['clientid' => $cid, 'firstname' => 'Original']);
la_is(2, $GLOBALS['la_order'], ['pre-min', 'f1--2', 'f2-1', 'pre-3', 'f1-5a', 'f1-5b', 'f2-5', 'pre-7', 'pre-max']);
la_is(3, $GLOBALS['la_log_order'], ['f2-5', 'pre-9']);
la_is(4, array_unique($GLOBALS['la_firstnames']), ['Original']);
$row = la_added($answer);
la_is(5, [$row['firstname'] ?? null, count(la_log_of($cid))], ['Original', 1]);

/* later registrations tie after the earlier ones (files included) */
add_hook('ContactAdd', 5, la_record('post-5'));
add_hook('ContactAdd', -2, la_record('post--2'));
add_hook('ContactAdd', 3, la_record('post-3'));
add_hook('ContactAdd', PHP_INT_MIN, la_record('post-min'));
add_hook('ContactAdd', PHP_INT_MAX, la_record('post-max'));
add_hook('LogActivity', 5, function (array $vars) {
	$GLOBALS['la_log_order'][] = 'post-5';
});
$GLOBALS['la_order'] = [];
$GLOBALS['la_log_order'] = [];
$GLOBALS['la_firstnames'] = [];
$answer = la_call(6, 'AddContact', ['clientid' => $cid, 'firstname' => 'Second']);
la_is(7, $GLOBALS['la_order'], ['pre-min', 'post-min', 'f1--2', 'post--2', 'f2-1', 'pre-3', 'post-3',
	'f1-5a', 'f1-5b', 'f2-5', 'post-5', 'pre-7', 'pre-max', 'post-max']);
la_is(8, $GLOBALS['la_log_order'], ['f2-5', 'post-5', 'pre-9']);
la_is(9, array_unique($GLOBALS['la_firstnames']), ['Second']);
la_is(10, [la_added($answer)['firstname'] ?? null, count(la_log_of($cid))], ['Second', 2]);
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
6: success
7: ok
8: ok
9: ok
10: ok
