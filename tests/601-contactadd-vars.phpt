--TEST--
ContactAdd: exactly the keys of behaviour §5 with their PHP types and the stored values; row committed, log row not yet written (behaviour §3.10, §5, §7)
--DESCRIPTION--
Three contacts: a sub-account with every field (HTML, NUL byte, other scalars,
flags from email_preferences and legacy keys), a plain contact, and one whose
password2 and permissions are '0' (empty by PHP truthiness) and whose
email_preferences[invoice] is int 0. For each, the
callback's array must have exactly the key set of behaviour §5; userid and contactid
are ints, subaccount "1"/"0", the six flags "1" or int 0, every other value a
string equal to the tblcontacts column as stored (HTML-encoded); password is
the entity-decoded password2 for a sub-account (it verifies against the stored
hash) and '' otherwise. Inside the callback the row is visible from another
connection (mysqli), and the activity-log row is not there yet; after the
call it is.
On 8.x (behaviour §8) nothing of a sub-account is stored: subaccount is bool
false, password and permissions are '' for every contact, and the first
call's answer carries the warning.
Interpretation: "strings" in behaviour §5 are every key not given another type;
values given as other scalars (int, float, bool) reach the hook as the string
that was stored (behaviour §7 "Strings from other scalars").
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

const LA_KEYS = ['userid', 'firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
	'postcode', 'country', 'phonenumber', 'tax_id', 'subaccount', 'password', 'permissions', 'generalemails',
	'productemails', 'domainemails', 'invoiceemails', 'supportemails', 'affiliateemails', 'contactid'];
const LA_TEXT = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
	'postcode', 'country', 'phonenumber', 'tax_id', 'permissions'];
const LA_FLAGS = ['generalemails', 'productemails', 'domainemails', 'invoiceemails', 'supportemails', 'affiliateemails'];

$cid = la_make_client();
$seen = [];
add_hook('ContactAdd', 1, function ($vars) use (&$seen, $cid) {
	$row = is_int($vars['contactid'] ?? null) ? la_contact($vars['contactid']) : null;
	$seen[] = [
		'vars' => $vars,
		'args' => func_num_args(),
		'row' => $row,
		'logged' => la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $cid),
	];
});

/* What a hook must receive for a row: types and values derived from the row itself. */
function la_expected_vars(array $row, string $password): array
{
	$vars = ['userid' => (int) $row['userid'], 'contactid' => (int) $row['id']];
	foreach (LA_TEXT as $key) {
		$vars[$key] = $row[$key];
	}
	$vars['subaccount'] = la_by_version($row['subaccount'], false);
	$vars['password'] = $password;
	foreach (LA_FLAGS as $key) {
		$vars[$key] = $row[$key] === '1' ? '1' : 0;
	}
	ksort($vars, SORT_STRING);
	return $vars;
}

function la_check_call(int $n, array $seen, array $answer, int $cid, string $password, int $logged_before): int
{
	$hook = $seen[0] ?? ['vars' => [], 'args' => 0, 'row' => null, 'logged' => -1];
	$vars = $hook['vars'];
	$row = la_added($answer);
	la_is($n++, count($seen), 1);
	la_is($n++, $hook['args'], 1);
	la_is($n++, la_sorted_keys($vars), la_sorted_keys(array_flip(LA_KEYS)));
	$types = array_fill_keys(LA_TEXT, 'string') + ['userid' => 'int', 'contactid' => 'int',
		'subaccount' => la_by_version('string', 'bool'), 'password' => 'string'];
	foreach (LA_FLAGS as $key) {
		$types[$key] = ($row[$key] ?? null) === '1' ? 'string' : 'int';
	}
	ksort($types, SORT_STRING);
	la_is($n++, la_types($vars), $types);
	$sorted = $vars;
	ksort($sorted, SORT_STRING);
	la_is($n++, $sorted, $row === null ? null : la_expected_vars($row, $password));
	la_is($n++, [$vars['userid'] ?? null, $vars['contactid'] ?? null], [$cid, $answer['contactid'] ?? null]);
	/* committed before the hook: the fixture link (another connection) reads the same row */
	la_is($n++, $hook['row'], $row);
	/* the log row comes after ContactAdd */
	la_is($n++, [$hook['logged'], count(la_log_of($cid))], [$logged_before, $logged_before + 1]);
	return $n;
}

/* 1. a sub-account with every field */
$email = la_unique_email();
$post = [
	'clientid' => " $cid ",
	'firstname' => "O'Brien",
	'lastname' => 'Smith & <Sons>',
	'companyname' => 'a&amp;b "quoted"',
	'email' => $email,
	'address1' => 'one&nbsp;two',
	'address2' => "nul\0byte",
	'city' => 'Zürich',
	'state' => true,
	'postcode' => 12345,
	'country' => 'GB',
	'phonenumber' => 1.5,
	'tax_id' => '<b>VAT</b>',
	'password2' => 'p&amp;ss&nbsp;word&#039;',
	'permissions' => 'profile, tickets,invoices',
	'email_preferences' => ['general' => 1, 'product' => '0', 'domain' => 'false', 'invoice' => ''],
	'supportemails' => 'on',
	'affiliateemails' => 0,
	'domainemails' => 0,
	'action' => 'addcontact',
];
$answer = la_call_by_version(1, $post, 'success', 'success + warning');
$n = la_check_call(2, $seen, $answer, $cid, la_by_version("p&ss word'", ''), 0);
$vars = $seen[0]['vars'] ?? [];
$row = la_added($answer);
la_is($n++, la_pick($vars, ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state', 'postcode',
	'country', 'phonenumber', 'tax_id']), [
	'firstname' => 'O&#039;Brien', 'lastname' => 'Smith &amp; &lt;Sons&gt;', 'companyname' => 'a&amp;b &quot;quoted&quot;',
	'email' => $email, 'address1' => 'one two', 'address2' => "nul\0byte", 'city' => 'Zürich', 'state' => '1',
	'postcode' => '12345', 'country' => 'GB', 'phonenumber' => '1.5', 'tax_id' => '&lt;b&gt;VAT&lt;/b&gt;',
]);
la_is($n++, la_pick($vars, array_merge(['subaccount', 'password', 'permissions'], LA_FLAGS)), [
	...la_by_version(['subaccount' => '1', 'password' => "p&ss word'", 'permissions' => 'profile, tickets,invoices'],
		['subaccount' => false, 'password' => '', 'permissions' => '']),
	'generalemails' => '1', 'productemails' => 0, 'domainemails' => '1', 'invoiceemails' => 0,
	'supportemails' => '1', 'affiliateemails' => 0,
]);
la_ok($n++, la_by_version(is_string($vars['password'] ?? null) && password_verify($vars['password'], $row['password'] ?? ''),
	($vars['password'] ?? null) === '' && ($row['password'] ?? null) === ''));

/* 2. a plain contact: subaccount "0", password '', every flag int 0 */
$seen = [];
$answer = la_call($n++, 'AddContact', ['clientid' => $cid, 'firstname' => 'Plain', 'country' => 'DE']);
$n = la_check_call($n, $seen, $answer, $cid, '', 1);
$vars = $seen[0]['vars'] ?? [];
la_is($n++, la_pick($vars, array_merge(['subaccount', 'password', 'permissions', 'lastname', 'country'], LA_FLAGS)),
	['subaccount' => la_by_version('0', false), 'password' => '', 'permissions' => '', 'lastname' => '', 'country' => 'DE']
	+ array_fill_keys(LA_FLAGS, 0));

/* 3. password2 and permissions '0' count as empty; an int 0 preference is off */
$seen = [];
$answer = la_call($n++, 'AddContact', ['clientid' => (string) $cid, 'email' => la_unique_email(), 'country' => 'FR',
	'password2' => '0', 'permissions' => '0', 'generalemails' => true, 'email_preferences' => ['invoice' => 0]]);
$n = la_check_call($n, $seen, $answer, $cid, '', 2);
la_is($n++, la_pick($seen[0]['vars'] ?? [], ['subaccount', 'password', 'permissions', 'generalemails', 'invoiceemails']),
	['subaccount' => la_by_version('0', false), 'password' => '', 'permissions' => '', 'generalemails' => '1', 'invoiceemails' => 0]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: 7.x success | 8.x success + warning
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
8: ok
9: ok
10: ok
11: ok
12: ok
13: success
14: ok
15: ok
16: ok
17: ok
18: ok
19: ok
20: ok
21: ok
22: ok
23: success
24: ok
25: ok
26: ok
27: ok
28: ok
29: ok
30: ok
31: ok
32: ok
