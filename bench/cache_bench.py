"""The public page cache under load (docs/benchmarks.md "Public page cache").

The production stack as deploy/ describes it — nginx (Debian's, TLS, the site rendered from
deploy/nginx/moot.conf.in with its page cache) in front of ``moot serve`` with two workers in
production mode — serves the demo's public meeting page of 15 September 2017 (Policy and
Resources Cabinet Committee), and the same nginx serves the same bytes as a static file.
wrk measures, in one run, with 20 and then 100 connections for ``--seconds`` each:

- the static file (the floor: what nginx itself can do here);
- the page from nginx's cache (the goal: ≥ 50 % of the static file's throughput, p99 ≤ 50 ms
  at 100 connections, no errors);
- at 20 connections, the page uncached (a session cookie sends every request past both
  caches to Django) and the page from Moot's own cache (``moot serve`` asked directly).

Then a supplement is published by another process, as democratic services would, and the very
next request through nginx must show its paper (a miss, then hits).

``python -m bench cache [--seconds S]``; the demo (SQLite, no packs) and its static files are
made once in ``$MOOT_BENCH_CACHE_DIR`` (default ``var/bench-cache``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import secrets
import shutil
import ssl
import statistics
import subprocess
import sys
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from . import serve_bench

ROOT = serve_bench.ROOT
DEPLOY = ROOT / "deploy"
MOOT = [str(serve_bench.BIN / "python"), "-m", "moot.cli"]
STATIC = "/bench-static/meeting.html"
SUPPLEMENT = (
    "import datetime as dt; from audit.actors import SystemActor; "
    "from meetings.models import Meeting; from papers import services; "
    "from papers.models import Document, DocumentKind; "
    "from publishing.supplements import publish_supplement; "
    "a = SystemActor('bench'); m = Meeting.objects.get(pk={pk}); "
    "d = services.save_document(Document(title='{title}', kind=DocumentKind.OTHER), actor=a); "
    "services.add_version(d, html='<p>{title}.</p>', actor=a); "
    "services.attach(m.items.get(number='12'), d, actor=a); publish_supplement(m, actor=a)"
)


def _deploy_render():
    spec = importlib.util.spec_from_file_location("deploy_render", DEPLOY / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RENDER = _deploy_render()


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        sys.exit("nginx is needed: apt-get install nginx")
    return found


def configure(folder: Path, data: Path, https: int, http: int, app: int) -> Path:
    """deploy/'s site for this machine, with one more location: the static copy."""
    cert, key = RENDER.local_certificate(folder)
    values = RENDER.local_site(
        https=https,
        http=http,
        app=app,
        cert=cert,
        key=key,
        data=data,
        private=data / "private",
        cache=folder / "cache",
    )
    static = f"    location /bench-static/ {{\n        alias {folder / 'static'}/;\n    }}\n\n"
    as_debian = {  # as Debian's nginx.conf
        "worker_processes 1;": "worker_processes auto;",
        "worker_connections 256": "worker_connections 1024",
    }
    return RENDER.local_nginx(folder, values, locations=static, main=as_debian)


def fetch(url: str, **headers: str) -> tuple[int, dict, bytes]:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30, context=context) as response:
        return response.status, dict(response.headers), response.read()


def wrk(url: str, connections: int, seconds: int, *headers: str) -> dict:
    return serve_bench.parse(serve_bench.wrk(url, connections, seconds, *headers))


def first_request_after_publication(site: str, page: str, pk: str, env: dict) -> str:
    title = f"Bench supplement {secrets.token_hex(4)}"
    subprocess.run(
        [*MOOT, "shell", "-c", SUPPLEMENT.format(pk=pk, title=title)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    _, headers, body = fetch(site + page)
    assert title.encode() in body, "the first request after the publication shows the paper"
    first = headers["X-Cache"]
    assert first == "MISS", first
    _, headers, body = fetch(site + page)
    assert title.encode() in body and headers["X-Cache"] == "HIT"
    return f"first request after a supplement: {first}, shows its paper; the next: HIT"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench cache")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    nginx = nginx_binary()
    data = Path(os.environ.get("MOOT_BENCH_CACHE_DIR", ROOT / "var" / "bench-cache"))
    data.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(MOOT_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="moot.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    page = serve_bench.prepare(data, env)
    pk = page.split("/")[2]
    https, http, app = (serve_bench.free_port() for _ in range(3))
    env.update(
        MOOT_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(40),
        MOOT_SITE_URL=f"https://localhost:{https}",
        ALLOWED_HOSTS="localhost,127.0.0.1",
        MOOT_X_ACCEL_REDIRECT="/_private/",
        MOOT_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
        MOOT_ACCESS_LOG="0",
        PORT=str(app),
    )
    folder = data / "nginx"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "static").mkdir(parents=True)
    conf = configure(folder, data, https, http, app)
    site, direct = f"https://127.0.0.1:{https}", f"http://127.0.0.1:{app}"
    results: dict[tuple[str, int], list[dict]] = {}
    ratios: dict[int, list[float]] = {20: [], 100: []}
    with ExitStack() as stack:
        for command, url, log in (
            ([*MOOT, "serve", "--workers", "2"], f"{direct}/healthz", "serve.log"),
            ([nginx, "-p", str(folder), "-c", str(conf)], f"http://127.0.0.1:{http}/", "nginx.log"),
        ):
            stack.enter_context(serve_bench_server(command, env, url, folder / log))
        _, headers, body = fetch(site + page)
        (folder / "static" / "meeting.html").write_bytes(body)
        for _ in range(20):
            fetch(site + page)
        assert fetch(site + page)[1]["X-Cache"] == "HIT"
        assert fetch(site + STATIC)[2] == body, "the static file is the page's bytes"
        proxied = ("Host: localhost", "X-Forwarded-Proto: https")
        for _ in range(5):
            fetch(direct + page, **dict(h.split(": ") for h in proxied))
        runs = [
            *[(STATIC_NAME, c, site + STATIC, ()) for c in (20, 100)],
            *[(CACHED_NAME, c, site + page, ()) for c in (20, 100)],
            (UNCACHED_NAME, 20, site + page, ("Cookie: sessionid=bench",)),
            (OWN_NAME, 20, direct + page, proxied),
        ]
        runs.sort(key=lambda run: run[1])  # static and cached side by side, in turn
        for round_ in range(args.rounds):
            for name, connections, url, headers in runs:
                found = wrk(url, connections, args.seconds, *headers)
                results.setdefault((name, connections), []).append(found)
                print(f"round {round_ + 1}: {name}, {connections}: {found}", flush=True)
            for connections in ratios:
                static, cached = (results[(n, connections)][-1] for n in (STATIC_NAME, CACHED_NAME))
                ratios[connections].append(cached["rps"] / static["rps"])
        after = first_request_after_publication(site, page, pk, env)
    report(page, body, args, results, ratios, after)


STATIC_NAME, CACHED_NAME = "static file (nginx)", "page, nginx's cache"
UNCACHED_NAME = "page uncached (a session cookie: Django renders it)"
OWN_NAME = "page, Moot's own cache (moot serve asked directly)"


def report(page, body, args, results, ratios, after) -> None:
    print(
        f"\n{page} ({len(body) / 1024:.1f} KB), moot serve --workers 2, "
        f"wrk -t2 -d{args.seconds}s, medians of {args.rounds} round(s)"
    )
    print(
        "| what | connections | requests/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|"
    )
    for (name, connections), found in sorted(results.items(), key=lambda r: (r[0][1], r[0][0])):
        med = {k: statistics.median(r[k] for r in found) for k in ("rps", "p50", "p99")}
        errors = sum(r["errors"] for r in found)
        print(
            f"| {name} | {connections} | {med['rps']:.0f} | {med['p50']:.2f} "
            f"| {med['p99']:.2f} | {errors:.0f} |"
        )
    for connections, found in ratios.items():
        each = ", ".join(f"{r:.2f}" for r in found)
        print(
            f"cached ÷ static at {connections} connections: {statistics.median(found):.2f} "
            f"(rounds: {each}; goal ≥ 0.50)"
        )
    cached = results[(CACHED_NAME, 100)]
    p99 = statistics.median(r["p99"] for r in cached)
    errors = sum(r["errors"] for c in (20, 100) for r in results[(CACHED_NAME, c)])
    print(f"cached, 100 connections: p99 {p99:.1f} ms (goal ≤ 50); errors {errors:.0f} (goal 0)")
    print(after)


def serve_bench_server(command: list[str], env: dict, url: str, log: Path):
    from moot.tests import servers

    return servers.running(command, env, url, log)


if __name__ == "__main__":
    main()
