--TEST--
DeleteContact on a database without tblauthn_account_links: the contact, the billing contact and the orders are done all the same, and the answer is success (behaviour §10 "DeleteContact")
--DESCRIPTION--
The account links are deleted "where that table exists": with the table
renamed away, DeleteContact still deletes the contact, clears its client's
billingcid and its orders' contactid, writes its log row and answers
success; no warning. With the table back, the next call deletes the links
again (the statement is not remembered as failed on the persistent link).
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
tblauthn_account_links
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/hooks.inc';
if (!la_can_rename_tables()) die('skip the test user cannot rename tables');
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/delete-contact.inc';

$parked = 'la_test_937_links';
set_error_handler(function (int $type, string $message): bool {
	echo "PHP error $type: $message\n";
	return true;
});
$cid = la_make_client();
$x = la_del_contact($cid);
$y = la_del_contact($cid);
la_query('UPDATE tblclients SET billingcid = ? WHERE id = ?', $x, $cid);
$order = la_del_order($cid, $x);
$link = la_del_link($cid, $y);

la_query("RENAME TABLE tblauthn_account_links TO $parked");
try {
	la_call(1, 'DeleteContact', ['contactid' => $x]);
} finally {
	la_query("RENAME TABLE $parked TO tblauthn_account_links");
}
la_is(2, [la_contact($x), la_value('SELECT billingcid FROM tblclients WHERE id = ?', $cid),
	la_value('SELECT contactid FROM tblorders WHERE id = ?', $order)], [null, '0', '0']);
la_is(3, count(la_del_log($cid)), 1);

la_call(4, 'DeleteContact', ['contactid' => $y]);
la_is(5, [la_contact($y), la_count('SELECT COUNT(*) FROM tblauthn_account_links WHERE id = ?', $link)], [null, 0]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';
require_once __DIR__ . '/delete-contact.inc';
if (la_table_exists('la_test_937_links') && !la_table_exists('tblauthn_account_links')) {
	la_query('RENAME TABLE la_test_937_links TO tblauthn_account_links');
}
la_del_cleanup();
?>
--EXPECTF--
1: success, message: %d
2: ok
3: ok
4: success, message: %d
5: ok
