#!/usr/bin/env bash
# A private MariaDB for the demo and the tests, kept inside the working tree.
#
#   scripts/db.sh start    initialise (first time), start, create the databases
#                          `whmcs` (WHMCS 8.x layout) and `whmcs7` (7.10 layout)
#                          and the `localapi` users, load sql/
#   scripts/db.sh stop     stop the server started from this tree (by its pid file)
#   scripts/db.sh status   exit 0 when it runs
#   scripts/db.sh env      print the LOCALAPI_TEST_* variables that reach it
#   scripts/db.sh load     load sql/ into both databases again
#   scripts/db.sh sql ...  run the `mariadb` client as the server's admin on
#                          `whmcs`, e.g. scripts/db.sh sql -e 'SELECT 1'
#   scripts/db.sh tls-install DIR
#                          make the running server use DIR/ca.pem,
#                          DIR/server-cert.pem and DIR/server-key.pem (FLUSH SSL)
#
# Data dir .db/data, socket .db/mysqld.sock, pid file .db/mysqld.pid and log
# .db/mysqld.log under the repository root. Networking is off: the unix socket
# is the only way in, and it accepts TLS (a client asks for it there as it
# would over TCP) with the certificates in .db/tls/, made with openssl on the
# first start: a CA and a server certificate for "localhost". The account
# `localapi_x509` (password localapi-x509-pw) must present a client
# certificate signed by the server's CA. Works as root and as an ordinary
# user, and in a path with spaces. The distribution's own server and its
# config are never used.
#
# Two variables point it at another server (scripts/matrix.sh runs two):
#   LOCALAPI_DB_DIR   absolute path of the folder that takes the place of .db
#   LOCALAPI_DB_ROOT  a Debian root (a chroot) whose mariadbd, mariadb-install-db
#                     and mariadb to run instead of this system's; they run
#                     chrooted there, so LOCALAPI_DB_DIR must lie inside it.
#                     Only root can use it.
#
# A root (or system) that has MySQL's mysqld and no mariadbd gets a MySQL
# server the same way: initialised with mysqld --initialize-insecure (its
# admin is root@localhost without a password, over the socket only), the X
# protocol and the binary log off, the same databases, users and grants in
# MySQL's spelling (CONNECTION_ADMIN). Its accounts use MySQL's default
# authentication, caching_sha2_password.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DB_DIR="${LOCALAPI_DB_DIR:-$REPO/.db}"
SERVER_ROOT="${LOCALAPI_DB_ROOT:-}"
SERVER_ROOT="${SERVER_ROOT%/}"
DATA_DIR="$DB_DIR/data"
PID_FILE="$DB_DIR/mysqld.pid"
LOG_FILE="$DB_DIR/mysqld.log"
LOADED_FILE="$DB_DIR/loaded.sha256"
TLS_DIR="$DB_DIR/tls"
DB_NAME=whmcs
DB7_NAME=whmcs7
APP_USER=localapi
APP_PASSWORD=localapi-test-pw
X509_USER=localapi_x509
X509_PASSWORD=localapi-x509-pw
SQL_MODE=STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION
START_TIMEOUT="${LOCALAPI_DB_START_TIMEOUT:-30}"
STOP_TIMEOUT=60
# mariadb-install-db makes the OS user that runs it a MariaDB admin who logs
# in over the socket without a password (unix_socket authentication).
ADMIN_USER="$(id -un)"

case "$DB_DIR" in
/*) ;;
*) die "LOCALAPI_DB_DIR must be an absolute path" ;;
esac
if [ -n "$SERVER_ROOT" ]; then
	case "$DB_DIR" in
	"$SERVER_ROOT"/*) ;;
	*) die "LOCALAPI_DB_DIR ($DB_DIR) must lie inside LOCALAPI_DB_ROOT ($SERVER_ROOT)" ;;
	esac
fi

# A path as the server's programs see it: without the root they run in.
in_root() {
	printf '%s\n' "${1#"$SERVER_ROOT"}"
}

# What runs one of the server's programs: chrooted into LOCALAPI_DB_ROOT when
# set. chroot and env exec it, so its pid is the one a caller started.
SERVER_PREFIX=()
if [ -n "$SERVER_ROOT" ]; then
	SERVER_PREFIX=(chroot "$SERVER_ROOT" /usr/bin/env PATH=/usr/sbin:/usr/bin:/sbin:/bin)
fi

server_cmd() {
	"${SERVER_PREFIX[@]}" "$@"
}

have_program() {
	if [ -n "$SERVER_ROOT" ]; then
		[ -x "$SERVER_ROOT/usr/sbin/$1" ] || [ -x "$SERVER_ROOT/usr/bin/$1" ]
	else
		command -v "$1" >/dev/null
	fi
}

# MariaDB where mariadbd is; MySQL where only mysqld is.
KIND=mariadb
KIND_NAME=MariaDB
SERVER_BIN=mariadbd
CLIENT_BIN=mariadb
if ! have_program mariadbd && have_program mysqld; then
	KIND=mysql
	KIND_NAME=MySQL
	SERVER_BIN=mysqld
	CLIENT_BIN=mysql
	ADMIN_USER=root
fi

# sun_path holds 107 bytes plus the NUL. A tree whose socket path would not
# fit gets a socket in a private directory under /tmp named from its path.
socket_path() {
	local sock="$DB_DIR/mysqld.sock" len
	len=$(LC_ALL=C; printf '%s' "$sock" | wc -c)
	if [ "$len" -le 107 ]; then
		printf '%s\n' "$sock"
		return
	fi
	# The server of another root must find the socket inside that root.
	[ -z "$SERVER_ROOT" ] || die "socket path $sock is longer than 107 bytes"
	local hash
	hash=$(printf '%s' "$REPO" | sha256sum | cut -c1-16)
	printf '%s\n' "/tmp/localapi-db-$(id -u)-$hash/mysqld.sock"
}

SOCKET="$(socket_path)"

ensure_socket_dir() {
	local dir
	dir="$(dirname "$SOCKET")"
	[ "$dir" = "$DB_DIR" ] && return 0
	mkdir -p -m 700 "$dir" 2>/dev/null || true
	if [ -L "$dir" ] || [ ! -d "$dir" ] || [ ! -O "$dir" ]; then
		die "cannot use $dir for the socket (not a directory owned by $(id -un))"
	fi
	chmod 700 "$dir"
}

# Prints the pid of the server started from this tree, if it runs. The pid
# file alone is not trusted: the process must be a mariadbd on our data dir.
server_pid() {
	local pid
	[ -r "$PID_FILE" ] || return 1
	pid="$(tr -dc '0-9' <"$PID_FILE" 2>/dev/null)" || return 1
	[ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
	[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$SERVER_BIN" ] || return 1
	tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "--datadir=$(in_root "$DATA_DIR")" || return 1
	printf '%s\n' "$pid"
}

admin_client() {
	server_cmd "$CLIENT_BIN" --no-defaults --socket="$(in_root "$SOCKET")" --user="$ADMIN_USER" --connect-timeout=5 "$@"
}

answers() {
	admin_client --batch --skip-column-names -e 'SELECT 1' >/dev/null 2>&1
}

print_log_tail() {
	if [ -f "$LOG_FILE" ]; then
		echo "--- last lines of $LOG_FILE ---" >&2
		tail -n 30 "$LOG_FILE" >&2
		echo "---" >&2
	fi
}

# Serialises start/stop/load of this tree's server (e.g. demo and tests
# started at the same time).
take_lock() {
	mkdir -p "$DB_DIR"
	exec 9>"$DB_DIR/db.lock"
	flock -w 180 9 || die "another db.sh holds $DB_DIR/db.lock for too long"
}

# MySQL's own initialisation: root@localhost with no password.
initialise_mysql() {
	local args=(--no-defaults --initialize-insecure --datadir="$(in_root "$DATA_DIR")")
	if [ "$(id -u)" -eq 0 ]; then
		args+=(--user=root)
	fi
	rm -rf "$DATA_DIR"
	echo "db.sh: initialising $DATA_DIR (MySQL)"
	if ! server_cmd mysqld "${args[@]}" >"$DB_DIR/install.log" 2>&1; then
		cat "$DB_DIR/install.log" >&2
		rm -rf "$DATA_DIR"
		die "mysqld --initialize-insecure failed"
	fi
	touch "$DB_DIR/initialised"
}

initialise() {
	[ -f "$DB_DIR/initialised" ] && [ -d "$DATA_DIR" ] && return 0
	if [ "$KIND" = mysql ]; then
		initialise_mysql
		return
	fi
	have_program mariadb-install-db || die "mariadb-install-db not found: run scripts/deps.sh"
	if [ -e "$DATA_DIR" ] && [ ! -O "$DATA_DIR" ]; then
		die "$DATA_DIR belongs to another user"
	fi
	# Whatever is there was left by an interrupted initialisation.
	rm -rf "$DATA_DIR" "$DB_DIR/initialised" "$LOADED_FILE"
	# No --user: mariadb-install-db would then chown the data dir with an
	# unquoted path (breaking on spaces), and the bootstrap runs as whoever
	# we are anyway. --force skips a host name lookup that only matters for
	# TCP accounts; networking is off.
	local args=(--no-defaults --datadir="$(in_root "$DATA_DIR")" --skip-test-db --force
		--auth-root-authentication-method=socket --auth-root-socket-user="$ADMIN_USER")
	echo "db.sh: initialising $DATA_DIR"
	if ! server_cmd mariadb-install-db "${args[@]}" >"$DB_DIR/install.log" 2>&1; then
		cat "$DB_DIR/install.log" >&2
		rm -rf "$DATA_DIR"
		die "mariadb-install-db failed"
	fi
	touch "$DB_DIR/initialised"
}

# A CA and a server certificate for "localhost" (the name a client checks the
# certificate against over the socket), made once.
ensure_tls() {
	[ -f "$TLS_DIR/server-cert.pem" ] && [ -f "$TLS_DIR/server-key.pem" ] && [ -f "$TLS_DIR/ca.pem" ] && return 0
	command -v openssl >/dev/null || { echo "db.sh: openssl not found: the server starts without TLS" >&2; return 1; }
	mkdir -p -m 700 "$TLS_DIR"
	(
		cd "$TLS_DIR"
		openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localapi private MariaDB CA" \
			-keyout ca-key.pem -out ca.pem
		openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server-key.pem -out server.csr
		printf 'subjectAltName=DNS:localhost\n' >server.ext
		openssl x509 -req -days 3650 -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial \
			-extfile server.ext -out server-cert.pem
		rm -f server.csr server.ext
	) >"$DB_DIR/tls.log" 2>&1 || { cat "$DB_DIR/tls.log" >&2; die "openssl failed to make $TLS_DIR"; }
}

launch() {
	local args=(--no-defaults --datadir="$(in_root "$DATA_DIR")" --socket="$(in_root "$SOCKET")"
		--pid-file="$(in_root "$PID_FILE")" --log-error="$(in_root "$LOG_FILE")" --skip-networking
		--innodb-flush-log-at-trx-commit=1 --sql-mode="$SQL_MODE"
		--max-connections=500)
	if ensure_tls; then
		args+=(--ssl-ca="$(in_root "$TLS_DIR/ca.pem")" --ssl-cert="$(in_root "$TLS_DIR/server-cert.pem")"
			--ssl-key="$(in_root "$TLS_DIR/server-key.pem")")
	fi
	if [ "$(id -u)" -eq 0 ]; then
		args+=(--user=root)
	fi
	if [ "$KIND" = mysql ]; then
		# The X protocol would listen on a port and a socket of its own; with
		# the binary log on (MySQL's default), only SUPER may create triggers,
		# which the tests do as the test user.
		args+=(--mysqlx=OFF --skip-log-bin)
		# A killed mysqld leaves its pid in the socket's lock file, and a new
		# one refuses to start while any process has that pid. None of ours
		# runs (cmd_start checked): the lock is stale.
		rm -f "$SOCKET.lock"
	fi
	rm -f "$PID_FILE"
	detach "$LOG_FILE" "${SERVER_PREFIX[@]}" "$SERVER_BIN" "${args[@]}"
	local waited=0
	while ! answers; do
		if [ "$waited" -ge $((START_TIMEOUT * 2)) ]; then
			print_log_tail
			die "the server did not answer on $SOCKET within ${START_TIMEOUT}s"
		fi
		if [ "$waited" -ge 4 ] && ! server_pid >/dev/null && ! kill -0 $! 2>/dev/null; then
			print_log_tail
			die "$SERVER_BIN exited during start-up"
		fi
		sleep 0.5
		waited=$((waited + 1))
	done
}

sql_checksum() {
	cat "$REPO/sql/schema.sql" "$REPO/sql/schema-7.10.sql" "$REPO/sql/sample.sql" "${BASH_SOURCE[0]}" |
		sha256sum | cut -d' ' -f1
}

load_sql() {
	local db connection_admin="CONNECTION ADMIN"
	[ "$KIND" = mariadb ] || connection_admin=CONNECTION_ADMIN
	admin_client <<EOF
CREATE USER IF NOT EXISTS '$APP_USER'@'localhost' IDENTIFIED BY '$APP_PASSWORD';
ALTER USER '$APP_USER'@'localhost' IDENTIFIED BY '$APP_PASSWORD';
GRANT PROCESS, $connection_admin ON *.* TO '$APP_USER'@'localhost';
CREATE USER IF NOT EXISTS '$X509_USER'@'localhost' IDENTIFIED BY '$X509_PASSWORD' REQUIRE X509;
ALTER USER '$X509_USER'@'localhost' IDENTIFIED BY '$X509_PASSWORD' REQUIRE X509;
EOF
	for db in "$DB_NAME" "$DB7_NAME"; do
		admin_client <<EOF
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8 COLLATE utf8_unicode_ci;
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$APP_USER'@'localhost';
GRANT SELECT, INSERT ON \`$db\`.* TO '$X509_USER'@'localhost';
EOF
	done
	admin_client "$DB_NAME" <"$REPO/sql/schema.sql"
	admin_client "$DB_NAME" <"$REPO/sql/sample.sql"
	admin_client "$DB7_NAME" <"$REPO/sql/schema-7.10.sql"
	admin_client "$DB7_NAME" <"$REPO/sql/sample.sql"
	sql_checksum >"$LOADED_FILE"
}

tls_state() {
	# MySQL 9 has no have_ssl.
	admin_client --batch --skip-column-names -e 'SELECT @@have_ssl' 2>/dev/null ||
		admin_client --batch --skip-column-names -e "SELECT IF(@@ssl_cert = '', 'NO', 'YES')" 2>/dev/null || echo unknown
}

print_access() {
	cat <<EOF
$KIND_NAME is running (pid $(server_pid || echo '?')), networking off.
  socket    $SOCKET (TLS: $(tls_state))
  databases $DB_NAME (WHMCS 8.x layout), $DB7_NAME (7.10 layout)
  user      $APP_USER, password $APP_PASSWORD
  as admin  scripts/db.sh sql
  test env  eval "\$(scripts/db.sh env)"
  stop      scripts/db.sh stop
EOF
}

cmd_start() {
	have_program "$SERVER_BIN" || die "mariadbd not found: run scripts/deps.sh"
	take_lock
	ensure_socket_dir
	if server_pid >/dev/null; then
		# Already running: load only what never completed or has changed.
		if [ ! -f "$LOADED_FILE" ] || [ "$(cat "$LOADED_FILE")" != "$(sql_checksum)" ]; then
			load_sql
		fi
		print_access
		return 0
	fi
	initialise
	launch
	load_sql
	print_access
}

cmd_stop() {
	take_lock
	local pid
	if ! pid="$(server_pid)"; then
		echo "db.sh: not running"
		rm -f "$PID_FILE"
		return 0
	fi
	kill -TERM "$pid"
	local waited=0
	while [ -d "/proc/$pid" ]; do
		if [ "$waited" -ge $((STOP_TIMEOUT * 2)) ]; then
			echo "db.sh: pid $pid still running after ${STOP_TIMEOUT}s, killing it" >&2
			kill -KILL "$pid" 2>/dev/null || true
			sleep 1
			break
		fi
		sleep 0.5
		waited=$((waited + 1))
	done
	rm -f "$PID_FILE"
	echo "db.sh: stopped (pid $pid)"
}

cmd_status() {
	local pid
	if pid="$(server_pid)"; then
		if answers; then
			echo "running (pid $pid), socket $SOCKET"
		else
			echo "running (pid $pid) but not answering yet, socket $SOCKET"
		fi
		return 0
	fi
	echo "not running"
	return 1
}

cmd_env() {
	printf 'export LOCALAPI_TEST_SOCKET=%q\n' "$SOCKET"
	printf 'export LOCALAPI_TEST_USER=%q\n' "$APP_USER"
	printf 'export LOCALAPI_TEST_PASSWORD=%q\n' "$APP_PASSWORD"
	printf 'export LOCALAPI_TEST_DB=%q\n' "$DB_NAME"
	# Every database the suite runs against: the 8.x layout, then the 7.10 layout.
	printf 'export LOCALAPI_TEST_DATABASES=%q\n' "$DB_NAME $DB7_NAME"
}

cmd_load() {
	server_pid >/dev/null || die "not running: scripts/db.sh start"
	take_lock
	load_sql
	echo "db.sh: loaded sql/ into $DB_NAME (8.x layout) and $DB7_NAME (7.10 layout)"
}

# A test makes its own CA and server certificate and has the running server
# switch to them. The files of .db/tls are replaced, so a restart keeps them.
cmd_tls_install() {
	local dir="${1:-}" file
	[ -n "$dir" ] && [ -d "$dir" ] || die "usage: scripts/db.sh tls-install DIR (with ca.pem, server-cert.pem, server-key.pem)"
	server_pid >/dev/null || die "not running: scripts/db.sh start"
	take_lock
	mkdir -p -m 700 "$TLS_DIR"
	for file in ca.pem server-cert.pem server-key.pem; do
		[ -r "$dir/$file" ] || die "no $dir/$file"
		cp "$dir/$file" "$TLS_DIR/$file.new"
	done
	for file in ca.pem server-cert.pem server-key.pem; do
		mv -f "$TLS_DIR/$file.new" "$TLS_DIR/$file"
	done
	rm -f "$TLS_DIR/ca-key.pem" "$TLS_DIR/ca.srl"
	if [ "$KIND" = mysql ]; then
		admin_client -e 'ALTER INSTANCE RELOAD TLS'
	else
		admin_client -e 'FLUSH SSL'
	fi
	echo "db.sh: the server now uses the certificates of $dir"
}

cmd_sql() {
	server_pid >/dev/null || die "not running: scripts/db.sh start"
	exec "${SERVER_PREFIX[@]}" "$CLIENT_BIN" --no-defaults --socket="$(in_root "$SOCKET")" --user="$ADMIN_USER" "$DB_NAME" "$@"
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
env) cmd_env ;;
load) cmd_load ;;
sql) shift; cmd_sql "$@" ;;
tls-install) shift; cmd_tls_install "$@" ;;
*)
	echo "usage: scripts/db.sh start|stop|status|env|load|sql [mariadb args]|tls-install DIR" >&2
	exit 2
	;;
esac
