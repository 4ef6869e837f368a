# shellcheck shell=bash
# A database and a MariaDB account of their own on the private server, for
# the scripts that measure one process or one FPM pool (soak.sh,
# fpm-load.sh): tests running at the same time (some rename tables on
# purpose) cannot disturb them, and the account's connections are theirs
# alone. Sourced, not run, after scripts/lib.sh (REPO, die): the caller sets
# DB_NAME (also the account's name) and SO (the extension to copy), and calls
# scratch_drop from its exit trap.

DB="$REPO/scripts/db.sh"
SCRATCH_USER="$DB_NAME"
SCRATCH_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
CLIENT_ID=""
SCRATCH_DB_MADE=no
SCRATCH_USER_MADE=no
USERSTAT_BEFORE=""

sql() {
	"$DB" sql --batch --skip-column-names "$@"
}

# The same in the run's own database (db.sh sql names whmcs, which -D cannot override).
sql_own() {
	{
		printf 'USE `%s`;\n' "$DB_NAME"
		cat
	} | sql
}

# Creates the database from sql/schema.sql, the account with all privileges
# on it, and one client (firstname $1, companyname $2) whose id goes to
# CLIENT_ID; switches userstat on so the account's connections are counted.
scratch_create() {
	"$DB" start >/dev/null
	sql -e "CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8 COLLATE utf8_unicode_ci"
	SCRATCH_DB_MADE=yes
	sql_own <"$REPO/sql/schema.sql"
	sql -e "CREATE USER '$SCRATCH_USER'@'localhost' IDENTIFIED BY '$SCRATCH_PASSWORD';
		GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$SCRATCH_USER'@'localhost';"
	SCRATCH_USER_MADE=yes
	# sql_mode '' fills the NOT NULL columns not named here with their implicit
	# defaults, whatever the exact tblclients layout is.
	CLIENT_ID="$(sql_own <<SQL
SET SESSION sql_mode = '';
INSERT INTO tblclients (firstname, lastname, companyname, email, status)
VALUES ('$1', 'Client', '$2', '$2-client@example.test', 'Active');
SELECT LAST_INSERT_ID();
SQL
)"
	case "$CLIENT_ID" in
	'' | *[!0-9]* | 0) die "could not create the client (got '$CLIENT_ID')" ;;
	esac
	USERSTAT_BEFORE="$(sql -e "SELECT @@GLOBAL.userstat")"
	[ "$USERSTAT_BEFORE" = 1 ] || sql -e "SET GLOBAL userstat = ON"
}

# Drops what scratch_create made and restores userstat; $1 names the caller in messages.
scratch_drop() {
	if [ "$SCRATCH_DB_MADE" = yes ]; then
		sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" || echo "$1: could not drop $DB_NAME" >&2
	fi
	if [ "$SCRATCH_USER_MADE" = yes ]; then
		sql -e "DROP USER IF EXISTS '$SCRATCH_USER'@'localhost'" || echo "$1: could not drop $SCRATCH_USER" >&2
	fi
	if [ "$USERSTAT_BEFORE" = 0 ]; then
		sql -e "SET GLOBAL userstat = OFF" || true
	fi
}

# Copies the extension to $1 (a rebuild of modules/ rewrites the file in place,
# which would crash a process that has it mapped) and prints the php.ini
# lines that load that copy against the scratch database.
scratch_extension_ini() {
	cp "$SO" "$1"
	cat <<INI
extension=$1
localapi.db_host=localhost
localapi.db_socket=$LOCALAPI_TEST_SOCKET
localapi.db_username=$SCRATCH_USER
localapi.db_password=$SCRATCH_PASSWORD
localapi.db_name=$DB_NAME
localapi.persistent=1
INI
}
