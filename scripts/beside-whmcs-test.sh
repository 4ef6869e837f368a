#!/usr/bin/env bash
# WHMCS beside the extension, under real SAPIs: a stand-in WHMCS tree
# (tests/beside-whmcs.inc) served by nginx through php-fpm (three pools: auto,
# php_admin_value[localapi.stand_in] = on and = off) and php-cgi in FastCGI
# mode, and by apache2 with mod_php (prefork), one PHP process each, first
# with opcache off, then on. WHMCS's page
# and cron must answer with WHMCS's own localAPI(), a worker beside them with
# the extension's, 300 alternating requests in one process must never cross
# over, and .user.ini, .htaccess and the pool settings must force either kind
# (behaviour §12).
#
#   bash scripts/beside-whmcs-test.sh              the build in modules/
#   bash scripts/beside-whmcs-test.sh --installed  PHP as installed (the
#                                                  Debian package enabled it)
#   bash scripts/beside-whmcs-test.sh --deps       only install what it needs
#
# Installs nginx, php-fpm, php-cgi, apache2 and mod_php when missing (as root; their services
# are held back from starting). Works in .beside/ (git-ignored); needs no
# database. Prints a line per check and ends with "N passed, N failed".
set -euo pipefail

LA_NAME=beside-whmcs-test.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PHP_MINOR="$(php -n -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')"
missing=()
for pkg in nginx "php$PHP_MINOR-fpm" "php$PHP_MINOR-cgi" apache2 "libapache2-mod-php$PHP_MINOR"; do
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" = installed ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
	[ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}: apt-get install ${missing[*]} (as root)"
	guard=
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		guard=yes
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
		apt-get update -q >/dev/null
		apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
	} || { [ -z "$guard" ] || rm -f /usr/sbin/policy-rc.d; die "could not install ${missing[*]}"; }
	[ -z "$guard" ] || rm -f /usr/sbin/policy-rc.d
fi

[ "${1:-}" != --deps ] || exit 0

DIR="$REPO/.beside"
rm -rf "$DIR"
mkdir -p "$DIR"
if [ "${1:-}" = --installed ]; then
	exec php "$REPO/scripts/beside-whmcs-test.php" "$DIR" installed
fi
bash "$REPO/scripts/deps.sh" >/dev/null
bash "$REPO/scripts/build.sh" >/dev/null
exec php -n -d extension=posix "$REPO/scripts/beside-whmcs-test.php" "$DIR" "$REPO/modules/localapi.so"
