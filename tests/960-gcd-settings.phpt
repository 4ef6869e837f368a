--TEST--
GetClientsDetails: PhoneNumberDropdown, DateFormat and MarketingEmailConvert read at every call; the 7.x last login (behaviour §11.11, §11.4)
--DESCRIPTION--
Each setting is changed between two calls of one process and the next call
follows (no cache). PhoneNumberDropdown on: telephoneNumber is
phonenumberformatted; '0' or '': the stored phone trimmed; no row: on.
DateFormat: the six WHMCS formats, empty and missing (DD/MM/YYYY); several
rows: the lowest id (7.x, where the name is not unique). MarketingEmailConvert on: the
opt-in flag; off: emailoptout = 0; missing: on. The last login is
tblclients.lastlogin on 7.x (1970-01-01 00:00:00 and zero dates: no login)
and the owner user's on 8.x.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
gcdsettings
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

foreach (['PhoneNumberDropdown', 'DateFormat', 'MarketingEmailConvert'] as $s) {
	la_setting_backup($s);
}
$v8 = la_whmcs() >= 8;
$cid = la_gcd_client(['phonenumber' => ' 555-1234 ', 'country' => 'US', 'marketing_emails_opt_in' => 0,
	'emailoptout' => 0, 'lastlogin' => '2016-10-03 10:26:59', 'ip' => '192.0.2.7', 'host' => 'h.example']);
if ($v8) {
	$uid = la_insert('tblusers', ['first_name' => 'L', 'email' => la_unique_email('user'), 'last_ip' => '192.0.2.7',
		'last_hostname' => 'h.example']);
	la_insert('tblusers_clients', ['auth_user_id' => $uid, 'client_id' => $cid, 'owner' => 1,
		'last_login' => '2016-10-03 10:26:59']);
}
$tel = function (?string $value) use ($cid) {
	la_setting_set('PhoneNumberDropdown', $value);
	return la_gcd(['clientid' => $cid])['telephoneNumber'];
};
la_is(1, [$tel('1'), $tel('0'), $tel(''), $tel(null), $tel('on')],
	['+1.5551234', '555-1234', '555-1234', '+1.5551234', '+1.5551234']);

$date = function (?string $value) use ($cid) {
	la_setting_set('DateFormat', $value);
	return la_gcd(['clientid' => $cid])['lastlogin'];
};
$n = 2;
foreach (['DD/MM/YYYY' => '03/10/2016', 'DD.MM.YYYY' => '03.10.2016', 'DD-MM-YYYY' => '03-10-2016',
	'MM/DD/YYYY' => '10/03/2016', 'YYYY/MM/DD' => '2016/10/03', 'YYYY-MM-DD' => '2016-10-03', '' => '03/10/2016'] as $format => $shown) {
	la_is($n++, $date((string) $format), "Date: $shown 10:26<br>IP Address: 192.0.2.7<br>Host: h.example");
}
la_is($n++, $date(null), 'Date: 03/10/2016 10:26<br>IP Address: 192.0.2.7<br>Host: h.example');
if (!$v8) {
	/* 7.x: several rows, the lowest id */
	la_setting_set('DateFormat', 'YYYY-MM-DD');
	la_insert('tblconfiguration', ['setting' => 'dateformat', 'value' => 'MM/DD/YYYY']);
	la_is($n, la_gcd(['clientid' => $cid])['lastlogin'], 'Date: 2016-10-03 10:26<br>IP Address: 192.0.2.7<br>Host: h.example');
	foreach (['1970-01-01 00:00:00', '0000-00-00 00:00:00', null] as $value) {
		la_query('UPDATE tblclients SET lastlogin = ? WHERE id = ?', $value, $cid);
		echo la_gcd(['clientid' => $cid])['lastlogin'] === 'No Login Logged' ? '' : "no login: $value\n";
	}
} else {
	echo "$n: ok\n";
}
$n++;

$opt = function (?string $value, int $in, int $out) use ($cid) {
	la_setting_set('MarketingEmailConvert', $value);
	la_query('UPDATE tblclients SET marketing_emails_opt_in = ?, emailoptout = ? WHERE id = ?', $in, $out, $cid);
	return la_gcd(['clientid' => $cid])['isOptedInToMarketingEmails'];
};
la_is($n++, [$opt('on', 1, 1), $opt('on', 0, 0), $opt('', 0, 0), $opt('0', 1, 1), $opt(null, 1, 1), $opt(null, 0, 0)],
	[true, false, true, false, true, false]);
foreach (['PhoneNumberDropdown', 'DateFormat', 'MarketingEmailConvert'] as $s) {
	la_setting_restore($s);
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
foreach (['PhoneNumberDropdown', 'DateFormat', 'MarketingEmailConvert'] as $s) {
	la_setting_restore($s);
}
if (la_whmcs() >= 8) {
	la_query("DELETE FROM tblusers WHERE first_name = 'L' AND email LIKE 'la-user-%'");
}
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
