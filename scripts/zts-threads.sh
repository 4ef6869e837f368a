#!/usr/bin/env bash
# localAPI() on several threads of one process: the ZTS PHP of
# scripts/zts.sh --embed through its embed SAPI, in a small host (scripts/zts-threads.c) that runs
# THREADS threads of REQUESTS requests each, all at once, every request one
# AddContact with the persistent link (localapi.persistent=1).
#
#   bash scripts/zts-threads.sh [THREADS [REQUESTS]]     (8 and 200)
#
# Builds the extension against the ZTS PHP with --enable-localapi-dev in a
# copy of this tree ($LOCALAPI_MATRIX_CACHE/zts-threads-tree), starts that
# copy's private MariaDB (scripts/db.sh, this system's server), runs the
# host and checks: no crash, every request answered success, no server
# connection seen by two threads (each thread has its own persistent link),
# the contacts written equal the successful answers, and the process's RSS
# grew by less than LOCALAPI_THREADS_RSS_KB (4096) kB between the end of the
# first round and the end. Stops the server it started. Ends with
# "N passed, N failed" (requests, plus one for the contact count). Runs as
# root (scripts/zts.sh).
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$SCRIPTS/lib.sh"

THREADS="${1:-8}"
REQUESTS="${2:-200}"
CACHE="${LOCALAPI_MATRIX_CACHE:-/var/cache/localapi}"
TREE="$CACHE/zts-threads-tree"
WORK="$CACHE/zts-threads"

say() {
	echo "zts-threads.sh: $*"
}

PREFIX="$(bash "$SCRIPTS/zts.sh" --embed)"
[ -f "$PREFIX/lib/libphp.a" ] || die "$PREFIX has no embed SAPI (lib/libphp.a)"

copy_work_tree "$TREE"
(cd "$TREE" && PATH="$PREFIX/bin:$PATH" bash scripts/build.sh --enable-localapi-dev) >"$CACHE/logs/zts-threads-build.log" 2>&1 ||
	{ cat "$CACHE/logs/zts-threads-build.log" >&2; die "the extension did not build against $PREFIX"; }

rm -rf "$WORK"
mkdir -p "$WORK/conf.d"
# The whole of libphp.a, exported: the extension, loaded later, needs any of it.
# shellcheck disable=SC2046 # php-config prints flags, one word each
cc -O2 -Wall -Wextra -Werror -pthread $("$PREFIX/bin/php-config" --includes) "$SCRIPTS/zts-threads.c" \
	-o "$WORK/zts-threads" -L"$PREFIX/lib" -Wl,--whole-archive -lphp -Wl,--no-whole-archive \
	$("$PREFIX/bin/php-config" --libs) -rdynamic

finish() {
	bash "$TREE/scripts/db.sh" stop >/dev/null 2>&1 || true
}
trap finish EXIT
bash "$TREE/scripts/db.sh" start >/dev/null
eval "$(bash "$TREE/scripts/db.sh" env)"
{
	echo "extension=$TREE/modules/localapi.so"
	echo "localapi.db_host=localhost"
	echo "localapi.db_socket=$LOCALAPI_TEST_SOCKET"
	echo "localapi.db_username=$LOCALAPI_TEST_USER"
	echo "localapi.db_password=$LOCALAPI_TEST_PASSWORD"
	echo "localapi.db_name=whmcs"
	echo "localapi.persistent=1"
} >"$WORK/conf.d/localapi.ini"

client="$(bash "$TREE/scripts/db.sh" sql --batch --skip-column-names -e 'SELECT MIN(id) FROM tblclients')"
tag="threads-$$"
# One request: one AddContact, then the thread id of the persistent link
# that phpinfo() shows.
cat >"$WORK/request.php" <<EOF
(function () {
	\$answer = localAPI('AddContact', ['clientid' => $client, 'firstname' => '$tag']);
	if ((\$answer['result'] ?? '') !== 'success') {
		return json_encode(\$answer);
	}
	ob_start();
	phpinfo(INFO_MODULES);
	return preg_match('/Persistent link\b[^\n]*?connected \(thread (\d+)/', ob_get_clean(), \$m) ? "ok \$m[1]" : 'no persistent link in phpinfo()';
})()
EOF

say "$THREADS threads x $REQUESTS requests"
started=$SECONDS
rc=0
PHP_INI_SCAN_DIR="$WORK/conf.d" timeout 600 "$WORK/zts-threads" "$WORK/request.php" "$THREADS" "$REQUESTS" \
	>"$WORK/run.log" 2>&1 || rc=$?
grep -v ' passed, [0-9]* failed$' "$WORK/run.log" || true
say "run took $((SECONDS - started)) s, exit status $rc"
line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$WORK/run.log" | tail -n 1 || true)"
[ -n "$line" ] || line="0 passed, 1 failed"
read -r passed _ failed _ <<<"$line"
[ "$rc" -eq 0 ] || [ "$failed" -ne 0 ] || failed=1
contacts="$(bash "$TREE/scripts/db.sh" sql --batch --skip-column-names -e "SELECT COUNT(*) FROM tblcontacts WHERE firstname = '$tag'")"
if [ "$contacts" = "$passed" ]; then
	say "contacts written: $contacts, successful answers: $passed"
	passed=$((passed + 1))
else
	say "contacts written: $contacts, but successful answers: $passed"
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
