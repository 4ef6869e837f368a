#!/usr/bin/env bash
# The packages installed in a clean Debian 12 root, not on the machine that
# built them:
#
#   bash scripts/package-root.sh MODULE_DEB META_DEB PECL_TARBALL   (as root)
#
# scripts/package-test.sh runs it with the packages it built; it can also run
# alone on packages built before (scripts/package.sh deb).
#
# The root is `debootstrap --variant=minbase bookworm` from the Debian mirror
# this system's apt uses, its apt seeing the point release alone (no security
# suite). It is made once and kept in $LOCALAPI_MATRIX_CACHE/bookworm-root
# (as scripts/matrix.sh keeps its roots; delete it to make it again), and
# never changed afterwards: each part below runs in a throw-away overlay of
# it (overlayfs; a copy where overlayfs cannot be mounted), entered with
# chroot and an empty environment. Only /proc and apt's package cache
# ($LOCALAPI_MATRIX_CACHE/bookworm-archives: Debian's .debs, so a warm run
# downloads nothing twice) are mounted into it; the packages, the tarball and
# examples/ are copied in. Nothing of this system's PHP, headers or
# libraries is reachable from inside.
#
# 1. Point release only (the PHP 8.2 of Debian 12's current point release):
#    `apt-get install ./<module>.deb ./<meta>.deb` must be refused when the
#    module was built against a newer PHP 8.2 (its php8.2-common (>= <build's
#    version>) cannot be met), and nothing of it installed; built against
#    that PHP or an older one, it must install and load (then it is purged). Then the PECL tarball: `pecl install` builds against the
#    root's own php8.2-dev headers and the module loads in the root's PHP.
# 2. With bookworm-security added: the same apt-get install pulls in the
#    newer PHP, the module loads from its conf.d link (php --ri localapi, no
#    -d extension=) and examples/add_contact.php answers through it: with no
#    server in the root, localapi's own "Database error: ..."; then against
#    the root's own MariaDB (bookworm's mariadb-server, run chrooted by
#    scripts/db.sh with the sample databases), a new contact and the
#    ContactAdd hook of examples/hooks/.
# Before both, the fresh root is checked: no PHP, nothing named localapi, an
# empty environment.
#
# The throw-away roots live on a tmpfs of their own (overlayfs's upper layer
# in memory: dpkg unpacks fast and nothing is left to delete); any process
# still running in one is ended and every mount undone on every way out.
# Debian 12 only: the module package must be for its PHP, 8.2.
#
# Every check prints a line; the last line is "N passed, N failed".
# Settings: LOCALAPI_MATRIX_CACHE (/var/cache/localapi), LOCALAPI_MATRIX_MIRROR
# (the Debian mirror; the security archive is this system's apt's too).
set -uo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$SCRIPTS/package-lib.sh"

[ "$#" -eq 3 ] || die "usage: scripts/package-root.sh MODULE_DEB META_DEB PECL_TARBALL"
[ "$(id -u)" -eq 0 ] || die "run as root: debootstrap, chroot and mount need it"
MODULE_DEB="$(realpath -e "$1")" || die "no $1"
META_DEB="$(realpath -e "$2")" || die "no $2"
TARBALL="$(realpath -e "$3")" || die "no $3"

CACHE="${LOCALAPI_MATRIX_CACHE:-/var/cache/localapi}"
case "$CACHE" in
/*) ;;
*) die "LOCALAPI_MATRIX_CACHE must be an absolute path" ;;
esac
BASE="$CACHE/bookworm-root"
ARCHIVES="$CACHE/bookworm-archives"
READY="$BASE/etc/localapi-package-root.ready"
MIRROR="${LOCALAPI_MATRIX_MIRROR:-$(host_mirror)}"
SECURITY_MIRROR="$(host_security_mirror)"
# The private MariaDB's folder inside the root (scripts/db.sh).
ROOT_DB=/var/lib/localapi-db
ROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# --force-unsafe-io: no fsync per unpacked file, in a root thrown away after the run.
APT_OPTS=(-y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io)

MODULE_PKG="$(dpkg-deb -f "$MODULE_DEB" Package)" || die "$MODULE_DEB is not a Debian package"
META_PKG="$(dpkg-deb -f "$META_DEB" Package)" || die "$META_DEB is not a Debian package"
PHP_MINOR="${MODULE_PKG#php}"
PHP_MINOR="${PHP_MINOR%-localapi}"
VERSION="$(tar -xzOf "$TARBALL" package.xml | sed -n '/<version>/,/<\/version>/s/.*<release>\(.*\)<\/release>.*/\1/p')"
[ -n "$VERSION" ] || die "no release version in $TARBALL's package.xml"
# The PHP the module was built against: php<minor>-common (>= ...) of its Depends.
[ "$PHP_MINOR" = 8.2 ] || die "the clean root is Debian 12, whose PHP is 8.2: $MODULE_PKG is for PHP $PHP_MINOR"
FLOOR="$(dpkg-deb -f "$MODULE_DEB" Depends | tr ',' '\n' |
	sed -n "s/^ *php$PHP_MINOR-common (>= \([^)]*\)).*/\1/p")"

now() {
	date +%s
}

# --- the cached root ------------------------------------------------------

ensure_base() {
	local started log
	[ -f "$READY" ] && return 0
	started="$(now)"
	log="$CACHE/logs/debootstrap-bookworm-package-root.log"
	mkdir -p "$CACHE/logs"
	echo "$LA_NAME: debootstrap --variant=minbase bookworm into $BASE from $MIRROR"
	debootstrap_minbase "$CACHE" bookworm "$BASE" "$MIRROR" "$log"
	touch "$READY"
	echo "$LA_NAME: the root made in $(($(now) - started)) s"
}

# --- throw-away roots -----------------------------------------------------

WORK=""
# Mount points under $WORK, deepest first.
work_mounts() {
	[ -n "$WORK" ] || return 0
	awk -v top="$WORK" '$5 == top || index($5, top "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}
unmount_work() {
	local point
	for point in $(work_mounts); do
		umount "$point" 2>/dev/null || umount -l "$point" || echo "$LA_NAME: cannot unmount $point" >&2
	done
}
DB_ROOT=""
stop_db() {
	[ -n "$DB_ROOT" ] || return 0
	if LOCALAPI_DB_ROOT="$DB_ROOT" LOCALAPI_DB_DIR="$DB_ROOT$ROOT_DB" bash "$SCRIPTS/db.sh" status >/dev/null 2>&1; then
		LOCALAPI_DB_ROOT="$DB_ROOT" LOCALAPI_DB_DIR="$DB_ROOT$ROOT_DB" bash "$SCRIPTS/db.sh" stop >/dev/null 2>&1 ||
			echo "$LA_NAME: could not stop the MariaDB of $DB_ROOT" >&2
	fi
	DB_ROOT=""
}
# Whatever still runs inside a root of $WORK (a server a step left behind).
end_root_processes() {
	local link pid pids=""
	[ -n "$WORK" ] || return 0
	for link in /proc/[0-9]*/root; do
		pid="${link#/proc/}"
		pid="${pid%/root}"
		case "$(readlink "$link" 2>/dev/null)" in
		"$WORK"/*)
			echo "$LA_NAME: ending pid $pid, left running in $(readlink "$link")" >&2
			kill -TERM "$pid" 2>/dev/null || true
			pids="$pids $pid"
			;;
		esac
	done
	for pid in $pids; do
		for _ in $(seq 20); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.5
		done
	done
}
cleanup() {
	local status=$?
	trap - EXIT INT TERM HUP
	stop_db
	end_root_processes
	unmount_work
	if [ -n "$WORK" ] && [ -z "$(work_mounts)" ]; then
		rm -rf --one-file-system "$WORK"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# new_root NAME: a fresh copy of the cached root in $WORK/NAME/root, with
# /proc and apt's package cache mounted; sets ROOT.
ROOT=""
new_root() {
	local top="$WORK/$1"
	ROOT="$top/root"
	mkdir -p "$top/upper" "$top/work" "$ROOT"
	if ! mount -t overlay overlay -o "lowerdir=$BASE,upperdir=$top/upper,workdir=$top/work" "$ROOT" 2>/dev/null; then
		cp -a "$BASE/." "$ROOT/" || return 1
	fi
	mount -t proc proc "$ROOT/proc" || return 1
	mkdir -p "$ARCHIVES/partial"
	mount --bind "$ARCHIVES" "$ROOT/var/cache/apt/archives" || return 1
}

in_root() {
	chroot "$ROOT" /usr/bin/env -i PATH="$ROOT_PATH" HOME=/root LANG=C.UTF-8 \
		DEBIAN_FRONTEND=noninteractive "$@" </dev/null
}

root_apt_update() {
	in_root apt-get -q update >"$WORK/apt-update.log" 2>&1 || { tail -n 20 "$WORK/apt-update.log"; return 1; }
}

# Copies the packages, the tarball and the examples into the root's /tmp.
copy_in() {
	mkdir -p "$ROOT/tmp/localapi" || return 1
	cp "$MODULE_DEB" "$META_DEB" "$TARBALL" "$ROOT/tmp/localapi/" || return 1
	cp -r "$REPO/examples" "$ROOT/tmp/localapi/examples"
}

root_version() {
	in_root dpkg-query -W -f='${Version}' "$1" 2>/dev/null
}

apt_install_debs() {
	in_root apt-get "${APT_OPTS[@]}" install "./tmp/localapi/$(basename "$MODULE_DEB")" \
		"./tmp/localapi/$(basename "$META_DEB")" >"$WORK/apt-install.log" 2>&1
}

# --- checks ------------------------------------------------------------------

has_floor() {
	echo "$MODULE_PKG Depends: $(dpkg-deb -f "$MODULE_DEB" Depends)"
	[ -n "$FLOOR" ] || { echo "no php$PHP_MINOR-common (>= <version>): the PHP it was built against is not required"; return 1; }
}

# The fresh root: no PHP, nothing of localapi, none of this system's
# environment (chroot with env -i).
pristine() {
	local found
	if in_root sh -c 'command -v php || ls -d /usr/lib/php /etc/php /usr/include/php' 2>/dev/null; then
		echo "PHP is already there"
		return 1
	fi
	found="$(in_root find / -xdev -name '*localapi*' ! -path '/tmp/localapi*' \
		! -path "${READY#"$BASE"}" 2>/dev/null)"
	[ -z "$found" ] || { echo "$found"; return 1; }
	found="$(in_root env | grep -v -E '^(PATH|HOME|LANG|DEBIAN_FRONTEND)=')"
	[ -z "$found" ] || { echo "environment: $found"; return 1; }
}

# 1. point release only
refused() {
	if apt_install_debs; then
		echo "apt-get installed it; php --ri localapi in the root:"
		in_root php --ri localapi 2>&1 | head -n 5
		return 1
	fi
	echo "php$PHP_MINOR-common of the point release: $POINT_PHP; the module needs >= ${FLOOR:-?}"
	grep -E "^ *$MODULE_PKG : Depends: php$PHP_MINOR-common|^E: " "$WORK/apt-install.log" >"$WORK/refusal"
	grep -qE "^ *$MODULE_PKG : Depends: php$PHP_MINOR-common \\(>= ${FLOOR//./\\.}\\)" "$WORK/refusal" ||
		{ tail -n 20 "$WORK/apt-install.log"; return 1; }
	if in_root dpkg-query -W -f='${db:Status-Status}\n' "$MODULE_PKG" "$META_PKG" 2>/dev/null | grep -qx installed; then
		echo "something of it was installed"
		return 1
	fi
}

# Built against the point release's PHP or an older one: the floor is met,
# the packages install and the module loads; purged again for the PECL part.
installs_on_point() {
	if ! apt_install_debs; then
		tail -n 20 "$WORK/apt-install.log"
		return 1
	fi
	deb_loads || return 1
	in_root apt-get -y -q purge "$MODULE_PKG" "$META_PKG" >"$WORK/apt-purge.log" 2>&1 ||
		{ tail -n 20 "$WORK/apt-purge.log"; return 1; }
}

PECL_PACKAGES_ROOT=("php$PHP_MINOR-cli" "php$PHP_MINOR-dev" php-pear libmariadb-dev gcc make libc6-dev pkg-config)
pecl_in_root() {
	local php_version headers
	in_root apt-get "${APT_OPTS[@]}" install "${PECL_PACKAGES_ROOT[@]}" >"$WORK/apt-pecl.log" 2>&1 ||
		{ tail -n 20 "$WORK/apt-pecl.log"; return 1; }
	php_version="$(in_root php-config --version)"
	headers="$(in_root php-config --include-dir)"
	echo "the root's PHP: $php_version (php$PHP_MINOR-dev $(root_version "php$PHP_MINOR-dev"), headers $headers)" |
		tee "$WORK/pecl-php"
	in_root pecl install --configureoptions 'with-localapi="autodetect"' "/tmp/localapi/$(basename "$TARBALL")" \
		>"$WORK/pecl-install.log" 2>&1
	if ! grep -q "^install ok: channel://pecl.php.net/localapi-$VERSION\$" "$WORK/pecl-install.log"; then
		tail -n 30 "$WORK/pecl-install.log"
		return 1
	fi
	# Compiled with the root's headers: the compiler lines name them.
	grep -qF -- "-I$headers " "$WORK/pecl-install.log" || { echo "no -I$headers in the build"; return 1; }
	if grep -F -- "$REPO" "$WORK/pecl-install.log"; then
		echo "the build used files of the repository"
		return 1
	fi
}

pecl_loads() {
	local info version
	# -n: no php.ini and no conf.d, so the module pecl built is the one loaded.
	info="$(in_root php -n -d extension=localapi.so --ri localapi 2>&1)"
	version="$(in_root php -r 'echo PHP_VERSION;')"
	echo "PHP $version: $(grep -m1 'Version =>' <<<"$info")"
	grep -qx "Version => $VERSION" <<<"$info" || { echo "$info"; return 1; }
	! grep -qE 'Warning|undefined symbol' <<<"$info"
}

# 2. with the security suite
installed_with_security() {
	local common
	if ! apt_install_debs; then
		tail -n 20 "$WORK/apt-install.log"
		return 1
	fi
	[ -n "$FLOOR" ] || { echo "no version to compare with"; return 1; }
	common="$(root_version "php$PHP_MINOR-common")"
	echo "php$PHP_MINOR-common $common, $MODULE_PKG $(root_version "$MODULE_PKG")"
	dpkg --compare-versions "$common" ge "$FLOOR" || { echo "$common < $FLOOR"; return 1; }
	in_root dpkg-query -W -f='${db:Status-Status}\n' "$MODULE_PKG" | grep -qx installed || return 1
	in_root dpkg-query -W -f='${db:Status-Status}\n' "$META_PKG" | grep -qx installed
}

deb_loads() {
	local info
	info="$(in_root php --ri localapi 2>&1)"
	echo "PHP $(in_root php -r 'echo PHP_VERSION;'): $(grep -m1 'Version =>' <<<"$info")"
	grep -qx "Version => $VERSION" <<<"$info" || { echo "$info"; return 1; }
	! grep -qE 'Warning|undefined symbol' <<<"$info"
}

seed_answers() {
	local output
	output="$(in_root sh -c 'cd /tmp/localapi && php -d localapi.connect_timeout=2 examples/add_contact.php' 2>&1)"
	echo "$output" | tee "$WORK/seed-output"
	grep -q '^ *\[result\] => error$' <<<"$output" &&
		grep -q '^ *\[message\] => Database error: ' <<<"$output" &&
		! grep -qE '(PHP )?(Warning|Notice|Deprecated|Fatal error):' <<<"$output"
}

# The root's own MariaDB server (bookworm's), run chrooted there by
# scripts/db.sh with the sample databases; the module reaches it through its
# socket inside the root.
db_in_root() {
	in_root apt-get "${APT_OPTS[@]}" install mariadb-server >"$WORK/apt-mariadb.log" 2>&1 ||
		{ tail -n 20 "$WORK/apt-mariadb.log"; return 1; }
	LOCALAPI_DB_ROOT="$ROOT" LOCALAPI_DB_DIR="$ROOT$ROOT_DB" bash "$SCRIPTS/db.sh" start >"$WORK/db-start.log" 2>&1 ||
		{ tail -n 20 "$WORK/db-start.log"; return 1; }
	in_root mariadbd --version
}

# examples/add_contact.php with examples/hooks/, the settings in a conf.d
# file of their own, as scripts/package-test.sh runs it on this system.
seed_example() {
	local output contact
	mkdir -p "$ROOT/tmp/localapi/seed-ini" || return 1
	cat >"$ROOT/tmp/localapi/seed-ini/99-localapi-seed.ini" <<INI
localapi.db_socket = "$ROOT_DB/mysqld.sock"
localapi.db_username = "localapi"
localapi.db_password = "localapi-test-pw"
localapi.db_name = "whmcs"
localapi.hooks_dir = "/tmp/localapi/examples/hooks"
INI
	output="$(in_root sh -c 'cd /tmp/localapi && PHP_INI_SCAN_DIR=:/tmp/localapi/seed-ini php examples/add_contact.php' 2>&1)"
	echo "$output" | tee "$WORK/seed-output"
	contact="$(sed -n 's/^ *\[contactid\] => \([0-9][0-9]*\)$/\1/p' <<<"$output")"
	[ -n "$contact" ] && grep -q '^ *\[result\] => success$' <<<"$output" &&
		grep -qxF "ContactAdd hook: contact $contact added to client 1 (jane.doe@example.com)" <<<"$output" &&
		! grep -qE '(PHP )?(Warning|Notice|Deprecated|Fatal error):' <<<"$output"
}

# --- the run -------------------------------------------------------------------

set -e
ensure_packages wget
set +e
mkdir -p "$CACHE"
exec 8<"$CACHE"
flock -w 900 8 || die "another package-root.sh still runs after 15 minutes"

check "$MODULE_PKG depends on the PHP it was built against: php$PHP_MINOR-common (>= ${FLOOR:-?})" has_floor

started="$(now)"
ensure_base
WORK="$(mktemp -d "$CACHE/package-root.XXXXXX")"
mount -t tmpfs -o size=8g,mode=0700 localapi-package-root "$WORK" || die "cannot mount a tmpfs on $WORK"

echo "# a clean Debian 12 root (debootstrap --variant=minbase bookworm), point release only"
part="$(now)"
if new_root point; then
	check "apt-get update in the root (bookworm main, no security suite)" root_apt_update
	copy_in
	check "the fresh root has no PHP, nothing named localapi but the copied packages, an empty environment" pristine
	POINT_PHP="$(in_root apt-cache policy "php$PHP_MINOR-common" | sed -n 's/^ *Candidate: //p')"
	if [ -n "$FLOOR" ] && dpkg --compare-versions "$POINT_PHP" ge "$FLOOR"; then
		check "apt-get install ./$(basename "$MODULE_DEB") ./$(basename "$META_DEB") on PHP $POINT_PHP (built against $FLOOR): installs, loads, purged" installs_on_point
	else
		check "apt-get install ./$(basename "$MODULE_DEB") ./$(basename "$META_DEB") on PHP $POINT_PHP is refused, nothing installed" refused
	fi
	# apt's reason, which a user sees.
	[ ! -s "$WORK/refusal" ] || sed 's/^ */    apt-get: /' "$WORK/refusal"
	check "pecl install $(basename "$TARBALL") in the root, against the root's own php$PHP_MINOR-dev" pecl_in_root
	[ ! -f "$WORK/pecl-php" ] || sed 's/^/    /' "$WORK/pecl-php"
	check "the root's php loads the module pecl built (php -n -d extension=localapi.so --ri localapi)" pecl_loads
else
	fail "a throw-away copy of $BASE"
fi
echo "    ($(($(now) - part)) s)"

echo "# the same root with bookworm-security"
part="$(now)"
if new_root security; then
	echo "deb $SECURITY_MIRROR bookworm-security main" >"$ROOT/etc/apt/sources.list.d/security.list"
	check "apt-get update in the root (bookworm main and bookworm-security)" root_apt_update
	copy_in
	check "apt-get install ./$(basename "$MODULE_DEB") ./$(basename "$META_DEB") pulls in php$PHP_MINOR-common >= $FLOOR" installed_with_security
	check "php --ri localapi in the root (conf.d link, no -d extension=) shows Version => $VERSION" deb_loads
	check "examples/add_contact.php answers through the module: Database error (no server in the root)" seed_answers
	[ ! -f "$WORK/seed-output" ] || grep '\[message\]' "$WORK/seed-output" | sed 's/^ */    /'
	DB_ROOT="$ROOT" # set here: check runs the step in a subshell
	if check "the root's own MariaDB (mariadb-server), started by scripts/db.sh with the sample databases" db_in_root; then
		rm -f "$WORK/seed-output"
		check "examples/add_contact.php with examples/hooks/ through the module against it" seed_example
		[ ! -f "$WORK/seed-output" ] || sed 's/^/    /' "$WORK/seed-output"
	fi
	stop_db
else
	fail "a throw-away copy of $BASE"
fi
echo "    ($(($(now) - part)) s)"
echo "$LA_NAME: the clean root took $(($(now) - started)) s"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
