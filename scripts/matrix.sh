#!/usr/bin/env bash
# The version matrix: the whole phpt suite on PHP 8.2 and PHP 8.4, each
# against MariaDB 10.11 and MariaDB 11.8.
#
#   bash scripts/matrix.sh [CELL...] [-- tests...]
#
# A CELL is PHP/MariaDB: 8.2/10.11, 8.2/11.8, 8.4/10.11 or 8.4/11.8 (all four
# when none is named). PHP 8.2 and MariaDB 10.11 are this Debian 12 system's;
# PHP 8.4 and MariaDB 11.8 are Debian 13's, from a root made with debootstrap
# and entered with chroot. The extension is built there against PHP 8.4 with
# warnings as errors (./configure --enable-localapi-dev), from a copy of this
# tree's files; the PHP 8.2 cells use this tree's own build (scripts/build.sh).
# Each cell is scripts/test.sh, run on this system or inside the root.
#
# The two servers are private ones of scripts/db.sh (socket only, fresh data
# for every run): 10.11 in $LOCALAPI_MATRIX_CACHE/db-10.11, 11.8 inside the
# root, run chrooted there. PHP 8.2 reaches the 11.8 server through its socket
# inside the root; PHP 8.4 reaches this system's server, and runs its
# programs when a test restarts it, through /proc/<pid>/root of this script.
#
# Runs as root (debootstrap, chroot, mount). This system's packages are never
# changed: what PHP 8.2 and MariaDB 10.11 need must be installed already
# (scripts/deps.sh), and debootstrap, when missing, is unpacked into the
# cache instead of installed. Settings:
#   LOCALAPI_MATRIX_CACHE   what is kept between runs (/var/cache/localapi)
#   LOCALAPI_MATRIX_ROOT    the Debian 13 root ($LOCALAPI_MATRIX_CACHE/trixie-root)
#   LOCALAPI_MATRIX_MIRROR  the Debian mirror (the one this system's apt uses)
# The root, its package cache and the build's packages are reused; delete
# the root to make it again. Everything this script mounts in the root it
# unmounts on every way out, and a mount or a server left by a run that was
# killed is removed by the next run.
#
# Prints one line per cell, then "N passed, N failed" (skipped tests are in
# the cell lines only). A cell's whole output goes to
# $LOCALAPI_MATRIX_CACHE/logs/ and is printed when the cell failed. Exit
# status 0 only when no test failed.
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$SCRIPTS/lib.sh"

CACHE="${LOCALAPI_MATRIX_CACHE:-/var/cache/localapi}"
ROOT="${LOCALAPI_MATRIX_ROOT:-$CACHE/trixie-root}"
SUITE=trixie
LOGS="$CACHE/logs"
CHILD_FILE="$CACHE/matrix.child"
# Inside the root: the copy of this tree that is built and tested, and the
# 11.8 server's folder.
ROOT_TREE=/build/localapi
ROOT_DB=/var/lib/localapi-matrix/db
HOST_DB="$CACHE/db-10.11"
# Written once debootstrap has finished, and once the packages are in.
BOOTSTRAPPED="$ROOT/etc/localapi-matrix.debootstrapped"
READY="$ROOT/etc/localapi-matrix.packages"
ROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ALL_CELLS=(8.2/10.11 8.2/11.8 8.4/10.11 8.4/11.8)

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
	8.2/10.11 | 8.2/11.8 | 8.4/10.11 | 8.4/11.8) cells+=("$1") ;;
	*) die "unknown cell $1 (usage: scripts/matrix.sh [${ALL_CELLS[*]}] [-- tests...])" ;;
	esac
	shift
done
[ "${#cells[@]}" -gt 0 ] || cells=("${ALL_CELLS[@]}")

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, chroot and mount need it)"
case "$ROOT$CACHE" in
*[[:space:]]*) die "LOCALAPI_MATRIX_ROOT and LOCALAPI_MATRIX_CACHE must not contain whitespace" ;;
esac
case "$ROOT" in
/?*) ROOT="${ROOT%/}" ;;
*) die "LOCALAPI_MATRIX_ROOT must be an absolute path" ;;
esac

# --- mounts ------------------------------------------------------------------

# Mount points at or below the root, deepest first.
root_mounts() {
	awk -v root="$ROOT" '$5 == root || index($5, root "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}

unmount_root() {
	local point
	for point in $(root_mounts); do
		umount "$point" 2>/dev/null || umount -l "$point" || echo "matrix.sh: cannot unmount $point" >&2
	done
}

mount_root() {
	mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
	# Debian's root has only a few device nodes of its own; PHP and mariadbd
	# want /dev/urandom, /dev/shm and the like, which this system's /dev has.
	mountpoint -q "$ROOT/dev" || mount --bind /dev "$ROOT/dev"
}

# A command inside the root, with a clean environment.
IN_ROOT=(chroot "$ROOT" /usr/bin/env -i PATH="$ROOT_PATH" HOME=/root LANG=C.UTF-8)

in_root() {
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

# --- the Debian 13 root ---------------------------------------------------------

# The Debian archive this system's apt uses, so the root comes from the same place.
host_mirror() {
	local url
	url="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }')"
	if [ -z "$url" ]; then
		url="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
			awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:\/\/.*\/debian\/?$/) { print $i; exit } }')"
	fi
	printf '%s\n' "${url:-http://deb.debian.org/debian}"
}

# debootstrap is a shell script: when this system lacks it, the package is
# unpacked into the cache and run from there, without installing it.
find_debootstrap() {
	if command -v debootstrap >/dev/null; then
		DEBOOTSTRAP=(debootstrap)
		return
	fi
	local dir="$CACHE/debootstrap"
	if [ ! -x "$dir/usr/sbin/debootstrap" ]; then
		local tmp
		tmp="$(mktemp -d)"
		if ! (cd "$tmp" && apt-get download debootstrap >/dev/null 2>&1); then
			apt-get update -q >/dev/null
			(cd "$tmp" && apt-get download debootstrap >/dev/null)
		fi
		rm -rf "$dir"
		dpkg-deb -x "$tmp"/debootstrap_*.deb "$dir"
		rm -rf "$tmp"
	fi
	export DEBOOTSTRAP_DIR="$dir/usr/share/debootstrap"
	DEBOOTSTRAP=("$dir/usr/sbin/debootstrap")
}

# What the root must hold: the same packages scripts/deps.sh installs here.
root_packages() {
	bash "$SCRIPTS/deps.sh" --list | sort -u
}

make_root() {
	local mirror="${LOCALAPI_MATRIX_MIRROR:-$(host_mirror)}" started
	started="$(now)"
	command -v wget >/dev/null || die "debootstrap needs wget"
	find_debootstrap
	say "debootstrap $SUITE into $ROOT from $mirror"
	unmount_root
	[ -z "$(root_mounts)" ] || die "$ROOT still has mounts: $(root_mounts | tr '\n' ' ')"
	rm -rf --one-file-system "$ROOT"
	mkdir -p "$(dirname "$ROOT")" "$CACHE/debootstrap-debs"
	if ! run_child "${DEBOOTSTRAP[@]}" --variant=minbase --cache-dir="$CACHE/debootstrap-debs" \
		"$SUITE" "$ROOT" "$mirror" >"$LOGS/debootstrap.log" 2>&1; then
		tail -n 30 "$LOGS/debootstrap.log" >&2
		die "debootstrap failed (log: $LOGS/debootstrap.log)"
	fi
	cat >"$ROOT/etc/apt/sources.list" <<EOF
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
EOF
	# Packages must not start services in the root: the tests run their own
	# server.
	printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
	chmod 755 "$ROOT/usr/sbin/policy-rc.d"
	touch "$BOOTSTRAPPED"
	say "debootstrap done in $(($(now) - started)) s"
}

# Installs what the root lacks; keeps the downloaded packages for the next time.
fill_root() {
	local wanted started
	wanted="$(root_packages)"
	started="$(now)"
	if [ -f "$READY" ] && [ "$(cat "$READY")" = "$wanted" ]; then
		return 0
	fi
	say "installing into the root: $(echo $wanted)"
	rm -f "$READY"
	if ! run_child "${IN_ROOT[@]}" sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"' \
		apt-get $wanted </dev/null >"$LOGS/root-packages.log" 2>&1; then
		tail -n 30 "$LOGS/root-packages.log" >&2
		die "installing packages into the root failed (log: $LOGS/root-packages.log)"
	fi
	printf '%s\n' "$wanted" >"$READY"
	say "packages installed in $(($(now) - started)) s"
}

ensure_root() {
	local started
	started="$(now)"
	if [ ! -f "$BOOTSTRAPPED" ]; then
		make_root
	fi
	mount_root
	fill_root
	say "Debian 13 root ready in $(($(now) - started)) s: $(in_root php -r 'echo "PHP ", PHP_VERSION;'), $(in_root mariadbd --version | sed 's/^.*Ver \([^ ]*\).*/MariaDB \1/')"
}

# --- builds ------------------------------------------------------------------

# The root gets a copy of the tree's files (tracked and new, as they are now,
# with their times) so that its phpize, configure and make write nothing here.
copy_tree() {
	rm -rf --one-file-system "$ROOT$ROOT_TREE"
	mkdir -p "$ROOT$ROOT_TREE"
	(cd "$REPO" && git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' file; do
			[ -e "$file" ] && printf '%s\0' "$file"
		done | tar --null -T - -cf -) | tar -C "$ROOT$ROOT_TREE" -xf -
}

build_root() {
	local started log="$LOGS/build-php8.4.log"
	started="$(now)"
	copy_tree
	if ! run_child "${IN_ROOT[@]}" bash -c "cd $ROOT_TREE && bash scripts/build.sh --enable-localapi-dev" </dev/null >"$log" 2>&1; then
		cat "$log" >&2
		die "the PHP 8.4 build failed"
	fi
	say "PHP 8.4 build with -Werror in $(($(now) - started)) s"
}

# --- servers -----------------------------------------------------------------

# db.sh's settings for one server, as KEY=VALUE words for env: $1 the server
# (10.11 or 11.8), $2 where the caller runs (host or root).
server_env() {
	case "$1/$2" in
	10.11/host) echo "LOCALAPI_DB_DIR=$HOST_DB" ;;
	10.11/root) echo "LOCALAPI_DB_ROOT=/proc/$$/root LOCALAPI_DB_DIR=/proc/$$/root$HOST_DB" ;;
	11.8/host) echo "LOCALAPI_DB_ROOT=$ROOT LOCALAPI_DB_DIR=$ROOT$ROOT_DB" ;;
	11.8/root) echo "LOCALAPI_DB_DIR=$ROOT_DB" ;;
	esac
}

db() {
	local server="$1"
	shift
	# shellcheck disable=SC2046
	env $(server_env "$server" host) bash "$SCRIPTS/db.sh" "$@"
}

server_folder() {
	case "$1" in
	10.11) printf '%s\n' "$HOST_DB" ;;
	11.8) printf '%s\n' "$ROOT$ROOT_DB" ;;
	esac
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
		die "MariaDB $server did not start"
	fi
	say "MariaDB $server started in $(($(now) - started)) s: $(db "$server" sql --batch --skip-column-names -e 'SELECT VERSION()')"
}

stop_servers() {
	local server
	for server in "${started_servers[@]+"${started_servers[@]}"}"; do
		db "$server" stop >/dev/null 2>&1 || echo "matrix.sh: could not stop MariaDB $server" >&2
	done
	started_servers=()
}

# --- cells -------------------------------------------------------------------

total_passed=0
total_failed=0
summaries=()

run_cell() {
	local cell="$1" php="${1%/*}" server="${1#*/}" log rc=0 line started
	local passed failed skipped
	log="$LOGS/php$php-mariadb$server.log"
	started="$(now)"
	if [ "$php" = 8.2 ]; then
		# shellcheck disable=SC2046
		run_child env $(server_env "$server" host) bash "$SCRIPTS/test.sh" "${tests[@]+"${tests[@]}"}" \
			</dev/null >"$log" 2>&1 || rc=$?
	else
		# shellcheck disable=SC2046
		run_child "${IN_ROOT[@]}" NO_INTERACTION=1 $(server_env "$server" root) bash -c 'cd "$0" && bash scripts/test.sh "$@"' \
			"$ROOT_TREE" "${tests[@]+"${tests[@]}"}" </dev/null >"$log" 2>&1 || rc=$?
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
	summaries+=("PHP $php / MariaDB $server: $passed passed, $failed failed, $skipped skipped ($(($(now) - started)) s)")
	echo "matrix.sh: ${summaries[-1]}"
}

# --- main --------------------------------------------------------------------

finish() {
	end_child
	stop_servers
	unmount_root
}

mkdir -p "$CACHE" "$LOGS"
exec 8>"$CACHE/matrix.lock"
flock -w 3600 8 || die "another matrix.sh holds $CACHE/matrix.lock"
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Holding the lock, a step still running, a server still running or a mount
# still in the root is a killed run's.
end_stale_child
db 10.11 stop >/dev/null
if [ -f "$ROOT$ROOT_DB/mysqld.pid" ]; then
	db 11.8 stop >/dev/null
fi
unmount_root
cd "$REPO"
bash "$SCRIPTS/deps.sh" --check >/dev/null ||
	die "this system lacks packages for PHP 8.2 and MariaDB 10.11: run scripts/deps.sh"

need_root=
need=()
for cell in "${cells[@]}"; do
	case "$cell" in 8.4/*) need_root=1 ;; esac
	case " ${need[*]-} " in *" ${cell#*/} "*) ;; *) need+=("${cell#*/}") ;; esac
done
case " ${need[*]} " in *" 11.8 "*) need_root=1 ;; esac

if [ -n "$need_root" ]; then
	ensure_root
fi
case " ${cells[*]} " in *" 8.4/"*) build_root ;; esac
for server in 10.11 11.8; do
	case " ${need[*]} " in *" $server "*) start_server "$server" ;; esac
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
