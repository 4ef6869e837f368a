--TEST--
GetContacts: count and page come from one snapshot, while another connection adds and deletes contacts (behaviour §10)
--DESCRIPTION--
A forked child, on a connection of its own, adds a contact of the client and
deletes it again as fast as the server lets it, until told to stop. Meanwhile
the test asks for the client's contacts (a page larger than there can be
rows) many times: every answer's totalresults equals its numreturned and the
rows it lists, because both were read in one transaction with a consistent
snapshot. Line 2 shows the child's changes were seen (both 3 and 4 contacts
were counted), so the race was run. Checked to fail when the transaction is
committed between the count and the page (about one call in ten disagrees).
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
$disagree = [];
$totals = [];
for ($i = 0; $i < $calls; $i++) {
	$answer = localAPI('GetContacts', ['userid' => $cid, 'limitnum' => 100]);
	$rows = count($answer['contacts']['contact'] ?? []);
	$totals[$answer['totalresults'] ?? 'none'] = true;
	if (($answer['totalresults'] ?? -1) !== ($answer['numreturned'] ?? -2) || $rows !== $answer['numreturned']) {
		$disagree[] = [$answer['totalresults'] ?? null, $answer['numreturned'] ?? null, $rows];
	}
}
touch($stop);
pcntl_waitpid($pid, $status);
@unlink($stop);
la_is(1, array_slice($disagree, 0, 3), []);
ksort($totals);
la_ok(2, $valgrind || array_keys($totals) === [3, 4], array_keys($totals));
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
