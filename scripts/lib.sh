# shellcheck shell=bash
# Shared by the scripts in this folder and by bench/run and bench/profile;
# sourced, not run.

# The repository root (this file lives in scripts/).
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

# Messages start with the name of the script that sourced this file
# ("db.sh: ..."); a caller may set LA_NAME first (bench/run does).
LA_NAME="${LA_NAME:-${0##*/}}"

# Prints "<script>: <message>" on stderr and exits with status 1.
die() {
	echo "$LA_NAME: $*" >&2
	exit 1
}

# detach LOG COMMAND...: starts COMMAND in the background for a server that
# outlives the calling script: a session of its own, no terminal, LOG as its
# output and no inherited descriptor above 2 (a caller's lock, or a pipe that
# would then never see end-of-file). $! is the pid of what runs COMMAND.
detach() {
	local log="$1"
	shift
	(
		for fd in /proc/"$BASHPID"/fd/*; do
			fd="${fd##*/}"
			if [ "$fd" -gt 2 ]; then
				eval "exec $fd>&-"
			fi
		done
		exec setsid "$@" </dev/null >>"$log" 2>&1
	) &
}

# install_servers PACKAGE...: installs the Debian packages of servers a test
# script runs privately (nginx, php-fpm, apache2, ...) when missing, as root,
# with their own services held back from starting (policy-rc.d, removed again
# if it was not there). Prints what it installs.
install_servers() {
	local missing=() pkg guard=
	for pkg in "$@"; do
		[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" = installed ] || missing+=("$pkg")
	done
	[ "${#missing[@]}" -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}: apt-get install ${missing[*]} (as root)"
	echo "$LA_NAME: installing ${missing[*]}"
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		guard=yes
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
		apt-get update -q >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
	} || { [ -z "$guard" ] || rm -f /usr/sbin/policy-rc.d; die "could not install ${missing[*]}"; }
	[ -z "$guard" ] || rm -f /usr/sbin/policy-rc.d
}

# phpize refuses a build path with whitespace (and run-tests.php quotes
# paths loosely), so such a tree is built and tested through a symlink
# without spaces: /tmp/localapi-tree-<uid>-<hash of the path>.
# Prints the path to work in.
work_tree() {
	case "$REPO" in
	*[[:space:]]*) ;;
	*)
		printf '%s\n' "$REPO"
		return
		;;
	esac
	local link
	link="/tmp/localapi-tree-$(id -u)-$(printf '%s' "$REPO" | sha256sum | cut -c1-16)"
	if [ -e "$link" ] && [ ! -L "$link" ]; then
		echo "cannot use $link: it exists and is not a symlink" >&2
		return 1
	fi
	ln -sfn "$REPO" "$link"
	printf '%s\n' "$link"
}

# True when an argument names an existing test file or folder; run-tests.php
# runs everything under tests/ otherwise (see test.sh, asan-test.sh).
names_tests() {
	local arg
	for arg in "$@"; do
		if [ -e "$arg" ]; then
			return 0
		fi
	done
	return 1
}

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

# A copy of this tree's files (tracked and new, as they are now, with their
# times) in $1, replacing what was there, so that a build there writes
# nothing here.
copy_work_tree() {
	rm -rf --one-file-system "$1"
	mkdir -p "$1"
	(cd "$REPO" && git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' file; do
			[ -e "$file" ] && printf '%s\0' "$file"
		done | tar --null -T - -cf -) | tar -C "$1" -xf -
}

# --- a clean Debian root made with debootstrap (scripts/package-root.sh) ------
#
# The same steps as the roots of scripts/matrix.sh: debootstrap run from
# this system or, when it lacks it, unpacked into the cache; minbase; the
# downloaded .debs kept in <cache>/debootstrap-debs; services held back by a
# policy-rc.d inside the root.

# The Debian security archive this system's apt uses, or Debian's own.
host_security_mirror() {
	local url
	url="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian-security\/?$/) { print $i; exit } }')"
	if [ -z "$url" ]; then
		url="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
			awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:\/\/.*\/debian-security\/?$/) { print $i; exit } }')"
	fi
	printf '%s\n' "${url:-http://deb.debian.org/debian-security}"
}

# debootstrap_command CACHE: sets DEBOOTSTRAP to this system's debootstrap,
# or to one unpacked into CACHE/debootstrap (not installed).
DEBOOTSTRAP=()
debootstrap_command() {
	if command -v debootstrap >/dev/null; then
		DEBOOTSTRAP=(debootstrap)
		return
	fi
	local dir="$1/debootstrap" tmp
	if [ ! -x "$dir/usr/sbin/debootstrap" ]; then
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

# debootstrap_minbase CACHE SUITE DIR MIRROR LOG: a minbase root of SUITE in
# DIR (replaced), its sources.list the SUITE of MIRROR alone, no service
# started inside. The caller adds what else the root's apt should see.
debootstrap_minbase() {
	local cache="$1" suite="$2" dir="$3" mirror="$4" log="$5"
	command -v wget >/dev/null || die "debootstrap needs wget"
	debootstrap_command "$cache"
	rm -rf --one-file-system "$dir"
	mkdir -p "$(dirname "$dir")" "$cache/debootstrap-debs"
	if ! "${DEBOOTSTRAP[@]}" --variant=minbase --cache-dir="$cache/debootstrap-debs" \
		"$suite" "$dir" "$mirror" </dev/null >"$log" 2>&1; then
		tail -n 30 "$log" >&2
		die "debootstrap $suite failed (log: $log)"
	fi
	echo "deb $mirror $suite main" >"$dir/etc/apt/sources.list"
	printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
	chmod 755 "$dir/usr/sbin/policy-rc.d"
}
