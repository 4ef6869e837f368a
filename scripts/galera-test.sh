#!/usr/bin/env bash
# The extension against a three-node Galera cluster (scripts/galera.sh):
#
#   bash scripts/galera-test.sh [--short] [--throughput] [scenario...]
#
# Builds (scripts/build.sh), starts the cluster when it is not running (and
# stops it again at the end in that case), then runs scripts/galera-test.php:
#   plain   a plain contact and a sub-account through each node, the rows
#           identical on all three;
#   race    6 processes, 2 per node, adding sub-accounts for the same 50 new
#           emails, released together, 3 rounds: one sub-account per email
#           and every answer matching the rows, the activity log naming
#           exactly the contacts kept;
#   update  UpdateContact vs AddContact: 6 processes, 2 per node, giving
#           sub-accounts the same new emails (UpdateContact changing a
#           sub-account's email or making a contact a sub-account, AddContact
#           adding one), released together per email: one sub-account per
#           email; then UpdateContact rolled back underneath its session after
#           the claim, before COMMIT or inside its batch: success with the
#           row and claim kept;
#   lost    a transaction rolled back underneath its session without the
#           session being told (tests/fault-proxy.inc in front of node 1),
#           after the claim or the contact INSERT, or around the COMMIT's
#           release: still one contact per success, with its claim row, and
#           no log row for a contact not kept;
#   delete  3 processes, one per node, deleting the same contacts, released
#           together, without and with a ContactDelete hook: one success,
#           one log row and one hook per contact; and the delete's
#           transaction rolled back underneath its session around its
#           COMMIT: still deleted once, answered once;
#   kill    node 2 killed (SIGKILL) under load from 6 processes: no contact
#           lost, none committed twice, no plain Database error for a
#           committed contact, processes with a host list carry on;
#   freeze  node 3 stopped with SIGSTOP: calls through it end within the
#           timeouts plus the retry budget, with a host list they succeed;
#   rejoin  every node back and synced with identical rows.
# --short runs fewer emails, rounds and calls (what .ci/run runs);
# --throughput adds contacts/s from 6 processes on one node vs spread over
# three. The last line reads "N passed, N failed".
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$SCRIPTS/lib.sh"

bash "$SCRIPTS/deps.sh" galera-4 mariadb-backup socat
bash "$SCRIPTS/build.sh"

started=
if ! bash "$SCRIPTS/galera.sh" status >/dev/null 2>&1; then
	started=1
fi
finish() {
	if [ -n "$started" ]; then
		bash "$SCRIPTS/galera.sh" stop || true
	fi
}
trap finish EXIT
bash "$SCRIPTS/galera.sh" start
eval "$(bash "$SCRIPTS/galera.sh" env)"

TREE="$(work_tree)"
status=0
php -d "extension=$TREE/modules/localapi.so" "$SCRIPTS/galera-test.php" "$@" </dev/null || status=$?
exit "$status"
