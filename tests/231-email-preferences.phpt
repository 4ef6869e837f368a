--TEST--
AddContact: email_preferences[type] wins over the legacy flag, per type (behaviour §3.3)
--DESCRIPTION--
Per type: email_preferences[type] if that key exists (even when its value is
off, or null, which normalises to ''), else <type>emails, else off. Keys are
case-sensitive ('General' is not 'general'). A non-array email_preferences is
ignored and the legacy flags decide.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$columns = ['generalemails', 'productemails', 'domainemails', 'invoiceemails', 'supportemails', 'affiliateemails'];
$legacy_on = array_fill_keys($columns, '1');
$legacy_off = array_fill_keys($columns, '0');

/* 1: preferences off win over legacy on, for the types they name; the rest fall back */
$row = la_added(localAPI('AddContact', ['clientid' => $cid, 'email_preferences' => ['general' => '0', 'invoice' => 0, 'affiliate' => null]] + $legacy_on));
la_is(1, la_pick($row, $columns), ['generalemails' => '0', 'productemails' => '1', 'domainemails' => '1',
	'invoiceemails' => '0', 'supportemails' => '1', 'affiliateemails' => '0']);

/* 2: preferences on win over legacy off */
$row = la_added(localAPI('AddContact', ['clientid' => $cid, 'email_preferences' => ['product' => '1', 'support' => true]] + $legacy_off));
la_is(2, la_pick($row, $columns), ['generalemails' => '0', 'productemails' => '1', 'domainemails' => '0',
	'invoiceemails' => '0', 'supportemails' => '1', 'affiliateemails' => '0']);

/* 3: all six preferences, no legacy flags */
$row = la_added(localAPI('AddContact', ['clientid' => $cid, 'email_preferences' => [
	'general' => 1, 'product' => 1, 'domain' => 1, 'invoice' => 1, 'support' => 1, 'affiliate' => 1]]));
la_is(3, la_pick($row, $columns), $legacy_on);

/* 4: the order of keys in postData does not matter */
$row = la_added(localAPI('AddContact', ['clientid' => $cid, 'domainemails' => '1', 'email_preferences' => ['domain' => '0']]));
la_is(4, $row['domainemails'] ?? null, '0');

/* 5: keys are case-sensitive: 'General' is not 'general', so the legacy flag decides */
$row = la_added(localAPI('AddContact', ['clientid' => $cid, 'email_preferences' => ['General' => '0'], 'generalemails' => '1']));
la_is(5, $row['generalemails'] ?? null, '1');

/* 6-9: a non-array email_preferences is ignored */
$n = 6;
foreach (['0', '1', '', 'general'] as $value) {
	$row = la_added(localAPI('AddContact', ['clientid' => $cid, 'email_preferences' => $value, 'generalemails' => '1']));
	la_is($n++, la_pick($row, $columns), ['generalemails' => '1'] + $legacy_off);
}

/* 10: unknown preference keys are ignored */
$row = la_added(localAPI('AddContact', ['clientid' => $cid, 'email_preferences' => ['marketing' => '1', 'generalemails' => '1']]));
la_is(10, la_pick($row, $columns), $legacy_off);
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
9: ok
10: ok
