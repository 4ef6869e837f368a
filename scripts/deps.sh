#!/usr/bin/env bash
# Installs the Debian packages that building, the demo and the tests need,
# when they are missing. As root it runs apt-get itself (one `apt-get update`,
# then one install of what is missing); as anyone else it prints the command
# to run and fails. The distribution's MariaDB service is never started: the
# project runs its own server (scripts/db.sh). Arguments name further
# packages a script needs (scripts/galera-test.sh: galera-4 and the tools of
# its state transfers).
#
#   scripts/deps.sh [packages...]          install what is missing
#   scripts/deps.sh --check [packages...]  only say what is missing (exit 1 when anything is)
#   scripts/deps.sh --list [packages...]   print the package names, one a line
#
# LOCALAPI_DEPS_PHP names the PHP packages instead of Debian's default PHP
# (php-cli php-dev php-mysql php-parser): scripts/matrix.sh's Debian sid root
# sets it to PHP 8.5's, which come from experimental while php-cli there is
# PHP 8.4.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mode=install
case "${1:-}" in
--check | --list)
	mode="${1#--}"
	shift
	;;
esac

read -r -a PHP_PACKAGES <<<"${LOCALAPI_DEPS_PHP:-php-cli php-dev php-mysql php-parser}"
PACKAGES=(
	"${PHP_PACKAGES[@]}"                     # PHP, phpize, mysqli for the tests and pdo_mysql for Capsule, gen_stub
	php-illuminate-database                  # Laravel's database layer under WHMCS\Database\Capsule (tests 90x)
	gcc make libc6-dev pkg-config            # php-dev does not pull in a compiler
	libmariadb-dev                           # MariaDB Connector/C
	mariadb-server mariadb-client            # mariadbd, mariadb-install-db, mariadb
	valgrind                                 # the memcheck pass of the tests
	openssl                                  # TLS certificates of the private server
	"$@"
)

if [ "$mode" = list ]; then
	printf '%s\n' "${PACKAGES[@]}"
	exit 0
fi

installed() {
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
for pkg in "${PACKAGES[@]}"; do
	installed "$pkg" || missing+=("$pkg")
done

if [ "${#missing[@]}" -eq 0 ]; then
	echo "deps.sh: all packages present"
	exit 0
fi

if [ "$mode" = check ] || [ "$(id -u)" -ne 0 ]; then
	echo "deps.sh: missing Debian packages: ${missing[*]}" >&2
	echo "deps.sh: install them as root with:" >&2
	echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
	exit 1
fi

echo "deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive

# invoke-rc.d asks policy-rc.d whether a package may start its service;
# 101 means "no". Only a file we created here is removed again.
policy=/usr/sbin/policy-rc.d
made_policy=
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' >"$policy"
	chmod 755 "$policy"
	made_policy=1
fi
cleanup() {
	if [ -n "$made_policy" ]; then
		rm -f "$policy"
	fi
}
trap cleanup EXIT

apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null

for pkg in "${missing[@]}"; do
	installed "$pkg" || die "$pkg did not install"
done
echo "deps.sh: done"
