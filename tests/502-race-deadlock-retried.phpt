--TEST--
Races: a deadlock in the sub-account INSERT is retried inside the call and never reaches the caller (behaviour §4 "Lock conflicts": ER 1213)
--DESCRIPTION--
A second link of the test opens a transaction, writes 20 ballast log rows
(so that InnoDB picks the extension's lighter transaction as the deadlock
victim) and share-locks the index gap of a new email X1. A child process
then adds a sub-account for X2, which falls into the same gap: its guarded
INSERT ... SELECT waits. The test's link then inserts X1 into that gap, which
closes the cycle: InnoDB rolls back the child's transaction with ER 1213.
SHOW ENGINE INNODB STATUS must name the child's connection as the victim
(else the test proved nothing). The test's link then rolls back.
Expected: the child's call answers success anyway (retried inside the call),
exactly one row for X2, none for X1, no PHP warning.
7.x behaviour only (the locking INSERT ... SELECT of a sub-account is 7.x's; 8.x stores no sub-account and checks neither
permissions nor duplicate emails, behaviour §8): skips on an 8.x database.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
all
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc'; la_skip_unless_whmcs(7);
if (!is_readable('/proc/self/maps')) {
	die('skip needs /proc/self/maps to find localapi.so for the children');
}
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';

$cid = la_make_client();
$tag = bin2hex(random_bytes(5));
$x1 = "la-deadlock-$tag-a@example.test";
$x2 = "la-deadlock-$tag-b@example.test";

$started = la_rel_child_start(['warmup' => la_missing_client_id(),
	'post' => ['clientid' => $cid, 'email' => $x2, 'password2' => 'pw', 'firstname' => 'X2']]);
$link = la_rel_link();
$link->begin_transaction();
for ($i = 0; $i < 20; $i++) {
	$link->execute_query("INSERT INTO tblactivitylog (date, description, user, userid, ipaddr)"
		. " VALUES (NOW(), 'la-test 502 ballast', '', ?, '')", [$cid]);
}
$link->execute_query('SELECT id FROM tblcontacts WHERE email = ? LOCK IN SHARE MODE', [$x1])->fetch_all();
la_rel_child_go($started);
$waiting = la_rel_wait_statement($started['session'], 'INSERT INTO tblcontacts');
usleep(300000); /* past bcrypt and into the lock wait */
$t0 = microtime(true);
try {
	la_insert_on($link, $cid, $x1);
	$own = 'inserted';
} catch (mysqli_sql_exception $e) {
	$own = 'error ' . $e->getCode();
}
la_is(1, [$waiting !== null, $own], [true, 'inserted']);
$status = $link->query('SHOW ENGINE INNODB STATUS')->fetch_assoc()['Status'] ?? '';
usleep(200000);
$link->rollback();
$link->close();
$report = la_rel_child_end($started);

/* the child's connection was the deadlock's victim */
$victim = null;
if (preg_match('/LATEST DETECTED DEADLOCK(.*?)\n-{3,}\nTRANSACTIONS/s', $status, $section)
	&& preg_match('/WE ROLL BACK TRANSACTION \((\d+)\)/', $section[1], $rolled)
	&& preg_match_all('/\*\*\* \((\d+)\) TRANSACTION:.*?(?:MariaDB|MySQL) thread id (\d+)/s', $section[1], $threads, PREG_SET_ORDER)) {
	foreach ($threads as [, $number, $thread]) {
		if ($number === $rolled[1]) {
			$victim = (int) $thread;
		}
	}
}
la_ok(2, $victim !== null && $victim === $started['session'], ['victim' => $victim, 'child' => $started['session']]);
la_is(3, la_show($report['answer']), 'success');
la_is(4, [la_count('SELECT COUNT(*) FROM tblcontacts WHERE email = ?', $x2), la_count('SELECT COUNT(*) FROM tblcontacts WHERE email = ?', $x1)], [1, 0]);
la_is(5, (int) la_value('SELECT id FROM tblcontacts WHERE email = ?', $x2), $report['answer']['contactid'] ?? null);
la_is(6, $report['problems'], []);
la_rel_figure('child call s', round($report['elapsed'] ?? -1, 3));
la_rel_figure('deadlock victim', $victim === $started['session'] ? 'the extension' : 'other');

function la_insert_on(mysqli $link, int $cid, string $email): void
{
	$link->execute_query('INSERT INTO tblcontacts (userid, firstname, lastname, companyname, email, address1, address2,'
		. ' city, state, postcode, country, phonenumber, tax_id, subaccount, password, permissions, domainemails,'
		. " generalemails, invoiceemails, productemails, supportemails, affiliateemails, pwresetkey)"
		. " VALUES (?, 'X1', '', '', ?, '', '', '', '', '', '', '', '', 1, '', '', 0, 0, 0, 0, 0, 0, '')", [$cid, $email]);
}
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
