#!/usr/bin/env bash
# Unit tests and bounded libFuzzer runs over the Zend-free code: the contact
# validation (ext/core/contact.c) and GetClientsDetails' computed fields
# (ext/core/client_format.c, with the tables generated from data/), all under
# AddressSanitizer and UBSan.
#
#   scripts/fuzz.sh [seconds]     fuzz for that long in all (default 60),
#                                 half for each target
#
# Builds fuzz/test_*.c and fuzz/fuzz_*.c with clang into .build-fuzz/
# (git-ignored; LOCALAPI_FUZZ_DIR overrides it), runs the unit tests, then
# each fuzzer on its seeds (fuzz/corpus/ for the contact). New inputs the fuzzer finds go to
# .build-fuzz/corpus/, never into the committed seed corpus; a crash leaves
# its input in .build-fuzz/crash-* and fails the script. Installs clang-14
# and its runtime from Debian when they are missing and we are root.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUN_SECONDS="${1:-60}"
OUT="${LOCALAPI_FUZZ_DIR:-$REPO/.build-fuzz}"

case "$RUN_SECONDS" in
'' | *[!0-9]*) die "usage: scripts/fuzz.sh [seconds]" ;;
esac

pick_cc() {
	if [ -n "${CC:-}" ]; then
		printf '%s\n' "$CC"
	elif command -v clang-14 >/dev/null; then
		echo clang-14
	else
		echo clang
	fi
}

# True when the compiler can link a libFuzzer target with both sanitizers.
can_fuzz() {
	local cc="$1" probe
	command -v "$cc" >/dev/null || return 1
	probe="$(mktemp -d)"
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void) d; (void) n; return 0; }' \
		>"$probe/probe.c"
	if "$cc" -fsanitize=fuzzer,address,undefined "$probe/probe.c" -o "$probe/probe" >/dev/null 2>&1; then
		rm -rf "$probe"
		return 0
	fi
	rm -rf "$probe"
	return 1
}

ensure_toolchain() {
	CC="$(pick_cc)"
	can_fuzz "$CC" && return 0
	if [ "$(id -u)" -ne 0 ]; then
		die "$CC cannot build a libFuzzer target; install clang-14 libclang-rt-14-dev (as root)"
	fi
	echo "fuzz.sh: installing clang-14 and its runtime from Debian"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null 2>&1 || {
		apt-get update -q >/dev/null
		apt-get install -y -q --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null
	}
	CC=clang-14
	can_fuzz "$CC" || die "$CC still cannot build a libFuzzer target"
}

ensure_toolchain
mkdir -p "$OUT"

# shellcheck disable=SC2054 # -fsanitize=a,b is one flag
CFLAGS=(-std=c11 -g -O1 -fno-omit-frame-pointer -Wall -Wextra
	-fsanitize=address,undefined -fno-sanitize-recover=undefined)
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# The tables, as the build generates them.
sh "$REPO/scripts/client-tables.sh" "$REPO/data/whmcs-countries.tsv" "$REPO/data/whmcs-us-ca-states.tsv" \
	>"$OUT/client_tables.c" || die "scripts/client-tables.sh failed"
CLIENT_FORMAT=("$REPO/ext/core/client_format.c" "$OUT/client_tables.c" -I"$REPO/ext")

echo "fuzz.sh: unit tests ($CC, ASan+UBSan)"
"$CC" "${CFLAGS[@]}" "$REPO/fuzz/test_contact.c" "$REPO/ext/core/contact.c" -o "$OUT/test_contact"
"$OUT/test_contact" || die "unit tests failed"
"$CC" "${CFLAGS[@]}" "$REPO/fuzz/test_client_format.c" "${CLIENT_FORMAT[@]}" -o "$OUT/test_client_format"
"$OUT/test_client_format" || die "unit tests of client_format failed"

# One budget for both targets: the contact gets the larger half.
CLIENT_SECONDS=$((RUN_SECONDS / 2))
CONTACT_SECONDS=$((RUN_SECONDS - CLIENT_SECONDS))

"$CC" "${CFLAGS[@]}" -fsanitize=fuzzer "$REPO/fuzz/fuzz_contact.c" "$REPO/ext/core/contact.c" \
	-o "$OUT/fuzz_contact"
"$CC" "${CFLAGS[@]}" -fsanitize=fuzzer "$REPO/fuzz/fuzz_client_format.c" "${CLIENT_FORMAT[@]}" \
	-o "$OUT/fuzz_client_format"

# run_fuzzer NAME SECONDS MAX_LEN FOUND_DIR SEED_DIR
run_fuzzer() {
	local name="$1" seconds="$2" max_len="$3" found="$4" seeds="$5" log="$OUT/fuzz-$1.log" status=0
	local execs rate cov

	echo "fuzz.sh: fuzzing $name for ${seconds}s ($CC, libFuzzer+ASan+UBSan)"
	mkdir -p "$found"
	"$OUT/fuzz_$name" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$OUT/" \
		"$found" "$seeds" >"$log" 2>&1 || status=$?
	execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
	rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
	cov="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)"
	if [ "$status" -ne 0 ]; then
		tail -n 40 "$log" >&2
		die "the $name fuzzer failed (exit $status); input and log in $OUT/"
	fi
	echo "fuzz.sh: $name: ${execs:-?} executions in ${seconds}s (${rate:-?}/s), ${cov:-cov: ?}, no crash"
	echo "fuzz.sh: $name: corpus $(find "$found" -type f | wc -l) found + $(find "$seeds" -type f | wc -l) seeds"
}

run_fuzzer contact "$CONTACT_SECONDS" 1024 "$OUT/corpus" "$REPO/fuzz/corpus"
if [ "$CLIENT_SECONDS" -gt 0 ]; then
	run_fuzzer client_format "$CLIENT_SECONDS" 4096 "$OUT/corpus-client-format" "$REPO/fuzz/corpus-client-format"
fi
