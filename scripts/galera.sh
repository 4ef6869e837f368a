#!/usr/bin/env bash
# A private three-node MariaDB Galera cluster on loopback, kept inside the
# working tree, for scripts/galera-test.sh and for trying the extension
# against a cluster by hand.
#
#   scripts/galera.sh start          start the nodes that are not running
#                                    (bootstrapping the cluster when none
#                                    runs), wait until all are synced, create
#                                    the `whmcs` database and the `localapi`
#                                    user, load sql/
#   scripts/galera.sh stop           stop every node started from this tree
#                                    (by its pid), the last one last
#   scripts/galera.sh status         one line per node; exit 0 when all three
#                                    are synced
#   scripts/galera.sh env            print the LOCALAPI_TEST_* variables for
#                                    node 1 and LOCALAPI_GALERA_* for all
#   scripts/galera.sh sql N ...      the `mariadb` client as node N's admin
#
# For fault tests, one node at a time (N is 1, 2 or 3):
#
#   scripts/galera.sh kill N         SIGKILL node N's mariadbd
#   scripts/galera.sh freeze N       SIGSTOP it (a hung host)
#   scripts/galera.sh thaw N         SIGCONT it
#   scripts/galera.sh isolate N      cut node N off the cluster (gmcast.isolate):
#                                    it keeps running and answering, but is not
#                                    in the primary component (wsrep_ready OFF)
#   scripts/galera.sh unisolate N    let it rejoin
#   scripts/galera.sh start-node N   start node N alone, joining the others
#   scripts/galera.sh wait-synced N [seconds]
#                                    wait until node N is synced and ready
#   scripts/galera.sh pid N          print node N's pid
#
# Node N keeps its data in .galera/nodeN/ under the repository root. Ports,
# all on 127.0.0.1 and below the ephemeral range (32768 and up) so that no
# client connection can take them: SQL 23300+N, Galera replication
# 23310+N, IST 23320+N, SST (mariabackup) 23330+N. LOCALAPI_GALERA_PORT_BASE moves
# all of them (default 23300). The nodes run with binlog_format=ROW,
# innodb_autoinc_lock_mode=2 and wsrep_auto_increment_control (the default),
# as a Galera cluster needs. The distribution's own server and config are
# never used.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TOP="$REPO/.galera"
NODES=(1 2 3)
BASE="${LOCALAPI_GALERA_PORT_BASE:-23300}"
PROVIDER=/usr/lib/galera/libgalera_smm.so
DB_NAME=whmcs
APP_USER=localapi
APP_PASSWORD=localapi-test-pw
SQL_MODE=STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION
START_TIMEOUT="${LOCALAPI_GALERA_START_TIMEOUT:-180}"
STOP_TIMEOUT=60
ADMIN_USER="$(id -un)"

check_node() {
	case "${1:-}" in
	1 | 2 | 3) ;;
	*) die "no node '${1:-}': nodes are 1, 2 and 3" ;;
	esac
}

node_dir() { printf '%s\n' "$TOP/node$1"; }
data_dir() { printf '%s\n' "$TOP/node$1/data"; }
sql_port() { echo $((BASE + $1)); }
repl_port() { echo $((BASE + 10 + $1)); }
ist_port() { echo $((BASE + 20 + $1)); }
sst_port() { echo $((BASE + 30 + $1)); }

# sun_path holds 107 bytes: a deep tree gets its sockets under /tmp.
socket_path() {
	local sock
	sock="$(node_dir "$1")/mysqld.sock"
	if [ "$(printf '%s' "$sock" | wc -c)" -le 107 ]; then
		printf '%s\n' "$sock"
		return
	fi
	printf '%s\n' "/tmp/localapi-galera-$(id -u)-$(printf '%s' "$REPO" | sha256sum | cut -c1-16)/node$1.sock"
}

cluster_address() {
	local n list=
	for n in "${NODES[@]}"; do
		list="${list:+$list,}127.0.0.1:$(repl_port "$n")"
	done
	printf 'gcomm://%s\n' "$list"
}

# The pid of node N's server, if it runs. The pid file alone is not trusted:
# the process must be a mariadbd on that node's data dir.
node_pid() {
	local pid file
	file="$(node_dir "$1")/mysqld.pid"
	[ -r "$file" ] || return 1
	pid="$(tr -dc '0-9' <"$file" 2>/dev/null)" || return 1
	[ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
	[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = mariadbd ] || return 1
	tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "--datadir=$(data_dir "$1")" || return 1
	printf '%s\n' "$pid"
}

# A stopped (SIGSTOP) process is state T: it runs, but cannot answer.
node_frozen() {
	local pid
	pid="$(node_pid "$1")" || return 1
	[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = T ]
}

admin_client() {
	local node="$1"
	shift
	mariadb --no-defaults --socket="$(socket_path "$node")" --user="$ADMIN_USER" --connect-timeout=5 "$@"
}

# "<wsrep_local_state_comment> <wsrep_ready>" of node N, or nothing.
node_state() {
	node_frozen "$1" && return 0
	timeout 10 mariadb --no-defaults --socket="$(socket_path "$1")" --user="$ADMIN_USER" --connect-timeout=3 \
		--batch --skip-column-names -e \
		"SELECT MAX(IF(VARIABLE_NAME='WSREP_LOCAL_STATE_COMMENT', VARIABLE_VALUE, NULL)),
		        MAX(IF(VARIABLE_NAME='WSREP_READY', VARIABLE_VALUE, NULL))
		   FROM information_schema.GLOBAL_STATUS
		  WHERE VARIABLE_NAME IN ('WSREP_LOCAL_STATE_COMMENT', 'WSREP_READY')" 2>/dev/null || true
}

node_synced() {
	[ "$(node_state "$1")" = "Synced	ON" ]
}

print_log_tail() {
	local log
	log="$(node_dir "$1")/mysqld.log"
	if [ -f "$log" ]; then
		echo "--- last lines of $log ---" >&2
		tail -n 40 "$log" >&2
		echo "---" >&2
	fi
}

take_lock() {
	mkdir -p "$TOP"
	exec 9>"$TOP/galera.lock"
	flock -w 600 9 || die "another galera.sh holds $TOP/galera.lock for too long"
}

ensure_dirs() {
	local dir
	mkdir -p "$(node_dir "$1")"
	dir="$(dirname "$(socket_path "$1")")"
	mkdir -p -m 700 "$dir"
	[ -O "$dir" ] || die "$dir does not belong to $(id -un)"
}

# Node 1 (the first to bootstrap) gets a fresh system database; the others
# get theirs from the cluster by state transfer, so an empty data dir is all
# they need.
initialise() {
	local data
	data="$(data_dir "$1")"
	[ -f "$(node_dir "$1")/initialised" ] && [ -d "$data" ] && return 0
	rm -rf "$data"
	mkdir -p "$data"
	echo "galera.sh: initialising node $1 ($data)"
	if ! mariadb-install-db --no-defaults --datadir="$data" --skip-test-db --force \
		--auth-root-authentication-method=socket --auth-root-socket-user="$ADMIN_USER" \
		>"$(node_dir "$1")/install.log" 2>&1; then
		cat "$(node_dir "$1")/install.log" >&2
		rm -rf "$data"
		die "mariadb-install-db failed for node $1"
	fi
	touch "$(node_dir "$1")/initialised"
}

# node N's option file: the server's settings, and the state transfer's
# (logs into the data dir instead of syslog). A file of our own rather than
# --no-defaults, because the state transfer scripts read the server's option
# files and would otherwise read the system's.
write_config() {
	local node="$1" dir
	dir="$(node_dir "$node")"
	cat >"$dir/my.cnf" <<EOF
[mysqld]
socket = $(socket_path "$node")
pid-file = $dir/mysqld.pid
log-error = $dir/mysqld.log
bind-address = 127.0.0.1
port = $(sql_port "$node")
skip-name-resolve
sql-mode = $SQL_MODE
max-connections = 500
innodb-flush-log-at-trx-commit = 1
innodb-buffer-pool-size = 128M
innodb-log-file-size = 48M
binlog-format = ROW
innodb-autoinc-lock-mode = 2
default-storage-engine = InnoDB
wsrep-on = ON
wsrep-provider = $PROVIDER
wsrep-cluster-name = localapi-test
wsrep-cluster-address = $(cluster_address)
wsrep-node-name = node$node
wsrep-node-address = 127.0.0.1:$(repl_port "$node")
wsrep-node-incoming-address = 127.0.0.1:$(sql_port "$node")
wsrep-provider-options = "gmcast.listen_addr=tcp://127.0.0.1:$(repl_port "$node");ist.recv_addr=127.0.0.1:$(ist_port "$node");gcache.size=64M"
wsrep-sst-method = mariabackup
wsrep-sst-auth = $ADMIN_USER:
wsrep-sst-receive-address = 127.0.0.1:$(sst_port "$node")
wsrep-slave-threads = 2

[sst]
sst-syslog = -1
sst-log-archive = 0

[mariabackup]
socket = $(socket_path "$node")
EOF
}

# Starts node N's mariadbd in the background; $2 = 1 bootstraps a new cluster.
launch() {
	local node="$1" bootstrap="$2" dir
	dir="$(node_dir "$node")"
	write_config "$node"
	local args=(--defaults-file="$dir/my.cnf" --datadir="$(data_dir "$node")")
	if [ "$bootstrap" = 1 ]; then
		args+=(--wsrep-new-cluster)
	fi
	if [ "$(id -u)" -eq 0 ]; then
		args+=(--user=root)
	fi
	rm -f "$dir/mysqld.pid"
	detach "$dir/mysqld.log" mariadbd "${args[@]}"
	echo "$!" >"$dir/launcher.pid"
}

# Waits until node N is synced and ready, or fails after $2 seconds.
wait_synced() {
	local node="$1" limit="$2" waited=0
	while ! node_synced "$node"; do
		if [ "$waited" -ge $((limit * 2)) ]; then
			print_log_tail "$node"
			die "node $node not synced within ${limit}s (state: $(node_state "$node" | tr '\t' ' '))"
		fi
		if [ "$waited" -ge 6 ] && ! node_pid "$node" >/dev/null &&
			! kill -0 "$(cat "$(node_dir "$node")/launcher.pid" 2>/dev/null || echo 0)" 2>/dev/null; then
			print_log_tail "$node"
			die "node $node exited during start-up"
		fi
		sleep 0.5
		waited=$((waited + 1))
	done
}

# grastate.dat's safe_to_bootstrap and seqno of node N ("1 123", "0 -1").
grastate() {
	local file
	file="$(data_dir "$1")/grastate.dat"
	[ -f "$file" ] || { echo "0 -1"; return; }
	printf '%s %s\n' "$(sed -n 's/^safe_to_bootstrap: *//p' "$file")" "$(sed -n 's/^seqno: *//p' "$file")"
}

# The last position node N committed, from InnoDB (after a crash grastate.dat says -1).
recovered_seqno() {
	local node="$1" log
	log="$(node_dir "$node")/recover.log"
	write_config "$node"
	local args=(--defaults-file="$(node_dir "$node")/my.cnf" --datadir="$(data_dir "$node")"
		--wsrep-recover --log-error="$log")
	if [ "$(id -u)" -eq 0 ]; then
		args+=(--user=root)
	fi
	rm -f "$log"
	timeout 120 mariadbd "${args[@]}" </dev/null >/dev/null 2>&1 || true
	sed -n 's/.*Recovered position: *[^:]*:\(-\{0,1\}[0-9]*\).*/\1/p' "$log" 2>/dev/null | tail -n 1
}

# With no node running, the one to bootstrap from: a node marked safe to
# bootstrap (the last one stopped), else the one that committed most.
bootstrap_node() {
	local n best= best_seqno=-2 safe seqno
	for n in "${NODES[@]}"; do
		[ -f "$(node_dir "$n")/initialised" ] || [ -f "$(data_dir "$n")/grastate.dat" ] || continue
		read -r safe seqno < <(grastate "$n")
		if [ "$safe" = 1 ]; then
			echo "$n"
			return
		fi
		if [ "${seqno:--1}" = -1 ]; then
			seqno="$(recovered_seqno "$n")"
		fi
		if [ -n "$seqno" ] && [ "$seqno" -gt "$best_seqno" ]; then
			best="$n"
			best_seqno="$seqno"
		fi
	done
	if [ -z "$best" ]; then
		echo 1
		return
	fi
	sed -i 's/^safe_to_bootstrap: *0/safe_to_bootstrap: 1/' "$(data_dir "$best")/grastate.dat"
	echo "$best"
}

running_nodes() {
	local n
	for n in "${NODES[@]}"; do
		if node_pid "$n" >/dev/null; then
			echo "$n"
		fi
	done
}

sql_checksum() {
	cat "$REPO/sql/schema.sql" "$REPO/sql/sample.sql" | sha256sum | cut -d' ' -f1
}

# Accounts and tables go to one node; Galera replicates both (DDL and
# account statements in total order).
load_sql() {
	local node="$1"
	admin_client "$node" <<EOF
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8 COLLATE utf8_unicode_ci;
CREATE USER IF NOT EXISTS '$APP_USER'@'127.0.0.1' IDENTIFIED BY '$APP_PASSWORD';
ALTER USER '$APP_USER'@'127.0.0.1' IDENTIFIED BY '$APP_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$APP_USER'@'127.0.0.1';
GRANT PROCESS, CONNECTION ADMIN ON *.* TO '$APP_USER'@'127.0.0.1';
CREATE USER IF NOT EXISTS '$APP_USER'@'localhost' IDENTIFIED BY '$APP_PASSWORD';
ALTER USER '$APP_USER'@'localhost' IDENTIFIED BY '$APP_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$APP_USER'@'localhost';
GRANT PROCESS, CONNECTION ADMIN ON *.* TO '$APP_USER'@'localhost';
EOF
	admin_client "$node" "$DB_NAME" <"$REPO/sql/schema.sql"
	admin_client "$node" "$DB_NAME" <"$REPO/sql/sample.sql"
	sql_checksum >"$TOP/loaded.sha256"
}

start_node() {
	local node="$1" bootstrap="$2"
	ensure_dirs "$node"
	if [ "$bootstrap" = 1 ]; then
		initialise "$node"
	else
		mkdir -p "$(data_dir "$node")"
		touch "$(node_dir "$node")/initialised"
	fi
	echo "galera.sh: starting node $node$([ "$bootstrap" = 1 ] && echo ' (bootstrapping the cluster)')"
	launch "$node" "$bootstrap"
	wait_synced "$node" "$START_TIMEOUT"
}

print_access() {
	cat <<EOF
Galera cluster of 3 nodes on 127.0.0.1, SQL ports $(sql_port 1), $(sql_port 2), $(sql_port 3).
  database  $DB_NAME, user $APP_USER, password $APP_PASSWORD
  as admin  scripts/galera.sh sql N
  test env  eval "\$(scripts/galera.sh env)"
  stop      scripts/galera.sh stop
EOF
}

cmd_start() {
	command -v mariadbd >/dev/null || die "mariadbd not found: run scripts/deps.sh"
	[ -f "$PROVIDER" ] || die "$PROVIDER not found: apt-get install galera-4"
	command -v mariabackup >/dev/null && command -v socat >/dev/null ||
		die "mariabackup and socat are needed for state transfers: apt-get install mariadb-backup socat"
	take_lock
	local n running
	running="$(running_nodes)"
	if [ -z "$running" ]; then
		n="$(bootstrap_node)"
		start_node "$n" 1
		running="$n"
	fi
	for n in "${NODES[@]}"; do
		if ! node_pid "$n" >/dev/null; then
			start_node "$n" 0
		fi
	done
	for n in "${NODES[@]}"; do
		if node_frozen "$n"; then
			die "node $n is frozen (SIGSTOP): scripts/galera.sh thaw $n"
		fi
		wait_synced "$n" "$START_TIMEOUT"
	done
	if [ ! -f "$TOP/loaded.sha256" ] || [ "$(cat "$TOP/loaded.sha256")" != "$(sql_checksum)" ]; then
		load_sql 1
	fi
	print_access
}

# Stops one process by its pid: TERM, then KILL after $STOP_TIMEOUT seconds.
stop_pid() {
	local pid="$1" waited=0
	kill -CONT "$pid" 2>/dev/null || true
	kill -TERM "$pid" 2>/dev/null || return 0
	while [ -d "/proc/$pid" ]; do
		if [ "$waited" -ge $((STOP_TIMEOUT * 2)) ]; then
			echo "galera.sh: pid $pid still running after ${STOP_TIMEOUT}s, killing it" >&2
			kill -KILL "$pid" 2>/dev/null || true
			sleep 1
			break
		fi
		sleep 0.5
		waited=$((waited + 1))
	done
}

# What a state transfer of node N left behind (wsrep_sst_mariabackup, socat,
# mariabackup): the node's server leads its own process group, so they are
# the processes still in the group named by its pid.
stop_group_leftovers() {
	local leader="$1" pid
	for pid in $(ps -eo pid=,pgid= | awk -v g="$leader" '$2 == g && $1 != g {print $1}'); do
		kill -KILL "$pid" 2>/dev/null || true
	done
}

stop_node() {
	local node="$1" pid
	if pid="$(node_pid "$node")"; then
		stop_pid "$pid"
		stop_group_leftovers "$pid"
		echo "galera.sh: stopped node $node (pid $pid)"
	fi
	rm -f "$(node_dir "$node")/mysqld.pid"
}

cmd_stop() {
	take_lock
	local n stopped=
	# The last node stopped is marked safe to bootstrap from.
	for n in 3 2 1; do
		if node_pid "$n" >/dev/null; then
			stopped=1
		fi
		stop_node "$n"
	done
	if [ -z "$stopped" ]; then
		echo "galera.sh: not running"
	fi
}

cmd_status() {
	local n pid all=0 state
	for n in "${NODES[@]}"; do
		if ! pid="$(node_pid "$n")"; then
			echo "node $n: not running"
			all=1
		elif node_frozen "$n"; then
			echo "node $n: frozen (pid $pid), port $(sql_port "$n")"
			all=1
		else
			state="$(node_state "$n")"
			echo "node $n: running (pid $pid), port $(sql_port "$n"), ${state:-not answering}" | tr '\t' ' '
			[ "$state" = "Synced	ON" ] || all=1
		fi
	done
	return "$all"
}

cmd_env() {
	printf 'export LOCALAPI_TEST_SOCKET=\n'
	printf 'export LOCALAPI_TEST_HOST=127.0.0.1\n'
	printf 'export LOCALAPI_TEST_PORT=%s\n' "$(sql_port 1)"
	printf 'export LOCALAPI_TEST_USER=%q\n' "$APP_USER"
	printf 'export LOCALAPI_TEST_PASSWORD=%q\n' "$APP_PASSWORD"
	printf 'export LOCALAPI_TEST_DB=%q\n' "$DB_NAME"
	printf 'export LOCALAPI_GALERA_PORTS=%q\n' "$(sql_port 1),$(sql_port 2),$(sql_port 3)"
	printf 'export LOCALAPI_GALERA_HOSTS=%q\n' "127.0.0.1:$(sql_port 1),127.0.0.1:$(sql_port 2),127.0.0.1:$(sql_port 3)"
}

node_cmd() {
	local action="$1" node="${2:-}" pid
	check_node "$node"
	case "$action" in
	kill)
		pid="$(node_pid "$node")" || die "node $node is not running"
		kill -KILL "$pid"
		while [ -d "/proc/$pid" ]; do sleep 0.05; done
		stop_group_leftovers "$pid"
		;;
	freeze)
		pid="$(node_pid "$node")" || die "node $node is not running"
		kill -STOP "$pid"
		;;
	thaw)
		pid="$(node_pid "$node")" || die "node $node is not running"
		kill -CONT "$pid"
		;;
	isolate | unisolate)
		node_pid "$node" >/dev/null || die "node $node is not running"
		admin_client "$node" -e "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=$([ "$action" = isolate ] && echo 1 || echo 0)'"
		;;
	start-node)
		take_lock
		if node_pid "$node" >/dev/null; then
			wait_synced "$node" "$START_TIMEOUT"
		elif [ -z "$(running_nodes)" ]; then
			die "no node runs: scripts/galera.sh start"
		else
			start_node "$node" 0
		fi
		;;
	wait-synced)
		wait_synced "$node" "${3:-$START_TIMEOUT}"
		;;
	pid)
		node_pid "$node" || die "node $node is not running"
		;;
	esac
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
env) cmd_env ;;
sql)
	check_node "${2:-}"
	node_pid "$2" >/dev/null || die "node $2 is not running"
	node="$2"
	shift 2
	exec mariadb --no-defaults --socket="$(socket_path "$node")" --user="$ADMIN_USER" "$DB_NAME" "$@"
	;;
kill | freeze | thaw | isolate | unisolate | start-node | wait-synced | pid) node_cmd "$@" ;;
*)
	echo "usage: scripts/galera.sh start|stop|status|env|sql N|kill N|freeze N|thaw N|isolate N|unisolate N|start-node N|wait-synced N [s]|pid N" >&2
	exit 2
	;;
esac
