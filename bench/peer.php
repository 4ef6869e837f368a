<?php
/*
 * The peer: localAPI('AddContact', ...), and GetContacts and UpdateContact with
 * WHMCS 7.x rules, as docs/behaviour.md describes them,
 * written in plain PHP the way a competent PHP developer would write it, to
 * benchmark the extension against. It is never shipped; it lives in bench/ only.
 *
 *   - PDO (pdo_mysql), one persistent connection per process, native prepared
 *     statements prepared once per process and reused;
 *   - the same input rules: normalisation with html_entity_decode() and
 *     htmlspecialchars(), UTF-8 / type / length / charset checks in parameter
 *     order, permission names, clientid parsing;
 *   - the client check, then (in one transaction) the DefaultCountry lookup,
 *     the duplicate-email check (FOR UPDATE, so that racing calls serialise on
 *     the email's index range), the INSERT and the activity-log row, COMMIT;
 *     deadlocks and lock-wait timeouts are retried;
 *   - add_hook()-style hooks (none are registered in the benchmark);
 *   - GetContacts: the same checks, a WHERE built from the filters given, the
 *     count and the page in one START TRANSACTION WITH CONSISTENT SNAPSHOT,
 *     READ ONLY; UpdateContact: the same checks, then in one transaction the
 *     row FOR UPDATE, the duplicate and ICANN checks, an UPDATE of the changed
 *     columns only, COMMIT. bench/parity.php holds both to the extension's answers;
 *   - GetClientsDetails: the same checks, every read in one snapshot transaction, the
 *     record and the statistics built in PHP (see its section below).
 *
 * Configure with peer_configure(socket, user, password, dbname), then call
 * peer_localAPI($command, $postData, $adminUsername).
 */

declare(strict_types=1);

const PEER_FIELDS = [
	'firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
	'postcode', 'country', 'phonenumber', 'tax_id', 'password2', 'permissions',
];
const PEER_EMAIL_TYPES = ['general', 'product', 'domain', 'invoice', 'support', 'affiliate'];
const PEER_PERMISSIONS = [
	'profile', 'contacts', 'products', 'manageproducts', 'productsso', 'domains', 'managedomains',
	'invoices', 'quotes', 'tickets', 'affiliates', 'emails', 'orders',
];

final class PeerError extends Exception
{
}

final class PeerDb
{
	private static ?array $config = null;
	private static ?PDO $pdo = null;
	/** @var array<string, PDOStatement> */
	private static array $statements = [];

	public static function configure(string $socket, string $user, string $password, string $db): void
	{
		self::$config = [$socket, $user, $password, $db];
		self::$pdo = null;
		self::$statements = [];
	}

	public static function pdo(): PDO
	{
		if (self::$pdo === null) {
			[$socket, $user, $password, $db] = self::$config
				?? throw new PeerError('peer_configure() was not called');
			self::$pdo = new PDO("mysql:unix_socket=$socket;dbname=$db;charset=utf8mb4", $user, $password, [
				PDO::ATTR_PERSISTENT => true,
				PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
				PDO::ATTR_EMULATE_PREPARES => false,
				PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
				// PHP 8.5 deprecates PDO::MYSQL_ATTR_*; Pdo\Mysql has them from 8.4 on.
				(PHP_VERSION_ID >= 80400 ? Pdo\Mysql::ATTR_INIT_COMMAND : PDO::MYSQL_ATTR_INIT_COMMAND) => "SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'",
			]);
		}
		return self::$pdo;
	}

	/* Prepared once per process, reused by every call. */
	public static function statement(string $sql): PDOStatement
	{
		return self::$statements[$sql] ??= self::pdo()->prepare($sql);
	}

	public static function run(string $sql, array $params): PDOStatement
	{
		$stmt = self::statement($sql);
		$stmt->execute($params);
		return $stmt;
	}

	public static function value(string $sql, array $params): mixed
	{
		$stmt = self::run($sql, $params);
		$value = $stmt->fetchColumn();
		$stmt->closeCursor();
		return $value;
	}

	public static function row(string $sql, array $params): ?array
	{
		$stmt = self::run($sql, $params);
		$row = $stmt->fetch();
		$stmt->closeCursor();
		return $row === false ? null : $row;
	}
}

function peer_configure(string $socket, string $user, string $password, string $db): void
{
	PeerDb::configure($socket, $user, $password, $db);
}

/* ------------------------------------------------------------------------
 * Hooks (WHMCS's add_hook()): none are registered in the benchmark.
 */

final class PeerHooks
{
	/** @var array<string, array<int, array{int, callable}>> */
	public static array $hooks = [];

	public static function add(string $point, int $priority, callable $callback): void
	{
		self::$hooks[$point][] = [$priority, $callback];
	}

	public static function run(string $point, array $vars): void
	{
		if (empty(self::$hooks[$point])) {
			return;
		}
		$hooks = self::$hooks[$point];
		usort($hooks, fn ($x, $y) => $x[0] <=> $y[0]);
		foreach ($hooks as [, $callback]) {
			try {
				$callback($vars);
			} catch (Throwable $e) {
				trigger_error("Hook $point failed: " . $e->getMessage(), E_USER_WARNING);
			}
		}
	}
}

/* ------------------------------------------------------------------------
 * Input rules (docs/behaviour.md §2 and §7)
 */

function peer_decode(string $value): string
{
	return html_entity_decode(str_replace('&nbsp;', ' ', $value), ENT_QUOTES | ENT_HTML401, 'UTF-8');
}

function peer_normalise(mixed $value): mixed
{
	if (is_string($value)) {
		if (is_numeric($value)) {
			return $value;
		}
		return htmlspecialchars(peer_decode($value), ENT_QUOTES | ENT_HTML401, 'UTF-8');
	}
	if (is_array($value)) {
		return array_map('peer_normalise', $value);
	}
	return $value ?? '';
}

function peer_utf8_error(mixed $value, string $path): ?string
{
	if (is_string($value)) {
		return preg_match('//u', $value) === 1 ? null : $path;
	}
	if (is_array($value)) {
		foreach ($value as $key => $item) {
			$bad = peer_utf8_error($item, $path . '[' . $key . ']');
			if ($bad !== null) {
				return $bad;
			}
		}
	}
	return null;
}

/* A normalised scalar field as stored, or throws with the field's error. */
function peer_string_field(string $name, mixed $raw): string
{
	$bad = peer_utf8_error($raw, $name);
	if ($bad !== null) {
		throw new PeerError("Invalid UTF-8 in $bad");
	}
	if (is_array($raw) || is_object($raw)) {
		throw new PeerError("$name must be a string");
	}
	if ($name === 'password2') {
		return peer_decode((string) $raw);
	}
	$value = (string) peer_normalise(is_bool($raw) ? ($raw ? '1' : '') : $raw);
	if ($name === 'tax_id') {
		if (iconv_strlen($value, 'UTF-8') > 128) {
			throw new PeerError('tax_id is longer than 128 characters');
		}
	} elseif (strlen($value) > 65535) {
		throw new PeerError("$name is longer than 65535 bytes");
	}
	if (preg_match('/[\x{10000}-\x{10FFFF}]/u', $value) === 1) {
		throw new PeerError("$name contains characters that cannot be stored");
	}
	return $value;
}

function peer_clientid(mixed $raw): int
{
	if (is_int($raw)) {
		return $raw > 0 && $raw <= 2147483647 ? $raw : 0;
	}
	if (!is_string($raw)) {
		if (is_array($raw) && peer_utf8_error($raw, 'clientid') !== null) {
			throw new PeerError('Invalid UTF-8 in clientid');
		}
		return 0;
	}
	if (preg_match('//u', $raw) !== 1) {
		throw new PeerError('Invalid UTF-8 in clientid');
	}
	$value = (string) peer_normalise($raw);
	if (preg_match('/^[ \t\r\n]*([0-9]+)[ \t\r\n]*$/D', $value, $m) !== 1) {
		return 0;
	}
	$digits = ltrim($m[1], '0');
	if ($digits === '' || strlen($digits) > 10 || (int) $digits > 2147483647) {
		return 0;
	}
	return (int) $digits;
}

function peer_check_permissions(string $permissions): void
{
	if ($permissions === '' || $permissions === '0') {
		return;
	}
	foreach (explode(',', $permissions) as $name) {
		$name = trim($name, " \t\n\r\0\x0B");
		if ($name !== '' && !in_array($name, PEER_PERMISSIONS, true)) {
			throw new PeerError("Invalid permission: $name");
		}
	}
}

/* Reads and checks the input in the order of docs/behaviour.md §7; returns the record to store. */
function peer_contact_input(array $post): array
{
	$clientid = array_key_exists('clientid', $post) ? peer_clientid($post['clientid']) : 0;
	$contact = [];
	foreach (PEER_FIELDS as $name) {
		$contact[$name] = array_key_exists($name, $post) ? peer_string_field($name, $post[$name]) : '';
	}
	peer_check_permissions($contact['permissions']);
	$prefs = isset($post['email_preferences']) && is_array($post['email_preferences'])
		? $post['email_preferences'] : null;
	foreach (PEER_EMAIL_TYPES as $type) {
		if ($prefs !== null && array_key_exists($type, $prefs)) {
			$flag = $prefs[$type];
		} else {
			$flag = $post[$type . 'emails'] ?? false;
		}
		$contact['emails'][$type] = $flag ? 1 : 0;
	}
	$contact['clientid'] = $clientid;
	return $contact;
}

function peer_is_empty(string $value): bool
{
	return $value === '' || $value === '0';
}

/* ------------------------------------------------------------------------
 * AddContact
 */

function peer_add_contact(array $post, array $admin): array
{
	$contact = peer_contact_input($post);
	if ($contact['clientid'] === 0
		|| PeerDb::value('SELECT id FROM tblclients WHERE id = ?', [$contact['clientid']]) === false) {
		return ['result' => 'error', 'message' => 'Client ID Not Found'];
	}
	$subaccount = !peer_is_empty($contact['password2']);
	$unique = $subaccount || !peer_is_empty($contact['permissions']);
	// bcrypt takes ~50 ms: never inside the transaction.
	$hash = $subaccount ? password_hash($contact['password2'], PASSWORD_BCRYPT) : '';
	// With a ContactAdd hook the contact commits first, so that the hook sees it.
	$hooked = !empty(PeerHooks::$hooks['ContactAdd']);
	$contactid = peer_transaction(fn () => peer_insert_contact($contact, $subaccount, $hash, $unique, $admin, !$hooked));
	if (is_array($contactid)) {
		return $contactid;
	}
	$logged = true;
	if ($hooked) {
		$country = (string) PeerDb::value('SELECT country FROM tblcontacts WHERE id = ?', [$contactid]);
		PeerHooks::run('ContactAdd', peer_hook_vars($contact, $country, $subaccount, $contactid));
		$logged = !is_array(peer_transaction(fn () => peer_insert_log($contact['clientid'], $contactid, $admin)));
		if (!$logged) {
			trigger_error("Contact $contactid was added but its activity log row was not", E_USER_WARNING);
		}
	}
	if ($logged) {
		PeerHooks::run('LogActivity', [
			'description' => peer_log_description($contact['clientid'], $contactid),
			'user' => $admin['username'], 'userid' => $contact['clientid'],
			'ipaddress' => $_SERVER['REMOTE_ADDR'] ?? '',
		]);
	}
	return ['result' => 'success', 'contactid' => $contactid];
}

/* Runs $work in a transaction, retrying deadlocks; returns its result or an error answer. */
function peer_transaction(callable $work): int|array
{
	$pdo = PeerDb::pdo();
	for ($attempt = 1; ; $attempt++) {
		try {
			$pdo->beginTransaction();
			$result = $work();
			$pdo->commit();
			return $result;
		} catch (PeerError $e) {
			$pdo->rollBack();
			return ['result' => 'error', 'message' => $e->getMessage()];
		} catch (PDOException $e) {
			if ($pdo->inTransaction()) {
				$pdo->rollBack();
			}
			if (peer_retry($e, $attempt)) {
				continue;
			}
			return ['result' => 'error', 'message' => 'Database error: ' . ($e->errorInfo[2] ?? $e->getMessage())];
		}
	}
}

/* A deadlock or a lock-wait timeout is tried again, 8 attempts in all, after a short wait. */
function peer_retry(PDOException $e, int $attempt): bool
{
	$code = (int) ($e->errorInfo[1] ?? 0);
	if ($attempt >= 8 || ($code !== 1213 && $code !== 1205)) {
		return false;
	}
	usleep(1000 * $attempt);
	return true;
}

/* Runs $read in one read-only transaction with a consistent snapshot, as the extension's reads
 * share one; a deadlock is read again from a new snapshot; other errors are thrown. */
function peer_snapshot(callable $read): mixed
{
	$pdo = PeerDb::pdo();
	for ($attempt = 1; ; $attempt++) {
		try {
			$pdo->exec('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
			$result = $read();
			$pdo->exec('COMMIT');
			return $result;
		} catch (PDOException $e) {
			try {
				$pdo->exec('ROLLBACK');
			} catch (PDOException) {
			}
			if (!peer_retry($e, $attempt)) {
				throw $e;
			}
		}
	}
}

/* Inside the transaction: default country, duplicate check, the row (and the log row). */
function peer_insert_contact(array $c, bool $subaccount, string $hash, bool $unique, array $admin, bool $log): int
{
	$country = $c['country'];
	if (peer_is_empty($country)) {
		$country = (string) (PeerDb::value(
			"SELECT value FROM tblconfiguration WHERE setting = 'DefaultCountry' LIMIT 1", []) ?: '');
	}
	if ($unique) {
		$taken = PeerDb::value('SELECT 1 FROM tblclients WHERE email = ? LIMIT 1 FOR UPDATE', [$c['email']]) !== false
			|| PeerDb::value('SELECT 1 FROM tblcontacts WHERE subaccount = 1 AND email = ? LIMIT 1 FOR UPDATE',
				[$c['email']]) !== false;
		if ($taken) {
			throw new PeerError('Duplicate Email Address');
		}
	}
	PeerDb::run(
		'INSERT INTO tblcontacts (userid, firstname, lastname, companyname, email, address1, address2,'
		. ' city, state, postcode, country, phonenumber, tax_id, subaccount, password, permissions,'
		. ' generalemails, productemails, domainemails, invoiceemails, supportemails, affiliateemails,'
		. ' pwresetkey, created_at, updated_at)'
		. " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', NOW(), NOW())",
		[
			$c['clientid'], $c['firstname'], $c['lastname'], $c['companyname'], $c['email'],
			$c['address1'], $c['address2'], $c['city'], $c['state'], $c['postcode'], $country,
			$c['phonenumber'], $c['tax_id'], $subaccount ? 1 : 0, $hash,
			peer_is_empty($c['permissions']) ? '' : $c['permissions'],
			$c['emails']['general'], $c['emails']['product'], $c['emails']['domain'],
			$c['emails']['invoice'], $c['emails']['support'], $c['emails']['affiliate'],
		]
	);
	$contactid = (int) PeerDb::pdo()->lastInsertId();
	if ($log) {
		peer_insert_log($c['clientid'], $contactid, $admin);
	}
	return $contactid;
}

function peer_log_description(int $clientid, int $contactid): string
{
	return "Added Contact - User ID: $clientid - Contact ID: $contactid";
}

function peer_insert_log(int $clientid, int $contactid, array $admin): int
{
	PeerDb::run(
		'INSERT INTO tblactivitylog (date, description, user, userid, user_id, admin_id, ipaddr)'
		. ' VALUES (NOW(), ?, ?, ?, 0, ?, ?)',
		[peer_log_description($clientid, $contactid), $admin['username'], $clientid, $admin['id'],
			$_SERVER['REMOTE_ADDR'] ?? '']
	);
	return $contactid;
}

function peer_hook_vars(array $c, string $country, bool $subaccount, int $contactid): array
{
	$vars = ['userid' => $c['clientid']];
	foreach (PEER_FIELDS as $name) {
		if ($name !== 'password2' && $name !== 'permissions') {
			$vars[$name] = $name === 'country' ? $country : $c[$name];
		}
	}
	$vars['subaccount'] = $subaccount ? '1' : '0';
	$vars['password'] = $subaccount ? $c['password2'] : '';
	$vars['permissions'] = peer_is_empty($c['permissions']) ? '' : $c['permissions'];
	foreach (PEER_EMAIL_TYPES as $type) {
		$vars[$type . 'emails'] = $c['emails'][$type] ? '1' : 0;
	}
	$vars['contactid'] = $contactid;
	return $vars;
}

/* ------------------------------------------------------------------------
 * GetContacts (docs/behaviour.md §10), with WHMCS 7.x rules as the rest of the peer
 */

const PEER_FILTERS = [
	'firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
	'postcode', 'country', 'phonenumber',
];

/* PHP truthiness of a value as normalised ('&#48;' is '0'); a string not UTF-8 is falsy. */
function peer_truthy(mixed $value): bool
{
	if (!is_string($value)) {
		return (bool) $value;
	}
	if (preg_match('//u', $value) !== 1) {
		return false;
	}
	$value = (string) peer_normalise($value);
	return !peer_is_empty($value);
}

/* A whole number: null when not given (absent or falsy), else [int, the value as given after §2]. */
function peer_whole_number(array $post, string $name): ?array
{
	if (!array_key_exists($name, $post)) {
		return null;
	}
	$raw = $post[$name];
	if (peer_utf8_error($raw, $name) !== null) {
		throw new PeerError('Invalid UTF-8 in ' . peer_utf8_error($raw, $name));
	}
	if (!peer_truthy($raw)) {
		return null;
	}
	if (is_int($raw) && $raw >= 0) {
		return [$raw, $raw];
	}
	if (is_string($raw)) {
		$value = (string) peer_normalise($raw);
		if (preg_match('/^[ \t\r\n]*([0-9]+)[ \t\r\n]*$/D', $value, $m) === 1) {
			/* Past PHP_INT_MAX no table has that many rows: the largest int reads as well. */
			$digits = ltrim($m[1], '0');
			$number = strlen($digits) > 18 && (float) $digits >= PHP_INT_MAX ? PHP_INT_MAX : (int) $digits;
			return [$number, $value];
		}
	}
	throw new PeerError("$name must be a non-negative integer");
}

/* A filter: null when it does not filter (absent or falsy), else the value normalised as stored. */
function peer_filter(array $post, string $name): ?string
{
	if (!array_key_exists($name, $post)) {
		return null;
	}
	$raw = $post[$name];
	$bad = peer_utf8_error($raw, $name);
	if ($bad !== null) {
		throw new PeerError("Invalid UTF-8 in $bad");
	}
	if (is_array($raw) || is_object($raw)) {
		throw new PeerError("$name must be a string");
	}
	$value = (string) peer_normalise(is_bool($raw) ? ($raw ? '1' : '') : $raw);
	if (peer_is_empty($value)) {
		return null;
	}
	if (preg_match('/[\x{10000}-\x{10FFFF}]/u', $value) === 1) {
		throw new PeerError("$name contains characters that cannot be stored");
	}
	return $value;
}

function peer_get_contacts(array $post, array $admin): array
{
	$start = peer_whole_number($post, 'limitstart');
	$num = peer_whole_number($post, 'limitnum');
	$userid = peer_whole_number($post, 'userid');
	$where = [];
	$params = [];
	if ($userid !== null) {
		$where[] = 'userid = ?';
		$params[] = $userid[0];
	}
	foreach (PEER_FILTERS as $name) {
		$value = peer_filter($post, $name);
		if ($value !== null) {
			$where[] = "$name = ?";
			$params[] = $value;
		}
	}
	if (array_key_exists('subaccount', $post) && peer_truthy($post['subaccount'])) {
		$where[] = 'subaccount = 1';
	}
	$sqlWhere = $where ? ' WHERE ' . implode(' AND ', $where) : '';
	$offset = $start === null ? 0 : $start[0];
	$limit = $num === null || $num[0] === 0 ? 25 : $num[0];

	// The count and the page from one consistent snapshot.
	[$total, $rows] = peer_snapshot(function () use ($sqlWhere, $params, $offset, $limit) {
		$total = (int) PeerDb::value("SELECT COUNT(*) FROM tblcontacts$sqlWhere", $params);
		$stmt = PeerDb::statement("SELECT * FROM tblcontacts$sqlWhere ORDER BY id LIMIT ?, ?");
		$i = 1;
		foreach ($params as $value) {
			$stmt->bindValue($i++, $value, is_int($value) ? PDO::PARAM_INT : PDO::PARAM_STR);
		}
		$stmt->bindValue($i++, $offset, PDO::PARAM_INT);
		$stmt->bindValue($i, $limit, PDO::PARAM_INT);
		$stmt->execute();
		return [$total, $stmt->fetchAll()];
	});
	$answer = ['result' => 'success', 'totalresults' => $total, 'startnumber' => $start === null ? 0 : $start[1],
		'numreturned' => count($rows)];
	if ($rows) {
		$answer['contacts'] = ['contact' => $rows];
	}
	return $answer;
}

/* ------------------------------------------------------------------------
 * UpdateContact (docs/behaviour.md §10), with WHMCS 7.x rules as the rest of the peer
 */

/* The email types in the order the command's messages list them. */
const PEER_UPDATE_EMAIL_TYPES = ['general', 'invoice', 'support', 'product', 'domain', 'affiliate'];
const PEER_ICANN = 'You must have at least one email address enabled to receive domain related notifications as required'
	. ' by ICANN. To disable domain notifications, please enable domain notifications for the primary account holder'
	. ' or another contact';

function peer_update_contact(array $post, array $admin): array
{
	$given = static fn (string $key): bool => array_key_exists($key, $post) && $post[$key] !== null;

	// contactid: §7's clientid rule; echoed as given (normalised). Malformed: Not Found, after the input checks.
	$id = 0;
	$idGiven = null;
	if (array_key_exists('contactid', $post)) {
		$raw = $post['contactid'];
		$bad = peer_utf8_error($raw, 'contactid');
		if ($bad !== null) {
			throw new PeerError("Invalid UTF-8 in $bad");
		}
		$idGiven = is_string($raw) ? (string) peer_normalise($raw) : $raw;
		$id = is_int($raw) || is_string($raw) ? peer_clientid($raw) : 0;
	}
	$set = [];    // column => new value, for every column given
	foreach (PEER_FILTERS as $name) {
		if ($given($name)) {
			$set[$name] = peer_string_field($name, $post[$name]);
		}
	}
	$prefs = $given('email_preferences') ? $post['email_preferences'] : null;
	if ($prefs !== null && peer_truthy($prefs)) {
		if (!is_array($prefs)) {
			throw new PeerError('Argument email_preferences must be empty or an array.');
		}
		$bad = array_filter(array_keys($prefs), fn ($k) => !in_array($k, PEER_UPDATE_EMAIL_TYPES, true));
		if ($bad) {
			throw new PeerError('Invalid Email Type: ' . implode(', ', $bad) . '. Valid options are: '
				. implode(', ', PEER_UPDATE_EMAIL_TYPES));
		}
		foreach ($prefs as $type => $flag) {
			$set[$type . 'emails'] = peer_truthy($flag) ? 1 : 0;
		}
	} else {
		foreach (PEER_UPDATE_EMAIL_TYPES as $type) {
			if ($given($type . 'emails')) {
				$set[$type . 'emails'] = peer_truthy($post[$type . 'emails']) ? 1 : 0;
			}
		}
	}
	if ($given('subaccount')) {
		$set['subaccount'] = peer_truthy($post['subaccount']) ? 1 : 0;
	}
	$password = null;
	if ($given('password2')) {
		$password = peer_string_field('password2', $post['password2']);
		if (str_contains($password, "\0")) {
			throw new PeerError('password2 contains characters that cannot be stored');
		}
	}
	if ($given('permissions')) {
		$raw = $post['permissions'];
		if (is_array($raw)) {
			$names = array_map(fn ($item) => peer_string_field('permissions', $item), array_values($raw));
			$permissions = implode(',', $names);
			if (strlen($permissions) > 65535) {
				throw new PeerError('permissions is longer than 65535 bytes');
			}
		} else {
			$permissions = peer_string_field('permissions', $raw);
		}
		peer_check_permissions($permissions);
		$set['permissions'] = peer_is_empty($permissions) ? '' : $permissions;
	}
	if ($id === 0) {
		return ['result' => 'error', 'message' => 'Contact ID Not Found'];
	}
	if ($password !== null) {
		// bcrypt takes ~50 ms: never inside the transaction.
		$set['password'] = $password === '' ? '' : password_hash($password, PASSWORD_BCRYPT);
	}
	$done = peer_transaction(fn () => peer_update_row($id, $set));
	return is_array($done) ? $done : ['result' => 'success', 'contactid' => $idGiven];
}

/* Inside the transaction: the row, locked; the checks; the changed columns only. */
function peer_update_row(int $id, array $set): int
{
	$row = PeerDb::row('SELECT userid, firstname, lastname, companyname, email, address1, address2, city, state, postcode,'
		. ' country, phonenumber, generalemails, productemails, domainemails, invoiceemails, supportemails, affiliateemails,'
		. ' subaccount, password, permissions FROM tblcontacts WHERE id = ? FOR UPDATE', [$id]);
	if ($row === null) {
		throw new PeerError('Contact ID Not Found');
	}
	$changed = array_filter($set, fn ($value, $column) => $row[$column] === null
		|| (is_int($value) ? (int) $row[$column] !== $value : $row[$column] !== $value), ARRAY_FILTER_USE_BOTH);
	// No sub-account may share its email with a client or another sub-account.
	$subaccount = array_key_exists('subaccount', $set) ? $set['subaccount'] === 1 : (int) $row['subaccount'] === 1;
	$email = $set['email'] ?? $row['email'];
	if ($subaccount && (isset($changed['email']) || (int) $row['subaccount'] !== 1) && !peer_is_empty($email)) {
		if (PeerDb::value('SELECT id FROM tblclients WHERE email = ? LOCK IN SHARE MODE', [$email]) !== false
			|| PeerDb::value('SELECT id FROM tblcontacts WHERE subaccount = 1 AND email = ? AND id <> ? LOCK IN SHARE MODE',
				[$email, $id]) !== false) {
			throw new PeerError('Duplicate Email Address');
		}
	}
	// ICANN: someone of the client must still receive domain emails.
	if (isset($changed['domainemails']) && $changed['domainemails'] === 0) {
		$prefs = PeerDb::row('SELECT email_preferences FROM tblclients WHERE id = ? LOCK IN SHARE MODE', [$row['userid']]);
		$gets = $prefs !== null;
		if ($gets && is_string($prefs['email_preferences']) && $prefs['email_preferences'] !== '') {
			$decoded = json_decode($prefs['email_preferences'], true);
			if (is_array($decoded) && array_key_exists('domain', $decoded)) {
				$gets = (bool) $decoded['domain'];
			}
		}
		if (!$gets && PeerDb::value('SELECT id FROM tblcontacts WHERE userid = ? AND id <> ? AND domainemails = 1 LIMIT 1'
				. ' LOCK IN SHARE MODE', [$row['userid'], $id]) === false) {
			throw new PeerError(PEER_ICANN);
		}
	}
	if ($changed) {
		$columns = implode(', ', array_map(fn ($column) => "$column = ?", array_keys($changed)));
		PeerDb::run("UPDATE tblcontacts SET $columns, updated_at = NOW() WHERE id = ?", [...array_values($changed), $id]);
	}
	return $id;
}

/* ------------------------------------------------------------------------
 * GetClientsDetails (docs/behaviour.md §11), with WHMCS 7.x rules as the rest of the peer.
 * Every read in one START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; the record's
 * reads are the peer's own (the three settings in one query, the custom fields and their
 * values as one LEFT JOIN); the statistics' sums are the server's exact DECIMAL arithmetic,
 * as §11.9 asks, with the same aggregates the extension uses. Money is
 * WHMCS\View\Formatter\Price, built through its public constructor (the extension's class:
 * a peer worker loads the extension for that class alone). The country list and the US/CA
 * state names are WHMCS's data (data/*.tsv), loaded once per process.
 */

const PEER_GCD_SETTINGS = ['PhoneNumberDropdown', 'DateFormat', 'MarketingEmailConvert'];
const PEER_GCD_STATUSES = ['Unpaid', 'Paid', 'Cancelled', 'Refunded', 'Collections', 'Payment Pending'];
const PEER_GCD_NOT_MASS_PAY = ' NOT EXISTS (SELECT 1 FROM tblinvoiceitems ii WHERE ii.invoiceid = i.id AND ii.userid = ?'
	. ' AND ii.type IN (%s))';
const PEER_GCD_BALANCE = 'i.total - COALESCE((SELECT SUM(a.amountin) - SUM(a.amountout) FROM tblaccounts a WHERE a.invoiceid = i.id), 0)';
const PEER_GCD_OVERDUE = "i.status = 'Unpaid' AND i.duedate < CURDATE()";

/* [code => [name, calling code (int, or '' for CW)]] of the 7.x list. */
function peer_gcd_countries(): array
{
	static $countries = null;
	if ($countries === null) {
		$countries = [];
		foreach (file(dirname(__DIR__) . '/data/whmcs-countries.tsv', FILE_IGNORE_NEW_LINES) as $line) {
			if ($line === '' || $line[0] === '#') {
				continue;
			}
			[$code, $name, $cc, $in7] = explode("\t", $line);
			if ($in7 === '1') {
				$countries[$code] = [$name, $cc === '""' ? '' : (int) $cc];
			}
		}
	}
	return $countries;
}

/* ["US|lowercased name" => code] */
function peer_gcd_states(): array
{
	static $states = null;
	if ($states === null) {
		$states = [];
		foreach (file(dirname(__DIR__) . '/data/whmcs-us-ca-states.tsv', FILE_IGNORE_NEW_LINES) as $line) {
			if ($line === '' || $line[0] === '#') {
				continue;
			}
			[$country, $name, $code] = explode("\t", $line);
			$states[$country . '|' . $name] = $code;
		}
	}
	return $states;
}

function peer_gcd_falsy(string $s): bool
{
	return $s === '' || $s === '0';
}

/* Reads the input (§11 rules 1 to 5): [clientid or null, email or null, stats]. */
function peer_gcd_input(array $post): array
{
	$given = fn ($v) => is_string($v) && preg_match('//u', $v) !== 1 ? true : peer_truthy($v);
	$clientid = $post['clientid'] ?? null;
	$email = $post['email'] ?? null;
	$byId = $given($clientid);
	if (!$byId && !$given($email)) {
		throw new PeerError('Either clientid Or email Is Required');
	}
	$stats = array_key_exists('stats', $post) && peer_truthy($post['stats']);
	if ($byId) {
		$bad = peer_utf8_error($clientid, 'clientid');
		if ($bad !== null) {
			throw new PeerError("Invalid UTF-8 in $bad");
		}
		$id = is_int($clientid) || is_string($clientid) ? peer_clientid($clientid) : 0;
		if ($id <= 0) {
			throw new PeerError('Client Not Found');
		}
		return [$id, null, $stats];
	}
	$bad = peer_utf8_error($email, 'email');
	if ($bad !== null) {
		throw new PeerError("Invalid UTF-8 in $bad");
	}
	if (is_array($email) || is_object($email)) {
		throw new PeerError('email must be a string');
	}
	return [null, is_string($email) ? (string) peer_normalise($email) : (string) $email, $stats];
}

/* Every read of the call, in one snapshot: the client row, or null. */
function peer_gcd_read(?int $id, ?string $email, bool $stats): ?array
{
	$client = $id !== null
		? PeerDb::row('SELECT * FROM tblclients WHERE id = ?', [$id])
		: PeerDb::row('SELECT * FROM tblclients WHERE email = ? ORDER BY id LIMIT 1', [$email]);
	if ($client === null) {
		return null;
	}
	$uid = (int) $client['id'];
	$settings = [];
	$stmt = PeerDb::run('SELECT setting, value FROM tblconfiguration WHERE setting IN (?, ?, ?) ORDER BY id', PEER_GCD_SETTINGS);
	foreach ($stmt->fetchAll() as $row) {
		$settings[$row['setting']] ??= $row['value'];
	}
	$currency = PeerDb::row('SELECT id, code, prefix, suffix, format, rate FROM tblcurrencies WHERE id = ?',
		[(int) $client['currency']]);
	$fields = [];
	$stmt = PeerDb::run('SELECT f.id, f.fieldtype, v.value FROM tblcustomfields f'
		. ' LEFT JOIN tblcustomfieldsvalues v ON v.fieldid = f.id AND v.relid = ?'
		. " WHERE f.type = 'client' AND f.relid = 0 ORDER BY f.sortorder, f.id, v.id", [$uid]);
	foreach ($stmt->fetchAll() as $row) {
		$fields[$row['id']] ??= $row;
	}
	$read = ['client' => $client, 'settings' => $settings, 'currency' => $currency, 'fields' => $fields];
	if (!$stats) {
		return $read;
	}
	$read['stats_currency'] = $currency ?? PeerDb::row('SELECT id, code, prefix, suffix, format, rate FROM tblcurrencies'
		. ' WHERE `default` = 1 ORDER BY id LIMIT 1', []);
	$sum = fn ($e) => "COALESCE(SUM($e), 0)";
	$read['due'] = PeerDb::row('SELECT ' . $sum("i.status = 'Unpaid'") . ' AS numdue, '
		. $sum("CASE WHEN i.status = 'Unpaid' THEN " . PEER_GCD_BALANCE . ' END') . ' AS duebalance, '
		. $sum(PEER_GCD_OVERDUE) . ' AS numoverdue, '
		. $sum('CASE WHEN ' . PEER_GCD_OVERDUE . ' THEN ' . PEER_GCD_BALANCE . ' END') . ' AS overduebalance, '
		. $sum("i.status = 'Draft'") . ' AS numdraft, '
		. $sum("CASE WHEN i.status = 'Draft' THEN " . PEER_GCD_BALANCE . ' END') . ' AS draftbalance'
		. ' FROM tblinvoices i WHERE i.userid = ? AND' . sprintf(PEER_GCD_NOT_MASS_PAY, "'Invoice'"), [$uid, $uid]);
	$read['accounts'] = PeerDb::row('SELECT ' . $sum('amountin') . ' AS gross, ' . $sum('fees') . ' + ' . $sum('amountout')
		. ' AS expenses, ' . $sum('amountin') . ' - ' . $sum('fees') . ' - ' . $sum('amountout') . ' AS income'
		. ' FROM tblaccounts WHERE userid = ?', [$uid]);
	/* One row per status group (equal under the collation); its status as its lowest invoice spells it. */
	$read['groups'] = PeerDb::run('SELECT (SELECT s.status FROM tblinvoices s WHERE s.id = MIN(i.id)) AS status,'
		. ' COUNT(*) AS n, SUM(i.total) AS total, SUM(i.total) + SUM(i.credit) AS withcredit'
		. ' FROM tblinvoices i WHERE i.userid = ? AND' . sprintf(PEER_GCD_NOT_MASS_PAY, "'AddFunds', 'Invoice'")
		. ' GROUP BY i.status ORDER BY i.status', [$uid, $uid])->fetchAll();
	$read['products'] = PeerDb::run('SELECT p.type, h.domainstatus, COUNT(*) AS n FROM tblhosting h'
		. ' JOIN tblproducts p ON p.id = h.packageid WHERE h.userid = ? GROUP BY p.type, h.domainstatus', [$uid])->fetchAll();
	$read['counts'] = PeerDb::row('SELECT (SELECT COUNT(*) FROM tbldomains WHERE userid = ? AND status = \'Active\') AS activedomains,'
		. ' (SELECT COUNT(*) FROM tbldomains WHERE userid = ?) AS domains,'
		. " (SELECT COUNT(*) FROM tblquotes WHERE userid = ? AND stage = 'Accepted') AS acceptedquotes,"
		. ' (SELECT COUNT(*) FROM tblquotes WHERE userid = ?) AS quotes,'
		. ' (SELECT COUNT(*) FROM tbltickets WHERE userid = ? AND merged_ticket_id = 0) AS tickets,'
		. ' (SELECT COUNT(*) FROM tbltickets t WHERE t.userid = ? AND t.merged_ticket_id = 0 AND EXISTS'
		. ' (SELECT 1 FROM tblticketstatuses ts WHERE ts.title = t.status AND ts.showactive = 1)) AS activetickets,'
		. ' (SELECT COUNT(*) FROM tblaffiliatesaccounts aa WHERE aa.affiliateid IN'
		. ' (SELECT af.id FROM tblaffiliates af WHERE af.clientid = ?)) AS signups,'
		. ' (SELECT COUNT(*) FROM tblaffiliates WHERE clientid = ?) AS affiliates', array_fill(0, 8, $uid));
	return $read;
}

/* The phone fields of §11.4: [phonenumber, phonecc, phonenumberformatted, the stored phone trimmed]. */
function peer_gcd_phone(string $stored, string $country): array
{
	$phone = trim($stored);
	$prefix = '';
	$number = $phone;
	if ($phone !== '' && $phone[0] === '+') {
		$rest = ltrim($phone, '+');
		$dot = strpos($rest, '.');
		if ($dot !== false) {
			$prefix = substr($rest, 0, $dot);
			$number = substr($rest, $dot + 1);
		} else {
			$number = $rest;
		}
	}
	$ccDigits = preg_replace('/[^0-9]/', '', $prefix);
	$digits = preg_replace('/[^0-9]/', '', $number);
	if (!peer_gcd_falsy($ccDigits)) {
		$cc = $ccDigits;
		$keepZeros = (int) $ccDigits === 39;
	} else {
		$cc = peer_gcd_countries()[$country][1] ?? 0;
		$keepZeros = $cc === 39;
	}
	$trimmed = $keepZeros ? $digits : ltrim($digits, '0');
	$formatted = !peer_gcd_falsy($digits) && (is_string($cc) ? $cc !== '' : $cc !== 0) ? '+' . $cc . '.' . $trimmed : $digits;
	return [$digits, $cc, $formatted, $phone];
}

function peer_gcd_custom_value(mixed $stored, bool $link): string
{
	$value = is_string($stored) ? $stored : '';
	$value = preg_match('//u', $value) === 1 ? (string) peer_normalise($value) : '';
	if ($link) {
		$addr = trim($value);
		return '<a href="' . (str_starts_with($addr, 'www.') ? 'http://' : '') . $addr . '" target="_blank">' . $value . '</a>';
	}
	if ($value !== '' && $value[0] !== '|' && ($bar = strpos($value, '|')) !== false) {
		$end = strpos($value, '|', $bar + 1);
		return trim($end === false ? substr($value, $bar + 1) : substr($value, $bar + 1, $end - $bar - 1));
	}
	return $value;
}

function peer_gcd_record(array $r): array
{
	$c = $r['client'];
	$str = fn ($k) => is_string($c[$k] ?? null) ? $c[$k] : '';
	$nonzero = fn ($k) => (int) ($c[$k] ?? 0) !== 0;
	$setting = fn ($k) => !array_key_exists($k, $r['settings']) || (bool) $r['settings'][$k];
	$id = (int) $c['id'];
	$country = $str('country');
	[$digits, $cc, $formatted, $phone] = peer_gcd_phone($str('phonenumber'), $country);
	if (peer_gcd_falsy($uuid = $str('uuid'))) {
		$b = random_bytes(16);
		$b[6] = chr(ord($b[6]) & 0x0F | 0x40);
		$b[8] = chr(ord($b[8]) & 0x3F | 0x80);
		$uuid = vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($b), 4));
	}
	$postcode = $c['postcode'] ?? null;
	if ($country === 'GB' && is_string($postcode)) {
		$kept = preg_replace('/[^A-Z0-9]/', '', strtoupper($postcode));
		$n = strlen($kept);
		$postcode = $n >= 5 && $n <= 7 ? substr($kept, 0, $n - 3) . ' ' . substr($kept, $n - 3) : trim($postcode);
	}
	$prefs = null;
	if (str_starts_with(ltrim($str('email_preferences'), " \t\n\r"), '{')) {
		$prefs = json_decode($str('email_preferences'), true);
	}
	if (!is_array($prefs) || !$prefs) {
		$prefs = array_fill_keys(['general', 'invoice', 'support', 'product', 'domain', 'affiliate'], true);
	}
	$state = $str('state');
	$upper = strtoupper($country);
	$statecode = ($upper === 'US' || $upper === 'CA') && strlen($country) === 2
		? (peer_gcd_states()[$upper . '|' . strtolower($state)] ?? null) : null;
	$type = $str('cardtype');
	$hold = (!peer_gcd_falsy($type) && $type !== '--MIGRATED--') || (peer_gcd_falsy($type) && !peer_gcd_falsy(trim($str('cardlastfour'))))
		|| trim($str('gatewayid')) !== '';

	$rec = ['userid' => $id, 'id' => $id, 'uuid' => $uuid, 'firstname' => $c['firstname'] ?? null,
		'lastname' => $c['lastname'] ?? null, 'fullname' => $str('firstname') . ' ' . $str('lastname'),
		'companyname' => $c['companyname'] ?? null, 'email' => $c['email'] ?? null, 'address1' => $c['address1'] ?? null,
		'address2' => $c['address2'] ?? null, 'city' => $c['city'] ?? null, 'fullstate' => $c['state'] ?? null,
		'state' => $c['state'] ?? null, 'postcode' => $postcode, 'countrycode' => $c['country'] ?? null,
		'country' => $c['country'] ?? null, 'phonenumber' => $digits, 'tax_id' => $c['tax_id'] ?? null,
		'password' => $c['password'] ?? null, 'email_preferences' => $prefs,
		'statecode' => $statecode ?? $c['state'] ?? null,
		'countryname' => peer_gcd_countries()[$country][0] ?? $c['country'] ?? null,
		'phonecc' => $cc, 'phonenumberformatted' => $formatted,
		'telephoneNumber' => $setting('PhoneNumberDropdown') ? $formatted : $phone,
		'billingcid' => $c['billingcid'] ?? null, 'notes' => $c['notes'] ?? null,
		'twofaenabled' => !peer_gcd_falsy($str('authmodule')), 'currency' => $c['currency'] ?? null,
		'defaultgateway' => $c['defaultgateway'] ?? null,
		'cctype' => $hold ? $c['cardtype'] ?? null : null, 'cclastfour' => $hold ? $c['cardlastfour'] ?? null : null,
		'gatewayid' => $hold ? $c['gatewayid'] ?? null : null,
		'securityqid' => $c['securityqid'] ?? null, 'securityqans' => $c['securityqans'] ?? null,
		'groupid' => $c['groupid'] ?? null, 'status' => $c['status'] ?? null, 'credit' => $c['credit'] ?? null];
	foreach (['taxexempt', 'latefeeoveride', 'overideduenotices', 'separateinvoices', 'disableautocc', 'emailoptout',
		'marketing_emails_opt_in', 'overrideautoclose'] as $k) {
		$rec[$k] = $nonzero($k);
	}
	$rec['allowSingleSignOn'] = $c['allow_sso'] ?? null;
	$rec['email_verified'] = $nonzero('email_verified');
	$rec['language'] = $c['language'] ?? null;
	$rec['isOptedInToMarketingEmails'] = $setting('MarketingEmailConvert') ? $nonzero('marketing_emails_opt_in') : !$nonzero('emailoptout');
	$when = $str('lastlogin');
	if ($when === '' || $when === '0000-00-00 00:00:00' || $when === '1970-01-01 00:00:00') {
		$rec['lastlogin'] = 'No Login Logged';
	} else {
		$format = is_string($r['settings']['DateFormat'] ?? null) && $r['settings']['DateFormat'] !== ''
			? $r['settings']['DateFormat'] : 'DD/MM/YYYY';
		$date = preg_match('/^\d{4}-\d\d-\d\d \d\d:\d\d/', $when) === 1
			? strtr($format, ['DD' => substr($when, 8, 2), 'MM' => substr($when, 5, 2), 'YYYY' => substr($when, 0, 4)])
				. ' ' . substr($when, 11, 5) : '';
		$rec['lastlogin'] = "Date: $date<br>IP Address: " . $str('ip') . '<br>Host: ' . $str('host');
	}
	$i = 0;
	foreach ($r['fields'] as $fid => $field) {
		$value = peer_gcd_custom_value($field['value'], $field['fieldtype'] === 'link');
		$rec['customfields' . ++$i] = $value;
		$rec['customfields'][] = ['id' => (int) $fid, 'value' => $value];
	}
	$rec['currency_code'] = $r['currency']['code'] ?? null;
	return $rec;
}

function peer_gcd_stats(array $r): array
{
	$cur = $r['stats_currency'];
	$currency = [];
	foreach (['id', 'code', 'prefix', 'suffix', 'format', 'rate'] as $k) {
		$currency[$k] = $cur[$k] ?? null;
	}
	$price = fn ($amount) => new \WHMCS\View\Formatter\Price(($amount ?? '') === '' ? '0.00' : (string) $amount, $currency);
	$credit = is_string($r['client']['credit'] ?? null) ? $r['client']['credit'] : '';
	$due = $r['due'];
	$acc = $r['accounts'];
	$s = ['numdueinvoices' => (int) $due['numdue'], 'dueinvoicesbalance' => $price($due['duebalance']),
		'incredit' => $credit !== '' && $credit[0] !== '-' && strpbrk($credit, '123456789') !== false,
		'creditbalance' => $price(is_string($r['client']['credit'] ?? null) ? $credit : '0.00'),
		'grossRevenue' => $price($acc['gross']), 'expenses' => $price($acc['expenses']), 'income' => $price($acc['income']),
		'numoverdueinvoices' => (int) $due['numoverdue'], 'overdueinvoicesbalance' => $price($due['overduebalance']),
		'numDraftInvoices' => (int) $due['numdraft'], 'draftInvoicesBalance' => $price($due['draftbalance'])];
	$named = [];
	$others = [];
	foreach ($r['groups'] as $g) {
		$slot = null;
		foreach (PEER_GCD_STATUSES as $i => $name) {
			/* The collation's equality: letter case and trailing spaces do not count. */
			if (strcasecmp(rtrim((string) $g['status'], ' '), $name) === 0) {
				$slot = $i;
				break;
			}
		}
		if ($slot === null) {
			$others[] = $g;
		} else {
			$named[$slot] ??= $g;
		}
	}
	$entry = function (string $status, int $n, $amount) use (&$s, $price) {
		$k = strtolower(str_replace(' ', '', $status));
		$s["num{$k}invoices"] = $n;
		$s["{$k}invoicesamount"] = $price($amount);
	};
	foreach (PEER_GCD_STATUSES as $i => $name) {
		$g = $named[$i] ?? null;
		$entry($name, $g === null ? 0 : (int) $g['n'], $g === null ? '0.00' : ($name === 'Paid' ? $g['withcredit'] : $g['total']));
	}
	foreach ($others as $g) {
		$entry((string) $g['status'], (int) $g['n'], $g['total']);
	}
	$types = ['hostingaccount' => 'hosting', 'reselleraccount' => 'reseller', 'server' => 'servers', 'other' => 'other'];
	$counts = array_fill_keys(array_values($types), [0, 0]);
	foreach ($r['products'] as $p) {
		$t = $types[strtolower(rtrim((string) $p['type'], ' '))] ?? null;
		if ($t !== null) {
			$counts[$t][1] += (int) $p['n'];
			if (strcasecmp((string) $p['domainstatus'], 'Active') === 0) {
				$counts[$t][0] += (int) $p['n'];
			}
		}
	}
	$active = $total = 0;
	foreach ($counts as $t => [$a, $n]) {
		$s["productsnumactive$t"] = $a;
		$s["productsnum$t"] = $n;
		$active += $a;
		$total += $n;
	}
	$s['productsnumactive'] = $active;
	$s['productsnumtotal'] = $total;
	$k = $r['counts'];
	$s += ['numactivedomains' => (int) $k['activedomains'], 'numdomains' => (int) $k['domains'],
		'numacceptedquotes' => (int) $k['acceptedquotes'], 'numquotes' => (int) $k['quotes'], 'numtickets' => (int) $k['tickets'],
		'numactivetickets' => (int) $k['activetickets'], 'numaffiliatesignups' => (int) $k['signups'],
		'isAffiliate' => (int) $k['affiliates'] > 0];
	return $s;
}

function peer_get_clients_details(array $post, array $admin): array
{
	[$id, $email, $stats] = peer_gcd_input($post);
	$read = peer_snapshot(fn () => peer_gcd_read($id, $email, $stats));
	if ($read === null) {
		throw new PeerError('Client Not Found');
	}
	$rec = peer_gcd_record($read);
	$answer = ['result' => 'success'] + $rec;
	if ($rec['cctype']) {
		$answer['warning'] = 'Credit Card related parameters are now deprecated and have been removed. Use GetPayMethods instead.';
	}
	unset($rec['cctype'], $rec['cclastfour'], $rec['gatewayid']);
	$answer['client'] = $rec;
	if ($stats) {
		$answer['stats'] = peer_gcd_stats($read);
	}
	return $answer;
}

/* ------------------------------------------------------------------------
 * localAPI()
 */

function peer_admin(string|int|null $adminUsername): array
{
	if ($adminUsername === null || $adminUsername === '' || $adminUsername === 0 || $adminUsername === '0') {
		return ['id' => 0, 'username' => 'Local API User'];
	}
	$sql = is_numeric($adminUsername)
		? 'SELECT id, username FROM tbladmins WHERE id = ? ORDER BY id LIMIT 1'
		: 'SELECT id, username FROM tbladmins WHERE username = ? ORDER BY id LIMIT 1';
	$row = PeerDb::row($sql, [is_numeric($adminUsername) ? (int) $adminUsername : $adminUsername]);
	if ($row === null) {
		throw new PeerError('No matching admin user found');
	}
	return ['id' => (int) $row['id'], 'username' => $row['username']];
}

function peer_localAPI(string $command, mixed $postData = [], string|int|null $adminUsername = ''): array
{
	$command = strtolower($command);
	if ($command === '' || preg_match('/^[A-Za-z0-9_-]+$/D', $command) !== 1) {
		return ['result' => 'error', 'message' => 'Invalid API Command'];
	}
	$commands = ['addcontact' => 'peer_add_contact', 'getcontacts' => 'peer_get_contacts',
		'updatecontact' => 'peer_update_contact', 'getclientsdetails' => 'peer_get_clients_details'];
	if (!isset($commands[$command])) {
		return ['result' => 'error', 'message' => 'API Function Not Found'];
	}
	try {
		$admin = peer_admin($adminUsername);
		return $commands[$command](is_array($postData) ? $postData : [], $admin);
	} catch (PeerError $e) {
		return ['result' => 'error', 'message' => $e->getMessage()];
	} catch (PDOException $e) {
		return ['result' => 'error', 'message' => 'Database error: ' . ($e->errorInfo[2] ?? $e->getMessage())];
	}
}
