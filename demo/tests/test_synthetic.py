"""``moot demo --synthetic``: deterministic, quick, and within the record's rules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from audit.models import AuditEntry
from council.composition import composition
from council.models import (
    Authority,
    Body,
    BodyKind,
    GroupMembership,
    Membership,
    Person,
    PoliticalGroup,
    Post,
    PostHolding,
    StatutoryDesignation,
    TermOfOffice,
)
from meetings.models import AgendaItem, Meeting, MeetingStatus
from moot import module_records
from papers.models import DocumentVersion

pytestmark = pytest.mark.django_db
SMALL = dict(synthetic=True, members=20, years=1, replace=True, verbosity=0)


def fingerprint() -> dict[str, list[str]]:
    """The database's content without primary keys, in a stable order."""
    queries = {
        "people": Person.objects.values_list(
            "title", "forenames", "initials", "surname", "honours", "slug", "telephone"
        ),
        "groups": PoliticalGroup.objects.values_list("name", "leader__slug"),
        "group memberships": GroupMembership.objects.values_list(
            "person__slug", "group__name", "start", "end"
        ),
        "terms": TermOfOffice.objects.values_list(
            "person__slug", "division__name", "start", "end", "how_elected"
        ),
        "bodies": Body.objects.values_list(
            "name",
            "kind",
            "seats",
            "parent__name",
            "category",
            "default_venue__room",
            "contact_officer__slug",
            "active",
            "expired_on",
        ),
        "memberships": Membership.objects.values_list(
            "body__name", "person__slug", "role", "group__name", "start", "end"
        ),
        "holdings": PostHolding.objects.values_list("post__title", "person__slug", "start", "end"),
        "meetings": Meeting.objects.values_list(
            "body__name", "date", "start_time", "end_time", "venue__room", "status", "kind"
        ),
        "items": AgendaItem.objects.values_list(
            "meeting__body__name",
            "meeting__date",
            "number",
            "title",
            "purpose",
            "kind",
            "part",
            "exempt_paragraph",
            "mover__slug",
            "seconder__slug",
        ),
    }
    return {name: sorted(map(repr, qs)) for name, qs in queries.items()}


def papers() -> list[tuple[str, str]]:
    return sorted(DocumentVersion.objects.values_list("document__title", "content_hash"))


@dataclass(frozen=True)
class Generated:
    entries_added: int  # audit entries written by generating it over the Kent demo
    fingerprint: dict[str, list[str]]
    papers: list[tuple[str, str]]


@pytest.fixture(scope="module")
def council(django_db_setup, django_db_blocker):
    """One small generated council (seed 5, replacing the Kent demo), made once and read by the
    module's tests; a test that generates again is undone after it."""
    with module_records.shared(django_db_blocker):
        before = AuditEntry.objects.count()
        call_command("demo", seed=5, **SMALL)
        yield Generated(AuditEntry.objects.count() - before, fingerprint(), papers())


# Runs before ``council`` is first made (the module's order): Kent is still loaded.
def test_refuses_a_database_that_holds_a_council():
    with pytest.raises(CommandError, match="--replace"):
        call_command("demo", synthetic=True, members=20, years=1, verbosity=0)
    assert Authority.current().name == "Kent County Council"


def test_same_seed_same_council(council):
    # How fast the generator runs belongs in benchmarks, not in a test's assertions.
    call_command("demo", seed=5, **SMALL)
    assert fingerprint() == council.fingerprint
    call_command("demo", seed=8, **SMALL)
    assert fingerprint()["people"] != council.fingerprint["people"]
    assert len(council.fingerprint["people"]) == 20 + 12  # councillors and officers
    assert len(council.fingerprint["meetings"]) > 50


def test_replacing_removes_kent_and_writes_one_summary_entry(council):
    assert Authority.objects.get().name == "Wessex County Council"
    assert not Body.objects.filter(name="Corporate Parenting Select Committee").exists()
    assert not Person.objects.filter(slug="george-koowaree").exists()
    assert not Meeting.objects.filter(date__year=2015).exists()
    assert council.entries_added == 2  # the removal and the creation, one entry each


def test_every_generated_row_keeps_the_rules(council):
    refused = []
    for model in (
        Person,
        Body,
        Membership,
        TermOfOffice,
        GroupMembership,
        PoliticalGroup,
        Post,
        PostHolding,
        StatutoryDesignation,
        Meeting,
        AgendaItem,
    ):
        for row in model.objects.all():
            try:
                row.full_clean()  # includes council.rules and meetings.rules
            except ValidationError as exc:
                refused.append(f"{model.__name__} {row}: {exc.messages}")
    assert refused == []


def test_a_realistic_shape():
    call_command("demo", synthetic=True, members=40, years=2, seed=5, replace=True, verbosity=0)
    assert 4 <= PoliticalGroup.objects.count() <= 6
    kinds = set(Body.objects.values_list("kind", flat=True))
    assert kinds == set(BodyKind.values)
    assert Body.objects.filter(kind=BodyKind.SUB_COMMITTEE, parent__isnull=True).count() == 0
    assert 20 <= Body.objects.count() <= 30
    sizes = [m.items.count() for m in Meeting.objects.exclude(status=MeetingStatus.CANCELLED)]
    assert min(sizes) >= 5 and max(sizes) <= 15
    exempt = AgendaItem.objects.filter(part="exempt")
    assert exempt.exists() and not exempt.filter(exempt_paragraph__isnull=True).exists()
    council = Meeting.objects.filter(body__kind=BodyKind.COUNCIL)
    per_year = Counter(m.date.year if m.date.month >= 5 else m.date.year - 1 for m in council)
    assert set(per_year.values()) == {6}
    # Seats on a committee never exceed its size, and every seat has a group.
    for body in Body.objects.filter(kind=BodyKind.COMMITTEE):
        for meeting in body.meetings.all()[:3]:
            c = composition(body, meeting.date)
            assert c.total <= body.seats
            assert all(g.name != "Group not recorded" for g in c.groups)
    honours = Person.objects.exclude(honours="").count()
    assert 0 < honours < Person.objects.count() / 4


def test_papers_are_published_with_their_agendas_and_searchable(council):
    from papers.models import Document, DocumentVersion, ItemPaper
    from publishing.models import AgendaPublication
    from publishing.versions import published_versions
    from search import services
    from search.models import Entry

    held = Meeting.objects.filter(status=MeetingStatus.HELD)
    published = AgendaPublication.objects.filter(kind="agenda")
    assert published.count() == held.filter(items__isnull=False).distinct().count()
    # Every report item of a held meeting has its paper, attached and made public.
    links = ItemPaper.objects.filter(item__meeting__in=held)
    assert (
        links.count()
        == AgendaItem.objects.filter(meeting__in=held, kind__in=["report", "minutes"]).count()
    )
    released = {pk for p in published for pk in p.papers}
    assert set(links.values_list("pk", flat=True)) == released
    docs = Document.objects.all()
    assert set(published_versions(docs.values_list("pk", flat=True))) == set(
        docs.values_list("pk", flat=True)
    )
    assert Document.objects.filter(parent__isnull=False).exists()
    # Exempt items carry exempt papers with their paragraph, and no appendices.
    exempt = Document.objects.filter(classification="exempt")
    assert exempt.exists() and not exempt.filter(exempt_paragraph__isnull=True).exists()
    assert not Document.objects.filter(parent__classification="exempt").exists()
    text = DocumentVersion.objects.order_by("pk").first().text
    assert len(text.split()) > 50
    # The search index is built: a sentence of a paper is found, and no exempt row is public.
    assert (
        Entry.objects.filter(kind="report").count()
        == Document.objects.filter(kind="report", classification="unrestricted").count()
        + exempt.count()
    )
    assert services.search("Cabinet Member").total > 0
    secret = Entry.objects.filter(exempt=True, kind="report").select_related("meeting").first()
    found = services.search(
        secret.title,
        body=secret.meeting.body.slug,
        date_from=secret.date,
        date_to=secret.date,
        page_size=100,
    )
    assert found.total > 0  # the meeting and the item's public title
    assert secret.url not in [h.url for h in found.hits]
    assert not any(h.exempt for h in found.hits)


def test_papers_are_deterministic(council):
    call_command("demo", seed=5, **SMALL)
    assert papers() == council.papers and len(council.papers) > 100
