#!/usr/bin/env bash
# The packages, built and installed on this machine the way users install them:
#
#   bash scripts/package-test.sh        (as root)
#
# 1. scripts/package.sh deb builds the PECL tarball (pecl package) and, from
#    it, the Debian packages with dh-php; dh_auto_test runs the phpt suite
#    from the tarball's sources against the private MariaDB (scripts/db.sh),
#    which shows the tarball holds what the tests need.
# 2. pecl install of the tarball, run outside the repository, into a scratch
#    PEAR tree (its own configuration, registry and extension dir, so the
#    system's PEAR and PHP are not touched); php -m with the module it built
#    lists localapi and php --ri shows the version.
# 3. The .deb: its Depends (libmariadb3, the PHP ABI, the PHP patch release it
#    was built against) and its localapi.ini
#    (the settings of php.ini.sample, commented) are checked, then
#    `apt-get install ./php8.2-localapi_*.deb ./php-localapi_*.deb`,
#    php --ri localapi, the conf.d links of cli and fpm, and the seed example
#    (examples/add_contact.php with examples/hooks/) against the private
#    MariaDB through the installed module, no -d extension=; then
#    `apt-get purge`, and nothing of it may remain.
# 4. scripts/package-root.sh: the same .debs and tarball in a clean Debian 12
#    root (debootstrap --variant=minbase bookworm, cached in
#    $LOCALAPI_MATRIX_CACHE): refused by apt on the point release when built
#    against a newer PHP 8.2, pecl install there against the root's own
#    headers, and with bookworm-security the .deb installed, loaded and the
#    seed example answering against the root's own MariaDB. Nothing of this
#    machine's PHP is in that root; the root itself is never changed (each
#    part runs in a throw-away overlay of it).
# Every check prints a line; the last line is "N passed, N failed".
#
# While the .deb is installed, every `php` on this machine loads localapi
# from /etc/php/8.2/<sapi>/conf.d, and a run that loads its own build with
# -d extension=... (the phpt suites of other working trees) fails with
# "Module "localapi" is already loaded". That window is kept to seconds:
# everything is built and checked beforehand, the package is purged right
# after its checks, and the exit trap purges it whatever happens (failure,
# Ctrl-C, kill). The script refuses to start when a localapi package or
# localapi.ini is already installed, and one run at a time holds a lock.
#
# The machine is left as found: the private MariaDB is stopped again if this
# script started it, the contact the seed example adds is deleted,
# /usr/sbin/policy-rc.d (which keeps the conf.d trigger from restarting
# php8.2-fpm) is removed again if this script created it, so are the empty
# state folders phpenmod/phpdismod create under /var/lib/php/modules, and a
# snapshot of /etc/php, PHP's extension dir, /var/lib/php/modules and PEAR's
# registry must be the same at the end as at the start. What stays: the Debian
# packages it had to install to build (php-all-dev, dh-php, php-pear, ...:
# scripts/package-lib.sh lists them) and the lines apt and dpkg add to
# their logs. Takes 2 to 4 minutes on two busy cores, most of it the phpt
# suite of the Debian build (DEB_BUILD_OPTIONS=nocheck leaves that out),
# then the clean root: 1 to 2 minutes warm, 3 to 3.5 the first time
# (debootstrap and the .debs it downloads, kept for the next run).
set -uo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$SCRIPTS/package-lib.sh"

[ "$(id -u)" -eq 0 ] || die "run as root: it installs and purges a Debian package"
set -e
ensure_packages "${PECL_PACKAGES[@]}" "${DEB_PACKAGES[@]}"
set +e

VERSION="$(ext_version)" || exit 1
PHP_API="$(php-config --phpapi)"
EXT_DIR="$(php-config --extension-dir)"
PHP_MINOR="$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')"
DEBS=("php$PHP_MINOR-localapi" php-localapi)
APT=(apt-get -y -q -o DPkg::Lock::Timeout=300)
export DEBIAN_FRONTEND=noninteractive

elapsed() {
	echo $(($(date +%s) - $1))
}

# --- what is installed, and the snapshot ----------------------------------

# Packages of ours dpkg knows in any state (installed, half-installed,
# config-files).
known_packages() {
	dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${DEBS[@]}" 2>/dev/null |
		awk '$2 != "not-installed" { print $1 }'
}

installed_traces() {
	known_packages | sed 's/^/package: /'
	find /etc/php "$EXT_DIR" /var/lib/php/modules -name '*localapi*' 2>/dev/null | sed 's/^/file: /'
}

# What installing and purging could change, and nothing else writes to
# while this runs: PHP's configuration (with checksums), its extension
# dir, phpenmod's state and PEAR's registry.
snapshot() {
	find /etc/php -printf '%p %y %l %m\n' 2>/dev/null | sort
	find /etc/php -type f -exec md5sum {} + 2>/dev/null | sort -k2
	find "$EXT_DIR" /var/lib/php/modules /usr/share/php/.registry /usr/share/php/.channels \
		-printf '%p %y %l %s %m\n' 2>/dev/null | sort
	ls -d /tmp/pear 2>/dev/null || true
	dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${DEBS[@]}" 'php*-localapi*' 2>/dev/null || true
}

# --- clean-up, also on failure ----------------------------------------------

# phpdismod records a disabled module in /var/lib/php/modules/<version>/
# <sapi>/disabled_by_maint/, a folder it makes and never removes: remove
# the ones that were not there before and are empty again.
STATE_DIRS_BEFORE=""
restore_state_dirs() {
	local dir
	[ -n "$STATE_DIRS_BEFORE" ] || return 0
	while IFS= read -r dir; do
		grep -qxF -- "$dir" <<<"$STATE_DIRS_BEFORE" || rmdir -- "$dir" 2>/dev/null || true
	done < <(find /var/lib/php/modules -mindepth 3 -maxdepth 3 -type d -empty 2>/dev/null)
}

WORK=""
DB_STARTED=""
MADE_POLICY=""
LOG_BEFORE=""
purge_packages() {
	local known
	known="$(known_packages)"
	[ -n "$known" ] || return 0
	# shellcheck disable=SC2086
	"${APT[@]}" purge $known </dev/null || dpkg --purge $known </dev/null
}
cleanup() {
	local status=$?
	trap - EXIT INT TERM HUP
	if [ -n "$(known_packages)" ]; then
		echo "$LA_NAME: purging ${DEBS[*]}" >&2
		purge_packages >/dev/null 2>&1 || echo "$LA_NAME: COULD NOT PURGE ${DEBS[*]}: run apt-get purge ${DEBS[*]}" >&2
	fi
	if [ -n "$MADE_POLICY" ]; then
		rm -f /usr/sbin/policy-rc.d
	fi
	restore_state_dirs
	local contact=""
	if [ -n "$WORK" ] && [ -f "$WORK/seed-contact" ]; then
		contact="$(cat "$WORK/seed-contact")"
	fi
	if [[ "$contact" =~ ^[0-9]+$ ]] && [[ "$LOG_BEFORE" =~ ^[0-9]+$ ]]; then
		bash "$SCRIPTS/db.sh" sql -e "DELETE FROM tblcontacts WHERE id = $contact;
			DELETE FROM tblactivitylog WHERE id > $LOG_BEFORE
				AND description = 'Added Contact - User ID: 1 - Contact ID: $contact'" >/dev/null 2>&1 ||
			echo "$LA_NAME: could not delete contact $contact of the seed example" >&2
	fi
	if [ -n "$DB_STARTED" ]; then
		bash "$SCRIPTS/db.sh" stop >/dev/null 2>&1 || true
	fi
	if [ -n "$WORK" ]; then
		rm -rf "$WORK"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# One run at a time on this machine; PHP's own configuration folder is the
# lock (flock on a directory that is always there leaves nothing behind).
exec 8</etc/php
flock -w 900 8 || die "another package-test.sh still runs after 15 minutes"

traces="$(installed_traces)"
[ -z "$traces" ] || die "localapi is already installed on this machine; not touching it:
$traces"
# What the WHMCS check (section 3) needs, before the snapshot (php-cgi and
# php-fpm add their folders to /etc/php) and outside the install window.
bash "$SCRIPTS/beside-whmcs-test.sh" --deps
SNAPSHOT_BEFORE="$(snapshot)"
STATE_DIRS_BEFORE="$(find /var/lib/php/modules -mindepth 3 -maxdepth 3 -type d 2>/dev/null | sort)"
STATE_DIRS_BEFORE="${STATE_DIRS_BEFORE:-none}"

WORK="$(mktemp -d /tmp/localapi-package-test.XXXXXX)"
# The packages stay there afterwards (git-ignored), as after scripts/package.sh.
OUT="$PACKAGING/out"

# --- 1. build ----------------------------------------------------------------

if ! bash "$SCRIPTS/db.sh" status >/dev/null 2>&1; then
	DB_STARTED=1
fi
bash "$SCRIPTS/db.sh" start >/dev/null || die "could not start the private MariaDB"
eval "$(bash "$SCRIPTS/db.sh" env)"
export LOCALAPI_TEST_SOCKET LOCALAPI_TEST_USER LOCALAPI_TEST_PASSWORD LOCALAPI_TEST_DB

start=$(date +%s)
if bash "$SCRIPTS/package.sh" --out "$OUT" deb >"$WORK/package.log" 2>&1; then
	ok "scripts/package.sh deb: PECL tarball and Debian packages built ($(elapsed "$start") s)"
else
	fail "scripts/package.sh deb ($(elapsed "$start") s)"
	tail -n 40 "$WORK/package.log" | sed 's/^/    /'
	echo "$passed passed, $failed failed"
	exit 1
fi
TARBALL="$OUT/localapi-$VERSION.tgz"
DEB_VERSION="$(dpkg-parsechangelog -l "$PACKAGING/debian/changelog" -S Version)"
ARCH="$(dpkg --print-architecture)"
MODULE_DEB="$OUT/deb/php${PHP_MINOR}-localapi_${DEB_VERSION}_$ARCH.deb"
META_DEB="$OUT/deb/php-localapi_${DEB_VERSION}_$ARCH.deb"

suite_ran() {
	local passed_tests skipped_tests failed_tests
	passed_tests="$(sed -n 's/.*make test: Tests passed *: *\([0-9]*\).*/\1/p' "$WORK/package.log")"
	skipped_tests="$(sed -n 's/.*make test: Tests skipped *: *\([0-9]*\).*/\1/p' "$WORK/package.log")"
	failed_tests="$(sed -n 's/.*make test: Tests failed *: *\([0-9]*\).*/\1/p' "$WORK/package.log")"
	echo "make test in the Debian build: ${passed_tests:-?} passed, ${failed_tests:-?} failed, ${skipped_tests:-?} skipped"
	[ -n "$passed_tests" ] && [ "${failed_tests:-1}" -eq 0 ] && [ "$passed_tests" -gt "${skipped_tests:-0}" ]
}
if [[ " ${DEB_BUILD_OPTIONS:-} " != *" nocheck "* ]]; then
	check "the phpt suite ran from the PECL tarball's sources against the private MariaDB" suite_ran
	grep 'make test: Tests' "$WORK/package.log" | sed 's/^package.sh: /    /'
fi

# --- 2. pecl install into a scratch PEAR tree ------------------------------

PEAR_TREE="$WORK/pecl"
SCRATCH_EXT_DIR="$PEAR_TREE/root$EXT_DIR"
pecl_install() {
	mkdir -p "$PEAR_TREE" || return 1
	cp "$TARBALL" "$PEAR_TREE/" || return 1
	cd "$PEAR_TREE" || return 1
	# A configuration of its own, read as both the user's and the system's,
	# so the system PEAR's registry is neither read nor written.
	pear config-create "$PEAR_TREE/pear" "$PEAR_TREE/pear.conf" >/dev/null || return 1
	local setting
	for setting in temp_dir=temp download_dir=download cache_dir=cache man_dir=man; do
		pear -c "$PEAR_TREE/pear.conf" config-set "${setting%%=*}" "$PEAR_TREE/pear/${setting#*=}" >/dev/null || return 1
	done
	# --packagingroot puts the built module under root/ instead of PHP's own
	# extension dir. PEAR then unpacks the sources under root/<temp_dir> but
	# builds in <temp_dir>: the link joins the two.
	mkdir -p "$PEAR_TREE/pear/temp" "$PEAR_TREE/root$PEAR_TREE/pear" || return 1
	ln -s "$PEAR_TREE/pear/temp" "$PEAR_TREE/root$PEAR_TREE/pear/temp" || return 1
	PHP_PEAR_SYSCONF_DIR="$PEAR_TREE" pecl -c "$PEAR_TREE/pear.conf" install \
		--packagingroot="$PEAR_TREE/root" --configureoptions 'with-localapi="autodetect"' \
		"$PEAR_TREE/localapi-$VERSION.tgz" </dev/null >"$WORK/pecl-install.log" 2>&1
	local status=$?
	cd "$WORK" || return 1
	if [ "$status" -ne 0 ] || ! grep -q "^install ok: channel://pecl.php.net/localapi-$VERSION\$" "$WORK/pecl-install.log"; then
		tail -n 30 "$WORK/pecl-install.log"
		return 1
	fi
	[ -f "$SCRATCH_EXT_DIR/localapi.so" ] || { echo "no $SCRATCH_EXT_DIR/localapi.so"; return 1; }
	if grep -F -- "$REPO" "$WORK/pecl-install.log"; then
		echo "the build used files of the repository"
		return 1
	fi
}
start=$(date +%s)
check "pecl install localapi-$VERSION.tgz into a scratch PEAR tree ($(basename "$SCRATCH_EXT_DIR")/localapi.so)" pecl_install
echo "    ($(elapsed "$start") s)"

pecl_module_loads() {
	local modules info
	modules="$(php -d "extension=$SCRATCH_EXT_DIR/localapi.so" -m)" || return 1
	grep -qx localapi <<<"$modules" || { echo "php -m does not list localapi"; return 1; }
	info="$(php -d "extension=$SCRATCH_EXT_DIR/localapi.so" --ri localapi)" || return 1
	grep -qx "Version => $VERSION" <<<"$info" || { echo "$info"; return 1; }
}
check "php -m lists localapi (pecl build); php --ri localapi shows Version => $VERSION" pecl_module_loads

system_as_found() {
	diff <(echo "$SNAPSHOT_BEFORE") <(snapshot)
}
check "pecl install left the system's PHP and PEAR as they were" system_as_found

# --- 3. the Debian packages, checked before they are installed ------------

deb_fields() {
	local depends
	[ -f "$MODULE_DEB" ] || { echo "no $MODULE_DEB"; return 1; }
	[ -f "$META_DEB" ] || { echo "no $META_DEB"; return 1; }
	depends="$(dpkg-deb -f "$MODULE_DEB" Depends)"
	echo "php$PHP_MINOR-localapi Depends: $depends"
	grep -qE '(^|, )libmariadb3( |,|$)' <<<"$depends" || { echo "no libmariadb3"; return 1; }
	grep -qE "(^|, )phpapi-$PHP_API(,|$)" <<<"$depends" || { echo "no phpapi-$PHP_API"; return 1; }
	# The PHP it was built against, to the patch release (scripts/package-root.sh
	# shows why).
	grep -qF "php$PHP_MINOR-common (>= $(php-config --version))" <<<"$depends" ||
		{ echo "no php$PHP_MINOR-common (>= $(php-config --version))"; return 1; }
	grep -qE "(^|, )php$PHP_MINOR-localapi( |,|$)" <<<"$(dpkg-deb -f "$META_DEB" Depends)" ||
		{ echo "php-localapi does not depend on php$PHP_MINOR-localapi"; return 1; }
}
check "php$PHP_MINOR-localapi depends on libmariadb3, phpapi-$PHP_API and php$PHP_MINOR-common (>= $(php-config --version)); php-localapi on php$PHP_MINOR-localapi" deb_fields

INI_PATH="etc/php/$PHP_MINOR/mods-available/localapi.ini"
deb_contents() {
	local contents
	contents="$(dpkg-deb -c "$MODULE_DEB" | awk '{ print $6 }')" || return 1
	grep -qx "./${EXT_DIR#/}/localapi.so" <<<"$contents" || { echo "no $EXT_DIR/localapi.so"; return 1; }
	grep -qx "./$INI_PATH" <<<"$contents" || { echo "no /$INI_PATH"; return 1; }
	grep -qx "/$INI_PATH" <<<"$(dpkg-deb -I "$MODULE_DEB" conffiles)" ||
		{ echo "/$INI_PATH is not a conffile"; return 1; }
}
check "php$PHP_MINOR-localapi holds $EXT_DIR/localapi.so and the conffile /$INI_PATH" deb_contents

deb_ini() {
	local ini line missing=0
	ini="$(dpkg-deb --fsys-tarfile "$MODULE_DEB" | tar -xOf - "./$INI_PATH")" || return 1
	grep -qx 'extension=localapi.so' <<<"$ini" || { echo "no extension=localapi.so line"; return 1; }
	grep -qx '; priority=20' <<<"$ini" || { echo "no '; priority=20' line for phpenmod"; return 1; }
	if grep -E '^[[:space:]]*localapi\.' <<<"$ini"; then
		echo "the settings above are not commented"
		return 1
	fi
	while IFS= read -r line; do
		grep -qxF -- "$line" <<<"$ini" || { echo "missing: $line"; missing=$((missing + 1)); }
	done < <(grep -E '^;localapi\.' "$REPO/php.ini.sample")
	[ "$missing" -eq 0 ]
}
check "localapi.ini loads localapi.so and has every setting of php.ini.sample, commented" deb_ini

# --- 3. installed: the window --------------------------------------------

SEED_INI_DIR="$WORK/seed-ini"
mkdir -p "$SEED_INI_DIR"
# The settings where a site keeps them: an ini file of their own in a
# conf.d folder (PHP_INI_SCAN_DIR's leading ':' keeps PHP's own folder).
cat >"$SEED_INI_DIR/99-localapi-seed.ini" <<INI
localapi.db_socket = "$LOCALAPI_TEST_SOCKET"
localapi.db_username = "$LOCALAPI_TEST_USER"
localapi.db_password = "$LOCALAPI_TEST_PASSWORD"
localapi.db_name = "$LOCALAPI_TEST_DB"
localapi.hooks_dir = "$REPO/examples/hooks"
INI
LOG_BEFORE="$(bash "$SCRIPTS/db.sh" sql --batch --skip-column-names -e 'SELECT COALESCE(MAX(id), 0) FROM tblactivitylog')"

if [ ! -e /usr/sbin/policy-rc.d ]; then
	printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
	chmod 755 /usr/sbin/policy-rc.d
	MADE_POLICY=1
fi

deb_install() {
	"${APT[@]}" install --no-install-recommends "$MODULE_DEB" "$META_DEB" </dev/null >"$WORK/apt-install.log" 2>&1 ||
		{ tail -n 30 "$WORK/apt-install.log"; return 1; }
	local deb
	for deb in "${DEBS[@]}"; do
		installed "$deb" || { echo "$deb is not installed"; return 1; }
	done
}

deb_enabled() {
	local sapi link missing=0
	for sapi in cli fpm; do
		[ -d "/etc/php/$PHP_MINOR/$sapi" ] || continue
		link="/etc/php/$PHP_MINOR/$sapi/conf.d/20-localapi.ini"
		if [ "$(readlink "$link")" != "/$INI_PATH" ]; then
			echo "$link does not point at /$INI_PATH"
			missing=$((missing + 1))
		fi
	done
	if command -v "php-fpm$PHP_MINOR" >/dev/null && ! grep -qx localapi <<<"$("php-fpm$PHP_MINOR" -m)"; then
		echo "php-fpm$PHP_MINOR -m does not list localapi"
		missing=$((missing + 1))
	fi
	[ "$missing" -eq 0 ]
}

deb_module_loads() {
	local info
	grep -qx localapi <<<"$(php -m)" || { echo "php -m does not list localapi"; return 1; }
	info="$(php --ri localapi)" || return 1
	grep -qx "Version => $VERSION" <<<"$info" || { echo "$info"; return 1; }
}

# Runs inside check's subshell: the contact id goes through a file to the
# clean-up, which deletes the contact.
seed_example() {
	local output contact
	output="$(cd "$WORK" && PHP_INI_SCAN_DIR=":$SEED_INI_DIR" php "$REPO/examples/add_contact.php" 2>&1)"
	echo "$output" | tee "$WORK/seed-output"
	contact="$(sed -n 's/^ *\[contactid\] => \([0-9][0-9]*\)$/\1/p' <<<"$output")"
	echo "$contact" >"$WORK/seed-contact"
	[ -n "$contact" ] && grep -q '^ *\[result\] => success$' <<<"$output" &&
		grep -qxF "ContactAdd hook: contact $contact added to client 1 (jane.doe@example.com)" <<<"$output" &&
		! grep -qE '(PHP )?(Warning|Notice|Deprecated|Fatal error):' <<<"$output"
}

# WHMCS's own pages under the php-fpm and php-cgi the package enabled the
# module for: they still answer, with WHMCS's own localAPI() (behaviour §12).
whmcs_beside() {
	bash "$SCRIPTS/beside-whmcs-test.sh" --installed >"$WORK/beside.log" 2>&1 || { cat "$WORK/beside.log"; return 1; }
	tail -n 1 "$WORK/beside.log"
}

deb_purge() {
	purge_packages >"$WORK/apt-purge.log" 2>&1 || { tail -n 30 "$WORK/apt-purge.log"; return 1; }
	[ -z "$(known_packages)" ] || { echo "still known to dpkg: $(known_packages)"; return 1; }
}

window_start=$(date +%s)
check "apt-get install ./$(basename "$MODULE_DEB") ./$(basename "$META_DEB")" deb_install
if [ -n "$(known_packages)" ]; then
	check "enabled with phpenmod for cli and fpm (conf.d/20-localapi.ini; php-fpm$PHP_MINOR -m)" deb_enabled
	check "php -m lists localapi; php --ri localapi shows Version => $VERSION" deb_module_loads
	failed_before=$failed
	check "examples/add_contact.php through the installed module, settings in a conf.d file, no -d extension=" seed_example
	# What it printed (a failure has shown it already).
	if [ "$failed" -eq "$failed_before" ]; then
		sed 's/^/    /' "$WORK/seed-output"
	fi
	check "a stand-in WHMCS tree served by nginx + php-fpm, php-cgi and apache2 + mod_php: its pages answer with WHMCS's own localAPI(), workers beside it with the extension's" whmcs_beside
fi
check "apt-get purge ${DEBS[*]}" deb_purge
echo "    (installed for $(elapsed "$window_start") s)"
restore_state_dirs

# --- 3. after the purge ---------------------------------------------------

nothing_left() {
	local traces
	traces="$(installed_traces)"
	[ -z "$traces" ] || { echo "$traces"; return 1; }
	if grep -qx localapi <<<"$(php -m)"; then
		echo "php -m still lists localapi"
		return 1
	fi
}
check "nothing of localapi left in /etc/php, $EXT_DIR, /var/lib/php/modules or dpkg; php -m without it" nothing_left

if [ -n "$MADE_POLICY" ]; then
	rm -f /usr/sbin/policy-rc.d
	MADE_POLICY=""
fi
check "the system's PHP configuration, extension dir, phpenmod state and PEAR registry as found" system_as_found

# --- 4. a clean Debian 12 root ---------------------------------------------

# The same packages and tarball where they did not come from: a minbase
# bookworm root, point release only, then with bookworm-security
# (scripts/package-root.sh; its checks count here).
start=$(date +%s)
echo "# scripts/package-root.sh: a clean Debian 12 root"
bash "$SCRIPTS/package-root.sh" "$MODULE_DEB" "$META_DEB" "$TARBALL" </dev/null 2>&1 | tee "$WORK/package-root.log" |
	grep -Ev '^[0-9]+ passed, [0-9]+ failed$'
root_summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$WORK/package-root.log" | tail -n 1)"
if [ -n "$root_summary" ]; then
	read -r root_passed _ root_failed _ <<<"${root_summary//,/}"
	passed=$((passed + root_passed))
	failed=$((failed + root_failed))
else
	fail "scripts/package-root.sh ended without its summary"
fi
echo "    (the clean root: $(elapsed "$start") s)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
