"""The Kent demo's authority, bodies, seats and posts, and the command's idempotence."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from audit.models import AuditEntry
from council.composition import composition
from council.models import (
    Authority,
    Body,
    BodyKind,
    Division,
    GroupMembership,
    Membership,
    Person,
    PersonNameForm,
    PoliticalGroup,
    Post,
    PostHolding,
    Role,
    StatutoryDesignation,
    TermOfOffice,
)
from meetings.models import AgendaItem, AgendaTemplate, AgendaTemplateItem, Meeting, Venue
from papers.models import (
    Document,
    DocumentVersion,
    ItemPaper,
    PathwayStep,
    Recommendation,
    Report,
    ReportSigner,
)
from publishing.models import AgendaPublication, PublicationEvent

pytestmark = pytest.mark.django_db
D = dt.date
MODELS = [
    AgendaPublication,
    PublicationEvent,
    Authority,
    Person,
    PersonNameForm,
    PoliticalGroup,
    GroupMembership,
    Division,
    TermOfOffice,
    Body,
    Membership,
    Post,
    PostHolding,
    StatutoryDesignation,
    Venue,
    Meeting,
    AgendaItem,
    AgendaTemplate,
    AgendaTemplateItem,
    Document,
    DocumentVersion,
    ItemPaper,
    Report,
    ReportSigner,
    Recommendation,
    PathwayStep,
    AuditEntry,
]


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def test_running_again_changes_nothing():
    before = counts()
    assert before["Person"] > 100 and before["Membership"] > 100 and before["AgendaItem"] > 50
    call_command("demo", no_packs=True, verbosity=0)
    assert counts() == before


def test_running_again_fills_in_what_is_missing_and_keeps_edits():
    item = AgendaItem.objects.get(meeting__date=D(2017, 9, 15), number="14")
    item.delete()
    PersonNameForm.objects.filter(text="Mr Bob Neeves").delete()
    Body.objects.filter(name="Cabinet").update(category="Executive")  # an officer's edit
    call_command("demo", no_packs=True, verbosity=0)
    assert AgendaItem.objects.filter(meeting__date=D(2017, 9, 15), number="14").exists()
    assert PersonNameForm.objects.filter(text="Mr Bob Neeves").count() == 1
    assert Body.objects.get(name="Cabinet").category == "Executive"


def test_a_missing_row_the_rules_now_refuse_is_skipped_and_reported(capsys):
    # An officer replaced Mr Marsh as vice-chairman: the demo must not undo it or fail.
    pr = Body.objects.get(name="Policy and Resources Cabinet Committee")
    Membership.objects.get(body=pr, role=Role.VICE_CHAIRMAN).delete()
    bond = Membership.objects.get(body=pr, person__surname="Bond")
    bond.role = Role.VICE_CHAIRMAN
    bond.save()
    before = counts()
    call_command("demo", no_packs=True, verbosity=1)
    assert counts()["Membership"] == before["Membership"]
    assert Membership.objects.get(body=pr, role=Role.VICE_CHAIRMAN).person.surname == "Bond"
    err = capsys.readouterr().err
    assert "Not added" in err and "Marsh" in err and "vice-chairman" in err


def test_every_row_is_audited_as_moot_demo():
    entries = AuditEntry.objects.filter(actor_name="moot demo", action="create")
    rows = sum(m.objects.count() for m in MODELS if m is not AuditEntry)
    assert entries.count() == rows


def test_refuses_to_load_over_another_council():
    Authority.objects.update(name="Wessex County Council")
    with pytest.raises(CommandError, match="--replace"):
        call_command("demo", no_packs=True, verbosity=0)


def test_replace_reloads_kent_over_another_council():
    Authority.objects.update(name="Wessex County Council")
    before = counts()
    call_command("demo", replace=True, no_packs=True, verbosity=0)
    after = counts()
    assert Authority.objects.get().name == "Kent County Council"
    assert {k: v for k, v in after.items() if k != "AuditEntry"} == {
        k: v for k, v in before.items() if k != "AuditEntry"
    }


def test_authority():
    kcc = Authority.current()
    assert (kcc.name, kcc.short_name, kcc.chair_form) == ("Kent County Council", "KCC", "Chairman")
    assert kcc.address == "Sessions House, County Hall, Maidstone, Kent ME14 1XQ"
    assert kcc.website == "https://democracy.kent.gov.uk"
    assert (kcc.contact_name, kcc.contact_telephone) == ("John Lynch", "03000 410466")


def test_groups_and_their_leaders():
    groups = {g.name: g for g in PoliticalGroup.objects.all()}
    assert set(groups) == {
        "Conservative",
        "UKIP",
        "Labour",
        "Liberal Democrat",
        "Independents Group",
    }
    assert groups["Labour"].leader.surname == "Cowan"
    assert groups["Liberal Democrat"].leader.formal_name == "Mrs T Dean, MBE"
    assert groups["Independents Group"].leader.surname == "Whybrow"
    assert groups["UKIP"].leader.surname == "Latchford"
    assert groups["UKIP"].deputy_leader.surname == "Birkby"
    assert groups["Conservative"].leader is None  # not stated


def test_bodies():
    bodies = {b.name: b for b in Body.objects.all()}
    pr = bodies["Policy and Resources Cabinet Committee"]
    assert (pr.kind, pr.seats, pr.default_venue.room) == (
        BodyKind.CABINET_COMMITTEE,
        15,
        "Council Chamber",
    )
    assert (pr.contact_officer.full_name, pr.contact_telephone) == ("Ann Hunter", "03000 416287")
    assert pr.terms_of_reference == (
        "<p>To be responsible for those functions that fall within "
        "the Strategic and Corporate Services Directorate</p>"
    )
    sms = bodies["Selection and Member Services Committee"]
    assert (sms.kind, sms.seats, sms.default_venue.room) == (BodyKind.COMMITTEE, 9, "Darent Room")
    assert (sms.contact_officer.full_name, sms.contact_telephone) == ("Andrew Tait", "03000 416749")
    assert bodies["Property Sub-Committee"].parent == pr
    assert bodies["Corporate Parenting Select Committee"].seats == 9
    assert bodies["County Council"].kind == BodyKind.COUNCIL
    outside = {n for n, b in bodies.items() if b.kind == BodyKind.OUTSIDE_BODY}
    assert outside == {
        "Chilmington Green Partnership Working Group",
        "Kent & Medway Civilian Military Partnership Board",
        "Kent and Medway Fire and Rescue Authority",
    }
    assert all(bodies[n].category == "Outside bodies" for n in outside)
    venue = Venue.objects.get(room="Darent Room")
    assert venue.full_name == "Darent Room, Sessions House, County Hall, Maidstone"


def test_policy_and_resources_membership_as_printed_on_15_september_2017():
    c = composition(Body.objects.get(name="Policy and Resources Cabinet Committee"), D(2017, 9, 15))
    assert c.heading == "Membership (15)"
    assert [g.text for g in c.groups] == [
        "Conservative (12): Mr B J Sweetland (Chairman), Mr R A Marsh (Vice-Chairman), "
        "Mr P V Barrington-King, Mr T Bond, Mr N J D Chard, Mrs P T Cole, Mrs M E Crabtree, "
        "Mr P W A Lake, Mr J P McInroy, Miss C Rankin, Mr H Rayner and Mr I Thomas",
        "Liberal Democrat (2): Mr R H Bird and Mrs T Dean, MBE",
        "Labour (1): Ms K Constantine",
    ]


def test_marsh_became_vice_chairman_on_16_june_2017():
    pr = Body.objects.get(name="Policy and Resources Cabinet Committee")
    before = {s.label for g in composition(pr, D(2017, 6, 15)).groups for s in g.seats}
    assert "Mr R A Marsh" in before and composition(pr, D(2017, 6, 15)).total == 15
    assert composition(pr, D(2017, 5, 24)).total == 0


def test_selection_and_member_services_membership_on_1_march_2017():
    c = composition(Body.objects.get(name="Selection and Member Services Committee"), D(2017, 3, 1))
    assert c.heading == "Membership (9)"
    assert [g.text for g in c.groups] == [
        "Conservative (5): Mrs A D Allen, MBE (Chairman), Mr P B Carter, CBE, Mr G Cooke, "
        "Mr M C Dance and Mr B J Sweetland",
        "UKIP (2): Mr R A Latchford, OBE and Mr B E MacDowall",
        "Labour (1): Ms A Harrison",
        "Liberal Democrat (1): Mrs T Dean, MBE",
    ]


def test_other_seats():
    prop = composition(Body.objects.get(name="Property Sub-Committee"), D(2017, 3, 21))
    labels = {s.label for g in prop.groups for s in g.seats}
    assert prop.total == 7 and "Mr A J King, MBE (Chairman)" in labels
    assert "Mr L B Ridings, MBE" in labels  # sent apologies, still a member
    cpsc = composition(
        Body.objects.get(name="Corporate Parenting Select Committee"), D(2015, 12, 10)
    )
    assert cpsc.heading == "Membership (9)"
    assert [(g.name, g.count) for g in cpsc.groups] == [
        ("Conservative", 5),
        ("UKIP", 2),
        ("Labour", 1),
        ("Liberal Democrat", 1),
    ]
    assert cpsc.groups[1].seats[0].label == "Mrs Z Wiltshire (Chairman)"
    chilmington = Membership.objects.get(body__name="Chilmington Green Partnership Working Group")
    assert (chilmington.person.surname, chilmington.role, chilmington.start) == (
        "Simkins",
        Role.REPRESENTATIVE,
        D(2017, 3, 1),
    )


def test_the_county_council():
    council = Body.objects.get(name="County Council")
    c = composition(council, D(2015, 10, 22))
    assert c.total == 84  # 74 present, 9 apologies and Ms Cribbon
    chairs = {
        m.role: m.person.formal_name
        for m in Membership.objects.on(D(2015, 10, 22)).filter(
            body=council, role__in=[Role.CHAIRMAN, Role.VICE_CHAIRMAN]
        )
    }
    assert chairs == {Role.CHAIRMAN: "Mr M J Harrison", Role.VICE_CHAIRMAN: "Mr T Gates"}
    assert composition(council, D(2017, 9, 15)).total == 21


def test_posts_and_statutory_designations():
    def holder(title: str, day: dt.date) -> str:
        h = PostHolding.objects.filter(post__title=title, start__lte=day).exclude(end__lt=day)
        return h.get().person.full_name

    assert holder("Head of Democratic Services", D(2015, 12, 10)) == "Peter Sass"
    assert holder("Head of Democratic Services", D(2017, 3, 1)) == "John Lynch"
    assert (
        holder("Cabinet Member for Corporate and Democratic Services", D(2017, 3, 1))
        == "Gary Cooke"
    )
    assert (
        holder("Cabinet Member for Corporate and Democratic Services", D(2017, 9, 15))
        == "Eric Hotson"
    )
    assert holder("General Counsel", D(2017, 9, 15)) == "Ben Watts"
    assert holder("Director of Governance and Law", D(2015, 10, 22)) == "Geoff Wild"
    siro = StatutoryDesignation.objects.get(role="siro")
    assert siro.person.surname == "Watts"
    assert (
        StatutoryDesignation.objects.get(role="head_of_paid_service").person.surname == "Cockburn"
    )
    assert not StatutoryDesignation.objects.filter(role="monitoring_officer").exists()
