--TEST--
DeleteContact: one transaction deletes the contact, clears its client's billing contact, every order's contactid and its account links; nothing else changes (behaviour §10 "DeleteContact")
--DESCRIPTION--
Client A has contacts X (its billing contact) and Y; client B has billing
contact id X as well (a stale value; only the contact's own client is
cleared) and an order that names X (orders of every client are cleared, as
WHMCS does). Account links: (A, X) twice, (A, Y), (B, X), (A, NULL).
Deleting X: the X row is gone; A.billingcid is 0, B.billingcid still X;
every order naming X (A's two and B's one) has contactid 0, A's order naming
Y keeps it; the two (A, X) links are gone, the others stay. Deleting Y, which
is not A's billing contact, leaves A.billingcid as it is (set to Y's
neighbour Z here), clears Y's order and Y's link.
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

$a = la_make_client();
$b = la_make_client();
$x = la_del_contact($a);
$y = la_del_contact($a);
$z = la_del_contact($a);
la_query('UPDATE tblclients SET billingcid = ? WHERE id IN (?, ?)', $x, $a, $b);
$orders = [la_del_order($a, $x), la_del_order($a, $x), la_del_order($b, $x), la_del_order($a, $y), la_del_order($a, 0)];
$links = [la_del_link($a, $x), la_del_link($a, $x), la_del_link($a, $y), la_del_link($b, $x), la_del_link($a, null)];
$order_contacts = fn () => array_map('intval', array_column(
	la_rows('SELECT contactid FROM tblorders WHERE id IN (?, ?, ?, ?, ?) ORDER BY id', ...$orders), 'contactid'));
$links_left = fn () => array_map('intval', array_column(
	la_rows('SELECT id FROM tblauthn_account_links WHERE id IN (?, ?, ?, ?, ?) ORDER BY id', ...$links), 'id'));
$billing = fn () => array_map('intval', array_column(
	la_rows('SELECT billingcid FROM tblclients WHERE id IN (?, ?) ORDER BY id = ? DESC', $a, $b, $a), 'billingcid'));

la_call(1, 'DeleteContact', ['contactid' => $x]);
la_is(2, array_map('intval', array_column(la_contacts_of($a), 'id')), [$y, $z]);
la_is(3, $billing(), [0, $x]);
la_is(4, $order_contacts(), [0, 0, 0, $y, 0]);
la_is(5, $links_left(), [$links[2], $links[3], $links[4]]);

la_query('UPDATE tblclients SET billingcid = ? WHERE id = ?', $z, $a);
la_call(6, 'DeleteContact', ['contactid' => (string) $y]);
la_is(7, array_map('intval', array_column(la_contacts_of($a), 'id')), [$z]);
la_is(8, $billing(), [$z, $x]);
la_is(9, $order_contacts(), [0, 0, 0, 0, 0]);
la_is(10, $links_left(), [$links[3], $links[4]]);
la_is(11, count(la_log_of($a)), 2);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/delete-contact.inc';
la_del_cleanup();
?>
--EXPECTF--
1: success, message: %d
2: ok
3: ok
4: ok
5: ok
6: success, message: "%d"
7: ok
8: ok
9: ok
10: ok
11: ok
