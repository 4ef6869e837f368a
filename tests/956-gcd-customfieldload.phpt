--TEST--
GetClientsDetails: CustomFieldLoad per field, what its returns change, and its callbacks may call localAPI() (behaviour §11.6, §5)
--DESCRIPTION--
One call per field in field order, with ['fieldid' => int, 'relid' => client
id, 'value' => the stored string]. Callbacks run in priority order; the last
non-empty array return decides: ['value' => X] with X a string, int, float,
bool or null replaces the value (then made safe: a string re-encoded, null
''; a value that is not UTF-8 ''; ints, floats, bools kept); a return that is
not an array, or an empty array, does not count; a non-empty array without
value, or with value holding an array or object, counts and changes nothing
(the stored value stays, whatever an earlier callback returned). A callback that throws counts as no
return (one E_WARNING, the others still run). A callback calling localAPI()
(GetClientsDetails again) works: the read's transaction has ended, and
information_schema.INNODB_TRX shows none for the extension's session while
any callback runs (checked to fail when the transaction is ended after the
callbacks). The link rule runs on a replaced value too.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
customfields
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/reliability.inc';

la_gcd_fields_park();
$cid = la_gcd_client();
$f = [];
foreach (['text', 'text', 'text', 'text', 'text', 'text', 'text', 'link', 'text', 'text'] as $i => $type) {
	$f[] = la_gcd_field($type, $i);
	la_insert('tblcustomfieldsvalues', ['fieldid' => end($f), 'relid' => $cid, 'value' => "stored $i"]);
}
la_gcd(['clientid' => $cid]); /* the persistent link exists: its thread id */
$thread = la_rel_phpinfo_thread();
$open = [];
add_hook('CustomFieldLoad', 1, function ($vars) use ($thread, &$open) {
	/* the extension's session holds no transaction while a callback runs */
	$open[] = la_count('SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = ?', $thread);
	return null;
});
$seen = [];
$replace = [
	1 => ['value' => 'a < b'],
	2 => ['value' => 42],
	3 => ['value' => null],
	4 => ['value' => false],
	5 => ['value' => "bad \xff"],
	6 => ['value' => 1.5],
	7 => ['value' => 'www.example.org'],
];
add_hook('CustomFieldLoad', 5, function ($vars) use (&$seen, $f, $replace) {
	$seen[] = $vars;
	$i = array_search($vars['fieldid'], $f, true);
	return $replace[$i] ?? ['value' => 'overridden later'];
});
add_hook('CustomFieldLoad', 9, function ($vars) use ($f) {
	$i = array_search($vars['fieldid'], $f, true);
	/* not arrays, or empty: they do not count, and priority 5's return decides (1, 2, 3, 5, 8);
	 * non-empty arrays count, and without a usable value change nothing (4, 6, 7) */
	return [1 => 'junk', 2 => true, 3 => [], 4 => ['other' => 1], 5 => 'string', 6 => ['value' => ['x']],
		7 => ['value' => new stdClass()], 8 => null, 9 => ['value' => 'last counted'], 0 => 0][$i];
});
$depth = 0;
add_hook('CustomFieldLoad', 7, function ($vars) use ($f, &$depth) {
	if ($vars['fieldid'] === $f[8] && $depth === 0) {
		throw new RuntimeException('la-test 956 thrown');
	}
	if ($vars['fieldid'] === $f[0] && $depth === 0) {
		/* a callback may call localAPI(): the snapshot is over */
		$depth++;
		$inner = localAPI('GetClientsDetails', ['clientid' => $vars['relid']]);
		$depth--;
		return ['value' => 'inner ' . $inner['result']];
	}
	return 'ignored';
});
la_errors_start();
$answer = la_gcd(['clientid' => $cid]);
$errors = la_errors_take();
set_error_handler(null);
/* the inner call's ten fields come after the outer field 0 (it runs inside its callbacks at priority 7) */
la_is(1, array_map(fn ($v) => [array_keys($v), $v['fieldid'], $v['relid'], $v['value']], [$seen[0], $seen[10], $seen[11], $seen[12]]), [
	[['fieldid', 'relid', 'value'], $f[0], $cid, 'stored 0'],
	[['fieldid', 'relid', 'value'], $f[9], $cid, 'stored 9'],
	[['fieldid', 'relid', 'value'], $f[1], $cid, 'stored 1'],
	[['fieldid', 'relid', 'value'], $f[2], $cid, 'stored 2'],
]);
$values = array_column($answer['customfields'], 'value');
la_is(2, $values, [
	'inner success',
	'a &lt; b',
	42,
	'',
	'stored 4',
	'',
	'stored 6',
	'<a href="stored 7" target="_blank">stored 7</a>',
	'overridden later',
	'last counted',
]);
la_ok(3, la_one_warning_with($errors, 'CustomFieldLoad', 'la-test 956 thrown'), $errors);
la_is(4, $answer['customfields3'], 42);
la_is(5, [$thread !== null, count($open) >= 10, array_sum($open)], [true, true, 0]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
la_query("DELETE FROM tblcustomfieldsvalues WHERE fieldid IN (SELECT id FROM tblcustomfields WHERE fieldname = 'la-test')");
la_query("DELETE FROM tblcustomfields WHERE fieldname = 'la-test'");
la_gcd_fields_restore();
la_gcd_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
