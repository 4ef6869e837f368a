#!/usr/bin/env bash
# The version matrix: the whole phpt suite on each PHP and server the README
# lists as tested.
#
#   bash scripts/matrix.sh [CELL...] [-- tests...]
#
# A CELL is PHP/SERVER. PHP is 8.2 (this Debian 12 system's), 8.2-zts (a
# thread-safe PHP 8.2 built from Debian 12's PHP source by scripts/zts.sh),
# 8.4 (Debian 13's) or 8.5 (Debian experimental's, in a Debian sid root).
# SERVER is MariaDB 10.11 (this system's), MariaDB 11.8 (Debian 13's; for
# PHP 8.5, the sid root's own 11.8) or mysql-9.7 (Debian sid's MySQL, in a
# sid root of its own: mysql-server cannot be installed beside
# mariadb-server). With no CELL, all of:
#   8.2/10.11 8.2/11.8 8.4/10.11 8.4/11.8 8.5/11.8 8.2-zts/10.11 8.4/mysql-9.7
# Any other PHP/SERVER pair of those names runs too. A cell runs the suite
# against both sample databases (the WHMCS 8.x layout, then 7.x) unless it
# names one: PHP/SERVER:whmcs (8.x only) or PHP/SERVER:whmcs7 (7.x only).
#
# The Debian 13 and sid roots are made with debootstrap and entered with
# chroot. The extension is built in each PHP root, and for 8.2-zts in
# $LOCALAPI_MATRIX_CACHE/zts-tree, from a copy of this tree's files with
# warnings as errors (./configure --enable-localapi-dev); the PHP 8.2 cells
# use this tree's own build (scripts/build.sh). Each cell is scripts/test.sh,
# run on this system or inside a root. The sid root pins experimental for
# php8.5-* only.
#
# The servers are private ones of scripts/db.sh (socket only, fresh data
# for every run): 10.11 in $LOCALAPI_MATRIX_CACHE/db-10.11, the others inside
# their roots, run chrooted there. A PHP reaches a server of another root,
# and runs its programs when a test restarts it, through /proc/<pid>/root of
# this script.
#
# Runs as root (debootstrap, chroot, mount). This system's packages are never
# changed by the roots: what PHP 8.2 and MariaDB 10.11 need must be installed
# already (scripts/deps.sh), and debootstrap, when missing, is unpacked into
# the cache instead of installed (scripts/zts.sh installs the few packages
# building PHP needs). Settings:
#   LOCALAPI_MATRIX_CACHE   what is kept between runs (/var/cache/localapi)
#   LOCALAPI_MATRIX_ROOT    the Debian 13 root ($LOCALAPI_MATRIX_CACHE/trixie-root);
#                           the sid roots are sid-root and mysql-root in the cache
#   LOCALAPI_MATRIX_MIRROR  the Debian mirror (the one this system's apt uses)
# The roots, their package caches, the ZTS PHP and the builds' packages are
# reused; delete a root to make it again. Everything this script mounts in
# a root it unmounts on every way out, and a mount or a server left by a run
# that was killed is removed by the next run.
#
# Prints one line per cell, then "N passed, N failed" (skipped tests are in
# the cell lines only). A cell's whole output goes to
# $LOCALAPI_MATRIX_CACHE/logs/ and is printed when the cell failed. Exit
# status 0 only when no test failed.
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$SCRIPTS/lib.sh"

CACHE="${LOCALAPI_MATRIX_CACHE:-/var/cache/localapi}"
TRIXIE_ROOT="${LOCALAPI_MATRIX_ROOT:-$CACHE/trixie-root}"
SID_ROOT="$CACHE/sid-root"
MYSQL_ROOT="$CACHE/mysql-root"
LOGS="$CACHE/logs"
CHILD_FILE="$CACHE/matrix.child"
# Inside a root: the copy of this tree that is built and tested, and the
# server's folder.
ROOT_TREE=/build/localapi
ROOT_DB=/var/lib/localapi-matrix/db
HOST_DB="$CACHE/db-10.11"
# The copy of this tree that the ZTS PHP builds and tests.
ZTS_TREE="$CACHE/zts-tree"
ROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# PHP 8.5 comes from experimental; php-cli in sid is PHP 8.4.
SID_PHP_PACKAGES="php8.5-cli php8.5-dev php8.5-mysql"
ALL_CELLS=(8.2/10.11 8.2/11.8 8.4/10.11 8.4/11.8 8.5/11.8 8.2-zts/10.11 8.4/mysql-9.7)
ROOTS=(trixie sid mysql)

say() {
	echo "matrix.sh: $*"
}

now() {
	date +%s
}

cells=()
tests=()
while [ "$#" -gt 0 ]; do
	case "$1" in
	--)
		shift
		tests=("$@")
		break
		;;
	8.2/* | 8.2-zts/* | 8.4/* | 8.5/*)
		case "${1#*/}" in
		10.11 | 11.8 | mysql-9.7 | 10.11:whmcs | 11.8:whmcs | mysql-9.7:whmcs | \
			10.11:whmcs7 | 11.8:whmcs7 | mysql-9.7:whmcs7) cells+=("$1") ;;
		*) die "unknown server or database in $1 (10.11, 11.8 or mysql-9.7; :whmcs or :whmcs7)" ;;
		esac
		;;
	*) die "unknown cell $1 (usage: scripts/matrix.sh [${ALL_CELLS[*]}] [-- tests...])" ;;
	esac
	shift
done
[ "${#cells[@]}" -gt 0 ] || cells=("${ALL_CELLS[@]}")

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, chroot and mount need it)"
case "$TRIXIE_ROOT$CACHE" in
*[[:space:]]*) die "LOCALAPI_MATRIX_ROOT and LOCALAPI_MATRIX_CACHE must not contain whitespace" ;;
esac
case "$TRIXIE_ROOT" in
/?*) TRIXIE_ROOT="${TRIXIE_ROOT%/}" ;;
*) die "LOCALAPI_MATRIX_ROOT must be an absolute path" ;;
esac

# --- the roots ---------------------------------------------------------------

root_dir() {
	case "$1" in
	trixie) printf '%s\n' "$TRIXIE_ROOT" ;;
	sid) printf '%s\n' "$SID_ROOT" ;;
	mysql) printf '%s\n' "$MYSQL_ROOT" ;;
	esac
}

root_suite() {
	case "$1" in
	trixie) echo trixie ;;
	*) echo sid ;;
	esac
}

root_label() {
	case "$1" in
	trixie) echo "Debian 13 root" ;;
	sid) echo "Debian sid root (PHP 8.5)" ;;
	mysql) echo "Debian sid root (MySQL)" ;;
	esac
}

# --- mounts ------------------------------------------------------------------

# Mount points at or below root $1, deepest first.
root_mounts() {
	awk -v root="$(root_dir "$1")" '$5 == root || index($5, root "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}

unmount_root() {
	local point
	for point in $(root_mounts "$1"); do
		umount "$point" 2>/dev/null || umount -l "$point" || echo "matrix.sh: cannot unmount $point" >&2
	done
}

unmount_roots() {
	local name
	for name in "${ROOTS[@]}"; do
		unmount_root "$name"
	done
}

mount_root() {
	local dir
	dir="$(root_dir "$1")"
	mountpoint -q "$dir/proc" || mount -t proc proc "$dir/proc"
	# Debian's root has only a few device nodes of its own; PHP and mariadbd
	# want /dev/urandom, /dev/shm and the like, which this system's /dev has.
	mountpoint -q "$dir/dev" || mount --bind /dev "$dir/dev"
}

# A command inside root $1, with a clean environment: sets IN_ROOT.
IN_ROOT=()
in_root_cmd() {
	IN_ROOT=(chroot "$(root_dir "$1")" /usr/bin/env -i PATH="$ROOT_PATH" HOME=/root LANG=C.UTF-8)
	if [ "$1" = sid ]; then
		IN_ROOT+=("LOCALAPI_DEPS_PHP=$SID_PHP_PACKAGES")
	fi
}

in_root() {
	in_root_cmd "$1"
	shift
	"${IN_ROOT[@]}" "$@"
}

# The start time of process $1 (clock ticks after boot): with the pid, it
# names one process, whatever later reuses the pid.
start_time() {
	sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f20
}

# Runs "$@" in a session of its own and waits for it, so that a signal to
# this script ends the whole step (finish) instead of waiting for it. Its
# pid and start time are kept in CHILD_FILE until it ends, for the next run
# to end it if this one is killed.
child=
run_child() {
	local rc=0
	setsid "$@" 8>&- &
	child=$!
	echo "$child $(start_time "$child")" >"$CHILD_FILE"
	wait "$child" || rc=$?
	child=
	rm -f "$CHILD_FILE"
	return "$rc"
}

end_child() {
	if [ -n "$child" ]; then
		kill -TERM -- "-$child" 2>/dev/null || true
		wait "$child" 2>/dev/null || true
		child=
		rm -f "$CHILD_FILE"
	fi
}

# A step a killed run left running: the session led by the process recorded.
end_stale_child() {
	local pid started
	[ -f "$CHILD_FILE" ] || return 0
	read -r pid started <"$CHILD_FILE" || true
	rm -f "$CHILD_FILE"
	case "$pid" in '' | *[!0-9]*) return 0 ;; esac
	if [ -n "$started" ] && [ "$(start_time "$pid")" = "$started" ]; then
		echo "matrix.sh: ending pid $pid, left running by a killed run" >&2
		kill -TERM -- "-$pid" 2>/dev/null || true
	fi
}

# --- making the roots ---------------------------------------------------------

# What root $1 must hold: the Debian 13 and PHP 8.5 roots the packages
# scripts/deps.sh installs here; the MySQL root its server and client.
root_packages() {
	case "$1" in
	trixie) bash "$SCRIPTS/deps.sh" --list | sort -u ;;
	sid) LOCALAPI_DEPS_PHP="$SID_PHP_PACKAGES" bash "$SCRIPTS/deps.sh" --list | sort -u ;;
	mysql) printf '%s\n' mysql-client mysql-server ;;
	esac
}

root_sources() {
	local mirror="$1" suite
	suite="$(root_suite "$2")"
	if [ "$suite" = sid ]; then
		echo "deb $mirror sid main"
	else
		echo "deb $mirror $suite main"
		echo "deb $mirror $suite-updates main"
	fi
	if [ "$2" = sid ]; then
		echo "deb $mirror experimental main"
	fi
}

make_root() {
	local name="$1" dir mirror="${LOCALAPI_MATRIX_MIRROR:-$(host_mirror)}" started suite
	dir="$(root_dir "$name")"
	suite="$(root_suite "$name")"
	started="$(now)"
	command -v wget >/dev/null || die "debootstrap needs wget"
	debootstrap_command "$CACHE"
	say "debootstrap $suite into $dir from $mirror"
	unmount_root "$name"
	[ -z "$(root_mounts "$name")" ] || die "$dir still has mounts: $(root_mounts "$name" | tr '\n' ' ')"
	rm -rf --one-file-system "$dir"
	mkdir -p "$(dirname "$dir")" "$CACHE/debootstrap-debs"
	if ! run_child "${DEBOOTSTRAP[@]}" --variant=minbase --cache-dir="$CACHE/debootstrap-debs" \
		"$suite" "$dir" "$mirror" >"$LOGS/debootstrap-$name.log" 2>&1; then
		tail -n 30 "$LOGS/debootstrap-$name.log" >&2
		die "debootstrap failed (log: $LOGS/debootstrap-$name.log)"
	fi
	root_sources "$mirror" "$name" >"$dir/etc/apt/sources.list"
	if [ "$name" = sid ]; then
		# experimental for PHP 8.5 alone; everything else from sid.
		printf '%s\n' 'Package: php8.5-* libphp8.5-*' 'Pin: release a=experimental' 'Pin-Priority: 500' \
			>"$dir/etc/apt/preferences.d/localapi-php8.5"
	fi
	if [ "$suite" = sid ]; then
		# sid's Release files expire within a week; a mirror that is a
		# snapshot (as this system's apt may use) serves expired ones.
		printf 'Acquire::Check-Valid-Until "false";\n' >"$dir/etc/apt/apt.conf.d/99localapi-valid-until"
	fi
	# Packages must not start services in the root: the tests run their own
	# server.
	printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
	chmod 755 "$dir/usr/sbin/policy-rc.d"
	touch "$dir/etc/localapi-matrix.debootstrapped"
	say "debootstrap $suite done in $(($(now) - started)) s"
}

# Installs what root $1 lacks; keeps the downloaded packages for the next time.
fill_root() {
	local name="$1" wanted started ready log="$LOGS/root-packages-$1.log"
	ready="$(root_dir "$name")/etc/localapi-matrix.packages"
	wanted="$(root_packages "$name")"
	started="$(now)"
	if [ -f "$ready" ] && [ "$(cat "$ready")" = "$wanted" ]; then
		return 0
	fi
	say "installing into the $(root_label "$name"): $(echo $wanted)"
	rm -f "$ready"
	in_root_cmd "$name"
	if ! run_child "${IN_ROOT[@]}" sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"' \
		apt-get $wanted </dev/null >"$log" 2>&1; then
		tail -n 30 "$log" >&2
		die "installing packages into the $(root_label "$name") failed (log: $log)"
	fi
	printf '%s\n' "$wanted" >"$ready"
	say "packages installed in $(($(now) - started)) s"
}

# What the root runs, for the log: PHP and server versions.
root_versions() {
	case "$1" in
	mysql) in_root "$1" mysqld --version | sed 's/^.*Ver \([^ ]*\).*/MySQL \1/' ;;
	*) echo "$(in_root "$1" php -r 'echo "PHP ", PHP_VERSION;'), $(in_root "$1" mariadbd --version | sed 's/^.*Ver \([^ ]*\).*/MariaDB \1/')" ;;
	esac
}

ensure_root() {
	local name="$1" started
	started="$(now)"
	if [ ! -f "$(root_dir "$name")/etc/localapi-matrix.debootstrapped" ]; then
		make_root "$name"
	fi
	mount_root "$name"
	fill_root "$name"
	say "$(root_label "$name") ready in $(($(now) - started)) s: $(root_versions "$name")"
}

# --- builds ------------------------------------------------------------------

# copy_work_tree (lib.sh) gives each build a copy of this tree's files, so
# that its phpize, configure and make write nothing here.

# The root where PHP $1 runs; none for this system's.
php_root() {
	case "$1" in
	8.4) echo trixie ;;
	8.5) echo sid ;;
	esac
}

build() {
	local php="$1" name started log="$LOGS/build-php$1.log"
	started="$(now)"
	name="$(php_root "$php")"
	if [ "$php" = 8.2-zts ]; then
		ZTS_PREFIX="$(bash "$SCRIPTS/zts.sh" 2>"$LOGS/zts.log")" ||
			{ cat "$LOGS/zts.log" >&2; die "building the ZTS PHP failed"; }
		say "ZTS PHP ready in $(($(now) - started)) s: $("$ZTS_PREFIX/bin/php" -r 'echo PHP_VERSION, PHP_ZTS ? " ZTS" : " NTS";')"
		started="$(now)"
		copy_work_tree "$ZTS_TREE"
		run_child env PATH="$ZTS_PREFIX/bin:$PATH" bash -c "cd $ZTS_TREE && bash scripts/build.sh --enable-localapi-dev" \
			</dev/null >"$log" 2>&1 || { cat "$log" >&2; die "the PHP $php build failed"; }
	else
		copy_work_tree "$(root_dir "$name")$ROOT_TREE"
		in_root_cmd "$name"
		run_child "${IN_ROOT[@]}" bash -c "cd $ROOT_TREE && bash scripts/build.sh --enable-localapi-dev" \
			</dev/null >"$log" 2>&1 || { cat "$log" >&2; die "the PHP $php build failed"; }
	fi
	say "PHP $php build with -Werror in $(($(now) - started)) s"
}

# --- servers -----------------------------------------------------------------

# A server is 10.11 (this system's), 11.8 (the Debian 13 root's), 11.8-sid
# (the PHP 8.5 root's) or mysql-9.7; the server of a cell is its SERVER, but
# PHP 8.5 uses the MariaDB 11.8 of its own root.
cell_server() {
	local cell="${1%:*}"
	case "$cell" in
	8.5/11.8) echo 11.8-sid ;;
	*) echo "${cell#*/}" ;;
	esac
}

# The arguments scripts/test.sh gets in cell $1: the database it names, then the tests.
cell_args() {
	CELL_ARGS=()
	case "$1" in
	*:*) CELL_ARGS=(--db "${1##*:}") ;;
	esac
	CELL_ARGS+=("${tests[@]+"${tests[@]}"}")
}

server_root() {
	case "$1" in
	11.8) echo trixie ;;
	11.8-sid) echo sid ;;
	mysql-9.7) echo mysql ;;
	esac
}

server_label() {
	case "$1" in
	mysql-9.7) echo "MySQL 9.7" ;;
	*) echo "MariaDB ${1%-sid}" ;;
	esac
}

server_folder() {
	if [ "$1" = 10.11 ]; then
		printf '%s\n' "$HOST_DB"
	else
		printf '%s\n' "$(root_dir "$(server_root "$1")")$ROOT_DB"
	fi
}

# db.sh's settings for server $1, as KEY=VALUE words for env, for a caller
# that runs in root $2 (or on this system when $2 is empty).
server_env() {
	local root dir
	root="$(server_root "$1")"
	if [ -n "$root" ] && [ "$root" = "$2" ]; then
		echo "LOCALAPI_DB_DIR=$ROOT_DB"
		return
	fi
	local via=
	[ -z "$2" ] || via="/proc/$$/root"
	if [ -z "$root" ]; then
		[ -z "$via" ] && echo "LOCALAPI_DB_DIR=$HOST_DB" || echo "LOCALAPI_DB_ROOT=$via LOCALAPI_DB_DIR=$via$HOST_DB"
	else
		dir="$(root_dir "$root")"
		echo "LOCALAPI_DB_ROOT=$via$dir LOCALAPI_DB_DIR=$via$dir$ROOT_DB"
	fi
}

db() {
	local server="$1"
	shift
	# shellcheck disable=SC2046
	env $(server_env "$server" "") bash "$SCRIPTS/db.sh" "$@"
}

started_servers=()

# A fresh server, with new data, for every run.
start_server() {
	local server="$1" started
	started="$(now)"
	rm -rf --one-file-system "$(server_folder "$server")"
	mkdir -p "$(server_folder "$server")"
	started_servers+=("$server")
	if ! db "$server" start >"$LOGS/server-$server.log" 2>&1; then
		cat "$LOGS/server-$server.log" >&2
		die "$(server_label "$server") did not start"
	fi
	say "$(server_label "$server") started in $(($(now) - started)) s: $(db "$server" sql --batch --skip-column-names -e 'SELECT VERSION()')"
}

stop_servers() {
	local server
	for server in "${started_servers[@]+"${started_servers[@]}"}"; do
		db "$server" stop >/dev/null 2>&1 || echo "matrix.sh: could not stop $(server_label "$server")" >&2
	done
	started_servers=()
}

# --- cells -------------------------------------------------------------------

total_passed=0
total_failed=0
summaries=()

run_cell() {
	local cell="$1" php="${1%/*}" server name log rc=0 line started label
	local passed failed skipped
	server="$(cell_server "$cell")"
	name="$(php_root "$php")"
	log="$LOGS/php$php-${cell#*/}.log"
	cell_args "$cell"
	label="$(server_label "$server")"
	case "$cell" in
	*:*) label="$label, database ${cell##*:} only" ;;
	esac
	started="$(now)"
	if [ "$php" = 8.2 ]; then
		# shellcheck disable=SC2046
		run_child env $(server_env "$server" "") bash "$SCRIPTS/test.sh" "${CELL_ARGS[@]+"${CELL_ARGS[@]}"}" \
			</dev/null >"$log" 2>&1 || rc=$?
	elif [ "$php" = 8.2-zts ]; then
		# shellcheck disable=SC2046
		run_child env PATH="$ZTS_PREFIX/bin:$PATH" $(server_env "$server" "") bash -c 'cd "$0" && bash scripts/test.sh "$@"' \
			"$ZTS_TREE" "${CELL_ARGS[@]+"${CELL_ARGS[@]}"}" </dev/null >"$log" 2>&1 || rc=$?
	else
		in_root_cmd "$name"
		# shellcheck disable=SC2046
		run_child "${IN_ROOT[@]}" NO_INTERACTION=1 $(server_env "$server" "$name") bash -c 'cd "$0" && bash scripts/test.sh "$@"' \
			"$ROOT_TREE" "${CELL_ARGS[@]+"${CELL_ARGS[@]}"}" </dev/null >"$log" 2>&1 || rc=$?
	fi
	line="$(grep -E '^test\.sh[^:]*: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log" | tail -n 1 || true)"
	if [ -z "$line" ]; then
		passed=0 failed=1 skipped=0
	else
		read -r passed failed skipped < <(sed -E 's/^[^:]*: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/' <<<"$line")
		if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
			failed=1
		fi
	fi
	if [ "$failed" -ne 0 ]; then
		# The run without the build and the tests that passed or were
		# skipped; the end of the log when no test ran.
		echo "--- $log ---"
		if grep -q '^TEST [0-9]' "$log"; then
			sed -n '/^TEST [0-9]/,$p' "$log" | grep -Ev '^TEST [0-9]+/[0-9]+ .*(PASS|SKIP) ' || true
		else
			tail -n 20 "$log"
		fi
		echo "---"
	fi
	total_passed=$((total_passed + passed))
	total_failed=$((total_failed + failed))
	summaries+=("PHP $php / $label: $passed passed, $failed failed, $skipped skipped ($(($(now) - started)) s)")
	echo "matrix.sh: ${summaries[-1]}"
}

# --- main --------------------------------------------------------------------

finish() {
	end_child
	stop_servers
	unmount_roots
}

# Adds $1 to the words of variable $2 unless it is there.
add_word() {
	local -n list="$2"
	case " ${list[*]-} " in *" $1 "*) ;; *) list+=("$1") ;; esac
}

mkdir -p "$CACHE" "$LOGS"
exec 8>"$CACHE/matrix.lock"
flock -w 3600 8 || die "another matrix.sh holds $CACHE/matrix.lock"
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Holding the lock, a step still running, a server still running or a mount
# still in a root is a killed run's.
end_stale_child
db 10.11 stop >/dev/null
for server in 11.8 11.8-sid mysql-9.7; do
	if [ -f "$(server_folder "$server")/mysqld.pid" ]; then
		db "$server" stop >/dev/null
	fi
done
unmount_roots
cd "$REPO"
bash "$SCRIPTS/deps.sh" --check >/dev/null ||
	die "this system lacks packages for PHP 8.2 and MariaDB 10.11: run scripts/deps.sh"

roots=()
phps=()
servers=()
for cell in "${cells[@]}"; do
	add_word "${cell%/*}" phps
	add_word "$(cell_server "$cell")" servers
done
for name in "${ROOTS[@]}"; do
	for php in "${phps[@]}"; do
		[ "$(php_root "$php")" != "$name" ] || add_word "$name" roots
	done
	for server in "${servers[@]}"; do
		[ "$(server_root "$server")" != "$name" ] || add_word "$name" roots
	done
done

for name in "${roots[@]+"${roots[@]}"}"; do
	ensure_root "$name"
done
for php in 8.4 8.5 8.2-zts; do
	case " ${phps[*]} " in *" $php "*) build "$php" ;; esac
done
for server in "${servers[@]}"; do
	start_server "$server"
done

for cell in "${cells[@]}"; do
	run_cell "$cell"
done
stop_servers

for line in "${summaries[@]}"; do
	echo "$line"
done
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
