--TEST--
GetContacts: count and page come from one snapshot, while another connection adds and deletes contacts (behaviour §10)
--DESCRIPTION--
A forked child, on a connection of its own, adds a contact of the client and
deletes it again as fast as the server lets it, until told to stop. Meanwhile
the test asks for the client's contacts (a page larger than there can be
rows) many times: every answer's totalresults equals its numreturned and the
rows it lists, because both come from one statement (the page with its count
beside each row). Line 2 shows the child's changes were seen (both 3 and 4
contacts were counted), so the race was run. Checked to fail when the count
is read by a statement of its own after the page.

Lines 3 and 4 do the same from the fourth row on (limitstart 3): with 3
contacts that page is empty, so the count is read again, together with the
page, in one transaction with a consistent snapshot: every answer lists
totalresults - 3 rows. Line 4 shows both paths ran (a total of 3 comes only
from the read again). Checked to fail when that transaction is committed
between its count and its page.
Under valgrind only a smoke run.
--EXTENSIONS--
localapi
mysqli
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$valgrind = getenv('USE_ZEND_ALLOC') === '0';
$cid = la_make_client();
for ($i = 0; $i < 3; $i++) {
	la_insert('tblcontacts', ['userid' => $cid, 'firstname' => "kept $i"]);
}
$stop = la_tmp_path('917-stop');
@unlink($stop);
la_db_close(); /* the child must not share the parent's socket */
$pid = pcntl_fork();
if ($pid === 0) {
	$deadline = microtime(true) + 120;
	while (!file_exists($stop) && microtime(true) < $deadline) {
		$id = la_insert('tblcontacts', ['userid' => $cid, 'firstname' => 'passing']);
		la_query('DELETE FROM tblcontacts WHERE id = ?', $id);
	}
	@pcntl_exec('/bin/true');
	posix_kill(posix_getpid(), SIGKILL);
}

$calls = $valgrind ? 50 : 3000;
$disagree = [[], []];
$totals = [[], []];
for ($i = 0; $i < $calls; $i++) {
	foreach ([0, 3] as $k => $start) {
		$answer = localAPI('GetContacts', ['userid' => $cid, 'limitnum' => 100, 'limitstart' => $start]);
		$rows = count($answer['contacts']['contact'] ?? []);
		$total = $answer['totalresults'] ?? -1;
		$totals[$k][$answer['totalresults'] ?? 'none'] = true;
		if (max(0, $total - $start) !== ($answer['numreturned'] ?? -2) || $rows !== $answer['numreturned']) {
			$disagree[$k][] = [$answer['totalresults'] ?? null, $answer['numreturned'] ?? null, $rows];
		}
	}
}
touch($stop);
pcntl_waitpid($pid, $status);
@unlink($stop);
foreach ([1, 3] as $k => $line) {
	la_is($line, array_slice($disagree[$k], 0, 3), []);
	ksort($totals[$k]);
	la_ok($line + 1, $valgrind || array_keys($totals[$k]) === [3, 4], array_keys($totals[$k]));
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
