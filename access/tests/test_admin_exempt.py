"""The back office obeys the entitlement rule (backoffice/exempt.py, backoffice/exempt_rows.py):
a staff user who is neither democratic services nor entitled sees no exempt row; one entitled
for a body sees that body's exempt rows only, and each view or download is logged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.core.files.base import ContentFile
from django.test import Client

from access.models import Account, ExemptAccess, Surface
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from backoffice import exempt_rows
from backoffice.exempt import ExemptAdminMixin
from council import services as council_services
from council.models import Role
from moot import testing as t
from papers import services
from papers.models import AgendaPack, Classification, Document
from proceedings.minutes import add_minute
from proceedings.models import MinutesRecord, MinutesVersion

pytestmark = pytest.mark.django_db
DAY = dt.date(2030, 6, 1)
SECRETS = ("report", "minute", "purpose", "text")


@pytest.fixture
def case(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path
    ours, theirs = t.body("Entitled Body Committee"), t.body("Other Body Committee")
    case = {}
    for key, body in (("ours", ours), ("theirs", theirs)):
        meeting = t.meeting(body, date=DAY)
        item = t.item(
            meeting,
            "9",
            f"Exempt business {key}",
            part="exempt",
            exempt_paragraph=3,
            purpose=f"Secret purpose {key}",
        )
        doc = services.save_document(
            Document(
                title=f"Secret report {key}",
                exempt_paragraph=3,
                classification=Classification.EXEMPT,
            ),
            actor=TEST_ACTOR,
        )
        services.add_version(doc, html=f"<p>Secret text {key}</p>", actor=TEST_ACTOR)
        services.attach(item, doc, actor=TEST_ACTOR)
        minute = add_minute(
            meeting,
            f"Secret minute {key}",
            item=item,
            text="Secret.",
            exempt=True,
            exempt_paragraph=3,
            summary_not_needed=True,
            actor=TEST_ACTOR,
        )
        pack = AgendaPack.objects.create(meeting=meeting, kind="members", status="done")
        pack.file.save(f"members-{key}.pdf", ContentFile(b"%PDF-1.4 secret"))
        case[key] = dict(meeting=meeting, item=item, doc=doc, minute=minute, pack=pack)
    member = t.person("Memberstaff")
    council_services.appoint(
        ours, member, Role.MEMBER, DAY - dt.timedelta(days=100), actor=TEST_ACTOR
    )
    case["member"] = member
    return case


def staff(username: str, person=None) -> Client:
    user = User.objects.create_user(username, password="Long-enough-pass-9", is_staff=True)
    t.administrator(user)  # the back office is administrators'
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    Account.objects.create(user=user, person=person)
    return t.verified_login(Client(), user)


def pages(row) -> list[str]:
    opts = row._meta
    base = f"/admin/{opts.app_label}/{opts.model_name}/{row.pk}/"
    return [f"{base}change/", f"{base}history/"]


def rows_of(case, key):
    return [case[key][k] for k in ("item", "doc", "minute")]


def test_a_staff_user_without_entitlement_sees_no_exempt_row(case):
    client = staff("viewer")
    for key in ("ours", "theirs"):
        for row in rows_of(case, key):
            for url in pages(row):
                response = client.get(url)
                assert response.status_code == 302, url  # as for a row that does not exist
                assert "Secret" not in client.get(response["Location"]).content.decode()
        pack = case[key]["pack"]
        assert client.get(f"/admin/papers/agendapack/{pack.pk}/download/").status_code == 404
    for url in (
        "/admin/meetings/agendaitem/?q=Exempt+business",
        "/admin/papers/document/?q=Secret",
        "/admin/proceedings/minute/?q=Secret",
        "/admin/papers/agendapack/",
        "/admin/audit/auditentry/?q=Secret",
    ):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert not any(f"Secret {what}" in html for what in SECRETS), url
    assert not ExemptAccess.objects.exists()


def test_a_staff_user_entitled_for_one_body_sees_that_bodys_rows_only(case):
    client = staff("member", case["member"])
    for row in rows_of(case, "ours"):
        for url in pages(row):
            assert client.get(url).status_code == 200, url
    for row in rows_of(case, "theirs"):
        for url in pages(row):
            assert client.get(url).status_code == 302, url
    html = client.get("/admin/proceedings/minute/?q=Secret").content.decode()
    assert "Secret minute ours" in html and "Secret minute theirs" not in html
    html = client.get("/admin/audit/auditentry/?q=Secret").content.decode()
    assert "Secret report ours" in html and "Secret report theirs" not in html
    # Each entry's own page agrees with the list (backoffice/admin/audit.py asks the rule of
    # the one entry): the entries about our report are shown, those about theirs are not.
    for key, shown in (("ours", 200), ("theirs", 302)):
        entries = AuditEntry.objects.filter(object_repr=f"Secret report {key}")
        assert entries.exists()
        for entry in entries:
            response = client.get(f"/admin/audit/auditentry/{entry.pk}/change/")
            assert response.status_code == shown, (key, entry.event)
    assert client.get("/admin/audit/auditentry/999999/change/").status_code == 302
    ours, theirs = case["ours"]["pack"], case["theirs"]["pack"]
    response = client.get(f"/admin/papers/agendapack/{ours.pk}/download/")
    assert response.status_code == 200 and b"secret" in b"".join(response.streaming_content)
    assert client.get(f"/admin/papers/agendapack/{theirs.pk}/download/").status_code == 404


def test_each_view_and_download_in_the_back_office_is_logged(case):
    client = staff("member", case["member"])
    ours = case["ours"]
    client.get(f"/admin/papers/document/{ours['doc'].pk}/change/")
    client.get(f"/admin/proceedings/minute/{ours['minute'].pk}/history/")
    client.get(f"/admin/papers/agendapack/{ours['pack'].pk}/download/")
    client.get(f"/admin/meetings/meeting/{ours['meeting'].pk}/change/")  # public: not logged
    logged = ExemptAccess.objects.filter(surface=Surface.BACK_OFFICE).order_by("pk")
    assert [(r.action, r.meeting_id, r.document_id) for r in logged] == [
        ("view", ours["meeting"].pk, ours["doc"].pk),
        ("view", ours["meeting"].pk, None),
        ("download", ours["meeting"].pk, None),
    ]
    assert logged[0].description == "Document: Secret report ours"
    assert logged[1].description.startswith("Minute (history): ")
    assert all(r.username == "member" for r in logged)


def test_the_exempt_access_log_shows_only_what_the_reader_may_see(case):
    for key in ("ours", "theirs"):
        ExemptAccess.objects.create(
            username="clerk",
            meeting=case[key]["meeting"],
            surface=Surface.SEARCH,
            description=f"Saw secret {key}",
        )
    html = staff("member", case["member"]).get("/admin/access/exemptaccess/").content.decode()
    assert "Saw secret ours" in html and "Saw secret theirs" not in html
    html = staff("viewer").get("/admin/access/exemptaccess/").content.decode()
    assert "Saw secret" not in html


def test_a_minutes_version_is_shown_without_its_exempt_part(case):
    meeting = case["ours"]["meeting"]
    record = MinutesRecord.objects.create(meeting=meeting)
    version = MinutesVersion.objects.create(
        record=record, number=1, public_html="<p>Open</p>", exempt_html="<p>Closed session text</p>"
    )
    AuditEntry.objects.create(
        action="create",
        object_id=str(version.pk),
        content_type_id=_ct(MinutesVersion),
        object_repr=str(version),
        changes={"exempt_html": [None, "Closed session text"]},
    )
    url, history = pages(version)
    outsider = staff("viewer")
    for page in (url, history):
        response = outsider.get(page)
        assert response.status_code == 200 and "Closed session" not in response.content.decode()
    member = staff("member", case["member"])
    assert "Closed session" in member.get(url).content.decode()
    assert ExemptAccess.objects.filter(surface=Surface.BACK_OFFICE, meeting=meeting).count() == 1


def _ct(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def test_every_admin_of_a_model_with_exempt_content_obeys_the_rule():
    from django.apps import apps

    for label in exempt_rows.SCOPES:
        model = apps.get_model(label)  # every scope names a real model
        model_admin = admin.site._registry.get(model)
        if model_admin is not None:
            assert isinstance(model_admin, ExemptAdminMixin), label


def test_removing_a_meeting_names_no_exempt_row_and_is_refused(case):
    user = User.objects.create_user("remover", password="Long-enough-pass-9", is_staff=True)
    t.administrator(user)
    user.user_permissions.set(Permission.objects.filter(codename__regex=r"^(view|delete)_"))
    Account.objects.create(user=user)
    client = t.verified_login(Client(), user)
    meeting = case["theirs"]["meeting"]
    response = client.get(f"/admin/meetings/meeting/{meeting.pk}/delete/")
    html = response.content.decode()
    assert response.status_code == 200
    assert not any(f"Secret {what}" in html for what in SECRETS)
    assert "permission to delete" in html  # Django's refusal, listing the kinds of row
    client.post(f"/admin/meetings/meeting/{meeting.pk}/delete/", {"post": "yes"})
    assert type(meeting).objects.filter(pk=meeting.pk).exists()


def test_the_publish_page_withholds_the_titles_of_exempt_papers(case):
    meeting = case["theirs"]["meeting"]
    url = f"/admin/publishing/agendapublication/publish/{meeting.pk}/"
    html = staff("viewer").get(url).content.decode()
    assert "Secret report" not in html and "an exempt paper (withheld)" in html
    html = (
        staff("member", case["member"])
        .get(f"/admin/publishing/agendapublication/publish/{case['ours']['meeting'].pk}/")
        .content.decode()
    )
    assert "Secret report ours" in html


def test_choices_of_a_related_row_offer_only_what_the_user_may_see():
    """A select of papers (a foreign key on another row's form) must not list the titles of
    exempt papers to someone not entitled to them (backoffice.exempt.only_visible_choices)."""
    from django import forms

    from backoffice.exempt import only_visible_choices

    exempt = Document.objects.filter(classification=Classification.EXEMPT).first()
    assert exempt is not None, "the demo council has exempt papers"
    viewer = User.objects.create_user("chooser", password="Long-enough-pass-1", is_staff=True)
    Account.objects.create(user=viewer, democratic_services=False)
    field = only_visible_choices(forms.ModelChoiceField(Document.objects.all()), viewer)
    assert not field.queryset.filter(pk=exempt.pk).exists()
    assert field.queryset.filter(classification=Classification.UNRESTRICTED).exists()
    officer = User.objects.create_user("officer", password="Long-enough-pass-1", is_staff=True)
    Account.objects.create(user=officer, democratic_services=True)
    field = only_visible_choices(forms.ModelChoiceField(Document.objects.all()), officer)
    assert field.queryset.filter(pk=exempt.pk).exists()
