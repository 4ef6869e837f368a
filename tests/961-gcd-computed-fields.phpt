--TEST--
GetClientsDetails: the computed fields in the answer: phones, country names, state codes, the GB postcode (behaviour §11.4)
--DESCRIPTION--
Each row of §11.4's phone table through the command (stored phone and
country -> phonenumber, phonecc with its type, phonenumberformatted):
'+cc.' phones give a string phonecc, Italy keeps its leading zeros, CW's
calling code is '', an unknown country 0. countryname: a known code's name,
an unknown code (and 'us') answered as stored, SS known on 8.x only.
statecode: US/CA names to codes, anything else as stored. postcode
reformatted for GB only. The stored fields stay as stored.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

$v8 = la_whmcs() >= 8;
$cid = la_gcd_client();
$show = function (array $columns) use ($cid) {
	foreach ($columns as $name => $value) {
		la_query("UPDATE tblclients SET `$name` = ? WHERE id = ?", $value, $cid);
	}
	return la_gcd(['clientid' => $cid]);
};
$phones = [
	['555-1234', 'US', '5551234', 1, '+1.5551234'],
	['0612345678', 'IT', '0612345678', 39, '+39.0612345678'],
	['+44.020 7946 0000', 'US', '02079460000', '44', '+44.2079460000'],
	['+15551234567', 'US', '15551234567', 1, '+1.15551234567'],
	['+039.0612', 'US', '0612', '039', '+039.0612'],
	['01234 567890', 'GB', '01234567890', 44, '+44.1234567890'],
	['12345', 'CW', '12345', '', '12345'],
	['0123', 'XX', '0123', 0, '0123'],
	['00', 'US', '00', 1, '+1.'],
	['', 'US', '', 1, ''],
	['12&#039;34', 'US', '1203934', 1, '+1.1203934'],
];
$n = 1;
foreach ($phones as [$stored, $country, $number, $cc, $formatted]) {
	$a = $show(['phonenumber' => $stored, 'country' => $country]);
	la_is($n++, [$a['phonenumber'], $a['phonecc'], $a['phonenumberformatted'], $a['country']],
		[$number, $cc, $formatted, $country]);
}
$names = [['US', 'United States'], ['us', 'us'], ['', ''], ['ZZ', 'ZZ'], ['CI', "Cote D'Ivoire"],
	['SS', $v8 ? 'South Sudan' : 'SS']];
foreach ($names as [$code, $name]) {
	$a = $show(['country' => $code]);
	la_is($n++, [$a['countryname'], $a['countrycode']], [$name, $code]);
}
$states = [['california', 'us', 'CA'], ['CALIFORNIA', 'US', 'CA'], ['california ', 'US', 'california '],
	['Ontario', 'CA', 'ON'], ['District of Columbia', 'US', 'District of Columbia'], ['Texas', 'GB', 'Texas'],
	['', 'US', '']];
foreach ($states as [$state, $country, $code]) {
	$a = $show(['state' => $state, 'country' => $country]);
	la_is($n++, [$a['statecode'], $a['state'], $a['fullstate']], [$code, $state, $state]);
}
$postcodes = [['sw1a1aa', 'GB', 'SW1A 1AA'], ['M11AE', 'GB', 'M1 1AE'], ['abc', 'GB', 'abc'],
	[' w1a 0ax ', 'GB', 'W1A 0AX'], ['sw1a1aa', 'gb', 'sw1a1aa'], ['AB&amp;12', 'GB', 'ABAM P12']];
foreach ($postcodes as [$stored, $country, $shown]) {
	$a = $show(['postcode' => $stored, 'country' => $country]);
	la_is($n++, $a['postcode'], $shown);
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
la_gcd_cleanup_tag();
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
11: ok
12: ok
13: ok
14: ok
15: ok
16: ok
17: ok
18: ok
19: ok
20: ok
21: ok
22: ok
23: ok
24: ok
25: ok
26: ok
27: ok
28: ok
29: ok
30: ok
