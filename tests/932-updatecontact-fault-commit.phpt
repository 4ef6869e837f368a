--TEST--
UpdateContact server faults: the answer to COMMIT is lost, or the COMMIT never reaches the server; the call finds out and answers the truth (behaviour §9, §10)
--DESCRIPTION--
Through tests/fault-proxy.inc. lose-answer: the server commits the update,
its answer is dropped and the connection closed; the call must look for what
it wrote (on a new connection, the old session ended) and answer success,
without writing again. drop-commit: the COMMIT never reaches the server,
which rolls the transaction back; the look finds the old values, and the
call writes again: success, with the new values stored. Each with a
7.x sub-account password (a fresh bcrypt hash: the look compares the hash
this call wrote) on 7.x, plain fields on both. No PHP warning.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!function_exists('proc_open')) die('skip proc_open() disabled');
?>
--FILE--
<?php
require_once __DIR__ . '/reliability.inc';
require_once __DIR__ . '/update-contact.inc';

$warnings = [];
set_error_handler(function (int $type, string $message) use (&$warnings): bool {
	$warnings[] = $message;
	return true;
});

$cid = la_make_client();
foreach (['lose-answer' => 'answer 00', 'drop-commit' => ''] as $mode => $swallowed) {
	$id = la_upd_make_contact($cid);
	$proxy = la_rel_proxy_start($mode);
	try {
		la_is("$mode: proxy", la_fault_proxy_line($proxy), 'ready');
		ini_set('localapi.db_host', 'localhost');
		ini_set('localapi.db_socket', $proxy['socket']);
		$post = ['contactid' => $id, 'firstname' => "After $mode", 'domainemails' => 0];
		if (la_whmcs() === 7) {
			$post['password2'] = 'secret';
		}
		$answer = localAPI('UpdateContact', $post);
		la_is("$mode: answer", $answer, ['result' => 'success', 'contactid' => $id]);
		la_is("$mode: the proxy acted", la_fault_proxy_line($proxy), "triggered $mode" . ($swallowed ? ", $swallowed" : ''));
		$row = la_contact($id);
		la_is("$mode: stored", [$row['firstname'], $row['domainemails']], ["After $mode", '0']);
		la_ok("$mode: password (7.x: the hash of password2; 8.x: not written)",
			la_whmcs() === 7 ? password_verify('secret', $row['password']) : $row['password'] === '', $row['password']);
		la_is("$mode: next call", localAPI('UpdateContact', ['contactid' => $id, 'lastname' => 'Next']),
			['result' => 'success', 'contactid' => $id]);
		la_is("$mode: warnings", $warnings, []);
	} finally {
		la_fault_proxy_stop($proxy);
		la_ini_apply();
	}
}
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
lose-answer: proxy: ok
lose-answer: answer: ok
lose-answer: the proxy acted: ok
lose-answer: stored: ok
lose-answer: password (7.x: the hash of password2; 8.x: not written): ok
lose-answer: next call: ok
lose-answer: warnings: ok
drop-commit: proxy: ok
drop-commit: answer: ok
drop-commit: the proxy acted: ok
drop-commit: stored: ok
drop-commit: password (7.x: the hash of password2; 8.x: not written): ok
drop-commit: next call: ok
drop-commit: warnings: ok
