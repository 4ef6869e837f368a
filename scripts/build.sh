#!/usr/bin/env bash
# Builds modules/localapi.so at the repository root:
#   phpize && ./configure && make -j2
# phpize runs again only when config.m4 is newer than configure (or
# configure or run-tests.php is missing), ./configure only when there is no
# Makefile or it is older than configure or Makefile.frag. Extra arguments
# go to ./configure when it runs (e.g. --enable-localapi-dev). A tree whose
# path has spaces is built through a symlink (work_tree in lib.sh); one build
# at a time runs in a tree.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TREE="$(work_tree)"
cd "$TREE"

for tool in phpize php-config make cc; do
	command -v "$tool" >/dev/null || die "$tool not found: run scripts/deps.sh"
done

# One build at a time in this tree (the demo and the tests both build).
exec 9>"$TREE/.build.lock"
flock -w 600 9 || die "another build holds .build.lock"

if [ ! -x configure ] || [ ! -f run-tests.php ] || [ config.m4 -nt configure ]; then
	echo "build.sh: phpize"
	phpize
fi

# The Makefile regenerates ext/localapi_arginfo.h whenever the stub looks
# newer (a fresh clone gives both files arbitrary times) with build/gen_stub.php,
# which otherwise downloads PHP-Parser: point it at Debian's php-parser.
parser_version="$(sed -n 's/^ *\$version = "\([0-9.]*\)";.*/\1/p' build/gen_stub.php | head -n 1)"
if [ -n "$parser_version" ] && [ -d /usr/share/php/PhpParser ] &&
	[ ! -e "build/PHP-Parser-$parser_version/lib/PhpParser" ]; then
	mkdir -p "build/PHP-Parser-$parser_version/lib"
	ln -sfn /usr/share/php/PhpParser "build/PHP-Parser-$parser_version/lib/PhpParser"
fi

if [ ! -f Makefile ] || [ configure -nt Makefile ] ||
	{ [ -f Makefile.frag ] && [ Makefile.frag -nt Makefile ]; }; then
	echo "build.sh: ./configure $*"
	./configure "$@"
fi

# A tree built before a source file or header moved keeps .dep files that
# name the old paths, and make stops on them: such objects are rebuilt.
for dep in ext/*.dep ext/*/*.dep; do
	[ -f "$dep" ] || continue
	for file in $(sed -e 's/\\$//' -e 's/^[^ ]*: *//' "$dep"); do
		if [ ! -e "$file" ]; then
			rm -f "$dep" "${dep%.dep}.lo"
			break
		fi
	done
done

make -j2
# gen_stub.php leaves an unchanged header untouched; mark it current so the
# rule above does not run again on every build.
if [ ext/localapi.stub.php -nt ext/localapi_arginfo.h ]; then
	touch ext/localapi_arginfo.h
fi
test -f modules/localapi.so || die "modules/localapi.so was not built"
echo "build.sh: built $REPO/modules/localapi.so"
