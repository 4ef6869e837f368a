--TEST--
AddContact: every parameter lands in its own column (behaviour §3)
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$email = la_unique_email();
$answer = la_call_by_version(1, [
	'clientid' => (string) $cid,
	'firstname' => 'Jane',
	'lastname' => 'Doe',
	'companyname' => 'Example Ltd',
	'email' => $email,
	'address1' => '1 Main Street',
	'address2' => 'Suite 2',
	'city' => 'Springfield',
	'state' => 'Oregon',
	'postcode' => '97403',
	'country' => 'GB',
	'phonenumber' => '+44.1234567',
	'tax_id' => 'GB123456789',
	'password2' => 'correct horse',
	'permissions' => 'profile,contacts,invoices',
	'email_preferences' => ['general' => 1, 'product' => 0, 'domain' => 1, 'invoice' => 0, 'support' => 1, 'affiliate' => 0],
], 'success', 'success + warning');
$row = la_added($answer);
$expected = [
	'userid' => (string) $cid,
	'firstname' => 'Jane',
	'lastname' => 'Doe',
	'companyname' => 'Example Ltd',
	'email' => $email,
	'address1' => '1 Main Street',
	'address2' => 'Suite 2',
	'city' => 'Springfield',
	'state' => 'Oregon',
	'postcode' => '97403',
	'country' => 'GB',
	'phonenumber' => '+44.1234567',
	'tax_id' => 'GB123456789',
	/* 8.x stores no sub-account (behaviour §8) */
	'subaccount' => la_by_version('1', '0'),
	'permissions' => la_by_version('profile,contacts,invoices', ''),
	'generalemails' => '1',
	'productemails' => '0',
	'domainemails' => '1',
	'invoiceemails' => '0',
	'supportemails' => '1',
	'affiliateemails' => '0',
	'pwresetkey' => '',
];
la_is(2, la_pick($row, array_keys($expected)), $expected);
la_is(3, la_by_version(password_verify('correct horse', $row['password'] ?? ''), ($row['password'] ?? null) === ''), true);
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
