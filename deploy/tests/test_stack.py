"""The reference deployment (deploy/), started for real on this machine and crawled through
nginx: nginx from Debian with a certificate made here, its site rendered from
deploy/nginx/moot.conf.in, on free ports, as the current user; ``moot serve`` with two
worker processes in production mode on the session's test database (PostgreSQL itself, or a
copy of the SQLite one); two task workers (``moot db_worker``).

Through nginx: plain HTTP is sent to HTTPS; public pages answer (a crawl from the front page
finds no server error and never the exempt paper's title); static files come from nginx with
a year's cache and gzip; pages are gzipped; a public paper's PDF and the agenda pack the
workers built are sent by nginx on Moot's X-Accel-Redirect; an exempt paper's file is refused
to the public, and the internal location is a 404 whatever it is asked for; /metrics is
refused (Prometheus asks ``moot serve`` directly). Public pages come from nginx's cache
(deploy/nginx, website/cache.py) until the record changes, and never to a request with a
session cookie; the first request after a paper is reclassified as exempt is not.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import secrets
import shutil
import ssl
import subprocess
import time
import urllib.request
from collections import deque
from contextlib import ExitStack
from pathlib import Path

import pytest

from access.tests.crawling import links
from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from moot import testing as t
from moot.needs import unavailable
from moot.tests import servers
from papers.models import Classification
from papers.packs import request_pack

DEPLOY = Path(__file__).resolve().parents[1]
SECRET = "STACK-EXEMPT-7f3a91"
MEETING = dict(body__slug="policy-and-resources-cabinet-committee", date="2017-09-15")
CRAWL_LIMIT = 60  # pages: enough to cross every kind of public page, in seconds
ACCEL = "/_private/"

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]


def _deploy_render():
    spec = importlib.util.spec_from_file_location("deploy_render", DEPLOY / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def nginx():
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None
    )
    if found is None:
        unavailable("nginx", "apt-get install nginx; .ci/stack.sh installs it")
    return found


class Site:
    """GETs through nginx over verified TLS, and straight to ``moot serve``."""

    def __init__(self, https: int, http: int, app: int, cert: Path):
        self.base, self.plain = f"https://localhost:{https}", f"http://localhost:{http}"
        self.app = f"http://127.0.0.1:{app}"
        self.context = ssl.create_default_context(cafile=str(cert))

    def get(self, path: str, **headers):
        """(status, headers, body) through nginx; redirects not followed."""
        opener = urllib.request.build_opener(
            servers.NoRedirect, urllib.request.HTTPSHandler(context=self.context)
        )
        return servers.fetch(opener, self.base + path, headers)

    def direct(self, path: str, **headers):
        """The same from ``moot serve`` itself, as nginx asks it (over HTTPS, for localhost)."""
        headers = {"Host": "localhost", "X-Forwarded-Proto": "https", **headers}
        return servers.get(self.app + path, headers)


def test_the_reference_deployment_through_nginx(demo_council, nginx, settings, tmp_path):
    private = tmp_path / "data" / "private"
    settings.PRIVATE_ROOT = private
    meeting = Meeting.objects.get(**MEETING)
    public, public_file = t.published_pdf_paper(
        meeting, meeting.items.get(number="12"), "Stack public paper", Classification.UNRESTRICTED
    )
    exempt, exempt_file = t.published_pdf_paper(
        meeting,
        meeting.items.get(number="14"),
        f"Stack exempt paper {SECRET}",
        Classification.EXEMPT,
        3,
    )
    request_pack(meeting, reason="Stack test", actor=TEST_ACTOR)  # queued, for the workers
    database = servers.database_url(tmp_path)

    https, http, app = servers.free_port(), servers.free_port(), servers.free_port()
    env = servers.environment(
        tmp_path / "data",
        DATABASE_URL=database,
        MOOT_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(40),
        MOOT_SITE_URL=f"https://localhost:{https}",
        ALLOWED_HOSTS="localhost,127.0.0.1",
        MOOT_PRIVATE_ROOT=str(private),
        MOOT_X_ACCEL_REDIRECT=ACCEL,
        MOOT_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
        PORT=str(app),
    )
    subprocess.run(
        [*servers.MOOT, "collectstatic", "--noinput", "-v0"], env=env, cwd=servers.ROOT, check=True
    )
    cert, key = _deploy_render().local_certificate(tmp_path)
    conf_dir = tmp_path / "nginx"
    values = _deploy_render().local_site(
        https=https,
        http=http,
        app=app,
        cert=cert,
        key=key,
        data=tmp_path / "data",
        private=private,
        cache=tmp_path / "nginx-cache",
    )
    conf = _deploy_render().local_nginx(conf_dir, values)
    checked = subprocess.run(
        [nginx, "-t", "-p", str(conf_dir), "-c", str(conf), "-e", str(conf_dir / "error.log")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    site = Site(https, http, app, cert)
    with ExitStack() as stack:
        stack.enter_context(
            servers.running(
                [*servers.MOOT, "serve", "--workers", "2"],
                env,
                f"{site.app}/healthz",
                tmp_path / "serve.log",
            )
        )
        workers = [
            stack.enter_context(
                servers.running(
                    [*servers.MOOT, "db_worker", "--worker-id", f"stack-{n}"],
                    env,
                    None,
                    tmp_path / f"worker-{n}.log",
                )
            )
            for n in (1, 2)
        ]
        stack.enter_context(
            servers.running(
                [nginx, "-p", str(conf_dir), "-c", str(conf), "-e", str(conf_dir / "error.log")],
                env,
                f"{site.plain}/",
                tmp_path / "nginx.log",
            )
        )
        page = f"/meetings/{meeting.pk}/{meeting.slug}/"
        _https_only(site, page)
        html = _public_pages(site, page)
        _static_files(site, html)
        _papers(site, meeting, private, (public, public_file), (exempt, exempt_file))
        _pack(site, meeting)
        _operations(site)
        _page_cache(site, meeting, public, env)
        assert all(w.poll() is None for w in workers), "both workers still run"
    log = (tmp_path / "serve.log").read_text()
    assert "GET /static/" not in log, "static files came from nginx, not Moot"
    assert re.search(rf"GET {re.escape(page)} 200 ", log), "pages came from moot serve"


def _https_only(site: Site, page: str) -> None:
    status, headers, _ = servers.get(site.plain + page)
    assert status == 301
    assert headers["Location"] == f"https://localhost{page}"
    status, headers, _ = site.get(page)
    assert status == 200
    assert "max-age=31536000" in headers["Strict-Transport-Security"]


def _public_pages(site: Site, page: str) -> str:
    """A bounded crawl from the front page and the meeting: no server error, no exempt text;
    the meeting page gzipped. Returns the meeting page's HTML."""
    status, headers, body = site.get(page, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(body).decode()
    assert "Stack public paper" in html and SECRET not in html
    seen: dict[str, int] = {}
    queue = deque(["/", page])
    while queue and len(seen) < CRAWL_LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        status, headers, body = site.get(url)
        seen[url] = status
        assert status < 500, (url, status)
        assert SECRET.encode() not in body, url
        if status == 200 and headers.get_content_type() == "text/html":
            queue.extend(sorted(links(url, body.decode(errors="replace")) - set(seen)))
    assert len(seen) == CRAWL_LIMIT
    assert sum(code == 200 for code in seen.values()) > CRAWL_LIMIT // 2
    return html


def _static_files(site: Site, html: str) -> None:
    css = re.search(r'href="(/static/css/moot\.[0-9a-f]{12}\.css)"', html)
    assert css, "pages link the hashed stylesheet"
    status, headers, body = site.get(css.group(1), **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"
    assert b".govuk-" in gzip.decompress(body)
    assert site.get("/static/css/no-such.css")[0] == 404


def _papers(site: Site, meeting, private: Path, public_paper, exempt_paper) -> None:
    (public, public_file), (exempt, exempt_file) = public_paper, exempt_paper
    base = f"/meetings/{meeting.pk}/{meeting.slug}/papers"
    status, headers, body = site.get(f"{base}/{public.pk}/pdf/")
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert body == (private / public_file).read_bytes()
    assert "X-Accel-Redirect" not in headers
    assert headers["Cache-Control"] == "no-cache"
    # Moot itself answered with the header and no body; nginx sent the file.
    status, headers, body = site.direct(f"{base}/{public.pk}/pdf/")
    assert status == 200 and headers["X-Accel-Redirect"] == ACCEL + public_file
    assert body == b""
    for what in ("", "pdf/", "original/"):
        url = f"{base}/{exempt.pk}/{what}"
        status, _, body = site.get(url)
        assert status == 404 and not body.startswith(b"%PDF"), url
        assert SECRET.encode() not in body
    # The internal location, guessed: a 404 for the exempt file and the public one alike.
    for name in (exempt_file, public_file, "", "../private/" + exempt_file):
        status, _, body = site.get(ACCEL + name)
        assert status == 404 and not body.startswith(b"%PDF"), name


def _pack(site: Site, meeting) -> None:
    """The pack queued before the start, built by one of the two workers, sent by nginx."""
    from website.queries.packs import pack_url

    url = pack_url(meeting, 0)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        status, headers, body = site.get(url)
        if status == 200:
            break
        assert status == 404, status
        time.sleep(0.5)
    assert status == 200, "the workers built the pack"
    assert headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    assert SECRET.encode() not in body


# The pack-build histogram's _count: how many builds the workers finished (one, not a time).
BUILT_ONCE = "moot_pack_build_seconds_count 1.0"


def _operations(site: Site) -> None:
    status, _, body = site.get("/healthz")
    assert status == 200 and b'"ok"' in body
    status, _, body = site.get("/readyz")
    assert status == 200 and b'"ready"' in body
    assert site.get("/metrics")[0] == 404, "nginx refuses the metrics"
    # From this machine: allowed. The pack's task ends once the papers' PDFs are stored too.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status, _, body = servers.get(f"{site.app}/metrics")
        assert status == 200
        text = body.decode()
        if BUILT_ONCE in text:
            break
        time.sleep(0.5)
    assert BUILT_ONCE in text, "one build, by one of the two workers"
    assert "moot_pack_builds_failed_total 0.0" in text
    assert 'view="website:paper_pdf"' in text
    assert SECRET not in text and "/meetings/" not in text


def _page_cache(site: Site, meeting, public, env: dict) -> None:
    """nginx keeps the public pages, never for a session, and not past a change: a paper
    reclassified as exempt by another process (as democratic services would) is gone from
    the very next request."""
    page = f"/meetings/{meeting.pk}/{meeting.slug}/"
    paper = f"{page}papers/{public.pk}/"
    for url in (page, paper):
        site.get(url)
        status, headers, body = site.get(url)
        assert status == 200 and headers["X-Cache"] == "HIT", url
        assert headers["Cache-Control"] == "public, no-cache"
        assert "X-Accel-Expires" not in headers and "Set-Cookie" not in headers
    assert b"Stack public paper" in body
    # A session cookie: past the cache both ways (a page it asked for first is not kept).
    fresh = f"/committees/{meeting.body.slug}/"
    status, headers, _ = site.get(fresh, Cookie="sessionid=not-a-session")
    assert status == 200 and headers["X-Cache"] == "BYPASS"
    assert site.get(fresh)[1]["X-Cache"] == "MISS", "what a session was shown was not kept"
    assert site.get(page, Cookie="sessionid=x")[1]["X-Cache"] == "BYPASS"
    code = (
        "from audit.actors import SystemActor; from papers.models import Document; "
        "from publishing.changes import reclassify_paper; "
        f"reclassify_paper(Document.objects.get(pk={public.pk}), 'exempt', 3, "
        "reason='Stack test', actor=SystemActor('stack test'))"
    )
    subprocess.run(
        [*servers.MOOT, "shell", "-c", code], env=env, cwd=servers.ROOT, check=True, timeout=120
    )
    status, headers, body = site.get(paper)
    assert status == 404 and headers["X-Cache"] != "HIT"
    status, headers, body = site.get(page)
    assert status == 200 and headers["X-Cache"] == "MISS"
    assert site.get(page)[1]["X-Cache"] == "HIT"
