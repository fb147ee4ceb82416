#!/usr/bin/env bash
# The whole suite: on SQLite always; again on PostgreSQL when DATABASE_URL names one or a
# server answers on 127.0.0.1:5432. Under CI=true the PostgreSQL run is required.
# The two databases run at the same time (each in its own data directory), each writing to
# its own log; the logs are printed in turn when both have finished. MOOT_TEST_SERIAL=1 runs
# them one after the other with the output live.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

# Lint first (seconds): ruff's checks and its format, over the whole tree, as in CI; then
# mypy over the modules it checks strictly (pyproject.toml [tool.mypy]), which must have no
# error. Its cache (.mypy_cache) makes a run after a small change take a few seconds.
echo "== Lint: ruff check, ruff format --check, mypy"
"$BIN/ruff" check --quiet .
"$BIN/ruff" format --check --quiet .
"$BIN/mypy"

pg_url="${DATABASE_URL:-}"
case "$pg_url" in postgres*) ;; *) pg_url="" ;; esac
if [ -z "$pg_url" ] && "$BIN/python" -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then
  pg_url="postgres://postgres@127.0.0.1:5432/moot"
fi
if [ -z "$pg_url" ] && [ "${CI:-}" = "true" ]; then
  echo "CI=true but no PostgreSQL answers: the PostgreSQL run cannot be skipped." >&2
  exit 1
fi

# Each database's run is split between MOOT_TEST_WORKERS processes (pytest-xdist; default 2;
# 0 runs in this process), a test module staying whole on one worker (its module fixtures are
# made once). Each worker has its own test database (pytest-django names it after the worker)
# and its own data directory (moot/settings.py), so the runs never share a row or a file.
workers="${MOOT_TEST_WORKERS:-2}"
xdist=(-n "$workers" --dist loadfile)
sqlite_run() { MOOT_DATA_DIR="$(mktemp -d)" env -u DATABASE_URL "$BIN/pytest" "${xdist[@]}" "$@"; }
pg_run() { MOOT_DATA_DIR="$(mktemp -d)" DATABASE_URL="$pg_url" "$BIN/pytest" "${xdist[@]}" "$@"; }

if [ -z "$pg_url" ]; then
  echo "== Tests on SQLite"
  sqlite_run "$@"
  echo "== PostgreSQL not reachable: its run was skipped (set DATABASE_URL to run it)."
  exit 0
fi

if [ "${MOOT_TEST_SERIAL:-}" = "1" ]; then
  echo "== Tests on SQLite"
  sqlite_run "$@"
  echo "== Tests on PostgreSQL ($pg_url)"
  pg_run "$@"
  exit 0
fi

logs="$(mktemp -d)"
echo "== Tests on SQLite and on PostgreSQL ($pg_url), at the same time"
start=$SECONDS
sqlite_run "$@" >"$logs/sqlite.log" 2>&1 & sqlite_pid=$!
pg_run "$@" >"$logs/postgres.log" 2>&1 & pg_pid=$!
sqlite_rc=0; pg_rc=0
wait "$sqlite_pid" || sqlite_rc=$?
wait "$pg_pid" || pg_rc=$?
echo "== Tests on SQLite (exit $sqlite_rc)"
cat "$logs/sqlite.log"
echo "== Tests on PostgreSQL (exit $pg_rc)"
cat "$logs/postgres.log"
echo "== Both databases in $((SECONDS - start)) s"
[ "$sqlite_rc" -eq 0 ] && [ "$pg_rc" -eq 0 ]
