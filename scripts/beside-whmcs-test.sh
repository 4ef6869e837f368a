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
install_servers nginx "php$PHP_MINOR-fpm" "php$PHP_MINOR-cgi" apache2 "libapache2-mod-php$PHP_MINOR"

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
