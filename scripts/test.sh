#!/usr/bin/env bash
# Quick start, command 2: the whole phpt suite against the private MariaDB.
#
#   bash scripts/test.sh [--valgrind] [--db NAME] [run-tests.php options] [tests...]
#
# Installs missing packages (scripts/deps.sh), builds (scripts/build.sh),
# starts the private MariaDB (scripts/db.sh), exports the LOCALAPI_TEST_*
# variables tests/README.md describes and runs php's own run-tests.php on
# tests/ (or on the tests named) once per database of the private server:
# `whmcs` (WHMCS 8.x layout), then `whmcs7` (7.10 layout). Tests that need
# no server run in the first pass only (they skip in the second); --db NAME
# runs against that database only. Two tests run at a time
# (LOCALAPI_TEST_JOBS; tests that must run alone declare --CONFLICTS--).
# --valgrind runs every test under valgrind memcheck (run-tests.php -m) with
# full leak checking: a memory error or a block definitely lost fails the
# test, except PHP's own leaks listed in tests/valgrind.supp.
#
# `make test` runs the same tests (Makefile.frag loads mysqli for it); this
# script calls run-tests.php itself to read its per-test results (-W) for the
# summary line below and to test a tree whose path has spaces (lib.sh).
#
# Exit status 0 only when no test failed, leaked, warned or borked in any
# pass. The last line sums the passes: "test.sh: N passed, N failed, N skipped".
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$SCRIPTS/lib.sh"

valgrind=
args=()
databases=()
while [ $# -gt 0 ]; do
	case "$1" in
	--valgrind) valgrind=1 ;;
	--db) databases+=("${2:?--db needs a database name}"); shift ;;
	*) args+=("$1") ;;
	esac
	shift
done

bash "$SCRIPTS/deps.sh"
bash "$SCRIPTS/build.sh"
bash "$SCRIPTS/db.sh" start
eval "$(bash "$SCRIPTS/db.sh" env)"
if [ "${#databases[@]}" -eq 0 ]; then
	read -r -a databases <<<"${LOCALAPI_TEST_DATABASES:-$LOCALAPI_TEST_DB}"
fi

TREE="$(work_tree)"
cd "$TREE"

# Test everything unless tests are named.
names_tests "${args[@]+"${args[@]}"}" || args+=(tests/)

PHP_BIN="$(command -v php)"
results="$(mktemp)"
pass_results="$(mktemp)"
trap 'rm -f "$results" "$pass_results"' EXIT

runner=("$PHP_BIN" run-tests.php -q -p "$PHP_BIN" --show-diff -W "$pass_results"
	-j"${LOCALAPI_TEST_JOBS:-2}" -d "extension=$TREE/modules/localapi.so")
if [ "$TREE" != "$REPO" ]; then
	# run-tests.php resolves test paths to the real one (with its spaces)
	# and passes valgrind an unquoted log path: write its files through the
	# link instead.
	runner+=(--temp-source "$REPO" --temp-target "$TREE")
fi
if [ ! -t 1 ]; then
	runner+=(--no-color)
fi
if [ -n "$valgrind" ]; then
	command -v valgrind >/dev/null || die "valgrind not found"
	runner+=(-m --show-mem)
	# run-tests.php -m runs "valgrind -q --tool=memcheck --trace-children=yes
	# --log-file=<test>.mem" and fails a test whose log is not empty; it asks
	# for no leak check. valgrind reads more options from VALGRIND_OPTS:
	# report every block definitely lost (then the log is not empty), except
	# the leaks of PHP's own listed in tests/valgrind.supp. Scripts and the
	# MariaDB server that tests start run natively: a skipped shell's children
	# are not traced either, so only PHP processes are checked.
	leak_check=(--leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite
		"--suppressions=$TREE/tests/valgrind.supp"
		'--trace-children-skip=*/sh,*/bash,*/dash,*/env,*/mariadbd,*/mysqld,*/mariadb,*/mysql')
	export VALGRIND_OPTS="${leak_check[*]} ${VALGRIND_OPTS:-}"
fi

export NO_INTERACTION=1 TEST_PHP_EXECUTABLE="$PHP_BIN" REPORT_EXIT_STATUS=1

# One line per test: "<RESULT>\t<file>". Expected failures and expected
# leaks are what their tests declare, so they count as passes.
count() {
	grep -cE "^($1)"$'\t' "$2" || true
}

status=0
for db in "${databases[@]}"; do
	export LOCALAPI_TEST_DB="$db"
	# Tests that need no server say the same against every database: once is enough.
	if [ "$db" != "${databases[0]}" ]; then
		export LOCALAPI_TEST_SERVERLESS_DONE=1
	fi
	echo "test.sh: database $db"
	: >"$pass_results"
	pass_status=0
	"${runner[@]}" "${args[@]}" </dev/null || pass_status=$?
	sed "s/\$/\t$db/" "$pass_results" >>"$results"
	echo "test.sh: database $db:" "$(count 'PASSED|XFAILED|XLEAKED' "$pass_results") passed," \
		"$(count 'FAILED|BORKED|LEAKED|WARNED' "$pass_results") failed, $(count SKIPPED "$pass_results") skipped"
	if [ "$pass_status" -ne 0 ] && [ "$(count 'FAILED|BORKED|LEAKED|WARNED' "$pass_results")" -eq 0 ]; then
		echo "test.sh: run-tests.php exited with status $pass_status against $db" >&2
		status=1
	fi
done
unset LOCALAPI_TEST_SERVERLESS_DONE

passed="$(count 'PASSED|XFAILED|XLEAKED' "$results")"
failed="$(count 'FAILED|BORKED|LEAKED|WARNED' "$results")"
skipped="$(count 'SKIPPED' "$results")"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
	failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
	echo "test.sh: no test passed (all skipped?)" >&2
	failed=1
fi

mode=""
if [ -n "$valgrind" ]; then
	mode=" (valgrind)"
fi
grep -E $'^(FAILED|BORKED|LEAKED|WARNED)\t' "$results" | sed 's/^/test.sh: /' || true
echo "test.sh$mode: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
