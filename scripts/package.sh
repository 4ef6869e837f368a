#!/usr/bin/env bash
# Builds the release packages from the working tree (tracked files only):
#
#   bash scripts/package.sh [--out DIR] files | package-xml | pecl | deb
#
#   files        list the files of the PECL package: everything `git ls-files`
#                lists except the repository's tooling (PACKAGE_EXCLUDE in
#                scripts/package-lib.sh)
#   package-xml  write DIR/package.xml (from packaging/package.xml.in)
#   pecl         DIR/localapi-<version>.tgz, made by `pecl package`
#   deb          pecl, then the Debian source package php-localapi
#                (DIR/deb/*.dsc, its .orig.tar.gz, which is the PECL tarball,
#                and .debian.tar.xz) and the binary packages
#                dpkg-buildpackage makes of it with dh-php: php8.2-localapi
#                (the module and localapi.ini), php-localapi (depends on it)
#                and php-localapi-all-dev
#
# DIR defaults to packaging/out (git-ignored). The version is
# PHP_LOCALAPI_VERSION in ext/php_localapi.h; deb refuses to build when
# packaging/debian/changelog is at another version.
#
# The Debian build runs the phpt suite (make test, as dh-php does) from the
# PECL tarball's copy of the sources: tests that need a server skip unless
# LOCALAPI_TEST_* point at one (tests/README.md; scripts/package-test.sh does
# this). DEB_BUILD_OPTIONS=nocheck skips it.
#
# Missing build tools are installed when run as root (else the apt-get
# command is printed): php-pear, php-dev, xml2, php-all-dev, debhelper,
# dh-php, dpkg-dev, libmariadb-dev and the C toolchain.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/package-lib.sh"

usage() {
	echo "usage: scripts/package.sh [--out DIR] files|package-xml|pecl|deb" >&2
	exit 2
}

OUT="$PACKAGING/out"
while [ $# -gt 0 ]; do
	case "$1" in
	--out)
		[ $# -ge 2 ] || usage
		OUT="$2"
		shift 2
		;;
	--out=*)
		OUT="${1#--out=}"
		shift
		;;
	-*) usage ;;
	*) break ;;
	esac
done
[ $# -eq 1 ] || usage
ACTION="$1"
case "$OUT" in
/*) ;;
*) OUT="$PWD/$OUT" ;;
esac

VERSION="$(ext_version)"
WORK=""
cleanup() {
	if [ -n "$WORK" ]; then
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

# Copies the packaged files of the working tree to $1.
copy_tree() {
	local files
	files="$(package_files)"
	mkdir -p "$1"
	(cd "$REPO" && tar -cf - --no-recursion -T - <<<"$files") | tar -C "$1" -xf - ||
		die "could not copy the packaged files (is a tracked file deleted?)"
}

build_pecl() {
	ensure_packages "${PECL_PACKAGES[@]}"
	local stage="$WORK/pecl" tarball="localapi-$VERSION.tgz" log
	copy_tree "$stage"
	package_xml "$VERSION" >"$stage/package.xml"
	log="$WORK/pecl-package.log"
	if ! (cd "$stage" && pecl package package.xml) >"$log" 2>&1 || [ ! -f "$stage/$tarball" ]; then
		cat "$log" >&2
		die "pecl package failed"
	fi
	# Only the date warning is expected (a package.xml made on another day).
	grep -v -e '^Package .* done$' -e 'Release Date .* is not today' "$log" || true
	mkdir -p "$OUT"
	mv "$stage/$tarball" "$OUT/$tarball"
	echo "$LA_NAME: $OUT/$tarball ($(package_files | wc -l) files)"
}

# The changelog's upstream version must be this version.
check_changelog() {
	local changelog="$PACKAGING/debian/changelog" deb_version upstream
	deb_version="$(dpkg-parsechangelog -l "$changelog" -S Version)"
	upstream="${deb_version#*:}"
	upstream="${upstream%-*}"
	if [ "$upstream" != "$(debian_upstream_version "$VERSION")" ]; then
		die "packaging/debian/changelog is at $deb_version, the extension at $VERSION: add an entry with
  dch --changelog packaging/debian/changelog -v $(debian_upstream_version "$VERSION")-1 'New upstream release.'"
	fi
}

# Keeps what explains a failed Debian build: its log and, for each failed
# phpt test, run-tests.php's .diff, .out and .exp files.
save_failure() {
	local tree="$1" log="$2" file
	rm -rf "$OUT/deb-failed"
	mkdir -p "$OUT/deb-failed"
	cp "$log" "$OUT/deb-failed/"
	for file in "$tree"/build-*/tests/*.diff "$tree"/build-*/tests/*.out "$tree"/build-*/tests/*.exp; do
		if [ -f "$file" ]; then
			cp "$file" "$OUT/deb-failed/"
		fi
	done
}

build_deb() {
	ensure_packages "${DEB_PACKAGES[@]}"
	check_changelog
	local upstream tree log
	upstream="$(debian_upstream_version "$VERSION")"
	# Built under /tmp: phpize refuses paths with spaces, which $OUT may have.
	tree="$WORK/deb/php-localapi-$upstream"
	mkdir -p "$tree"
	# The PECL tarball is the upstream tarball, as for Debian's PECL packages:
	# package.xml and localapi-<version>/ side by side, then debian/.
	cp "$OUT/localapi-$VERSION.tgz" "$WORK/deb/php-localapi_$upstream.orig.tar.gz"
	tar -C "$tree" -xzf "$OUT/localapi-$VERSION.tgz"
	cp -a "$PACKAGING/debian" "$tree/debian"
	log="$WORK/deb/build.log"
	# dh-php generates debian/control from control.in on clean, but
	# dpkg-buildpackage reads it before cleaning.
	if ! (cd "$tree" && /usr/share/dh-php/gen-control && dpkg-checkbuilddeps &&
		DEB_BUILD_OPTIONS="parallel=$(nproc) ${DEB_BUILD_OPTIONS:-}" dpkg-buildpackage -us -uc) >"$log" 2>&1; then
		tail -n 60 "$log" >&2
		save_failure "$tree" "$log"
		die "dpkg-buildpackage failed (the lines above end its log; all of it and the failed tests' files are in $OUT/deb-failed/)"
	fi
	# The phpt run of dh_auto_test, in brief.
	grep -E '^(Tests (skipped|failed|passed) *:|Time taken)' "$log" | sed "s/^/$LA_NAME: make test: /" || true
	rm -rf "$OUT/deb" "$OUT/deb-failed"
	mkdir -p "$OUT/deb"
	cp "$log" "$WORK"/deb/*.dsc "$WORK"/deb/*.orig.tar.gz "$WORK"/deb/*.debian.tar.* \
		"$WORK"/deb/*.deb "$WORK"/deb/*.buildinfo "$WORK"/deb/*.changes "$OUT/deb/"
	echo "$LA_NAME: $OUT/deb:"
	(cd "$OUT/deb" && ls -1 -- *.dsc *.deb | sed 's/^/  /')
}

case "$ACTION" in
files)
	package_files
	;;
package-xml)
	mkdir -p "$OUT"
	package_xml "$VERSION" >"$OUT/package.xml"
	echo "$LA_NAME: $OUT/package.xml"
	;;
pecl | deb)
	WORK="$(mktemp -d /tmp/localapi-package.XXXXXX)"
	build_pecl
	if [ "$ACTION" = deb ]; then
		build_deb
	fi
	;;
*)
	usage
	;;
esac
