"""Search latency against its floor (docs/benchmarks.md, "Search"), and the API's list throughput.

Builds (once; kept between runs) a synthetic council of twenty years' business in its own
PostgreSQL database (``DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/moot_bench``)
with the generator behind ``moot demo --synthetic``, then, over 50 realistic queries (single
words, phrases, names, places, with and without filters):

- s: ``search.services.search`` returning a ranked page of 20 with snippets and its count,
  as the public;
- s0 (floor): the ranked top-20 ids from the same full-text index, with the same conditions,
  by one plain SQL query.

Each query runs 5 times after a warm-up; p50/p95 are over all runs. Then GET /api/meetings/
(first page) through Django's test client. ``MOOT_BENCH_REBUILD=1`` regenerates the council;
``MOOT_BENCH_YEARS``/``MOOT_BENCH_WORDS`` size it; ``MOOT_BENCH_RUNS`` (default 5) sets the runs
per query, for quick trials only. The matches column shows ``1000+`` where the count stopped
(``SearchResult.more``).
"""

from __future__ import annotations

import os
import statistics
import time

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/moot_bench"
YEARS = int(os.environ.get("MOOT_BENCH_YEARS", "20"))
WORDS = int(os.environ.get("MOOT_BENCH_WORDS", "1000"))
RUNS = int(os.environ.get("MOOT_BENCH_RUNS", "5"))


def setup() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moot.settings")
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(base + "/postgres", autocommit=True) as con:
            if not con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                con.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build() -> None:
    from django.db import transaction

    from audit.actors import SystemActor
    from council.models import Authority
    from demo.synthetic import generate
    from demo.synthetic.options import Options
    from demo.wipe import wipe

    existing = Authority.current()
    if (
        existing
        and existing.name == "Wessex County Council"
        and not os.environ.get("MOOT_BENCH_REBUILD")
    ):
        return
    started = time.monotonic()
    with transaction.atomic():
        if existing:
            wipe(SystemActor("bench"))
        counts = generate(
            Options(members=80, years=YEARS, seed=1, first_year=2006, paper_words=WORDS)
        )
    print(f"built in {time.monotonic() - started:.0f} s: {counts}", flush=True)
    from django.db import connection

    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE search_entry") if connection.vendor == "postgresql" else None


def corpus() -> dict:
    from django.db import connection
    from django.db.models import Count, Sum
    from django.db.models.functions import Length

    from meetings.models import Meeting
    from papers.models import Document
    from search.models import Entry

    words = 0
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute(
                "SELECT coalesce(sum(array_length(regexp_split_to_array(text, '\\s+'), 1)),"
                " 0) FROM papers_documentversion"
            )
            words = c.fetchone()[0]
    return {
        "meetings": Meeting.objects.count(),
        "documents": Document.objects.count(),
        "words of papers": words,
        "index rows": Entry.objects.count(),
        "index text (MB)": round((Entry.objects.aggregate(n=Sum(Length("text")))["n"] or 0) / 1e6),
        "by kind": dict(Entry.objects.values_list("kind").annotate(n=Count("id"))),
    }


def queries() -> list[tuple[str, dict]]:
    from council.models import Body, Division, Person
    from meetings.models import Meeting

    people = list(Person.objects.filter(terms__isnull=False).distinct().order_by("pk")[:40])
    bodies = list(Body.objects.filter(meetings__isnull=False).distinct().order_by("pk"))
    places = list(Division.objects.order_by("pk").values_list("name", flat=True)[:10])
    last = Meeting.objects.order_by("-date").first().date
    recent = {"date_from": last.replace(year=last.year - 2)}
    words = [
        "budget",
        "highways",
        "potholes",
        "libraries",
        "flood",
        "procurement",
        "carbon",
        "apprenticeship",
        "consultation",
        "reserves",
        "schools",
        "recruitment",
        "broadband",
        "quarry",
        "allowances",
    ]
    phrases = [
        '"adult social care"',
        '"capital receipts"',
        '"internal audit"',
        "treasury management",
        '"equality impact assessment"',
        "bus services",
        '"children in care"',
        "waste management strategy",
        "council tax base",
        "medium term financial plan",
    ]
    out: list[tuple[str, dict]] = [(w, {}) for w in words]
    out += [(p, {}) for p in phrases]
    out += [(f"{p.surname}", {}) for p in people[:5]]
    out += [(f'"{p.councillor_name}"', {}) for p in people[5:8]]
    out += [(place, {}) for place in places[:4]]
    # With filters.
    out += [
        ("budget", {"body": bodies[0].slug}),
        ("consultation", {"body": bodies[3].slug}),
        ("highways", recent),
        ('"adult social care"', recent),
        ("reserves", {"kinds": ["report"]}),
        ("flood", {"kinds": ["appendix", "report"]}),
        ("minutes", {"kinds": ["meeting"]}),
        ("budget", {"member": people[10].slug}),
        ("schools", {"member": people[11].slug, **recent}),
        (places[4], {"body": bodies[1].slug}),
        ("carbon", {"date_from": "2010-01-01", "date_to": "2012-12-31"}),
        (people[12].surname, {"kinds": ["member"]}),
        ("procurement -contract", {}),
        ("libraries OR broadband", {}),
    ]
    return out[:50]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure() -> dict:
    from search import services
    from search.backends import backend
    from search.query import parse

    engine = backend()
    qs = queries()
    s, s0, rows, naive = [], [], [], []
    for text, filters in qs:
        parsed = parse(text)
        where, _ = services.conditions(services.make_filters(**filters), None)
        services.search(text, None, page_size=20, **filters)  # warm-up
        engine.floor(parsed, where, 20)
        times, floors = [], []
        for _ in range(RUNS):
            t = time.perf_counter()
            result = services.search(text, None, page_size=20, **filters)
            times.append(time.perf_counter() - t)
            t = time.perf_counter()
            engine.floor(parsed, where, 20)
            floors.append(time.perf_counter() - t)
        s += times
        s0 += floors
        naive_t = None
        if hasattr(engine, "floor_full_rank"):  # once: every match ranked on its full vector
            t = time.perf_counter()
            engine.floor_full_rank(parsed, where, 20)
            naive_t = time.perf_counter() - t
            naive.append(naive_t)
        matches = f"{result.total}{'+' if result.more else ''}"
        rows.append(
            (text, filters, matches, statistics.median(times), statistics.median(floors), naive_t)
        )
    return {
        "queries": len(qs),
        "s_p50": pct(s, 50),
        "s_p95": pct(s, 95),
        "s0_p50": pct(s0, 50),
        "s0_p95": pct(s0, 95),
        "rows": rows,
        "naive_p50": pct(naive, 50) if naive else None,
        "naive_p95": pct(naive, 95) if naive else None,
    }


def api_throughput(seconds: float = 10.0) -> dict | None:
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("api:meetings")
    except NoReverseMatch:
        return None
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    response = client.get(url)
    if response.status_code != 200:
        return {"status": response.status_code}
    n, started, times = 0, time.perf_counter(), []
    while time.perf_counter() - started < seconds:
        t = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - t)
        n += 1
    return {
        "requests": n,
        "per_second": n / (time.perf_counter() - started),
        "p50_ms": 1000 * pct(times, 50),
        "p95_ms": 1000 * pct(times, 95),
        "bytes": len(response.content),
    }


def main() -> None:
    from django.conf import settings

    if settings.configured:  # another benchmark set Django up first, on its own database
        print("search: run it on its own: python -m bench search")
        return
    setup()
    build()
    print("corpus:", corpus(), flush=True)
    m = measure()
    print(f"  {'query':40} {'filters':50} {'matches':>7} {'s':>10} {'s0':>10} {'full-rank':>10}")
    for text, filters, total, t, t0, tn in m["rows"]:
        naive = f"{1000 * tn:7.1f} ms" if tn is not None else ""
        print(
            f"  {text!r:40} {str(filters)[:50]:50} {total:>7} {1000 * t:7.1f} ms "
            f"{1000 * t0:7.1f} ms {naive}",
            flush=True,
        )
    print(
        f"search over {m['queries']} queries: s p50 {1000 * m['s_p50']:.1f} ms, "
        f"p95 {1000 * m['s_p95']:.1f} ms; floor p50 {1000 * m['s0_p50']:.1f} ms, "
        f"p95 {1000 * m['s0_p95']:.1f} ms; ratio p50 {m['s_p50'] / m['s0_p50']:.2f}, "
        f"p95 {m['s_p95'] / m['s0_p95']:.2f}"
    )
    if m["naive_p50"] is not None:
        print(
            f"floor ranking every match on its full vector (one run each): p50 "
            f"{1000 * m['naive_p50']:.1f} ms, p95 {1000 * m['naive_p95']:.1f} ms"
        )
    api = api_throughput()
    print("GET /api/meetings/:", api if api is not None else "not available")


if __name__ == "__main__":
    main()
