"""Pack builds per minute with 1, 2, … task workers (docs/scaling.md "Task workers").

``python -m bench workers [--packs N] [--workers 1 2]``: on SQLite in
``$MOOT_BENCH_WORKERS_DIR`` (default ``var/bench-workers``), or on the PostgreSQL database
``DATABASE_URL`` names (it is migrated; its rows stay). For each worker count, in turns over
``--rounds``: N packs of a small meeting (one item, one short report) are queued, that many
``moot db_worker`` processes started, and the time from their start until the queue is empty
measured; each pack is checked built exactly once. The figure is packs per minute.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setup(data: Path) -> None:
    os.environ["MOOT_DATA_DIR"] = str(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moot.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _meeting():
    from audit.actors import SystemActor
    from meetings.models import Meeting
    from moot import testing as t

    name = "Bench Workers Committee"
    found = Meeting.objects.filter(body__name=name).first()
    return found or t.meeting_with_a_short_paper(name, actor=SystemActor("moot bench"))


def _round(meeting, packs: int, workers: int, data: Path) -> float:
    """Packs per minute for one round."""
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from audit.actors import SystemActor
    from audit.models import AuditEntry
    from papers.models import AgendaPack, PackStatus
    from papers.packs import request_pack

    actor = SystemActor("moot bench")
    ids = [request_pack(meeting, reason="Bench", actor=actor).pk for _ in range(packs)]
    connection.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    logs = [open(data / f"worker-{n}.log", "wb") for n in range(workers)]
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "moot.cli", "db_worker", "--interval", "0.1"]
            + ["--no-startup-delay", "--worker-id", f"bench-{n}"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        for n, log in enumerate(logs)
    ]
    while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
        time.sleep(0.1)
    elapsed = time.perf_counter() - started
    for proc in procs:
        proc.send_signal(signal.SIGTERM)
    for proc, log in zip(procs, logs, strict=True):
        proc.wait()
        log.close()
    built = AgendaPack.objects.filter(pk__in=ids, status=PackStatus.BUILT).count()
    entries = AuditEntry.objects.filter(
        event="papers.pack_built", object_id__in=[str(i) for i in ids]
    ).count()
    assert built == entries == packs, (built, entries, packs)
    DBTaskResult.objects.all().delete()
    return packs / elapsed * 60


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench workers")
    parser.add_argument("--packs", type=int, default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    data = Path(os.environ.get("MOOT_BENCH_WORKERS_DIR", ROOT / "var" / "bench-workers"))
    data.mkdir(parents=True, exist_ok=True)
    _setup(data)
    from django.db import connection

    meeting = _meeting()
    rates: dict[int, list[float]] = {w: [] for w in args.workers}
    for r in range(args.rounds):
        for workers in args.workers:
            rate = _round(meeting, args.packs, workers, data)
            rates[workers].append(rate)
            print(f"round {r + 1}: {workers} worker(s): {rate:.0f} packs/min", flush=True)
    print(f"{connection.vendor}, {args.packs} packs a round, median of {args.rounds} rounds:")
    base = statistics.median(rates[args.workers[0]])
    for workers, found in rates.items():
        median = statistics.median(found)
        print(f"  {workers} worker(s): {median:.0f} packs/min ({median / base:.2f}x)")
