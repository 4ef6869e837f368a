--TEST--
Hooks: a callback that throws becomes an E_WARNING naming the hook point and the message; the others still run; the log is written; the answer is success with the contactid (behaviour §5)
--DESCRIPTION--
ContactAdd has callbacks at priorities 1, 2 (throws RuntimeException), 3 and
4 (throws an Error from a failed call); LogActivity has one that throws
(priority 1) and one after it. Expected: all callbacks run, one E_WARNING per
throw, each naming its hook point and containing the exception's message, no
exception escapes localAPI(), the contact row and its log row both exist, and
the answer is ['result' => 'success', 'contactid' => <the row's id>]. A
second call in the same request behaves the same (no exception left pending).
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

$cid = la_make_client();
$ran = [];
add_hook('ContactAdd', 3, function ($vars) use (&$ran) {
	$ran[] = 'contact-3';
});
add_hook('ContactAdd', 2, function ($vars) use (&$ran) {
	$ran[] = 'contact-2';
	throw new RuntimeException("la-test 605: contact {$vars['contactid']} refused");
});
add_hook('ContactAdd', 1, function ($vars) use (&$ran) {
	$ran[] = 'contact-1';
});
add_hook('ContactAdd', 4, function ($vars) use (&$ran) {
	$ran[] = 'contact-4';
	la_no_such_function_605();
});
add_hook('LogActivity', 1, function ($vars) use (&$ran) {
	$ran[] = 'log-1';
	throw new LogicException('la-test 605: log hook failed');
});
add_hook('LogActivity', 2, function ($vars) use (&$ran) {
	$ran[] = 'log-2';
});

$n = 1;
for ($round = 0; $round < 2; $round++) {
	$ran = [];
	la_errors_start();
	try {
		$answer = localAPI('AddContact', ['clientid' => $cid, 'firstname' => "Round $round"]);
		$escaped = null;
	} catch (Throwable $e) {
		$answer = null;
		$escaped = get_class($e) . ': ' . $e->getMessage();
	}
	restore_error_handler();
	$errors = la_errors_take();
	la_is($n++, $escaped, null);
	echo $n++, ': ', la_show($answer), "\n";
	$contactid = $answer['contactid'] ?? 0;
	la_is($n++, la_added($answer ?? [])['firstname'] ?? null, "Round $round");
	la_is($n++, $ran, ['contact-1', 'contact-2', 'contact-3', 'contact-4', 'log-1', 'log-2']);
	la_is($n++, array_column($errors, 0), [E_WARNING, E_WARNING, E_WARNING]);
	la_ok($n++, la_one_warning_with([$errors[0] ?? [0, '']], 'ContactAdd', "la-test 605: contact $contactid refused"), $errors[0] ?? null);
	la_ok($n++, la_one_warning_with([$errors[1] ?? [0, '']], 'ContactAdd', 'la_no_such_function_605'), $errors[1] ?? null);
	la_ok($n++, la_one_warning_with([$errors[2] ?? [0, '']], 'LogActivity', 'la-test 605: log hook failed'), $errors[2] ?? null);
	la_is($n++, array_column(la_log_of($cid), 'description'), array_slice(array_map(
		fn ($id) => "Added Contact - User ID: $cid - Contact ID: $id", array_column(la_contacts_of($cid), 'id')), 0, $round + 1));
}
la_is($n++, count(la_contacts_of($cid)), 2);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: success
3: ok
4: ok
5: ok
6: ok
7: ok
8: ok
9: ok
10: ok
11: success
12: ok
13: ok
14: ok
15: ok
16: ok
17: ok
18: ok
19: ok
