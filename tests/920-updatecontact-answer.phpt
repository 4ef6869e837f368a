--TEST--
UpdateContact: the answer, contactid as given, only the given columns written, updated_at, no hook and no log row (behaviour §10)
--DESCRIPTION--
A contact written by hand. UpdateContact with a few fields answers exactly
['result' => 'success', 'contactid' => <as given>]: the normalised value the
caller gave, of its type ("5" a string, 5 an int, " 0005 " the string with
its spaces). The row changes in the given columns only (stored
HTML-encoded as AddContact stores), and updated_at moves to the server's
NOW(); created_at and every other column keep their values. No activity log
row is written and no hook fires (ContactEdit, ContactAdd and LogActivity
are registered). The command name is matched case-insensitively and an
admin changes nothing in the answer.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/update-contact.inc';

$fired = [];
foreach (['ContactEdit', 'ContactAdd', 'LogActivity', 'ContactUpdate'] as $point) {
	add_hook($point, 1, function (array $vars) use (&$fired, $point): void {
		$fired[] = $point;
	});
}
$cid = la_make_client();
$id = la_upd_make_contact($cid);
$logs = count(la_log_of($cid));

$answer = localAPI('UpdateContact', ['contactid' => $id, 'firstname' => "O'Brien & <Co>", 'city' => 'a&amp;b']);
la_is(1, $answer, ['result' => 'success', 'contactid' => $id]);
$row = la_contact($id);
la_is(2, [$row['firstname'], $row['city']], ['O&#039;Brien &amp; &lt;Co&gt;', 'a&amp;b']);
la_ok(3, $row['updated_at'] !== '2001-02-03 04:05:06'
	&& abs(strtotime($row['updated_at']) - strtotime(la_value('SELECT NOW()'))) < 60, $row['updated_at']);
la_is(4, $row['created_at'], '2001-02-03 04:05:06');

/* the contactid as given: a string stays a string, with its spaces and zeros */
la_is(5, localAPI('UpdateContact', ['contactid' => (string) $id, 'lastname' => 'L1']),
	['result' => 'success', 'contactid' => (string) $id]);
la_is(6, localAPI('UpdateContact', ['contactid' => " 000$id\n", 'lastname' => 'L2']),
	['result' => 'success', 'contactid' => " 000$id\n"]);
la_is(7, localAPI('updatecontact', ['contactid' => $id, 'lastname' => 'L3'], 'admin'),
	['result' => 'success', 'contactid' => $id]);
la_is(8, la_contact($id)['lastname'], 'L3');

/* only the given columns change */
la_upd_call(9, $id, ['email' => 'New@Example.test', 'phonenumber' => '+1 555', 'generalemails' => 0]);
la_upd_call(10, $id, ['address1' => 'A1', 'address2' => 'A2', 'state' => 'S', 'postcode' => 'P',
	'country' => 'GB', 'companyname' => 'Co']);
/* tax_id is not read; unknown keys are ignored */
la_upd_call(11, $id, ['tax_id' => str_repeat('x', 500), 'action' => 'x', 'responsetype' => 'json', 'lastname' => 'L4']);

la_is(12, count(la_log_of($cid)), $logs);
la_is(13, $fired, []);
la_is(14, count(la_contacts_of($cid)), 1);
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
9: success ["email"=>"New@Example.test", "phonenumber"=>"+1 555", "generalemails"=>"0", "updated_at"=>"changed"]
10: success ["companyname"=>"Co", "address1"=>"A1", "address2"=>"A2", "state"=>"S", "postcode"=>"P", "country"=>"GB", "updated_at"=>"changed"]
11: success ["lastname"=>"L4", "updated_at"=>"changed"]
12: ok
13: ok
14: ok
