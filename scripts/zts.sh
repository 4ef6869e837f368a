#!/usr/bin/env bash
# A thread-safe (ZTS) PHP 8.2, built from Debian 12's own PHP source package
# (apt-get source php8.2, with Debian's patches) and installed into a prefix
# outside the repository, for scripts/matrix.sh's 8.2-zts cell.
#
#   bash scripts/zts.sh [--embed]
#                           build and install it when missing, then print its prefix
#
# The source comes from the deb-src of the Debian mirror this system's apt
# uses, through an apt configuration of its own (this system's sources.list
# is not touched). PHP is configured with --enable-zts and only what the
# suite needs: the CLI (with its built-in web server), mysqlnd and mysqli as
# shared modules (a test runs PHP with -n and expects neither), posix,
# pcntl, openssl, filter, ctype, tokenizer and opcache; hash, json and random
# are always there. --embed builds a second PHP, with the embed SAPI as well
# (lib/libphp.a), for scripts/zts-threads.sh's threaded host: any embed SAPI
# has every file compiled twice, so the matrix's PHP goes without.
# $PREFIX/etc/conf.d loads mysqlnd, mysqli and opcache.
#
# Settings:
#   LOCALAPI_MATRIX_CACHE   what is kept between runs (/var/cache/localapi)
#   LOCALAPI_ZTS_PREFIX     the install prefix ($LOCALAPI_MATRIX_CACHE/php8.2-zts,
#                           with --embed php8.2-zts-embed)
#   LOCALAPI_MATRIX_MIRROR  the Debian mirror (the one this system's apt uses)
# The prefix is reused while its stamp (source version and configure
# arguments) matches; delete it to build again. Runs as root (apt-get).
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$SCRIPTS/lib.sh"

CACHE="${LOCALAPI_MATRIX_CACHE:-/var/cache/localapi}"
VARIANT=php8.2-zts
EMBED=()
if [ "${1:-}" = --embed ]; then
	VARIANT=php8.2-zts-embed
	EMBED=(--enable-embed=static)
fi
PREFIX="${LOCALAPI_ZTS_PREFIX:-$CACHE/$VARIANT}"
WORK="$CACHE/zts"
# Each variant builds in a source tree of its own.
TREE="$WORK/src/$VARIANT"
STAMP="$PREFIX/localapi-zts.stamp"
SUITE=bookworm
SOURCE_PACKAGE=php8.2

say() {
	echo "zts.sh: $*" >&2
}

configure_args() {
	printf '%s\n' --prefix="$PREFIX" --enable-zts --disable-all \
		--enable-cli --disable-cgi --disable-phpdbg "${EMBED[@]+"${EMBED[@]}"}" \
		--with-config-file-path="$PREFIX/etc" --with-config-file-scan-dir="$PREFIX/etc/conf.d" \
		--enable-mysqlnd=shared --with-mysqli=shared,mysqlnd \
		--enable-posix --enable-pcntl --with-openssl --enable-filter --enable-ctype \
		--enable-tokenizer --enable-opcache
}

# apt-get with a sources list and state of its own: the deb-src of $SUITE.
APT=()
apt_setup() {
	local mirror="${LOCALAPI_MATRIX_MIRROR:-$(host_mirror)}"
	mkdir -p "$WORK/apt/lists/partial" "$WORK/apt/cache/archives/partial"
	printf 'deb-src %s %s main\n' "$mirror" "$SUITE" >"$WORK/apt/sources.list"
	APT=(apt-get -q -o Dir::Etc::SourceList="$WORK/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
		-o Dir::State::Lists="$WORK/apt/lists" -o Dir::Cache="$WORK/apt/cache")
}

# Downloads and unpacks (patches applied) the source once; prints its folder.
fetch_source() {
	local dsc
	# The download is the two variants' alike.
	exec 6>"$WORK/source.lock"
	flock -w 600 6 || die "another zts.sh holds $WORK/source.lock"
	dsc="$(ls "$WORK"/src/"${SOURCE_PACKAGE}"_*.dsc 2>/dev/null | tail -n 1 || true)"
	if [ -z "$dsc" ]; then
		apt_setup
		say "apt-get source $SOURCE_PACKAGE ($SUITE)"
		"${APT[@]}" update >"$WORK/apt-update.log" 2>&1 || { cat "$WORK/apt-update.log" >&2; die "apt-get update failed"; }
		rm -rf "$WORK/src"
		mkdir -p "$WORK/src"
		(cd "$WORK/src" && "${APT[@]}" source --download-only "$SOURCE_PACKAGE") >"$WORK/apt-source.log" 2>&1 ||
			{ cat "$WORK/apt-source.log" >&2; die "apt-get source $SOURCE_PACKAGE failed"; }
		dsc="$(ls "$WORK"/src/"${SOURCE_PACKAGE}"_*.dsc | tail -n 1)"
	fi
	if [ ! -f "$TREE/configure.ac" ]; then
		rm -rf "$TREE"
		dpkg-source --no-check -x "$dsc" "$TREE" >"$WORK/dpkg-source.log" 2>&1 ||
			{ cat "$WORK/dpkg-source.log" >&2; die "dpkg-source -x $dsc failed"; }
	fi
	printf '%s\n' "$TREE"
}

stamp_text() {
	printf 'source %s\n' "$(basename "$(ls "$WORK"/src/"${SOURCE_PACKAGE}"_*.dsc | tail -n 1)")"
	configure_args
}

build() {
	local tree="$1" started=$SECONDS args
	mapfile -t args < <(configure_args)
	cd "$tree"
	# Debian's patches change configure.ac and config.m4 files.
	say "buildconf, configure ${args[*]}"
	{ ./buildconf --force && ./configure "${args[@]}"; } >"$WORK/configure-$VARIANT.log" 2>&1 ||
		{ tail -n 40 "$WORK/configure-$VARIANT.log" >&2; die "configure failed (log: $WORK/configure-$VARIANT.log)"; }
	say "make -j2"
	make -j2 >"$WORK/make-$VARIANT.log" 2>&1 || { tail -n 40 "$WORK/make-$VARIANT.log" >&2; die "make failed (log: $WORK/make-$VARIANT.log)"; }
	rm -rf "$PREFIX"
	make install >"$WORK/install-$VARIANT.log" 2>&1 || { tail -n 40 "$WORK/install-$VARIANT.log" >&2; die "make install failed"; }
	# Debian's phpize takes libtool's and pkg-config's m4 files from
	# $prefix/share/aclocal, and shtool from /usr/bin.
	mkdir -p "$PREFIX/share" "$PREFIX/etc/conf.d"
	ln -sfn /usr/share/aclocal "$PREFIX/share/aclocal"
	printf 'extension=mysqlnd\n' >"$PREFIX/etc/conf.d/10-mysqlnd.ini"
	printf 'extension=mysqli\n' >"$PREFIX/etc/conf.d/20-mysqli.ini"
	printf 'zend_extension=opcache\n' >"$PREFIX/etc/conf.d/10-opcache.ini"
	say "built and installed in $((SECONDS - started)) s"
}

[ "$(id -u)" -eq 0 ] || die "must run as root (apt-get)"
mkdir -p "$WORK"
exec 7>"$WORK/$VARIANT.lock"
flock -w 3600 7 || die "another zts.sh holds $WORK/$VARIANT.lock"

if [ -f "$STAMP" ] && [ -x "$PREFIX/bin/php" ] && [ -f "$(ls "$WORK"/src/"${SOURCE_PACKAGE}"_*.dsc 2>/dev/null | tail -n 1)" ] &&
	[ "$(cat "$STAMP")" = "$(stamp_text)" ]; then
	printf '%s\n' "$PREFIX"
	exit 0
fi
bash "$SCRIPTS/deps.sh" dpkg-dev autoconf bison re2c libssl-dev libtool shtool >&2
tree="$(fetch_source)"
build "$tree"
"$PREFIX/bin/php" -r 'exit(PHP_ZTS ? 0 : 1);' || die "$PREFIX/bin/php is not thread-safe"
stamp_text >"$STAMP"
printf '%s\n' "$PREFIX"
