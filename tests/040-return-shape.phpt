--TEST--
localAPI(): answer shapes; contactid is an int naming the new row (behaviour §1, §3.12)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$first = localAPI('AddContact', ['clientid' => $cid, 'firstname' => 'One']);
la_is(1, array_keys($first), ['result', 'contactid']);
la_is(2, $first['result'], 'success');
la_is(3, is_int($first['contactid']), true);
$row = la_contact($first['contactid']);
la_is(4, [$row['userid'] ?? null, $row['firstname'] ?? null], [(string) $cid, 'One']);

$second = localAPI('AddContact', ['clientid' => (string) $cid, 'firstname' => 'Two']);
la_is(5, is_int($second['contactid']) && $second['contactid'] > $first['contactid'], true);
la_is(6, array_map('intval', array_column(la_contacts_of($cid), 'id')), [$first['contactid'], $second['contactid']]);

$error = localAPI('AddContact', ['clientid' => la_missing_client_id()]);
la_is(7, $error, ['result' => 'error', 'message' => 'Client ID Not Found']);
la_is(8, localAPI('x y'), ['result' => 'error', 'message' => 'Invalid API Command']);
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
8: ok
