"""Exempt information never leaks (Schedule 12A: docs/statutory-rules.md §1B; docs/architecture.md).

A unique string is planted in an exempt report, an exempt appendix of a public report, an
exempt agenda item's own text, a confidential minutes document, an exempt minute with its
resolution and action, and a motion on the exempt item with a recorded vote (the minutes being
published). Then every public surface is crawled — every page reachable from "/", the sitemap,
feeds and calendars linked from pages, PDF packs and papers (bytes and extracted text), the
Word documents papers were uploaded as, minutes and their PDFs, the decisions register and
vote pages, search, the JSON API (following every link in its answers), the Popolo file and
the bulk export archive (every file in it), the modern.gov web service, error pages, the
health and metrics addresses, the back office signed out — first signed out, then signed in
as a councillor who does not sit on the body. The string must appear nowhere. New public
surfaces are covered as long as something public links to them.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.db.models import Q
from django.test import Client, override_settings

from access.models import Account
from access.tests import canary_plants, crawling
from access.tests.canary_plants import workspace_tasks
from access.tests.crawling import CANARY, crawl, staff_crawl
from audit.testing import TEST_ACTOR
from meetings.models import AgendaItem, Meeting, Part
from moot import module_records
from moot import testing as t
from papers import services
from papers.models import Classification, Document, DocumentKind, Report
from papers.packs import request_pack, run_pack
from proceedings.actions import add_action
from proceedings.attendance import record_attendance
from proceedings.minutes import add_minute, add_resolution, publish_minutes
from proceedings.models import Minute, Motion
from proceedings.votes import add_motion, record_vote
from website import cache
from website.tests.page_cache_setup import page_cache_on

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    """Every crawl here goes through Moot's public page cache (website/cache.py), on."""
    page_cache_on(settings, tmp_path)


@pytest.fixture(scope="module")
def planted(django_db_setup, django_db_blocker, tmp_path_factory):
    """The plants, made once for the module's crawls (each crawl's own writes are undone)."""
    private = tmp_path_factory.mktemp("private")
    with module_records.shared(django_db_blocker), override_settings(PRIVATE_ROOT=private):
        yield plant()


def plant():
    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )
    exempt_item = meeting.items.get(number="14")
    exempt_item.purpose = f"To receive {CANARY} item purpose"
    exempt_item.motion_text = f"{CANARY} motion"
    exempt_item.save()

    def paper(item, title, classification, paragraph=None, parent=None, kind=DocumentKind.REPORT):
        doc = services.save_document(
            Document(
                title=title,
                classification=classification,
                exempt_paragraph=paragraph,
                parent=parent,
                kind=kind,
                label="Appendix Z" if parent else "",
            ),
            actor=TEST_ACTOR,
        )
        secret = f"<p>{CANARY} in the text.</p>" if doc.is_restricted else ""
        services.add_version(doc, html=f"<p>{title} body.</p>{secret}", actor=TEST_ACTOR)
        if parent is None:
            services.attach(item, doc, actor=TEST_ACTOR)
        Report.objects.get_or_create(document=doc, defaults={"no_background_documents": True})
        return doc

    paper(exempt_item, f"Exempt report {CANARY}", Classification.EXEMPT, 3)
    public_item = meeting.items.get(number="12")
    public = paper(
        public_item, "Public report with an exempt appendix", Classification.UNRESTRICTED
    )
    paper(
        public_item,
        f"Exempt appendix {CANARY}",
        Classification.EXEMPT,
        1,
        parent=public,
        kind=DocumentKind.APPENDIX,
    )
    minutes_item = meeting.items.get(number="4")
    paper(
        minutes_item,
        f"Confidential minute {CANARY}",
        Classification.CONFIDENTIAL,
        kind=DocumentKind.MINUTES,
    )
    canary_plants.run("plant", meeting, exempt_item, CANARY)
    plant_proceedings(meeting, exempt_item)
    canary_plants.run("after_publication", meeting, exempt_item, CANARY)
    # A plant may have built packs already: after publication a rebuild gives its reason.
    public_pack = run_pack(
        request_pack(meeting, enqueue=False, reason="Canary crawl", actor=TEST_ACTOR).pk,
        actor=TEST_ACTOR,
    )
    members_pack = run_pack(
        request_pack(meeting, "members", enqueue=False, reason="Canary crawl", actor=TEST_ACTOR).pk,
        actor=TEST_ACTOR,
    )
    return meeting, public_pack, members_pack


def plant_proceedings(meeting: Meeting, exempt_item: AgendaItem) -> None:
    """Proceedings of the meeting with the canary in everything exempt; minutes published."""
    members = [
        m.person
        for m in meeting.body.memberships.filter(
            person__isnull=False, start__lte=meeting.date
        ).exclude(end__lt=meeting.date)
    ]
    for person in members[:4]:
        record_attendance(meeting, person, "present", actor=TEST_ACTOR)
    public_minute = add_minute(
        meeting,
        "Public minute",
        item=meeting.items.get(number="12"),
        text="The Committee noted the report.",
        actor=TEST_ACTOR,
    )
    add_resolution(public_minute, "RESOLVED that the report be noted.", actor=TEST_ACTOR)
    secret = add_minute(
        meeting,
        f"Exempt minute {CANARY}",
        item=exempt_item,
        text=f"{CANARY} in the exempt minute.",
        exempt=True,
        exempt_paragraph=3,
        public_summary="The Committee considered a contract.",
        actor=TEST_ACTOR,
    )
    add_resolution(
        secret,
        f"RESOLVED that {CANARY}.",
        [f"{CANARY} part"],
        delegated_to=f"{CANARY} officer",
        actor=TEST_ACTOR,
    )
    add_action(
        meeting, f"{CANARY} action", owner_text="Head of Property", minute=secret, actor=TEST_ACTOR
    )
    motion = add_motion(
        meeting,
        "substantive",
        f"{CANARY} motion text",
        item=exempt_item,
        mover=members[0],
        seconder=members[1],
        actor=TEST_ACTOR,
    )
    record_vote(
        motion,
        "recorded",
        counts=(3, 1, 0),
        choices=[
            (members[0], "for"),
            (members[1], "for"),
            (members[2], "for"),
            (members[3], "against"),
        ],
        actor=TEST_ACTOR,
    )
    publish_minutes(meeting, actor=TEST_ACTOR)


def restricted_addresses(meeting: Meeting) -> list[str]:
    """Guessable addresses of the restricted papers: they must be 404s without the canary."""
    urls = []
    for doc in Document.objects.filter(title__contains=CANARY):
        urls += [
            f"/meetings/{meeting.pk}/{meeting.slug}/papers/{doc.pk}/",
            f"/meetings/{meeting.pk}/papers/{doc.pk}/",
            f"/meetings/{meeting.pk}/{meeting.slug}/papers/{doc.pk}/pdf/",
            f"/meetings/{meeting.pk}/{meeting.slug}/papers/{doc.pk}/original/",
        ]
    # The workspace's pages of each report holding the canary, or with an appendix that does.
    for doc in Document.objects.filter(
        Q(title__contains=CANARY) | Q(appendices__title__contains=CANARY), kind="report"
    ).distinct():
        urls += [f"/office/reports/{doc.pk}/", f"/office/reports/{doc.pk}/pdf/"]
    urls.append(f"/office/reports/new/?item={meeting.items.get(number='14').pk}")
    # Search echoes its query, so it is asked for parts of the canary; a leak would show the
    # whole string in a snippet (highlight marks are removed before the check).
    machine = [
        "/robots.txt",
        "/favicon.ico",
        # Operations (moot/health.py, moot/metrics.py): the metrics read from this address
        # (the test client's, 127.0.0.1, an allowed one), whose labels must name no paper.
        "/healthz",
        "/readyz",
        "/metrics",
        "/accessibility/",
        "/privacy/",
        "/cookies/",
        "/search/?q=d41c9e",
        "/search/?q=never+public",
        "/search/?q=exempt",
        "/api/",
        "/api/popolo.json",
        "/api/export.zip",
        f"/api/meetings/{meeting.pk}/",
        f"/mgWebService.asmx/GetMeeting?lMeetingId={meeting.pk}",
        "/mgWebService.asmx/GetCommittees",
        "/mgWebService.asmx/GetMeetings?lCommitteeId=0&sFromDate=01/01/2017&sToDate=31/12/2017",
        "/mgWebService.asmx/GetMeetings?lCommitteeId=0&sFromDate=0&sToDate=0",
        "/mgWebService.asmx/GetMemberGroup?sOrder=&sShortName=",
        "/mgWebService.asmx/GetCouncillorsByWard",
        "/mgWebService.asmx/GetCouncillorsByPostcode?sPostcode=CT9+1XZ",
        "/mgWebService.asmx/GetElectionResults?lElectionId=1",
        "/mgWebService.asmx/GetParishCouncils",
        "/mgWebService.asmx/GetMpOrMepsAndWards",
        "/mgWebService.asmx?WSDL",
        # The calendar filtered by committee (its month links keep the filter), the
        # month picker's redirect, and its refusals.
        f"/calendar/?committee={meeting.body.slug}",
        f"/calendar/?month=9&year=2017&committee={meeting.body.slug}",
        "/calendar/?committee=d41c9e",
        "/calendar/?month=13&year=2017",
    ]
    return (
        machine
        + urls
        + [
            "/no-such-page/",
            "/meetings/999999/",
            "/admin/",
            "/admin/papers/document/",
            *workspace_tasks.office_addresses(meeting),
            f"/media/packs/{meeting.slug}-members-pack.pdf",
        ]
    )


def check_planted(meeting, members_pack) -> None:
    """The positive control: the canary really is in the record and in the members' pack."""
    assert Document.objects.filter(title__contains=CANARY).count() >= 3
    assert AgendaItem.objects.filter(meeting=meeting, part=Part.EXEMPT, purpose__contains=CANARY)
    pdf = members_pack.file.open("rb").read()
    assert CANARY in crawling.pdf_text(pdf)
    assert Minute.objects.filter(meeting=meeting, exempt=True, text__contains=CANARY).exists()
    assert Motion.objects.filter(meeting=meeting, text__contains=CANARY, vote__isnull=False)
    canary_plants.run("check", meeting, CANARY)


def test_the_public_never_sees_exempt_information(planted):
    meeting, public_pack, members_pack = planted
    check_planted(meeting, members_pack)
    seen = crawl(Client(), restricted_addresses(meeting))
    assert f"/meetings/{meeting.pk}/{meeting.slug}/" in seen
    assert any(u.endswith("agenda-reports-pack.pdf") for u in seen), "the public pack was crawled"
    assert any("/papers/" in u and seen[u] == 200 for u in seen), "public papers were crawled"
    assert any(u.endswith("/pdf/") and seen[u] == 200 for u in seen), "papers' PDFs were crawled"
    assert any(u.endswith("/original/") and seen[u] == 200 for u in seen), (
        "papers' original files were crawled"
    )
    assert len(seen) > 100
    assert f"/meetings/{meeting.pk}/{meeting.slug}/minutes/" in seen, "the minutes were crawled"
    assert any(u.startswith("/votes/") for u in seen), "the vote pages were crawled"
    assert any(u.startswith("/api/meetings/") for u in seen), "the API was crawled"
    assert seen["/metrics"] == 200, "the metrics were read (and hold no canary)"
    for url in restricted_addresses(meeting):
        if url.startswith("/meetings/") and "/papers/" in url:
            assert seen[url] == 404, url
    # Again, the public pages now from the cache: what it kept shows no more.
    assert Client().get(f"/meetings/{meeting.pk}/{meeting.slug}/")[cache.STATUS] == "hit"
    assert crawl(Client(), restricted_addresses(meeting)).keys() == seen.keys()


def test_a_councillor_not_on_the_body_sees_no_more(planted):
    meeting, _, members_pack = planted
    person = t.person("Notonbody")
    user = User.objects.create_user("outsider", password="Long-enough-pass-1")
    Account.objects.create(user=user, person=person)
    client = t.verified_login(Client(), user)
    seen = crawl(client, restricted_addresses(meeting))
    assert len(seen) > 100


def restricted_papers(meeting: Meeting) -> list[str]:
    """The restricted papers' own addresses (for those entitled, signed in with both factors)."""
    urls = []
    for doc in Document.objects.filter(title__contains=CANARY):
        urls += [
            f"/restricted/meetings/{meeting.pk}/papers/{doc.pk}/",
            f"/restricted/meetings/{meeting.pk}/papers/{doc.pk}/pdf/",
            f"/restricted/meetings/{meeting.pk}/papers/{doc.pk}/original/",
        ]
    return urls + [
        f"/restricted/meetings/{meeting.pk}/members-pack.pdf",
        f"/meetings/{meeting.pk}/{meeting.slug}/minutes/exempt/",
    ]


def test_a_named_officer_without_a_second_factor_sees_no_more(planted):
    """The report's author, signed in with a password only, is sent to sign in, not shown it
    (access.rules.may_ever_see_exempt: every route to exempt information needs two factors)."""
    from access.tests.canary_plants import named_officer

    meeting, _, members_pack = planted
    check_planted(meeting, members_pack)
    client = Client()
    client.force_login(User.objects.get(username=named_officer.USERNAME))  # the password only
    seen = crawl(client, restricted_addresses(meeting) + restricted_papers(meeting))
    assert len(seen) > 100
    for url in restricted_papers(meeting)[:3]:
        assert seen[url] == 302, url  # to sign in, for the second factor


def test_a_reviewer_without_entitlement_sees_no_more(planted):
    """An officer whose team clears the planted reports, entitled to none of their exempt
    information: their home page and the public report's page (which they review) show no
    canary, and the exempt report's pages are withheld (workspace.report_page)."""
    from access.tests.canary_plants import clearance_reviewer

    meeting, _, members_pack = planted
    check_planted(meeting, members_pack)
    exempt, public = clearance_reviewer._reports(CANARY)
    client = t.verified_login(Client(), User.objects.get(username=clearance_reviewer.USERNAME))
    seen = crawl(client, restricted_addresses(meeting))
    assert len(seen) > 100
    assert seen["/office/"] == 200
    assert seen[f"/office/reports/{public.pk}/"] == 200, "the report they review was crawled"
    assert seen[f"/office/reports/{exempt.pk}/"] == 403
    assert seen[f"/office/reports/{exempt.pk}/pdf/"] == 403


# --- A staff account without entitlement (backoffice/exempt.py) ---------------------------


def _staff_seeds(meeting) -> list[str]:
    """Every back-office page of a row holding the canary or belonging to the planted meeting
    (found from the record, not from the rule under test), each list searched for the canary,
    and the planted meeting's packs: addresses anyone can reach from a list or by guessing."""
    from django.contrib import admin
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q, TextField

    from audit.models import AuditEntry
    from papers.models import AgendaPack

    urls, trail = [], Q(pk__in=[])
    for model in admin.site._registry:
        opts = model._meta
        base = f"/admin/{opts.app_label}/{opts.model_name}/"
        urls.append(f"{base}?q=d41c9e")
        texts = [f.name for f in opts.fields if isinstance(f, CharField | TextField)]
        found = Q(pk__in=[])
        for name in texts:
            found |= Q(**{f"{name}__contains": CANARY})
        if any(f.name == "meeting" for f in opts.fields):
            found |= Q(meeting=meeting)
        pks = list(model._default_manager.filter(found).values_list("pk", flat=True)[:50])
        urls += [f"{base}{pk}/{page}" for pk in pks for page in ("change/", "history/")]
        ct = ContentType.objects.get_for_model(model)
        trail |= Q(content_type=ct, object_id__in=[str(pk) for pk in pks])
    entries = AuditEntry.objects.filter(trail | Q(object_repr__contains=CANARY))
    urls += [f"/admin/audit/auditentry/{pk}/change/" for pk in entries.values_list("pk", flat=True)]
    urls.append(f"/admin/papers/agendapack/meeting/{meeting.pk}/")
    urls.append(f"/admin/publishing/agendapublication/publish/{meeting.pk}/")
    urls += [
        f"/admin/papers/agendapack/{pk}/download/"
        for pk in AgendaPack.objects.filter(meeting=meeting).values_list("pk", flat=True)
    ]
    return urls


def test_a_staff_account_without_entitlement_sees_no_more(planted, monkeypatch):
    from django.contrib.auth.models import Permission

    meeting, _, members_pack = planted
    check_planted(meeting, members_pack)
    user = User.objects.create_user("viewer", password="Long-enough-pass-1", is_staff=True)
    t.administrator(user)  # an administrator who is not democratic services: not entitled
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    Account.objects.create(user=user, democratic_services=False)
    client = t.verified_login(Client(), user)
    assert client.get("/admin/").status_code == 200
    seen = staff_crawl(client, _staff_seeds(meeting))
    assert len(seen) > 300
    assert "/admin/papers/document/" in seen and "/admin/proceedings/minute/" in seen
    assert any(
        re.match(r"/admin/\w+/\w+/\d+/change/$", u) and code == 200 for u, code in seen.items()
    ), "rows' own pages were crawled"
    assert any(u.endswith("/history/") and code == 200 for u, code in seen.items())
    # The public site as this user; its links into the back office were crawled above.
    monkeypatch.setattr(crawling, "SKIP_PREFIXES", (*crawling.SKIP_PREFIXES, "/admin/"))
    public = crawl(client, restricted_addresses(meeting))
    assert len(public) > 100
