#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build the extension, start
# the private MariaDB and run examples/add_contact.php (the Local API example
# of WHMCS's documentation) through the extension, with the hook file in
# examples/hooks/ loaded. Re-runnable: each run adds one more contact.
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$SCRIPTS/lib.sh"

bash "$SCRIPTS/deps.sh"
bash "$SCRIPTS/build.sh"
bash "$SCRIPTS/db.sh" start
eval "$(bash "$SCRIPTS/db.sh" env)"

ini=(
	-d "extension=$REPO/modules/localapi.so"
	-d "localapi.db_socket=$LOCALAPI_TEST_SOCKET"
	-d "localapi.db_username=$LOCALAPI_TEST_USER"
	-d "localapi.db_password=$LOCALAPI_TEST_PASSWORD"
	-d "localapi.db_name=$LOCALAPI_TEST_DB"
)
if [ -d "$REPO/examples/hooks" ]; then
	ini+=(-d "localapi.hooks_dir=$REPO/examples/hooks")
fi

echo
printf '$ php'; printf ' %q' "${ini[@]}"; printf ' examples/add_contact.php\n'
cd "$REPO"
php "${ini[@]}" examples/add_contact.php
