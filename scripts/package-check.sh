#!/usr/bin/env bash
# Checks the packaging against the source tree; CI runs it (.ci/run).
#
#   bash scripts/package-check.sh
#
# 1. One version: PHP_LOCALAPI_VERSION in ext/php_localapi.h (what phpinfo()
#    shows) is the version of the PECL package (package.xml, generated from
#    it), of composer.json, of the top entry of packaging/debian/changelog
#    and of the package files the README's install commands name.
# 2. package.xml lists every file the build and the tests need: config.m4
#    and the sources it names, Makefile.frag and the headers it names, the
#    headers ext/ includes, all of tests/, the files the tests reach outside
#    tests/ (dirname(__DIR__) . '/...'), sql/, examples/, LICENSE,
#    README.md and php.ini.sample. `pecl package` must accept it.
# 3. composer.json is what PIE reads: valid for `composer validate`, of type
#    php-ext for the extension localapi, its configure options declared in
#    config.m4.
#
# Prints one line per check and ends with "N passed, N failed"; exit status
# 1 when a check failed.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/package-lib.sh"

cd "$REPO"

ensure_packages php-cli php-pear composer dpkg-dev

WORK="$(mktemp -d /tmp/localapi-package-check.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

VERSION="$(ext_version)"
ok "ext/php_localapi.h: PHP_LOCALAPI_VERSION is $VERSION"

# --- 1. one version --------------------------------------------------------

json_field() {
	php -r '$json = json_decode(file_get_contents($argv[1]), true, 512, JSON_THROW_ON_ERROR);
		$value = $json;
		foreach (array_slice($argv, 2) as $key) { $value = $value[$key] ?? null; }
		echo is_scalar($value) ? $value : "";' -- "$@"
}

composer_version_agrees() {
	local found
	found="$(json_field composer.json version)"
	[ "$found" = "$VERSION" ] || {
		echo "composer.json has \"version\": \"$found\"; set it to \"$VERSION\""
		return 1
	}
}
check "composer.json: version $VERSION" composer_version_agrees

changelog_agrees() {
	local changelog=packaging/debian/changelog source deb_version upstream
	source="$(dpkg-parsechangelog -l "$changelog" -S Source)"
	deb_version="$(dpkg-parsechangelog -l "$changelog" -S Version)"
	upstream="${deb_version#*:}"
	upstream="${upstream%-*}"
	[ "$source" = php-localapi ] || { echo "$changelog names the source package '$source', not php-localapi"; return 1; }
	[ "$upstream" = "$(debian_upstream_version "$VERSION")" ] || {
		echo "$changelog is at $deb_version; add an entry for this version:"
		echo "  dch --changelog $changelog -v $(debian_upstream_version "$VERSION")-1 'New upstream release.'"
		return 1
	}
}
check "packaging/debian/changelog: php-localapi $(debian_upstream_version "$VERSION")-<revision>" changelog_agrees

# The README's install commands name the files of this version.
readme_agrees() {
	local stale
	stale="$(grep -noE 'localapi-[0-9][0-9A-Za-z.]*\.tgz|localapi_[0-9][0-9A-Za-z.~]*-[0-9]+_' README.md |
		grep -vE ":(localapi-$VERSION\.tgz|localapi_$(debian_upstream_version "$VERSION")-[0-9]+_)\$")" || true
	[ -z "$stale" ] || {
		echo "README.md names packages of another version (line:name):"
		echo "$stale"
		return 1
	}
}
check "README.md: the install commands name version $VERSION" readme_agrees

# Builds the PECL tarball as a release would; pecl validates package.xml.
pecl_tarball_agrees() {
	bash scripts/package.sh --out "$WORK/out" pecl >/dev/null
	local tarball="$WORK/out/localapi-$VERSION.tgz" xml release api name
	[ -f "$tarball" ] || { echo "no $tarball"; return 1; }
	xml="$(tar -xzOf "$tarball" package.xml)"
	read -r name release api < <(php -r '$x = simplexml_load_string(stream_get_contents(STDIN));
		echo $x->name, " ", $x->version->release, " ", $x->version->api, "\n";' <<<"$xml")
	[ "$name $release $api" = "localapi $VERSION $VERSION" ] || {
		echo "package.xml in $tarball says name $name, release $release, api $api"
		return 1
	}
	tar -tzf "$tarball" | grep -v '^package.xml$' | sed "s|^localapi-$VERSION/||" | sort >"$WORK/tarball-files"
	package_files | sort >"$WORK/package-files"
	diff "$WORK/package-files" "$WORK/tarball-files" || {
		echo "the tarball does not hold exactly the files of scripts/package.sh files (< listed, > in the tarball)"
		return 1
	}
}
check "pecl package: localapi-$VERSION.tgz, package.xml at $VERSION, every listed file in it" pecl_tarball_agrees

# --- 2. every file the build and the tests need is packaged ---------------

required_files() {
	local file include
	# The build: config.m4, the sources it names, Makefile.frag and the
	# headers it names, the headers ext/ includes.
	echo config.m4
	grep -oE 'ext/[A-Za-z0-9_./-]+\.[ch]' config.m4 || true
	if [ -f Makefile.frag ]; then
		echo Makefile.frag
		grep -oE '\$\(srcdir\)/[A-Za-z0-9_./-]+' Makefile.frag | sed 's|^\$(srcdir)/||' || true
	fi
	# ext/ is on the include path (config.m4), and a file's own folder is
	# searched first.
	find ext -name '*.[ch]' | while IFS= read -r file; do
		sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]+"([^"]+)".*/\1/p' "$file" |
			while IFS= read -r include; do
				# config.h and the like at the top are made by ./configure.
				if [ -f "$(dirname "$file")/$include" ]; then
					echo "$(dirname "$file")/$include"
				elif [ -f "ext/$include" ]; then
					echo "ext/$include"
				elif git ls-files --error-unmatch -- "$include" >/dev/null 2>&1; then
					echo "$include"
				fi
			done
	done
	# The tests: tests/, and what they reach outside it (build output and
	# the private server's runtime files aside).
	git ls-files tests
	grep -rhoE "dirname\(__DIR__\) \. '/[^']+'" tests |
		sed -E "s|^.*'/([^']+)'$|\1|" | grep -vE '^(modules|\.db)/' || true
	# What the README and the tests' set-up point users at.
	git ls-files sql examples
	printf '%s\n' LICENSE README.md php.ini.sample
}

required_files_packaged() {
	local missing=0 untracked=0 file
	package_files | sort -u >"$WORK/packaged"
	while IFS= read -r file; do
		if ! git ls-files --error-unmatch -- "$file" >/dev/null 2>&1; then
			echo "needed but not tracked by git: $file"
			untracked=$((untracked + 1))
		elif ! grep -qxF -- "$file" "$WORK/packaged"; then
			echo "needed but left out of package.xml: $file (see PACKAGE_EXCLUDE in scripts/package-lib.sh)"
			missing=$((missing + 1))
		fi
	done < <(required_files | sort -u)
	[ "$missing" -eq 0 ] && [ "$untracked" -eq 0 ]
}
check "package.xml lists every file the build and the tests need" required_files_packaged

packaged_files_exist() {
	local file absent=0
	while IFS= read -r file; do
		[ -f "$file" ] || { echo "listed but not in the working tree: $file"; absent=$((absent + 1)); }
	done < <(package_files)
	[ "$absent" -eq 0 ]
}
check "every file package.xml lists is in the working tree" packaged_files_exist

# --- 3. composer.json for PIE ---------------------------------------------

# Composer knows the php-ext section from 2.7 on; Debian 12 ships 2.5, whose
# publish check rejects it as unknown. Then the section is checked here
# against the rules of Composer's own schema and loader for it.
composer_valid() {
	local composer_version
	composer_version="$(composer --no-ansi --version 2>/dev/null | sed -n 's/^Composer version \([0-9][0-9.]*\).*/\1/p')"
	[ -n "$composer_version" ] || { echo "composer --version printed no version"; return 1; }
	if dpkg --compare-versions "$composer_version" ge 2.7; then
		composer validate --no-ansi --strict --no-check-version composer.json
	else
		echo "composer $composer_version predates the php-ext schema: validating without its publish check"
		composer validate --no-ansi --strict --no-check-version --no-check-publish composer.json
	fi
}
check "composer validate composer.json" composer_valid

php_ext_valid() {
	php -r '
		$json = json_decode(file_get_contents("composer.json"), true, 512, JSON_THROW_ON_ERROR);
		$errors = [];
		if (($json["type"] ?? null) !== "php-ext") $errors[] = "type must be php-ext";
		if (!preg_match("{^[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*$}", $json["name"] ?? ""))
			$errors[] = "name must be vendor/package";
		$ext = $json["php-ext"] ?? null;
		if (!is_array($ext)) {
			$errors[] = "no php-ext section";
			$ext = [];
		}
		if (($ext["extension-name"] ?? null) !== "localapi") $errors[] = "php-ext.extension-name must be localapi";
		if (isset($ext["priority"]) && (!is_int($ext["priority"]) || $ext["priority"] < 10 || $ext["priority"] > 99))
			$errors[] = "php-ext.priority must be an integer from 10 to 99";
		foreach (["support-zts", "support-nts"] as $key) {
			if (isset($ext[$key]) && !is_bool($ext[$key])) $errors[] = "php-ext.$key must be a boolean";
		}
		$config = file_get_contents("config.m4");
		foreach ($ext["configure-options"] ?? [] as $i => $option) {
			$name = $option["name"] ?? null;
			if (!is_string($name) || !preg_match("/^[a-zA-Z0-9][a-zA-Z0-9-_]*$/", $name)) {
				$errors[] = "php-ext.configure-options.$i.name is missing or malformed";
				continue;
			}
			if (isset($option["needs-value"]) && !is_bool($option["needs-value"]))
				$errors[] = "php-ext.configure-options.$i.needs-value must be a boolean";
			if (isset($option["description"]) && !is_string($option["description"]))
				$errors[] = "php-ext.configure-options.$i.description must be a string";
			if (!preg_match("/^(with|enable)-(.+)$/", $name, $m)
				|| !preg_match("/PHP_ARG_" . strtoupper($m[1]) . "\(\[?" . preg_quote($m[2], "/") . "\]?,/", $config))
				$errors[] = "configure option --$name is not declared in config.m4";
		}
		foreach ($errors as $error) echo $error, "\n";
		exit($errors === [] ? 0 : 1);'
}
check "composer.json: type php-ext, extension localapi, configure options of config.m4" php_ext_valid

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
