"""The production ASGI servers compared on the demo's public meeting page (docs/benchmarks.md,
"Serving"): uvicorn's own ``--workers``, granian, and gunicorn with uvicorn workers (what
``moot serve`` runs, measured through it), each with
the same number of worker processes, measured with wrk (20 connections, 20 s), taking turns
over several rounds so that the shared machine's noise falls on each alike.

``python -m bench serve [--rounds N] [--seconds S] [--workers W]``; the demo (SQLite, no
packs) and its collected static files are made once in ``$MOOT_BENCH_SERVE_DIR``
(default ``var/bench-serve``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = "/meetings/{pk}/{slug}/"
BIN = Path(sys.executable).parent


def servers(port: int, workers: int) -> dict[str, list[str]]:
    app = "moot.asgi:application"
    return {
        "uvicorn --workers": [
            *[str(BIN / "uvicorn"), app, "--host", "127.0.0.1", "--port", str(port)],
            *["--workers", str(workers), "--no-access-log", "--log-level", "warning"],
        ],
        "granian": [
            *[str(BIN / "granian"), "--interface", "asgi", "--no-ws", "--host", "127.0.0.1"],
            *["--port", str(port), "--workers", str(workers), "--log-level", "warning", app],
        ],
        "gunicorn + uvicorn workers (moot serve)": [
            *[str(BIN / "python"), "-m", "moot.cli", "serve"],
            *["--port", str(port), "--workers", str(workers), "--no-access-log"],
        ],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(data: Path, env: dict) -> str:
    """The demo in ``data`` (made once); the meeting page's path."""
    moot = [str(BIN / "python"), "-m", "moot.cli"]
    if not (data / "moot.sqlite3").exists():
        subprocess.run([*moot, "migrate", "--noinput", "-v0"], env=env, check=True)
        subprocess.run([*moot, "demo", "--no-packs", "-v0"], env=env, check=True)
    subprocess.run([*moot, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    code = (
        "from meetings.models import Meeting; m = Meeting.objects.get("
        "body__slug='policy-and-resources-cabinet-committee', date='2017-09-15'); "
        "print(m.pk, m.slug)"
    )
    out = subprocess.run(
        [*moot, "shell", "-c", code], env=env, check=True, capture_output=True, text=True
    )
    pk, slug = out.stdout.split()[-2:]
    return PAGE.format(pk=pk, slug=slug)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def parse(output: str) -> dict:
    def number(pattern: str) -> float:
        found = re.search(pattern, output)
        return float(found.group(1)) if found else 0.0

    def ms(label: str) -> float:
        found = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)\b", output)
        if not found:
            return 0.0
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = number(r"Non-2xx or 3xx responses: (\d+)")
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "p50": ms("50"),
        "p99": ms("99"),
        "errors": errors,
    }


def wrk(url: str, connections: int, seconds: int, *headers: str) -> str:
    """wrk's report of ``seconds`` of load on ``url`` (two threads, with latencies), each of
    ``headers`` ("Name: value") sent with every request."""
    extra = [a for h in headers for a in ("-H", h)]
    return subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def measure(command: list[str], urls: list[str], env: dict, seconds: int, connections: int):
    """wrk's figures for each of ``urls``, from one start of the server."""
    server = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        start_new_session=True,  # its workers with it, stopped together
    )
    try:
        wait_for(urls[0])
        found = []
        for url in urls:
            for _ in range(20):  # warm every worker
                urllib.request.urlopen(url, timeout=10).read()
            found.append(parse(wrk(url, connections, seconds)))
        return found
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:  # granian does not stop on SIGTERM (Serving)
            pass
        try:
            os.killpg(server.pid, signal.SIGKILL)  # whatever of the server is left
        except ProcessLookupError:
            pass
        server.wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench serve")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    data = Path(os.environ.get("MOOT_BENCH_SERVE_DIR", ROOT / "var" / "bench-serve"))
    data.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(MOOT_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="moot.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    page = prepare(data, env)
    # The meeting page (Django's own work dominates) and /healthz (almost none: the server's
    # own cost shows).
    pages = [page, "/healthz"]
    results: dict[tuple[str, str], list[dict]] = {}
    for round_ in range(args.rounds):
        for name, command in servers(port := free_port(), args.workers).items():
            urls = [f"http://127.0.0.1:{port}{path}" for path in pages]
            for path, found in zip(
                pages, measure(command, urls, env, args.seconds, args.connections), strict=True
            ):
                results.setdefault((name, path), []).append(found)
                print(f"round {round_ + 1}: {name} {path}: {found}", flush=True)
    print(
        f"\n{args.workers} workers, wrk -t2 -c{args.connections} -d{args.seconds}s, "
        f"medians of {args.rounds} rounds"
    )
    print("| server | page | requests/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|")
    for (name, path), runs in results.items():
        med = {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50", "p99")}
        errors = sum(r["errors"] for r in runs)
        print(
            f"| {name} | {path} | {med['rps']:.1f} | {med['p50']:.1f} | {med['p99']:.1f} "
            f"| {errors:.0f} |"
        )


if __name__ == "__main__":
    main()
