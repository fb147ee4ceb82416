"""`python -m bench load`: simulated people using the public site at once — browsing
meetings and committees, searching, downloading agenda packs — against ``moot serve`` on
PostgreSQL, for a bounded time; prints requests, errors and latency percentiles
(docs/benchmarks.md "Load"). Not part of ``make bench`` nor of the tests: it takes a minute
and the machine's whole attention.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/moot_load MOOT_DATA_DIR=var/load \\
        python -m bench load --users 200 --seconds 60 --workers 2

The database must hold the demo with its packs built (``moot migrate``, ``moot demo``,
``moot db_worker --batch``, ``moot collectstatic``); ``--base URL`` loads a server already
running instead of starting one. Each user is a small asyncio client (HTTP/1.1, a connection per
page, no dependency): it opens a page, waits a moment as a person reads
it, and goes on; an error is any status of 400 or more, a timeout or a broken connection.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from . import serve_bench

ROOT = Path(__file__).resolve().parents[1]
SEARCHES = ["budget", "highways", "school", "planning", "minutes", "council tax", "Kent", "waste"]
TIMEOUT = 30.0


def discover(base: str) -> dict[str, list[str]]:
    """The pages to visit, found as a person would, from the front page's links."""

    def links(path: str) -> list[str]:
        with urllib.request.urlopen(base + path, timeout=TIMEOUT) as response:
            html = response.read().decode(errors="replace")
        return sorted(set(re.findall(r'href="(/[^"#?]*)"', html)))

    committees = [p for p in links("/committees/") if re.match(r"^/committees/[^/]+/$", p)]
    meetings = sorted(
        {p for c in committees for p in links(c) if re.match(r"^/meetings/\d+/[^/]+/$", p)}
    )
    packs: list[str] = []
    for meeting in meetings[:40]:
        packs += [p for p in links(meeting) if "pack" in p and p.endswith(".pdf")]
    if not packs:
        sys.exit("No agenda pack to download: build the demo's packs (moot db_worker --batch).")
    return {"meetings": meetings, "committees": committees, "packs": sorted(set(packs))}


async def get(reader, writer, host: str, path: str) -> tuple[int, int]:
    """One GET on a kept-alive connection: (status, bytes of body)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: moot-load\r\n\r\n".encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        headers[name.strip().lower()] = value.strip()
    size = 0
    if headers.get("transfer-encoding") == "chunked":
        while (length := int((await reader.readline()).strip() or b"0", 16)) > 0:
            size += len(await reader.readexactly(length + 2)) - 2
        await reader.readline()
    else:
        size = len(await reader.readexactly(int(headers.get("content-length", 0))))
    return status, size


def choose(pages: dict[str, list[str]], rng: random.Random) -> tuple[str, str]:
    kind = rng.choices(["meeting", "committee", "search", "pack", "home"], [40, 15, 20, 15, 10])[0]
    if kind == "meeting":
        return kind, rng.choice(pages["meetings"])
    if kind == "committee":
        return kind, rng.choice(pages["committees"] or pages["meetings"])
    if kind == "search":
        return kind, "/search/?q=" + rng.choice(SEARCHES).replace(" ", "+")
    if kind == "pack":
        return kind, rng.choice(pages["packs"])
    return kind, "/"


async def user(n: int, base: str, pages, until: float, results: list, errors: list) -> None:
    rng = random.Random(n)
    split = urlsplit(base)
    while time.monotonic() < until:
        kind, path = choose(pages, rng)
        started = time.monotonic()
        writer = None
        try:  # a connection per page: the server closes one left idle while a person reads
            reader, writer = await asyncio.open_connection(split.hostname, split.port)
            status, _ = await asyncio.wait_for(get(reader, writer, split.netloc, path), TIMEOUT)
            if status >= 400:
                errors.append((kind, path, status))
            else:
                results.append((kind, time.monotonic() - started))
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError) as e:
            errors.append((kind, path, type(e).__name__))
        finally:
            if writer is not None:
                writer.close()
        await asyncio.sleep(rng.uniform(0.5, 2.5))  # reading the page


def percentile(values: list[float], q: int) -> float:
    """The q-th percentile in milliseconds (of one value, that value; of none, 0)."""
    if len(values) < 2:
        return values[0] * 1000 if values else 0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


async def load(base: str, users: int, seconds: int) -> tuple[list, list, float]:
    pages = discover(base)
    print(
        f"{len(pages['meetings'])} meetings, {len(pages['committees'])} committees, "
        f"{len(pages['packs'])} packs to choose from",
        flush=True,
    )
    results: list = []
    errors: list = []
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(user(n, base, pages, until, results, errors) for n in range(users)))
    return results, errors, time.monotonic() - started


def serve(args) -> subprocess.Popen:
    env = {"MOOT_DB_POOL": "8", **os.environ, "PYTHONPATH": str(ROOT), "MOOT_ACCESS_LOG": "0"}
    if not env.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to the PostgreSQL database holding the demo.")
    command = [sys.executable, "-m", "moot.cli", "serve", "--workers", str(args.workers)]
    process = subprocess.Popen([*command, "--port", str(args.port)], env=env, cwd=ROOT)
    try:
        serve_bench.wait_for(f"http://127.0.0.1:{args.port}/healthz")
    except RuntimeError:
        process.terminate()
        sys.exit("moot serve did not start")
    return process


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench load")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--base", help="a running server's address (default: start moot serve)")
    args = parser.parse_args(argv)
    process = None if args.base else serve(args)
    base = args.base or f"http://127.0.0.1:{args.port}"
    try:
        results, errors, elapsed = asyncio.run(load(base, args.users, args.seconds))
    finally:
        if process is not None:
            process.terminate()
            process.wait()
    print(f"\n{args.users} users for {args.seconds} s against {base} ({args.workers} workers)")
    print("| what | requests | requests/s | errors | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|")
    kinds = sorted({kind for kind, _ in results})
    for kind in [*kinds, "all"]:
        times = [t for k, t in results if kind in (k, "all")]
        wrong = [e for e in errors if kind in (e[0], "all")]
        print(
            f"| {kind} | {len(times)} | {len(times) / elapsed:.1f} | {len(wrong)} "
            f"| {percentile(times, 50):.0f} | {percentile(times, 95):.0f} "
            f"| {percentile(times, 99):.0f} |"
        )
    for error in errors[:10]:
        print("error:", *error)
    sys.exit(1 if errors else 0)
