"""``moot serve`` as it scales out (docs/scaling.md): the public meeting page of 15 September
2017 under wrk with 1, 2, … worker processes, on SQLite and, with ``DATABASE_URL`` naming a
PostgreSQL database, on PostgreSQL too, with the most connections PostgreSQL held for the site
while wrk ran (``pg_stat_activity``, sampled every 0.2 s).

``python -m bench scale [--workers 1 2 4] [--connections 20 100] [--seconds 10]``; the
SQLite demo is the serving benchmark's (``$MOOT_BENCH_SERVE_DIR``, bench/serve_bench.py); the
PostgreSQL database is migrated and given the demo once (its rows stay).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

from .serve_bench import ROOT, free_port, parse, prepare, wait_for, wrk


def _connections(url: str, stop: threading.Event, most: list[int]) -> None:
    import psycopg

    name = url.rsplit("/", 1)[-1].split("?")[0]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        while not stop.wait(0.2):
            ((count,),) = db.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [name]
            ).fetchall()
            most[0] = max(most[0], count)


def _load(url: str, connections: int, seconds: int, database: str | None) -> dict:
    stop, most = threading.Event(), [0]
    watcher = None
    if database:
        watcher = threading.Thread(target=_connections, args=(database, stop, most))
        watcher.start()
    try:
        out = wrk(url, connections, seconds)
    finally:
        stop.set()
        if watcher:
            watcher.join()
    return {**parse(out), "pg_connections": most[0] if database else None}


def _measure(env: dict, page: str, args, database: str | None, label: str) -> None:
    """One start of ``moot serve`` per worker count, loaded at each number of connections."""
    for workers in args.workers:
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "moot.cli", "serve", "--workers", str(workers)]
            + ["--port", str(port), "--no-access-log"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            url = f"http://127.0.0.1:{port}{page}"
            wait_for(url)
            for _ in range(10 * workers):
                urllib.request.urlopen(url, timeout=10).read()
            for connections in args.connections:
                found = _load(url, connections, args.seconds, database)
                print(
                    f"| {label} | {workers} | {connections} | {found['rps']:.1f} "
                    f"| {found['p50']:.0f} | {found['p99']:.0f} | {found['errors']:.0f} "
                    f"| {found['pg_connections'] if database else '–'} |",
                    flush=True,
                )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench scale")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--connections", type=int, nargs="+", default=[20, 100])
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    base.update(DJANGO_SETTINGS_MODULE="moot.settings")
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), base.get("PYTHONPATH")]))
    data = Path(os.environ.get("MOOT_BENCH_SERVE_DIR", ROOT / "var" / "bench-serve"))
    data.mkdir(parents=True, exist_ok=True)
    runs = [("SQLite", {**base, "MOOT_DATA_DIR": str(data)}, None)]
    database = os.environ.get("DATABASE_URL", "")
    if database.startswith("postgres"):
        pg_data = data.with_name(data.name + "-pg")
        pg_data.mkdir(exist_ok=True)
        runs.append(
            (
                "PostgreSQL",
                {**base, "MOOT_DATA_DIR": str(pg_data), "DATABASE_URL": database},
                database,
            )
        )
    print(f"wrk -t2 -d{args.seconds}s on the meeting page")
    print("| database | workers | connections | requests/s | p50 ms | p99 ms | errors | PG conns |")
    print("|---|---|---|---|---|---|---|---|")
    for label, env, pg in runs:
        page = prepare(Path(env["MOOT_DATA_DIR"]), env)
        _measure(env, page, args, pg, label)
