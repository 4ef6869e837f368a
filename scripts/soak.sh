#!/usr/bin/env bash
# Memory and connection soak: one PHP process making many AddContact calls.
# The README's reliability check, and the memory check of bench/run.
#
#   scripts/soak.sh [calls]       default 100000 (at least 1000)
#
# Uses a private copy of modules/localapi.so (LOCALAPI_SO overrides the
# source) and the private MariaDB of scripts/db.sh (started when it is not
# running). For the run it creates, and drops afterwards:
#   * a database localapi_soak_<pid> with sql/schema.sql and one client, so
#     that tests running at the same time (some rename tables on purpose)
#     neither disturb the soak nor see its 100 000 rows;
#   * a MariaDB account of the same name with all privileges on it, so that
#     the connections of this one process can be told apart from those of
#     other users of the server.
# scripts/soak.php reports VmRSS/VmHWM after 1 000 calls and after the last
# and fails when RSS or peak RSS grew by more than LOCALAPI_SOAK_MAX_GROWTH_KB
# (2048).
# Connections are counted twice: by the server's global `Connections` status
# counter before and after (exact only while nobody else connects), and by
# the account's TOTAL_CONNECTIONS in information_schema.USER_STATISTICS
# (userstat is switched on for the run and restored afterwards), which must
# be 1: every call of the process shares one persistent link.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CALLS="${1:-100000}"
SO="${LOCALAPI_SO:-$REPO/modules/localapi.so}"
MAX_GROWTH_KB="${LOCALAPI_SOAK_MAX_GROWTH_KB:-2048}"
DB_NAME="localapi_soak_$$"

case "$CALLS" in
'' | *[!0-9]*) die "usage: scripts/soak.sh [calls]" ;;
esac
[ "$CALLS" -ge 1000 ] || die "at least 1000 calls (RSS is first read after 1000)"
[ -f "$SO" ] || die "$SO not found: build it first (phpize && ./configure && make)"
command -v php >/dev/null || die "php not found: run scripts/deps.sh"

. "$REPO/scripts/scratch.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/localapi-soak.XXXXXX")"

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	scratch_drop soak.sh
	rm -rf "$WORK"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scratch_create Soak localapi-soak
eval "$("$DB" env)"

{
	scratch_extension_ini "$WORK/localapi.so"
	echo "memory_limit=256M"
} >"$WORK/php.ini"

# One client connection reads both counters; it is itself one connection.
counters() {
	sql -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'CONNECTIONS';
		SELECT COALESCE(SUM(TOTAL_CONNECTIONS), 0) FROM information_schema.USER_STATISTICS WHERE USER = '$SCRATCH_USER';" |
		tr '\n' ' '
}

# --- the run --------------------------------------------------------------
read -r GLOBAL_BEFORE USER_BEFORE <<<"$(counters)"
echo "soak.sh: $CALLS AddContact calls for client $CLIENT_ID in one process ($SO)"
status=0
# Only our php.ini: no distribution extensions, no opcache.
PHP_INI_SCAN_DIR='' php -c "$WORK/php.ini" "$REPO/scripts/soak.php" "$CLIENT_ID" "$CALLS" "$MAX_GROWTH_KB" |
	tee "$WORK/soak.log" || status=$?
read -r GLOBAL_AFTER USER_AFTER <<<"$(counters)"

CONTACTS="$(sql_own <<<"SELECT COUNT(*) FROM tblcontacts WHERE userid = $CLIENT_ID")"
GLOBAL_USED=$((GLOBAL_AFTER - GLOBAL_BEFORE - 1))
USER_USED=$((USER_AFTER - USER_BEFORE))
RESULT="$(grep '^RESULT ' "$WORK/soak.log" || true)"
field() {
	local value
	value="$(sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<<"$RESULT")"
	printf '%s\n' "${value:-?}"
}

echo "---"
echo "soak.sh: summary"
printf '  calls                %s (%s errors), %s contacts in the table\n' "$CALLS" "$(field errors)" "$CONTACTS"
printf '  after %6s calls   VmRSS %s kB, VmHWM %s kB\n' 1000 "$(field rss_warm_kb)" "$(field hwm_warm_kb)"
printf '  after %6s calls   VmRSS %s kB, VmHWM %s kB\n' "$CALLS" "$(field rss_end_kb)" "$(field hwm_end_kb)"
printf '  RSS growth           %s kB, peak RSS growth %s kB (allowed %s kB each)\n' \
	"$(field growth_kb)" "$(field hwm_growth_kb)" "$MAX_GROWTH_KB"
printf '  connections          %s by the soak account (USER_STATISTICS); global Connections +%s\n' \
	"$USER_USED" "$GLOBAL_USED"
[ "$GLOBAL_USED" -eq "$USER_USED" ] ||
	echo "                       (the global counter also counts other clients of this shared server)"

fail=0
[ "$status" -eq 0 ] || { echo "soak.sh: FAIL: soak.php failed (errors, or RSS not flat)" >&2; fail=1; }
[ "$CONTACTS" -eq "$CALLS" ] || { echo "soak.sh: FAIL: $CONTACTS contacts for $CALLS calls" >&2; fail=1; }
[ "$USER_USED" -eq 1 ] || { echo "soak.sh: FAIL: $USER_USED server connections, expected 1" >&2; fail=1; }
[ "$fail" -eq 0 ] || exit 1
echo "soak.sh: ok"
