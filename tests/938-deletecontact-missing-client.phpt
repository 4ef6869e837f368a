--TEST--
DeleteContact of a contact whose client row is missing: deleted all the same, the stored userid in the hook and the log row (behaviour §10 "DeleteContact", "Settled points")
--DESCRIPTION--
A contact row whose userid names no tblclients row (WHMCS's schema has no
foreign keys) is deleted all the same: success, the row is gone, its orders
and account links are cleared, ContactDelete gets userid = the stored userid
(an int), and the log row's "User ID" and its userid column are that userid.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
tblauthn_account_links
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';

$missing = la_missing_client_id() + random_int(1, 100000);
file_put_contents(la_tmp_path('938-userid'), (string) $missing);
$id = la_del_contact($missing, ['firstname' => 'Orphan', 'lastname' => 'Row', 'email' => 'orphan@example.test']);
$order = la_del_order($missing, $id);
$link = la_del_link($missing, $id);
$hooked = [];
add_hook('ContactDelete', 1, function (array $vars) use (&$hooked): void {
	$hooked[] = $vars;
});

la_call(1, 'DeleteContact', ['contactid' => (string) $id]);
la_is(2, la_contact($id), null);
la_is(3, $hooked, [['userid' => $missing, 'contactid' => (string) $id]]);
la_is(4, la_log_rows($missing, ['description', 'userid']),
	[la_log_row(['description' => la_del_description($missing, $id, 'Orphan', 'Row', 'orphan@example.test'),
		'userid' => (string) $missing])]);
la_is(5, [la_value('SELECT contactid FROM tblorders WHERE id = ?', $order),
	la_count('SELECT COUNT(*) FROM tblauthn_account_links WHERE id = ?', $link)], ['0', 0]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';
$file = la_tmp_path('938-userid');
la_del_cleanup(is_file($file) ? [(int) file_get_contents($file)] : []);
@unlink($file);
?>
--EXPECTF--
1: success, message: "%d"
2: ok
3: ok
4: ok
5: ok
