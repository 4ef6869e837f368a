--TEST--
UpdateContact 7.x: a client taking an email while UpdateContact gives it to a sub-account; one of them waits for the other (behaviour §10 "Settled points", §3.6)
--DESCRIPTION--
A writer of client emails that keeps the rule the way WHMCS's own screens
would under locks (fixture link: a locking read of the sub-accounts with
that email, then UPDATE tblclients.email, in one transaction) holds its
transaction open; a child process's UpdateContact then turns a sub-account's
email into that same email. The call waits for the client's transaction
(its duplicate check is a locking read of the email's index range) and,
once the client's change commits, answers Duplicate Email Address: the
sub-account keeps its old email. The other way round, a client writer that
starts after UpdateContact committed finds the sub-account. (With a plain
consistent read instead of the locking read, tried: the call answers
success at once and both hold the email.)
7.x behaviour only: skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7);
if (!is_readable('/proc/self/maps')) {
	die('skip needs /proc/self/maps to find localapi.so for the children');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';
require_once __DIR__ . '/update-contact.inc';

$cid = la_make_client();
$old = la_unique_email('old');
$id = la_upd_make_contact($cid, ['subaccount' => 1, 'password' => 'x', 'email' => $old]);
$email = la_unique_email('taken');

$child = la_rel_spawn('call');
la_rel_send($child, ['warmup' => la_missing_client_id(),
	'post' => ['localAPI' => ['UpdateContact', ['contactid' => $id, 'email' => $email]]]]);
$ready = la_rel_receive($child, 60);
la_is(1, $ready['ready'] ?? null, true);

/* the client writer: its check and its change, uncommitted */
$writer = la_rel_link();
$writer->begin_transaction();
$stmt = $writer->prepare('SELECT id FROM tblcontacts WHERE subaccount = 1 AND email = ? LOCK IN SHARE MODE');
$stmt->bind_param('s', $email);
$stmt->execute();
la_is(2, $stmt->get_result()->num_rows, 0);
$stmt = $writer->prepare('UPDATE tblclients SET email = ? WHERE id = ?');
$stmt->bind_param('si', $email, $cid);
$stmt->execute();

la_rel_send($child, ['go' => true]);
/* the call waits for the writer's transaction */
$waiting = la_rel_wait_session((int) $ready['thread'], fn (array $row) => str_contains((string) $row['STATE'], 'lock')
	|| str_contains((string) $row['INFO'], 'LOCK IN SHARE MODE'), 10);
la_ok(3, $waiting !== null, la_rel_session_row((int) $ready['thread']));
usleep(200000);
$writer->commit();
$report = la_rel_receive($child, 60);
[$code, $stderr] = la_rel_finish($child);
la_is(4, la_show($report['answer'] ?? null), 'error: Duplicate Email Address');
la_is(5, la_contact($id)['email'], $old);
la_is(6, [$report['warnings'] ?? null, $code, $stderr], [[], 0, '']);

/* after UpdateContact committed, the writer's locking read sees the sub-account */
$next = la_unique_email('next');
la_upd_call(7, $id, ['email' => $next]);
$stmt = $writer->prepare('SELECT id FROM tblcontacts WHERE subaccount = 1 AND email = ? LOCK IN SHARE MODE');
$stmt->bind_param('s', $next);
$stmt->execute();
la_is(8, $stmt->get_result()->num_rows, 1);
$writer->close();
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECTF--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
7: success ["email"=>"%s", "updated_at"=>"changed"]
8: ok
