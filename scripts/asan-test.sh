#!/usr/bin/env bash
# The phpt suite against an AddressSanitizer + UBSan build of the extension.
#
#   scripts/asan-test.sh [run-tests.php options] [tests...]
#
# 1. Copies the sources (config.m4, Makefile.frag, ext/, tests/, examples/ for
#    the hook-file test, sql/ and the build and server scripts) to a private
#    build tree,
#    /tmp/localapi-asan-<uid>-<hash of the repository path>
#    (LOCALAPI_ASAN_DIR overrides it), and builds there with
#    scripts/build.sh and
#      CFLAGS='-fsanitize=address,undefined -fno-omit-frame-pointer -g -O1'
#      LDFLAGS=-fsanitize=address,undefined
#    so modules/localapi.so of the repository is never touched.
# 2. Runs tests/ of that copy the way scripts/test.sh does (php's own
#    run-tests.php, the private MariaDB of scripts/db.sh, one pass for each
#    of its databases: whmcs, 8.x layout, and whmcs7, 7.10), but every test
#    process goes through a wrapper that sets USE_ZEND_ALLOC=0 (emalloc is
#    plain malloc, so ASan sees every request allocation),
#    ZEND_DONT_UNLOAD_MODULES=1 (symbols in leak reports) and preloads the
#    runtimes: LD_PRELOAD="<no-deepbind shim> libasan.so libubsan.so".
#
# Why the shim: PHP loads extensions with dlopen(..., RTLD_DEEPBIND) (a
# compile-time choice in Zend/zend_portability.h; Debian's php8.2 has no
# switch for it), and the ASan runtime's dlopen interceptor refuses that flag
# ("...incompatible with sanitizer runtime", then exits). The shim is a
# ten-line dlopen() that clears RTLD_DEEPBIND and calls the next dlopen (the
# ASan interceptor). It must come before libasan in LD_PRELOAD, so ASan's
# "runtime comes first" check is off (verify_asan_link_order=0).
#
# A memory error, a leak (LeakSanitizer at process exit) or undefined
# behaviour prints a report into the test's output and fails that test,
# except a leak of PHP's own (a userland reference cycle, which a release
# PHP frees only through its allocator): see step 3 below. The last line
# reads "asan-test.sh (ASan+UBSan): N passed, N failed, N skipped".
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HASH="$(printf '%s' "$REPO" | sha256sum | cut -c1-16)"
BUILD="${LOCALAPI_ASAN_DIR:-/tmp/localapi-asan-$(id -u)-$HASH}"
SAN_CFLAGS='-fsanitize=address,undefined -fno-omit-frame-pointer -g -O1'
SAN_LDFLAGS='-fsanitize=address,undefined'

case "$BUILD" in
*[[:space:]]*) die "the build tree path must not contain whitespace: $BUILD" ;;
/*) ;;
*) die "LOCALAPI_ASAN_DIR must be an absolute path" ;;
esac

bash "$REPO/scripts/deps.sh"
for tool in php phpize gcc rsync; do
	command -v "$tool" >/dev/null || die "$tool not found"
done
LIBASAN="$(gcc -print-file-name=libasan.so)"
LIBUBSAN="$(gcc -print-file-name=libubsan.so)"
[ -e "$LIBASAN" ] || die "gcc has no libasan.so (install libasan8)"
[ -e "$LIBUBSAN" ] || die "gcc has no libubsan.so (install libubsan1)"

# --- 1. a fresh copy, built with the sanitizers -------------------------
echo "asan-test.sh: building in $BUILD"
mkdir -p "$BUILD"
exec 8>"$BUILD.lock"
flock -w 900 8 || die "another asan-test.sh holds $BUILD.lock"
rm -rf "$BUILD"
mkdir -p "$BUILD/scripts"
(
	cd "$REPO"
	rsync -a --exclude '*.lo' --exclude '*.o' --exclude '*.dep' --exclude '.libs/' \
		config.m4 ext tests examples sql "$BUILD/"
	if [ -f Makefile.frag ]; then
		cp -p Makefile.frag "$BUILD/"
	fi
	cp -p scripts/build.sh scripts/lib.sh scripts/db.sh "$BUILD/scripts/"
)
# Leftovers of a run-tests.php run in the repository's tests/ are not sources.
for phpt in "$BUILD"/tests/*.phpt; do
	base="${phpt%.phpt}"
	rm -f "$base".{php,out,exp,diff,log,sh,mem,skip.php,clean.php}
done
if ! (cd "$BUILD" && bash scripts/build.sh CFLAGS="$SAN_CFLAGS" LDFLAGS="$SAN_LDFLAGS") >"$BUILD/build.log" 2>&1; then
	tail -n 40 "$BUILD/build.log" >&2
	die "build failed (log: $BUILD/build.log)"
fi
SO="$BUILD/modules/localapi.so"
case "$(ldd "$SO")" in
*libasan*) ;;
*) die "$SO is not linked with libasan" ;;
esac

# --- the no-deepbind shim and the php wrapper -----------------------------
cat >"$BUILD/nodeepbind.c" <<'EOF'
/* dlopen() without RTLD_DEEPBIND, which the ASan runtime refuses. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

void *dlopen(const char *filename, int flags)
{
	static void *(*next_dlopen)(const char *, int);

	if (next_dlopen == NULL) {
		next_dlopen = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next_dlopen(filename, flags & ~RTLD_DEEPBIND);
}
EOF
gcc -shared -fPIC -O2 -o "$BUILD/nodeepbind.so" "$BUILD/nodeepbind.c" -ldl

PHP_BIN="$(command -v php)"
PHP_BIN="$(readlink -f "$PHP_BIN")"
WRAPPER="$BUILD/php-asan"
cat >"$WRAPPER" <<EOF
#!/bin/sh
# php with the ASan and UBSan runtimes (written by scripts/asan-test.sh)
export USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1
export LD_PRELOAD="$BUILD/nodeepbind.so $LIBASAN $LIBUBSAN"
export ASAN_OPTIONS="verify_asan_link_order=0:detect_leaks=1:halt_on_error=1:abort_on_error=0:\${LOCALAPI_ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
exec "$PHP_BIN" "\$@"
EOF
chmod +x "$WRAPPER"

# The wrapper must really run the sanitizers: the extension loads, and a
# deliberate overflow (through FFI, when present) is caught.
out="$("$WRAPPER" -n -d "extension=$SO" -r 'echo function_exists("localAPI") ? "loaded" : "missing";' 2>&1)" ||
	die "php with the ASan runtime failed to start: $out"
[ "$out" = loaded ] || die "the ASan build did not load: $out"
if "$PHP_BIN" -m | grep -x FFI >/dev/null; then
	if out="$("$WRAPPER" -d ffi.enable=1 -r '$c = FFI::cdef("void *malloc(size_t);"); FFI::memset($c->malloc(8), 0, 9);' 2>&1)" ||
		! grep -q 'heap-buffer-overflow' <<<"$out"; then
		die "ASan is not active in the test processes: a heap overflow went unnoticed"
	fi
	echo "asan-test.sh: sanitizers active (a deliberate heap overflow was caught)"
fi

# --- 2. the suite, invoked as scripts/test.sh invokes it --------------------
# The copy's scripts/db.sh runs the repository's server (its files in
# LOCALAPI_DB_DIR), so that the tests that stop, restart, freeze or
# reconfigure the server (503, 511, 512, 54x, 715) run here too.
export LOCALAPI_DB_DIR="${LOCALAPI_DB_DIR:-$REPO/.db}"
bash "$REPO/scripts/db.sh" start >/dev/null
eval "$(bash "$REPO/scripts/db.sh" env)"
cd "$BUILD"

args=("$@")
names_tests "${args[@]+"${args[@]}"}" || args+=(tests/)

results="$(mktemp)"
rerun_results="$(mktemp)"
trap 'rm -f "$results" "$rerun_results"' EXIT
runner=("$PHP_BIN" run-tests.php -q -p "$WRAPPER" --show-diff -d "extension=$SO")
if [ ! -t 1 ]; then
	runner+=(--no-color)
fi
export NO_INTERACTION=1 TEST_PHP_EXECUTABLE="$WRAPPER" REPORT_EXIT_STATUS=1

# --- 3. leaks that are PHP's own, not the extension's -----------------------
# With USE_ZEND_ALLOC=0 a release PHP (Debian's) leaks what its allocator
# would have dropped wholesale at request end: userland reference cycles that
# no GC run collected (arrays, and objects, whose structs the engine
# deliberately leaves "so they show up as leaks"). A test that builds such a
# cycle fails on LeakSanitizer's report even without the extension. So a test
# that failed on a leak report alone is run again twice: with full stacks
# (fast_unwind_on_malloc=0; PHP has no frame pointers), to see whether any
# leaked block was allocated through localapi.so or libmariadb, and without
# leak detection, to see that nothing else failed. It counts as passed only
# when no leaked block involves the extension and the second run passes.
php_leak_tests=()
extension_failures=()
passed=0
skipped=0

rerun() {
	local options="$1" test="$2"
	: >"$rerun_results"
	LOCALAPI_ASAN_OPTIONS="$options" "${runner[@]}" -W "$rerun_results" "$test" </dev/null >/dev/null 2>&1 || true
	grep -qE $'^PASSED\t' "$rerun_results"
}

count() {
	grep -cE "^($1)"$'\t' "$results" || true
}

# One pass per database, as scripts/test.sh does (tests that need no server
# run in the first pass only).
read -r -a databases <<<"${LOCALAPI_TEST_DATABASES:-$LOCALAPI_TEST_DB}"
status=0
for db in "${databases[@]}"; do
	export LOCALAPI_TEST_DB="$db"
	echo "asan-test.sh: database $db"
	: >"$results"
	"${runner[@]}" -W "$results" "${args[@]+"${args[@]}"}" </dev/null || status=$?
	while IFS=$'\t' read -r result test; do
		out="${test%.phpt}.out"
		if [ "$result" = FAILED ] && [ -f "$out" ] && grep -q 'ERROR: LeakSanitizer' "$out" &&
			! grep -qE 'ERROR: AddressSanitizer|runtime error:' "$out"; then
			rerun 'fast_unwind_on_malloc=0:malloc_context_size=64' "$test" || true
			if [ -f "$out" ]; then
				cp "$out" "$out.leaks"
			fi
			if [ -f "$out.leaks" ] && ! grep -E '^ +#[0-9]+ ' "$out.leaks" | grep -qE 'localapi|mariadb' &&
				rerun detect_leaks=0 "$test"; then
				php_leak_tests+=("$test ($db)")
				continue
			fi
		fi
		extension_failures+=("$result	$test	$db")
	done < <(grep -E $'^(FAILED|BORKED|LEAKED|WARNED)\t' "$results" || true)
	passed=$((passed + $(count 'PASSED|XFAILED|XLEAKED')))
	skipped=$((skipped + $(count 'SKIPPED')))
	export LOCALAPI_TEST_SERVERLESS_DONE=1
done
unset LOCALAPI_TEST_SERVERLESS_DONE
passed=$((passed + ${#php_leak_tests[@]}))
failed=${#extension_failures[@]}

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && [ "${#php_leak_tests[@]}" -eq 0 ]; then
	echo "asan-test.sh: run-tests.php exited with status $status" >&2
	failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
	echo "asan-test.sh: no test passed (all skipped?)" >&2
	failed=1
fi
for test in "${php_leak_tests[@]+"${php_leak_tests[@]}"}"; do
	echo "asan-test.sh: passed, PHP-side leak only (userland cycle, no localapi/libmariadb frame): $test"
done
for line in "${extension_failures[@]+"${extension_failures[@]}"}"; do
	echo "asan-test.sh: $line"
	out="$(cut -f2 <<<"$line")"
	out="${out%.phpt}.out"
	if [ -f "$out" ] && grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$out"; then
		echo "asan-test.sh:   sanitizer report in $out"
	fi
done
echo "asan-test.sh (ASan+UBSan): $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
