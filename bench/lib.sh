# shellcheck shell=bash disable=SC2016
# Sourced by bench/run and bench/profile: the benchmark's own database.
#
# The benchmark never writes to the `whmcs` database the tests use (tests
# drop, lock and change tables there while they run): it loads sql/schema.sql
# and sql/sample.sql into a database of its own, `localapi_bench` on the same
# private server, made afresh for every run so that no run inherits the
# previous one's rows, and points LOCALAPI_TEST_DB at it. bench/fixture-gcd.sql adds
# the client GetClientsDetails is measured with (BENCH_GCD_CLIENT in bench/lib.php).

BENCH_DB=localapi_bench

bench_db_prepare() {
	local repo="$1"
	"$repo/scripts/db.sh" status >/dev/null 2>&1 || "$repo/scripts/db.sh" start >&2
	eval "$("$repo/scripts/db.sh" env)"
	{
		printf 'DROP DATABASE IF EXISTS `%s`;\n' "$BENCH_DB"
		printf 'CREATE DATABASE `%s` CHARACTER SET utf8 COLLATE utf8_unicode_ci;\n' "$BENCH_DB"
		printf "GRANT ALL PRIVILEGES ON \`%s\`.* TO '%s'@'localhost';\n" "$BENCH_DB" "$LOCALAPI_TEST_USER"
		printf 'USE `%s`;\n' "$BENCH_DB"
		cat "$repo/sql/schema.sql" "$repo/sql/sample.sql" "$repo/bench/fixture-gcd.sql"
	} | "$repo/scripts/db.sh" sql
	LOCALAPI_TEST_DB="$BENCH_DB"
	export LOCALAPI_TEST_SOCKET LOCALAPI_TEST_USER LOCALAPI_TEST_PASSWORD LOCALAPI_TEST_DB
}
