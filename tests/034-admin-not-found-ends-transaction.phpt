--TEST--
localAPI(): a call refused for an unknown admin leaves no transaction open on the shared link (behaviour §1, §7)
--DESCRIPTION--
The admin lookup's SELECT starts a REPEATABLE READ transaction on the
persistent link. A refused call must end it: an open one would hold its read
view (and InnoDB's purge) until some later call, and later reads on the link
could see an old snapshot. Checked in information_schema.INNODB_TRX from the
test's own connection (the user has PROCESS).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--CONFLICTS--
all
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

function la_open_transactions(): int
{
	return la_count('SELECT COUNT(*) FROM information_schema.INNODB_TRX t'
		. ' JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id'
		. ' WHERE p.USER = ? AND p.ID <> CONNECTION_ID()', la_config()['user']);
}

$cid = la_make_client();
la_call(1, 'AddContact', ['clientid' => $cid], 'no-such-admin-' . bin2hex(random_bytes(4)));
la_is(2, la_open_transactions(), 0);
la_call(3, 'AddContact', ['clientid' => $cid], 'admin');
la_is(4, la_open_transactions(), 0);
la_is(5, count(la_contacts_of($cid)), 1);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: error: No matching admin user found
2: ok
3: success
4: ok
5: ok
