#!/usr/bin/env bash
# CI: what the read replica's test (deploy/tests/test_replica.py, moot/tests/replication.py)
# needs on a fresh Debian machine. It makes its own primary and streaming replica on free ports
# with PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup, pg_dump, pg_restore under
# /usr/lib/postgresql/<version>/bin, from the postgresql package .ci/run installs) and, as CI
# runs as root and PostgreSQL refuses root, runs them as the postgres user with runuser.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
for program in initdb pg_ctl pg_basebackup pg_dump pg_restore; do
  [ -x "$bin/$program" ] || { echo "PostgreSQL's $program is missing (apt-get install postgresql)" >&2; exit 1; }
done
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null || { echo "no postgres user to run the test's servers as" >&2; exit 1; }
  command -v runuser >/dev/null || { echo "runuser is missing (util-linux)" >&2; exit 1; }
fi
"$bin/pg_ctl" --version
