--TEST--
AddContact: clientid alone inserts one complete row, every NOT NULL column explicit, into WHMCS's own layout (behaviour §3.5, §3.9, §3.12, §4, §6)
--DESCRIPTION--
Without any optional field: text columns '', tax_id '', subaccount 0,
password '', permissions '', all email flags 0, pwresetkey '', no NULL
anywhere; exactly one contact row and one log row. (country is left out here:
it comes from DefaultCountry, see 270-272.)
The row is only as complete as the layout it went into demands, so the
second part pins that layout (the suite's premise): every test proves the
extension right only for the schema the server holds. If it drifted from
WHMCS's, tests could pass while real installs fail: defaults on the NOT NULL
TEXT columns would let an INSERT that omits one of them pass here, where
WHMCS's layout (no defaults, strict sql_mode) refuses it; a unique key on
email would make the duplicate-email races (263, 500, 501) hold whatever the
extension does. Checked through information_schema: InnoDB, utf8mb3 with
utf8_unicode_ci (MariaDB names it utf8mb3_unicode_ci), the columns of
behaviour §6 with their types, NULL-ability and defaults, the keys, no
unique key other than the primary keys (none on any email), no foreign
keys. The layout matches the database's Version row (behaviour §8): a 7.x
database (sql/schema-7.10.sql) has no tblactivitylog.user_id and admin_id
and no tblclients.owner_user_id; an 8.x one (sql/schema.sql) has them.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
$answer = la_call(1, 'AddContact', ['clientid' => $cid]);
$row = la_added($answer);
la_is(2, [$row['id'] ?? null, $row['userid'] ?? null], [(string) ($answer['contactid'] ?? ''), (string) $cid]);
$text = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
	'postcode', 'phonenumber', 'tax_id', 'password', 'permissions', 'pwresetkey'];
la_is(3, la_pick($row, $text), array_fill_keys($text, ''));
$flags = ['subaccount', 'generalemails', 'productemails', 'domainemails', 'invoiceemails', 'supportemails', 'affiliateemails'];
la_is(4, la_pick($row, $flags), array_fill_keys($flags, '0'));
la_is(5, array_keys(array_filter($row ?? [], 'is_null')), []);
la_is(6, la_count('SELECT COUNT(*) FROM tblcontacts WHERE userid = ?', $cid), 1);
la_is(7, la_count('SELECT COUNT(*) FROM tblactivitylog WHERE userid = ?', $cid), 1);

/* ---- the layout the row went into ---- */

/* name => "type nullability default" in one comparable string */
function la_layout(string $table): array
{
	$out = [];
	foreach (la_columns($table) as $c) {
		$default = $c['COLUMN_DEFAULT'] === null ? '-' : trim($c['COLUMN_DEFAULT'], "'");
		$out[$c['COLUMN_NAME']] = strtolower($c['COLUMN_TYPE']) . ($c['IS_NULLABLE'] === 'NO' ? ' not null' : ' null')
			. " default $default" . (stripos($c['EXTRA'], 'auto_increment') !== false ? ' auto' : '');
	}
	return $out;
}

/* index name => "column(prefix),..." for the table's keys, with unique ones marked */
function la_keys(string $table): array
{
	$keys = [];
	$rows = la_rows('SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS'
		. ' WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX', $table);
	foreach ($rows as $r) {
		$name = ($r['NON_UNIQUE'] === '0' ? 'unique ' : '') . $r['INDEX_NAME'];
		$keys[$name][] = $r['COLUMN_NAME'] . ($r['SUB_PART'] !== null ? "({$r['SUB_PART']})" : '');
	}
	return array_map(fn ($cols) => implode(',', $cols), $keys);
}

/* the columns behaviour §6 names, compared by type family where it gives no width */
function la_expect(array $layout, array $expected): array
{
	$bad = [];
	foreach ($expected as $column => $pattern) {
		if (!preg_match("/^$pattern$/", $layout[$column] ?? 'missing')) {
			$bad[$column] = $layout[$column] ?? 'missing';
		}
	}
	return $bad;
}

$tables = ['tblcontacts', 'tblclients', 'tbladmins', 'tblactivitylog', 'tblconfiguration'];
$meta = la_rows('SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES'
	. ' WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (?, ?, ?, ?, ?) ORDER BY TABLE_NAME', ...$tables);
$bad = array_filter($meta, fn ($t) => $t['ENGINE'] !== 'InnoDB' || !preg_match('/^utf8(mb3)?_unicode_ci$/', $t['TABLE_COLLATION']));
la_is('layout 1', [count($meta), array_values($bad)], [5, []]);

/* MySQL 8.0.19 and later show no display width for int. */
$int = 'int(\(\d+\))?';
$text = 'text not null default -';
$stamp = "timestamp not null default 0000-00-00 00:00:00";
$contacts = ['id' => "$int not null default - auto", 'userid' => "$int not null default -"];
foreach (['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state', 'postcode',
	'country', 'phonenumber', 'password', 'permissions', 'pwresetkey'] as $column) {
	$contacts[$column] = $text;
}
$contacts['tax_id'] = 'varchar\(128\) not null default ';
$contacts['subaccount'] = 'int(\(1\))? not null default 0';
foreach (['domainemails', 'generalemails', 'invoiceemails', 'productemails', 'supportemails', 'affiliateemails'] as $column) {
	$contacts[$column] = 'int(\(1\))? not null default (-|0)';
}
foreach (['created_at', 'updated_at', 'pwresetexpiry'] as $column) {
	$contacts[$column] = $stamp;
}
la_is('layout 2', la_expect(la_layout('tblcontacts'), $contacts), []);
$defs = array_values(la_keys('tblcontacts'));
la_ok('layout 3', in_array('email(64)', $defs, true) && in_array('userid,firstname(32),lastname(32)', $defs, true), $defs);

la_is('layout 4', la_expect(la_layout('tblclients'), [
	'id' => "$int not null default - auto",
	'email' => $text, 'firstname' => $text, 'lastname' => $text, 'companyname' => $text,
	'address1' => $text, 'address2' => $text, 'city' => $text, 'state' => $text, 'postcode' => $text,
	'country' => $text, 'phonenumber' => $text,
	'status' => "enum\('active','inactive','closed'\) not null default (Active|-)",
]), []);
la_is('layout 5', la_expect(la_layout('tbladmins'), [
	'id' => "$int not null default - auto",
	'username' => $text,
	'disabled' => 'int(\(1\))? not null default (-|0)',
	'roleid' => 'int(\(1\))? not null default (-|0)',
]), []);
$log = [
	'id' => "$int not null default - auto",
	'date' => 'datetime not null default .*',
	'description' => $text,
	'user' => $text,
	'userid' => 'int(\(\d+\))? unsigned not null default 0',
	'ipaddr' => $text,
];
$eight = ['user_id' => 'int(\(\d+\))? unsigned not null default 0', 'admin_id' => 'int(\(\d+\))? unsigned not null default 0'];
la_is('layout 6', la_expect(la_layout('tblactivitylog'), $log + la_by_version(['user_id' => 'missing', 'admin_id' => 'missing'], $eight)), []);
la_is('layout 6 owner_user_id', la_expect(la_layout('tblclients'),
	['owner_user_id' => la_by_version('missing', 'int(\(\d+\))? unsigned not null default 0')]), []);
la_is('layout 7', la_expect(la_layout('tblconfiguration'), ['setting' => $text, 'value' => $text]), []);

/* keys behaviour §6 names */
la_is('layout 8', [in_array('email(64)', la_keys('tblclients'), true), in_array('username(32)', la_keys('tbladmins'), true),
	in_array('setting(32)', la_keys('tblconfiguration'), true)], [true, true, true]);
/* no unique key but the primary keys, so nothing on email; no foreign keys */
$unique = [];
foreach ($tables as $table) {
	foreach (array_keys(la_keys($table)) as $name) {
		if (str_starts_with($name, 'unique ') && $name !== 'unique PRIMARY') {
			$unique[] = "$table.$name";
		}
	}
}
la_is('layout 9', $unique, []);
la_is('layout 10', la_count('SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()'), 0);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
layout 1: ok
layout 2: ok
layout 3: ok
layout 4: ok
layout 5: ok
layout 6: ok
layout 6 owner_user_id: ok
layout 7: ok
layout 8: ok
layout 9: ok
layout 10: ok
