#!/usr/bin/env bash
# A real deployment under load: nginx + php-fpm + the extension, driven by wrk.
#
#   scripts/fpm-load.sh [-d seconds] [-c connections] [-w workers]
#                       defaults: 20 s, 8 connections, 4 FPM workers
#
# Not part of the default test command. Installs nginx, php8.2-fpm and wrk
# from Debian when they are missing (as root; services the packages would
# start are held back by policy-rc.d). Everything runs from .fpm/ in the
# repository (git-ignored): generated nginx.conf, php-fpm.conf, php.ini, the
# page add.php, logs and pid files. Both servers listen on 127.0.0.1 only, on
# free high ports; the FPM pool is static with <workers> workers loading a
# private copy of modules/localapi.so (LOCALAPI_SO overrides the source) with
# localapi.persistent=1 and the private MariaDB of scripts/db.sh.
#
# add.php calls localAPI('AddContact', ['clientid' => <a client made for
# the run>, 'firstname' => 'Load', 'email' => <unique>], '') and answers 200
# with the JSON result, or 500 when the result is an error. wrk drives it for
# the given time; a Lua script counts 2xx and non-2xx answers exactly and
# stops each connection at a response boundary once the time is up, so no
# request is left in flight (wrk's own timer would cut requests whose
# contacts then exist without a counted answer). Meanwhile the number of
# server connections of the run's MariaDB account is sampled every 200 ms.
#
# The run passes when: no non-2xx answer and no socket error; contacts
# created for the client == 2xx answers; the sampled connections never
# exceeded the worker count; the account's total connections over the whole
# run (information_schema.USER_STATISTICS) did not exceed it either; and the
# FPM workers are the same processes after the run (none died).
#
# The run has its own database, localapi_fpm_<pid> (sql/schema.sql and the
# client), and its own MariaDB account of that name with all privileges on
# it, so that tests running at the same time (some rename tables on purpose)
# cannot disturb it and other users of the shared server do not blur the
# connection counts. Whatever happens, the trap stops what this script
# started (by pid file and pid, never by name), drops the database and the
# account and restores userstat.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DIR="$REPO/.fpm"
DB_NAME="localapi_fpm_$$"
SO="${LOCALAPI_SO:-$REPO/modules/localapi.so}"
DURATION=20
CONNECTIONS=8
WORKERS=4
SAMPLE_INTERVAL=0.2

usage() {
	echo "usage: scripts/fpm-load.sh [-d seconds] [-c connections] [-w workers]" >&2
	exit 2
}

while getopts 'd:c:w:h' opt; do
	case "$opt" in
	d) DURATION="$OPTARG" ;;
	c) CONNECTIONS="$OPTARG" ;;
	w) WORKERS="$OPTARG" ;;
	*) usage ;;
	esac
done
for n in "$DURATION" "$CONNECTIONS" "$WORKERS"; do
	case "$n" in
	'' | *[!0-9]* | 0) usage ;;
	esac
done
[ -f "$SO" ] || die "$SO not found: build it first (scripts/build.sh)"

# --- packages ---------------------------------------------------------------
NGINX=/usr/sbin/nginx
FPM=/usr/sbin/php-fpm8.2
WRK=/usr/bin/wrk


bash "$REPO/scripts/deps.sh" >/dev/null
install_servers nginx php8.2-fpm wrk
for tool in "$NGINX" "$FPM" "$WRK" php; do
	command -v "$tool" >/dev/null || die "$tool not found"
done

# --- state for the trap -------------------------------------------------------
NGINX_PID=""
FPM_PID=""
SAMPLER_PID=""
WRK_PID=""

. "$REPO/scripts/scratch.sh"

# True when pid $1 is alive and its command line mentions $2 (our config).
ours() {
	local cmdline
	[ -n "$1" ] && [ -d "/proc/$1" ] || return 1
	cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
	case "$cmdline" in
	*"$2"*) return 0 ;;
	esac
	return 1
}

# Stops pid $1 (checked to be ours with $2) with SIGQUIT, then SIGKILL.
stop_pid() {
	local pid="$1" tag="$2" waited=0
	ours "$pid" "$tag" || return 0
	kill -QUIT "$pid" 2>/dev/null || true
	while [ -d "/proc/$pid" ] && [ "$waited" -lt 100 ]; do
		sleep 0.1
		waited=$((waited + 1))
	done
	if [ -d "/proc/$pid" ]; then
		kill -KILL "$pid" 2>/dev/null || true
	fi
}

pid_from() {
	[ -r "$1" ] && tr -dc '0-9' <"$1" || true
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ -n "$WRK_PID" ]; then
		kill "$WRK_PID" 2>/dev/null || true
		wait "$WRK_PID" 2>/dev/null || true
	fi
	if [ -n "$SAMPLER_PID" ]; then
		kill "$SAMPLER_PID" 2>/dev/null || true
		wait "$SAMPLER_PID" 2>/dev/null || true
	fi
	# The pid files name the masters; the ones noted at start-up cover a
	# server that died and left none.
	stop_pid "$(pid_from "$DIR/nginx.pid")" "$DIR/nginx.conf"
	stop_pid "$NGINX_PID" "$DIR/nginx.conf"
	stop_pid "$(pid_from "$DIR/php-fpm.pid")" "$DIR/php-fpm.conf"
	stop_pid "$FPM_PID" "$DIR/php-fpm.conf"
	scratch_drop fpm-load.sh
	rm -f "$DIR/php.ini" # holds the (dropped) account's password
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- database fixtures -------------------------------------------------------
scratch_create Load localapi-fpm-load
eval "$("$DB" env)"

# --- configuration -------------------------------------------------------------
free_port() {
	php -n -r '$s = stream_socket_server("tcp://127.0.0.1:0", $no, $msg) or exit(1);
		echo substr(strrchr(stream_socket_get_name($s, false), ":"), 1), "\n";'
}

# Servers left by a run that was killed outright (no trap) go first.
stop_pid "$(pid_from "$DIR/nginx.pid")" "$DIR/nginx.conf"
stop_pid "$(pid_from "$DIR/php-fpm.pid")" "$DIR/php-fpm.conf"
rm -rf "$DIR"
mkdir -p "$DIR/www" "$DIR/tmp" "$DIR/log"
chmod 700 "$DIR"
HTTP_PORT="$(free_port)"
FPM_PORT="$(free_port)"
while [ "$FPM_PORT" = "$HTTP_PORT" ]; do
	FPM_PORT="$(free_port)"
done
# The FPM pool's php.ini (Debian's conf.d is scanned as well: opcache, mysqli, ...).
scratch_extension_ini "$DIR/localapi.so" >"$DIR/php.ini"
cat >>"$DIR/php.ini" <<EOF
display_errors=Off
log_errors=On
error_log=$DIR/log/php-errors.log
EOF
chmod 600 "$DIR/php.ini"

FPM_ROOT_ARGS=()
run_as=""
if [ "$(id -u)" -eq 0 ]; then
	FPM_ROOT_ARGS=(--allow-to-run-as-root)
	run_as=$'user = root\ngroup = root'
fi
cat >"$DIR/php-fpm.conf" <<EOF
[global]
pid = $DIR/php-fpm.pid
error_log = $DIR/log/php-fpm.log
daemonize = yes

[load]
$run_as
listen = 127.0.0.1:$FPM_PORT
listen.allowed_clients = 127.0.0.1
listen.backlog = 512
pm = static
pm.max_children = $WORKERS
pm.max_requests = 0
catch_workers_output = yes
request_terminate_timeout = 60s
clear_env = yes
EOF

nginx_user=""
if [ "$(id -u)" -eq 0 ]; then
	nginx_user="user root;"
fi
cat >"$DIR/nginx.conf" <<EOF
$nginx_user
worker_processes 1;
daemon on;
pid $DIR/nginx.pid;
error_log $DIR/log/nginx-error.log warn;
events {
	worker_connections 1024;
}
http {
	access_log off;
	client_body_temp_path $DIR/tmp/body;
	proxy_temp_path $DIR/tmp/proxy;
	fastcgi_temp_path $DIR/tmp/fastcgi;
	uwsgi_temp_path $DIR/tmp/uwsgi;
	scgi_temp_path $DIR/tmp/scgi;
	keepalive_requests 1000000;
	server {
		listen 127.0.0.1:$HTTP_PORT;
		root $DIR/www;
		location = /add.php {
			fastcgi_pass 127.0.0.1:$FPM_PORT;
			fastcgi_param SCRIPT_FILENAME \$document_root/add.php;
			fastcgi_param SCRIPT_NAME /add.php;
			fastcgi_param REQUEST_METHOD \$request_method;
			fastcgi_param QUERY_STRING \$query_string;
			fastcgi_param CONTENT_TYPE \$content_type;
			fastcgi_param CONTENT_LENGTH \$content_length;
			fastcgi_param REQUEST_URI \$request_uri;
			fastcgi_param SERVER_PROTOCOL \$server_protocol;
			fastcgi_param GATEWAY_INTERFACE CGI/1.1;
			fastcgi_param REMOTE_ADDR \$remote_addr;
			fastcgi_param REMOTE_PORT \$remote_port;
			fastcgi_param SERVER_ADDR \$server_addr;
			fastcgi_param SERVER_PORT \$server_port;
			fastcgi_param SERVER_NAME \$server_name;
		}
		location / {
			return 404;
		}
	}
}
EOF

cat >"$DIR/www/add.php" <<EOF
<?php
// One AddContact per request (written by scripts/fpm-load.sh).
\$answer = localAPI('AddContact', [
	'clientid' => $CLIENT_ID,
	'firstname' => 'Load',
	'email' => 'load-' . bin2hex(random_bytes(8)) . '@example.test',
], '');
header('Content-Type: application/json');
http_response_code((\$answer['result'] ?? null) === 'success' ? 200 : 500);
echo json_encode(\$answer), "\n";
EOF

cat >"$DIR/count.lua" <<'EOF'
-- Counts 2xx and non-2xx answers over all threads, and stops each thread
-- (one connection each) right after a response once the time is up, so no
-- request is cut in flight. wrk's own -d is longer and only a safety net.
local threads = {}

-- A monotonic clock in seconds (LuaJIT's FFI; whole seconds without it).
local now = os.time
local has_ffi, ffi = pcall(require, "ffi")
if has_ffi then
	ffi.cdef[[
		typedef struct { long tv_sec; long tv_nsec; } la_timespec;
		int clock_gettime(int clock_id, la_timespec *tp);
	]]
	local ts = ffi.new("la_timespec")
	now = function()
		ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
		return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
	end
end

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	ok, bad = 0, 0
	started = now()
	stopped = started
	deadline = started + tonumber(args[1])
end

function response(status, headers, body)
	if status >= 200 and status < 300 then
		ok = ok + 1
	else
		bad = bad + 1
		if bad <= 3 then
			io.stderr:write("non-2xx answer " .. status .. ": " .. body .. "\n")
		end
	end
	local t = now()
	stopped = t
	if t >= deadline then
		wrk.thread:stop()
	end
end

function done(summary, latency, requests)
	local total_ok, total_bad, first, last = 0, 0, math.huge, 0
	for _, thread in ipairs(threads) do
		total_ok = total_ok + thread:get("ok")
		total_bad = total_bad + thread:get("bad")
		first = math.min(first, thread:get("started"))
		last = math.max(last, thread:get("stopped"))
	end
	local e = summary.errors
	io.write(string.format(
		"LUA ok=%d bad=%d requests=%d connect=%d read=%d write=%d timeout=%d status=%d seconds=%.3f lat_avg_ms=%.2f lat_p50_ms=%.2f lat_p99_ms=%.2f lat_max_ms=%.2f\n",
		total_ok, total_bad, summary.requests, e.connect, e.read, e.write, e.timeout, e.status,
		last - first, latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		latency.max / 1000))
end
EOF

# --- start the servers ---------------------------------------------------------
wait_port() {
	local port="$1" waited=0
	while ! php -n -r 'exit(@fsockopen("127.0.0.1", (int) $argv[1], $no, $msg, 0.5) ? 0 : 1);' "$port"; do
		waited=$((waited + 1))
		[ "$waited" -lt 50 ] || return 1
		sleep 0.2
	done
}

# Debian's conf.d for FPM stays on (opcache, as deployed); only php.ini is ours.
"$FPM" "${FPM_ROOT_ARGS[@]}" -c "$DIR/php.ini" -y "$DIR/php-fpm.conf" ||
	{ cat "$DIR/log/php-fpm.log" >&2 2>/dev/null; die "php-fpm did not start"; }
FPM_PID="$(pid_from "$DIR/php-fpm.pid")"
wait_port "$FPM_PORT" || { cat "$DIR/log/php-fpm.log" >&2; die "php-fpm does not listen on 127.0.0.1:$FPM_PORT"; }
"$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/log/nginx-error.log" ||
	{ cat "$DIR/log/nginx-error.log" >&2 2>/dev/null; die "nginx did not start"; }
NGINX_PID="$(pid_from "$DIR/nginx.pid")"
wait_port "$HTTP_PORT" || { cat "$DIR/log/nginx-error.log" >&2; die "nginx does not listen on 127.0.0.1:$HTTP_PORT"; }
WORKER_PIDS="$(pgrep -P "$FPM_PID" | paste -sd ' ' || true)"
echo "fpm-load.sh: nginx (pid $NGINX_PID) on 127.0.0.1:$HTTP_PORT -> php-fpm (pid $FPM_PID, $WORKERS static workers: $WORKER_PIDS) on 127.0.0.1:$FPM_PORT"

# One request by hand first: a broken page fails fast with its answer.
probe="$(php -n -r '$c = @file_get_contents("http://127.0.0.1:" . $argv[1] . "/add.php", false,
	stream_context_create(["http" => ["ignore_errors" => true, "timeout" => 10]]));
	echo ($http_response_header[0] ?? "no answer"), " ", $c;' "$HTTP_PORT")"
case "$probe" in
*" 200 "*'"result":"success"'*) echo "fpm-load.sh: probe: $probe" ;;
*) die "the page does not work: $probe (see $DIR/log/)" ;;
esac

# --- the load ---------------------------------------------------------------------
counters() {
	sql_own <<EOF | tr '\n' ' '
SELECT COUNT(*) FROM tblcontacts WHERE userid = $CLIENT_ID;
SELECT COALESCE(SUM(TOTAL_CONNECTIONS), 0) FROM information_schema.USER_STATISTICS WHERE USER = '$SCRATCH_USER';
EOF
}
read -r CONTACTS_BEFORE _ <<<"$(counters)"

sampler() {
	while :; do
		sql -e "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '$SCRATCH_USER'" 2>/dev/null || true
		sleep "$SAMPLE_INTERVAL"
	done
}
sampler >"$DIR/connections.samples" &
SAMPLER_PID=$!

echo "fpm-load.sh: wrk, ${DURATION}s, $CONNECTIONS connections"
status=0
# In the background, so that a signal reaches the trap at once (bash runs
# traps only between foreground commands) and the trap can stop wrk.
"$WRK" -t "$CONNECTIONS" -c "$CONNECTIONS" -d "$((DURATION + 5))s" --timeout 30s --latency \
	-s "$DIR/count.lua" "http://127.0.0.1:$HTTP_PORT/add.php" -- "$DURATION" >"$DIR/log/wrk.log" 2>&1 &
WRK_PID=$!
wait "$WRK_PID" || status=$?
WRK_PID=""
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
[ "$status" -eq 0 ] || { cat "$DIR/log/wrk.log" >&2; die "wrk failed (exit $status)"; }

read -r CONTACTS_AFTER ACCOUNT_CONN_AFTER <<<"$(counters)"
LUA="$(grep '^LUA ' "$DIR/log/wrk.log" || true)"
[ -n "$LUA" ] || { cat "$DIR/log/wrk.log" >&2; die "wrk printed no counts"; }
field() {
	sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<<"$LUA"
}
OK="$(field ok)"
BAD="$(field bad)"
SOCKET_ERRORS=$(($(field connect) + $(field read) + $(field write) + $(field timeout)))
# The probe made one contact before the counters were read.
CREATED=$((CONTACTS_AFTER - CONTACTS_BEFORE))
SAMPLES="$(grep -c . "$DIR/connections.samples" || true)"
MAX_CONN="$(sort -n "$DIR/connections.samples" | tail -n 1)"
ACCOUNT_CONNECTIONS=$((ACCOUNT_CONN_AFTER))
ELAPSED="$(field seconds)"
RATE="$(awk -v n="$OK" -v d="$ELAPSED" 'BEGIN { printf "%.0f", (d > 0 ? n / d : 0) }')"
WORKERS_AFTER="$(pgrep -P "$FPM_PID" | paste -sd ' ' || true)"

echo "---"
echo "fpm-load.sh: summary (nginx + php-fpm, $WORKERS static workers, localapi.persistent=1)"
printf '  duration             %s s, %s connections\n' "$DURATION" "$CONNECTIONS"
printf '  answers              %s 2xx, %s non-2xx, %s socket errors\n' "$OK" "$BAD" "$SOCKET_ERRORS"
printf '  throughput           %s requests/s (%s answers in %s s)\n' "$RATE" "$OK" "$ELAPSED"
printf '  latency              avg %s ms, p50 %s ms, p99 %s ms, max %s ms\n' \
	"$(field lat_avg_ms)" "$(field lat_p50_ms)" "$(field lat_p99_ms)" "$(field lat_max_ms)"
printf '  contacts created     %s (2xx answers: %s)\n' "$CREATED" "$OK"
printf '  DB connections       max %s at once (%s samples every %ss), %s made in all, by account %s (workers: %s)\n' \
	"${MAX_CONN:-?}" "$SAMPLES" "$SAMPLE_INTERVAL" "$ACCOUNT_CONNECTIONS" "$SCRATCH_USER" "$WORKERS"
printf '  FPM workers          before: %s; after: %s\n' "$WORKER_PIDS" "$WORKERS_AFTER"

fail=0
[ "$BAD" -eq 0 ] || { echo "fpm-load.sh: FAIL: $BAD non-2xx answers" >&2; fail=1; }
[ "$SOCKET_ERRORS" -eq 0 ] || { echo "fpm-load.sh: FAIL: $SOCKET_ERRORS socket errors" >&2; fail=1; }
[ "$OK" -gt 0 ] || { echo "fpm-load.sh: FAIL: no successful answer" >&2; fail=1; }
[ "$CREATED" -eq "$OK" ] || { echo "fpm-load.sh: FAIL: $CREATED contacts for $OK successful answers" >&2; fail=1; }
[ -n "$MAX_CONN" ] && [ "$SAMPLES" -gt 0 ] || { echo "fpm-load.sh: FAIL: no connection sample" >&2; fail=1; }
[ "${MAX_CONN:-0}" -le "$WORKERS" ] || { echo "fpm-load.sh: FAIL: $MAX_CONN connections at once for $WORKERS workers" >&2; fail=1; }
[ "$ACCOUNT_CONNECTIONS" -le "$WORKERS" ] || { echo "fpm-load.sh: FAIL: $ACCOUNT_CONNECTIONS connections made for $WORKERS workers" >&2; fail=1; }
[ "$WORKERS_AFTER" = "$WORKER_PIDS" ] || { echo "fpm-load.sh: FAIL: FPM workers changed (a worker died?)" >&2; fail=1; }
[ "$fail" -eq 0 ] || exit 1
echo "fpm-load.sh: ok"
