<?php
/*
 * Parity check before the benchmark: the peer (bench/peer.php) and the
 * extension must give the same answers and write the same rows for the same
 * input, or the comparison means nothing. Runs a set of cases of
 * docs/behaviour.md through both and compares the answers, the stored contact
 * rows (all columns but id, the timestamps and the bcrypt hash, which is
 * verified instead) and the log rows. Prints one line per disagreement and a
 * summary; exit 1 on any.
 *
 *   php -d extension=modules/localapi.so -d localapi.db_... bench/parity.php
 */

declare(strict_types=1);

require __DIR__ . '/lib.php';
require __DIR__ . '/peer.php';

$c = bench_config();
peer_configure($c['socket'], $c['user'], $c['password'], $c['db']);
$client = bench_client();
$missing = bench_missing_client();
bench_cleanup($client);

$uniq = 0;
$email = function () use (&$uniq) {
	return 'parity.' . getmypid() . '.' . $uniq++ . '@bench.invalid';
};

/* [label, command, postData (the email is filled in per contestant when null), admin] */
$cases = [
	['documented example', 'AddContact', ['clientid' => (string) $client, 'firstname' => 'Jane', 'lastname' => 'Doe', 'email' => null], ''],
	['all fields, entities', 'AddContact', ['clientid' => $client, 'firstname' => "O'Brien & <Co>", 'lastname' => 'a&amp;b',
		'companyname' => 'x&nbsp;y &quot;q&quot;', 'email' => null, 'address1' => '1 Main St', 'address2' => '',
		'city' => 'Zürich', 'state' => 'ZH', 'postcode' => '8000', 'country' => 'CH', 'phonenumber' => '+41.441234567',
		'tax_id' => 'CHE-123', 'generalemails' => '1', 'email_preferences' => ['invoice' => 'false', 'support' => '0']], ''],
	['scalars', 'AddContact', ['clientid' => " 000$client\n", 'firstname' => 12, 'lastname' => 1.5, 'companyname' => true,
		'address1' => false, 'city' => null, 'email' => null, 'productemails' => [1]], ''],
	['permissions', 'AddContact', ['clientid' => $client, 'email' => null, 'permissions' => 'profile, tickets,,orders'], ''],
	['permissions 0', 'AddContact', ['clientid' => $client, 'email' => null, 'permissions' => '0'], ''],
	['invalid permission', 'AddContact', ['clientid' => $client, 'email' => null, 'permissions' => 'profile,root'], ''],
	['sub-account', 'AddContact', ['clientid' => $client, 'email' => null, 'password2' => 'p&amp;ss', 'permissions' => 'profile'], ''],
	['duplicate of the client', 'AddContact', ['clientid' => $client, 'email' => strtoupper(BENCH_EMAIL), 'permissions' => 'profile'], ''],
	['tax_id too long', 'AddContact', ['clientid' => $client, 'email' => null, 'tax_id' => str_repeat('x', 129)], ''],
	['invalid UTF-8', 'AddContact', ['clientid' => $client, 'email' => null, 'lastname' => "a\xff"], ''],
	['field as array', 'AddContact', ['clientid' => $client, 'email' => null, 'city' => ['x']], ''],
	['4-byte character', 'AddContact', ['clientid' => $client, 'email' => null, 'firstname' => "smile \u{1F600}"], ''],
	['clientid 12abc', 'AddContact', ['clientid' => $client . 'abc', 'email' => null], ''],
	['missing client', 'AddContact', ['clientid' => $missing, 'email' => null], ''],
	['no clientid', 'AddContact', ['email' => null], ''],
	['admin by name', 'AddContact', ['clientid' => $client, 'email' => null], 'ADMIN'],
	['admin by id', 'AddContact', ['clientid' => $client, 'email' => null], '1.0'],
	['unknown admin', 'AddContact', ['clientid' => $client, 'email' => null], 'nobody-' . getmypid()],
	['invalid command', 'Add Contact', [], ''],
	['unknown command', 'GetClients', [], ''],
];

/* GetContacts (the answers alone: it writes nothing), against the read client's contacts. */
$reader = bench_read_client();
$cases = array_merge($cases, [
	['GetContacts: the benchmark\'s call', 'GetContacts', ['userid' => (string) $reader], ''],
	['GetContacts: userid as int, a page', 'GetContacts', ['userid' => $reader, 'limitstart' => '2', 'limitnum' => 3], ''],
	['GetContacts: limitstart as int', 'GetContacts', ['userid' => $reader, 'limitstart' => 4, 'limitnum' => ' 2 '], ''],
	['GetContacts: past the end', 'GetContacts', ['userid' => $reader, 'limitstart' => '50'], ''],
	['GetContacts: falsy values', 'GetContacts', ['userid' => $reader, 'limitstart' => '0', 'limitnum' => '', 'firstname' => '0',
		'city' => null, 'email' => false, 'country' => '&#48;'], ''],
	['GetContacts: filters, entities', 'GetContacts', ['userid' => $reader, 'lastname' => "o'brien & co"], ''],
	['GetContacts: filter, accents and case', 'GetContacts', ['city' => 'ZURICH', 'country' => 'ch', 'userid' => $reader], ''],
	['GetContacts: sub-accounts only', 'GetContacts', ['userid' => $reader, 'subaccount' => '1'], ''],
	['GetContacts: no such client', 'GetContacts', ['userid' => '999999999'], ''],
	['GetContacts: email filter', 'GetContacts', ['email' => 'READER.3@bench.invalid'], ''],
	['GetContacts: limitnum -1', 'GetContacts', ['limitnum' => '-1'], ''],
	['GetContacts: limitstart 1.5', 'GetContacts', ['limitstart' => 1.5], ''],
	['GetContacts: userid true', 'GetContacts', ['userid' => true], ''],
	['GetContacts: userid array', 'GetContacts', ['userid' => ['1']], ''],
	['GetContacts: filter array', 'GetContacts', ['userid' => $reader, 'city' => []], ''],
	['GetContacts: filter invalid UTF-8', 'GetContacts', ['state' => ['x' => "\xC3"]], ''],
	['GetContacts: 4-byte filter', 'GetContacts', ['firstname' => "\u{1F600}"], ''],
	['GetContacts: unknown admin', 'GetContacts', ['userid' => $reader], 'nobody-' . getmypid()],
]);

function contact_row(int $id): ?array
{
	$row = bench_db()->execute_query('SELECT * FROM tblcontacts WHERE id = ?', [$id])->fetch_assoc();
	if ($row === null) {
		return null;
	}
	unset($row['id'], $row['created_at'], $row['updated_at']);
	$row['email'] = preg_replace('/^parity\.\d+\.\d+@/', 'parity.N@', $row['email']);
	return $row;
}

function log_rows(int $client, int $contactid): array
{
	$rows = bench_db()->execute_query('SELECT description, user, userid, user_id, admin_id, ipaddr FROM tblactivitylog'
		. ' WHERE userid = ? AND description LIKE ?', [$client, "% Contact ID: $contactid"])->fetch_all(MYSQLI_ASSOC);
	foreach ($rows as &$row) {
		$row['description'] = preg_replace('/Contact ID: \d+$/', 'Contact ID: N', $row['description']);
	}
	return $rows;
}

$failures = 0;
foreach ($cases as [$label, $command, $post, $admin]) {
	$seen = [];
	foreach (['ext' => 'localAPI', 'peer' => 'peer_localAPI'] as $name => $fn) {
		$input = $post;
		if (array_key_exists('email', $input) && $input['email'] === null) {
			$input['email'] = $email();
		}
		$answer = $fn($command, $input, $admin);
		if ($command === 'GetContacts') {
			$seen[$name] = ['answer' => $answer];
			continue;
		}
		$seen[$name] = ['answer' => $answer['result'] === 'success' ? 'success' : $answer];
		if ($answer['result'] === 'success') {
			$row = contact_row($answer['contactid']);
			if ($row !== null && $row['password'] !== '') {
				$row['password'] = password_verify('p&ss', $row['password']) ? 'bcrypt(p&ss)' : 'bad hash';
			}
			$seen[$name]['row'] = $row;
			$seen[$name]['log'] = log_rows($client, $answer['contactid']);
		}
	}
	if ($seen['ext'] !== $seen['peer']) {
		$failures++;
		echo "parity: $label: ext " . json_encode($seen['ext']) . "\n        peer " . json_encode($seen['peer']) . "\n";
	}
}
bench_cleanup($client);

/*
 * UpdateContact: each case runs, for each contestant, against a contact made afresh in the
 * same state (updated_at set in the past, so that a write shows), and compares the answers
 * and the contact rows after the call (the bcrypt hash verified instead of compared; whether
 * updated_at moved). The contact is deleted after each run, so that no case sees another's.
 * A second client, whose preferences say no domain emails, is there for the ICANN rule.
 */
[$updClient] = bench_update_contact();
$icannClient = bench_client('localapi-bench-icann', 'localapi-bench-icann@bench.invalid');
bench_db()->execute_query('UPDATE tblclients SET email_preferences = ? WHERE id = ?',
	['{"general":1,"invoice":1,"support":1,"product":1,"domain":0,"affiliate":1}', $icannClient]);
$contact = ['firstname' => 'Ann', 'lastname' => 'Lee', 'email' => 'ann.lee@bench.invalid', 'country' => 'GB'];
/* [label, postData (contactid filled in when null), contact values, client] */
$updates = [
	['the benchmark\'s call: two fields', ['contactid' => null, 'firstname' => 'Jo', 'lastname' => 'Ray'], [], $updClient],
	['contactid as int, all text fields, entities', ['contactid' => 'int', 'firstname' => "O'Brien & <Co>", 'lastname' => 'a&amp;b',
		'companyname' => '', 'email' => 'x@y.invalid', 'address1' => 'A1', 'address2' => 'A2', 'city' => 'Zürich', 'state' => 'ZH',
		'postcode' => 8000, 'country' => 'CH', 'phonenumber' => true, 'tax_id' => [1]], [], $updClient],
	['nothing changes', ['contactid' => null, 'firstname' => 'Ann', 'lastname' => 'Lee'], [], $updClient],
	['only case changes', ['contactid' => null, 'firstname' => 'ANN'], [], $updClient],
	['null counts as not given', ['contactid' => null, 'firstname' => null, 'generalemails' => null], [], $updClient],
	['email_preferences', ['contactid' => null, 'email_preferences' => ['general' => 0, 'invoice' => '1', 'affiliate' => 'yes'],
		'supportemails' => '1'], [], $updClient],
	['email_preferences empty, legacy flags', ['contactid' => null, 'email_preferences' => [], 'productemails' => 'on',
		'generalemails' => '0'], [], $updClient],
	['email_preferences not an array', ['contactid' => null, 'email_preferences' => 'x'], [], $updClient],
	['invalid email types', ['contactid' => null, 'email_preferences' => ['general' => 1, 'spam' => 1, 0 => 1]], [], $updClient],
	['subaccount, permissions as a list', ['contactid' => null, 'subaccount' => '1', 'permissions' => ['profile', 'tickets']],
		[], $updClient],
	['permissions as a string', ['contactid' => null, 'permissions' => 'profile,orders'], [], $updClient],
	['invalid permission', ['contactid' => null, 'permissions' => ['profile', 'root']], [], $updClient],
	['password2', ['contactid' => null, 'password2' => 'p&amp;ss'], [], $updClient],
	['password2 empty', ['contactid' => null, 'password2' => ''], ['password' => 'x'], $updClient],
	['sub-account takes a client\'s email', ['contactid' => null, 'subaccount' => 1, 'email' => strtoupper(BENCH_EMAIL)], [], $updClient],
	['plain contact takes a client\'s email', ['contactid' => null, 'email' => BENCH_EMAIL], [], $updClient],
	['becomes a sub-account with a client\'s email', ['contactid' => null, 'subaccount' => 'on'], ['email' => BENCH_EMAIL], $updClient],
	['ICANN: the last domain recipient', ['contactid' => null, 'domainemails' => 0], [], $icannClient],
	['ICANN: the client gets domain emails', ['contactid' => null, 'domainemails' => 0], [], $updClient],
	['invalid UTF-8', ['contactid' => null, 'city' => "\xff"], [], $updClient],
	['field as array', ['contactid' => null, 'city' => ['x']], [], $updClient],
	['4-byte character', ['contactid' => null, 'lastname' => "\u{1F600}"], [], $updClient],
	['contactid 12abc', ['contactid' => 'abc', 'firstname' => 'X'], [], $updClient],
	['no contactid', ['firstname' => 'X'], [], $updClient],
	['no such contact', ['contactid' => '999999999', 'firstname' => 'X'], [], $updClient],
	['bad input before a missing contact', ['contactid' => '999999999', 'firstname' => ['X']], [], $updClient],
];
function update_row(int $id): ?array
{
	$row = bench_db()->execute_query('SELECT * FROM tblcontacts WHERE id = ?', [$id])->fetch_assoc();
	if ($row === null) {
		return null;
	}
	$row['updated_at'] = $row['updated_at'] === '2001-02-03 04:05:06' ? 'unchanged' : 'changed';
	if ($row['password'] !== '' && $row['password'] !== 'x') {
		$row['password'] = password_verify('p&ss', $row['password']) ? 'bcrypt(p&ss)' : 'bad hash';
	}
	unset($row['id'], $row['created_at']);
	return $row;
}
$updateFailures = 0;
foreach ($updates as [$label, $post, $values, $owner]) {
	$seen = [];
	foreach (['ext' => 'localAPI', 'peer' => 'peer_localAPI'] as $name => $fn) {
		$id = bench_insert_contact($owner, $values + $contact);
		bench_db()->execute_query("UPDATE tblcontacts SET updated_at = '2001-02-03 04:05:06' WHERE id = ?", [$id]);
		$input = $post;
		if (array_key_exists('contactid', $input) && ($input['contactid'] === null || $input['contactid'] === 'int'
				|| $input['contactid'] === 'abc')) {
			$input['contactid'] = $input['contactid'] === 'int' ? $id : ($input['contactid'] === 'abc' ? "{$id}abc" : " $id");
		}
		$answer = $fn('UpdateContact', $input, '');
		/* The contact differs per contestant: its id is compared with the input, not between them. */
		if (isset($answer['contactid'], $input['contactid']) && $answer['contactid'] === $input['contactid']) {
			$answer['contactid'] = 'as given';
		}
		$seen[$name] = ['answer' => $answer, 'row' => update_row($id)];
		if (getenv('PARITY_VERBOSE')) {
			echo "parity: UpdateContact: $label: $name " . json_encode($seen[$name]) . "\n";
		}
		bench_db()->execute_query('DELETE FROM tblcontacts WHERE id = ?', [$id]);
	}
	if ($seen['ext'] !== $seen['peer']) {
		$updateFailures++;
		echo "parity: UpdateContact: $label: ext " . json_encode($seen['ext']) . "\n        peer " . json_encode($seen['peer']) . "\n";
	}
}
$failures += $updateFailures;
$cases = array_merge($cases, $updates);

/*
 * GetClientsDetails (it writes nothing): the answers alone, for the fixture client the benchmark
 * reads (without and with stats), sample.sql's client 1, a client whose uuid is empty (then
 * each answer holds a new random UUIDv4: compared as "a generated v4" in both), and the
 * errors. Price objects are compared by class, every text form and their properties.
 */
$gcdNoUuid = bench_client();
bench_db()->execute_query("UPDATE tblclients SET uuid = '' WHERE id = ?", [$gcdNoUuid]);
$gcdCases = [
	['the benchmark\'s call', ['clientid' => (string) BENCH_GCD_CLIENT]],
	['the benchmark\'s call with stats', ['clientid' => (string) BENCH_GCD_CLIENT, 'stats' => '1']],
	['clientid as int, stats true', ['clientid' => BENCH_GCD_CLIENT, 'stats' => true]],
	['stats falsy', ['clientid' => ' ' . BENCH_GCD_CLIENT . ' ', 'stats' => '0']],
	['by email, other case', ['email' => 'OLIVIA.ONEILL@bench.invalid', 'stats' => 'yes']],
	['sample client 1 with stats', ['clientid' => '1', 'stats' => 1]],
	['empty uuid, stats', ['clientid' => (string) $gcdNoUuid, 'stats' => '1']],
	['neither clientid nor email', ['clientid' => '0', 'email' => '']],
	['clientid 1abc', ['clientid' => BENCH_GCD_CLIENT . 'abc']],
	['no such client', ['clientid' => '999999999']],
	['no such email', ['email' => 'nobody@bench.invalid']],
	['email array', ['email' => ['x']]],
	['clientid invalid UTF-8', ['clientid' => "\xff"]],
];
function gcd_normal(mixed $v): mixed
{
	if (is_object($v)) {
		return [get_class($v), $v->toFull(), $v->toPrefixed(), $v->toSuffixed(), $v->toNumeric(), (array) $v];
	}
	return is_array($v) ? array_map('gcd_normal', $v) : $v;
}
$gcdFailures = 0;
foreach ($gcdCases as [$label, $post]) {
	$seen = [];
	foreach (['ext' => 'localAPI', 'peer' => 'peer_localAPI'] as $name => $fn) {
		$answer = gcd_normal($fn('GetClientsDetails', $post, ''));
		$v4 = '/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/D';
		if (($answer['id'] ?? null) === $gcdNoUuid && preg_match($v4, $answer['uuid']) === 1
				&& $answer['client']['uuid'] === $answer['uuid']) {
			$answer['uuid'] = $answer['client']['uuid'] = 'a generated v4';
		}
		$seen[$name] = $answer;
	}
	if ($seen['ext'] !== $seen['peer']) {
		$gcdFailures++;
		echo "parity: GetClientsDetails: $label: ext " . json_encode($seen['ext']) . "\n        peer " . json_encode($seen['peer']) . "\n";
	}
}
$failures += $gcdFailures;
$cases = array_merge($cases, $gcdCases);

/* The limit's GetContacts, UpdateContact and GetClientsDetails floors run the extension's statements,
 * compiled from its headers (ext/commands/*_sql.h): each must be a string of the build measured here,
 * or the limit and the build come from different sources. */
$so = (string) @file_get_contents(bench_config()['ext']);
$copies = array_filter(explode("\n", (string) shell_exec(escapeshellarg(bench_config()['limit']) . ' --print-sql')));
foreach ($copies as $sql) {
	if (!str_contains($so, "\0" . $sql . "\0")) {
		$failures++;
		echo "parity: a statement bench/limit.c runs is not in the extension's build: $sql\n";
	}
}
if (count($copies) !== 12) {
	$failures++;
	echo "parity: bench/limit.c --print-sql printed " . count($copies) . " statements, not 12\n";
}
printf("parity: %d of %d cases agree between the extension and the peer; the limit's %d statements are the extension's%s\n",
	count($cases) - $failures, count($cases), count($copies), $failures ? ' (or not: see above)' : '');
exit($failures ? 1 : 0);
