--TEST--
GetContacts: the extension's connection is KILLed between two calls; the next call reads again and answers right (behaviour §10, §9)
--DESCRIPTION--
The extension's session is found as in 510 and KILLed from the fixture link.
The next GetContacts finds the link dead at its first statement (the START
TRANSACTION of its snapshot), connects again within the retry budget and
answers exactly what the table holds; no PHP warning. Then the same with the
retry budget at 0: one attempt only, so the answer is "Database error: ...",
never a wrong answer.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});

$cid = la_make_client();
$ids = [la_insert('tblcontacts', ['userid' => $cid]), la_insert('tblcontacts', ['userid' => $cid])];
$ids_of = fn (array $answer) => [$answer['result'] ?? null, $answer['totalresults'] ?? null,
	array_map(fn ($row) => $row['id'], $answer['contacts']['contact'] ?? [])];

$before = la_rel_sessions();
la_is(1, $ids_of(localAPI('GetContacts', ['userid' => $cid])), ['success', 2, $ids]);
$thread = la_rel_new_session($before, la_rel_phpinfo_thread());
la_ok(2, $thread !== null && la_rel_kill($thread), la_rel_sessions());
la_is(3, $ids_of(localAPI('GetContacts', ['userid' => $cid])), ['success', 2, $ids]);
la_is(4, $ids_of(localAPI('GetContacts', ['userid' => $cid, 'limitstart' => 1])), ['success', 2, [$ids[1]]]);

ini_set('localapi.retry_budget', '0');
$thread = la_rel_phpinfo_thread();
la_ok(5, $thread !== null && la_rel_kill($thread), la_rel_sessions());
$answer = localAPI('GetContacts', ['userid' => $cid]);
la_ok(6, ($answer['result'] ?? null) === 'success' ? $ids_of($answer) === ['success', 2, $ids]
	: str_starts_with($answer['message'] ?? '', 'Database error: '), $answer);
la_is(7, $warnings, []);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
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
