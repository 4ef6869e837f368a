--TEST--
WHMCS version: the Version row is read once per connection and again after a reconnect; without one, 7.10 (behaviour §8)
--DESCRIPTION--
A connection reads the Version row the first time AddContact needs it and
keeps what it read: changing the row does not change the behaviour of a
connection that already read it. Once the connection is lost (KILLed here)
and made again, the row is read again. The call that finds the connection
dead was already decided with what the old connection read (it may answer
either way); the call after it follows the new row. Without a Version row
(a database made by hand) the behaviour is 7.10's: a sub-account is stored.
A contact with password2 shows which behaviour ran: subaccount 1 (7.x) or 0
(8.x). The row is restored at the end and in --CLEAN--. Runs alone: every
test on this database follows the row meanwhile.
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

$cid = la_make_client();
function la_subaccount_after(int $cid): string
{
	$answer = localAPI('AddContact', ['clientid' => $cid, 'email' => la_unique_email(), 'password2' => 'pw']);
	return la_added($answer)['subaccount'] ?? 'no contact: ' . la_show($answer);
}
/* KILL the extension's connection (phpinfo() names its thread); the next call makes a new one. */
function la_reconnect(int $cid): void
{
	$thread = la_rel_phpinfo_thread();
	la_ok('killed', $thread !== null && la_rel_kill($thread));
	$answer = localAPI('AddContact', ['clientid' => $cid]);
	la_ok('reconnected', ($answer['result'] ?? null) === 'success' && la_rel_phpinfo_thread() !== $thread, $answer);
}

la_setting_backup('Version');
$native = la_whmcs() === 8 ? '0' : '1';
la_is(1, la_subaccount_after($cid), $native);

la_setting_set('Version', null);
la_is(2, la_subaccount_after($cid), $native);
la_reconnect($cid);
la_is(3, la_subaccount_after($cid), '1');
la_is(4, la_info('WHMCS behaviour'), '7.x (no Version row: 7.10)');

la_setting_set('Version', '8.0.0-release.1');
la_is(5, la_subaccount_after($cid), '1');
la_reconnect($cid);
la_is(6, la_subaccount_after($cid), '0');
la_is(7, la_info('WHMCS behaviour'), '8.x (Version 8.0.0-release.1)');

la_setting_restore('Version');
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_setting_restore('Version');
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
killed: ok
reconnected: ok
3: ok
4: ok
5: ok
killed: ok
reconnected: ok
6: ok
7: ok
