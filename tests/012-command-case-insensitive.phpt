--TEST--
localAPI(): the command is matched case-insensitively (behaviour §1)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
foreach (['AddContact', 'addcontact', 'ADDCONTACT', 'aDDcONTACT'] as $i => $command) {
	la_call($i + 1, $command, ['clientid' => $cid, 'firstname' => $command]);
}
la_is(5, array_column(la_contacts_of($cid), 'firstname'), ['AddContact', 'addcontact', 'ADDCONTACT', 'aDDcONTACT']);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: success
3: success
4: success
5: ok
