#!/usr/bin/env bash
# The whole suite: on SQLite always; again on PostgreSQL when DATABASE_URL names one or a
# server answers on 127.0.0.1:5432. Under CI=true the PostgreSQL run is required.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export MOOT_DATA_DIR="${MOOT_DATA_DIR:-$(mktemp -d)}"

echo "== Tests on SQLite"
env -u DATABASE_URL "$BIN/pytest" "$@"

pg_url="${DATABASE_URL:-}"
case "$pg_url" in postgres*) ;; *) pg_url="" ;; esac
if [ -z "$pg_url" ] && "$BIN/python" -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then
  pg_url="postgres://postgres@127.0.0.1:5432/moot"
fi
if [ -n "$pg_url" ]; then
  echo "== Tests on PostgreSQL ($pg_url)"
  DATABASE_URL="$pg_url" "$BIN/pytest" "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "CI=true but no PostgreSQL answers: the PostgreSQL run cannot be skipped." >&2
  exit 1
else
  echo "== PostgreSQL not reachable: its run was skipped (set DATABASE_URL to run it)."
fi
