# shellcheck shell=bash
# Shared by package.sh, package-check.sh, package-test.sh and package-root.sh;
# sourced, not run.

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PACKAGING="$REPO/packaging"
HEADER="$REPO/ext/php_localapi.h"

# The checks of package-check.sh and package-test.sh, counted for their last
# line ("N passed, N failed"); a failed check shows the output that explains it.
passed=0
failed=0
ok() {
	echo "ok - $1"
	passed=$((passed + 1))
}
fail() {
	echo "FAIL - $1"
	failed=$((failed + 1))
}
# check <description> <command...>: the command's output explains a failure.
check() {
	local description="$1" output
	shift
	if output="$("$@" 2>&1)"; then
		ok "$description"
	else
		fail "$description"
		sed 's/^/    /' <<<"$output"
	fi
}

# The one version number: PHP_LOCALAPI_VERSION in ext/php_localapi.h (what
# phpinfo() shows). PECL's format: 1.2.3, optionally followed by alpha1,
# beta2 or RC3.
ext_version() {
	local version
	version="$(sed -n 's/^#define PHP_LOCALAPI_VERSION "\([^"]*\)"$/\1/p' "$HEADER")"
	[ -n "$version" ] || die "no '#define PHP_LOCALAPI_VERSION \"...\"' line in $HEADER"
	[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+((alpha|beta|RC)[0-9]+)?$ ]] ||
		die "PHP_LOCALAPI_VERSION \"$version\" is not of the form 1.2.3 or 1.2.3RC1"
	printf '%s\n' "$version"
}

# Debian sorts 1.0.0~RC1 before 1.0.0, as PECL sorts 1.0.0RC1 before 1.0.0.
debian_upstream_version() {
	sed -E 's/(alpha|beta|RC)/~\1/' <<<"$1"
}

# PECL's release stability: 0.x and pre-releases are not stable.
pecl_stability() {
	case "$1" in
	*alpha*) echo alpha ;;
	0.* | *beta* | *RC*) echo beta ;;
	*) echo stable ;;
	esac
}

# Tracked files that are the repository's own tooling and stay out of the
# PECL package (and so out of the Debian source package built from it):
# CI, the benchmark (its PHP peer is never shipped), the packaging sources
# and their scripts, composer.json (PIE reads it from the repository, not
# from a release tarball) and git's own files. Everything else is in: a
# file added anywhere else is packaged without anyone having to list it.
PACKAGE_EXCLUDE='^(\.ci/|bench/|packaging/|composer\.json$|(.*/)?\.git[a-z]*$|scripts/package(-lib|-check|-test|-root)?\.sh$)'

# The files of the PECL package, one a line, in git's order.
package_files() {
	local files
	files="$(git -C "$REPO" ls-files)" || die "git ls-files failed in $REPO"
	[ -n "$files" ] || die "git ls-files lists nothing in $REPO"
	grep -Ev "$PACKAGE_EXCLUDE" <<<"$files" || true
}

# package.xml's role for a file: what pecl install does with it.
package_role() {
	case "$1" in
	# The build generates the country and state tables from data/ with
	# scripts/client-tables.sh: pecl unpacks only src files where it builds.
	config.m4 | config.w32 | Makefile.frag | ext/* | data/*.tsv | scripts/client-tables.sh) echo src ;;
	tests/* | fuzz/* | scripts/* | sql/*) echo test ;;
	*) echo doc ;;
	esac
}

# Writes package.xml for version $1 to stdout.
package_xml() {
	local version="$1" files file contents
	files="$(package_files)"
	contents="$(mktemp)"
	while IFS= read -r file; do
		# Names go into XML attributes unescaped.
		[[ "$file" =~ ^[A-Za-z0-9._/+-]+$ ]] ||
			{ rm -f "$contents"; die "cannot package '$file': only A-Z a-z 0-9 . _ / + - in file names"; }
		printf '   <file name="%s" role="%s"/>\n' "$file" "$(package_role "$file")"
	done <<<"$files" >"$contents"
	sed -e '/^<!--$/,/^-->$/d' \
		-e "s/@VERSION@/$version/g" \
		-e "s/@STABILITY@/$(pecl_stability "$version")/g" \
		-e "s/@DATE@/$(date -u +%Y-%m-%d)/g" \
		"$PACKAGING/package.xml.in" |
		awk -v contents="$contents" '$0 == "@CONTENTS@" { while ((getline line < contents) > 0) print line; next } { print }'
	rm -f "$contents"
}

installed() {
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

# Installs the Debian packages named that are missing (as root), or prints
# the command that would and fails.
ensure_packages() {
	local missing=() pkg
	for pkg in "$@"; do
		installed "$pkg" || missing+=("$pkg")
	done
	[ "${#missing[@]}" -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "$LA_NAME: missing Debian packages: ${missing[*]}" >&2
		echo "$LA_NAME: install them as root with:" >&2
		echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
		exit 1
	fi
	echo "$LA_NAME: installing ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
	for pkg in "${missing[@]}"; do
		installed "$pkg" || die "$pkg did not install"
	done
}

# What `pecl package` and `pecl install` need.
PECL_PACKAGES=(php-pear php-dev php-cli gcc make libc6-dev pkg-config libmariadb-dev)
# The Build-Depends of packaging/debian/control.in, and the tools around them.
DEB_PACKAGES=(dpkg-dev debhelper dh-php php-all-dev xml2 libmariadb-dev pkg-config)
