"""Papers, packs and the render cache in a private bucket of a real S3-compatible server
(SeaweedFS, ``seaweedfs.py``), configured as a council would (``MOOT_S3_*``): files served
only through Moot, after its check; the bucket closed to anonymous clients; a store that does
not answer gives a clear 503 and records nothing as stored that is not."""

from __future__ import annotations

import datetime as dt
import io
import os
import urllib.error
import urllib.request
import uuid

import pytest
from botocore.exceptions import ClientError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from access.tests.test_restricted_papers import account
from audit.actors import SystemActor
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council import services as council_services
from council.models import Role
from moot import testing as t
from papers import services
from papers import testing as made
from papers.checks import private_store_is_private
from papers.models import AgendaPack, Classification, Document, DocumentVersion, PackStatus
from papers.packs import request_pack, run_pack
from papers.storage import StorageUnavailable, private_storage, storage_reachable
from papers.storage_config import storages
from publishing.historical import record_historical_publication

from .seaweedfs import OPEN, PRIVATE, seaweedfs  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db
SECRET = "Exempt text: the trading company's losses"
PUBLIC = "Budget monitoring: spending is on course"


def text(data: bytes) -> str:
    return "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def prefix() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def s3(seaweedfs, prefix, settings, tmp_path):  # noqa: F811
    """The private store in the bucket, under a prefix of this test's own; the disk's private
    folder is moved to an empty one, to show nothing lands there."""
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.STORAGES = storages(seaweedfs.env(prefix))
    return seaweedfs


def keys(server, prefix: str) -> list[str]:
    listed = server.client().list_objects_v2(Bucket=PRIVATE, Prefix=f"{prefix}/")
    return [o["Key"].removeprefix(f"{prefix}/") for o in listed.get("Contents", [])]


@pytest.fixture
def case(s3):
    """A published meeting with a public uploaded PDF, a public written paper and an exempt
    uploaded PDF; a member of the committee and a councillor who is not."""
    committee = t.body("Storage Committee")
    meeting = t.meeting(committee, date=dt.date(2030, 6, 1))
    public_item = t.item(meeting, "5", "Budget Monitoring")
    exempt_item = t.item(meeting, "9", "Company Governance", part="exempt", exempt_paragraph=3)
    public = services.save_document(Document(title="Budget monitoring report"), actor=TEST_ACTOR)
    services.add_version(public, upload=made.pdf(2, PUBLIC), filename="b.pdf", actor=TEST_ACTOR)
    services.attach(public_item, public, actor=TEST_ACTOR)
    written = services.save_document(Document(title="Highways update"), actor=TEST_ACTOR)
    services.add_version(written, html="<p>Highways are repaired.</p>", actor=TEST_ACTOR)
    services.attach(public_item, written, actor=TEST_ACTOR)
    exempt = services.save_document(
        Document(
            title="Trading company review",
            classification=Classification.EXEMPT,
            exempt_paragraph=3,
        ),
        actor=TEST_ACTOR,
    )
    services.add_version(exempt, upload=made.pdf(1, SECRET), filename="s.pdf", actor=TEST_ACTOR)
    services.attach(exempt_item, exempt, actor=TEST_ACTOR)
    member = t.person("Memberby")
    council_services.appoint(committee, member, Role.MEMBER, dt.date(2030, 1, 1), actor=TEST_ACTOR)
    record_historical_publication(meeting, timezone.now(), actor=SystemActor("test"))
    return meeting, public, exempt, member


def build(meeting, kind: str) -> AgendaPack:
    pack = request_pack(meeting, kind, enqueue=False, actor=TEST_ACTOR)
    return run_pack(pack.pk, actor=TEST_ACTOR)


def test_papers_and_packs_are_kept_in_the_bucket_and_nowhere_on_disk(case, s3, prefix, settings):
    meeting, public, exempt, _ = case
    public_pack, members_pack = build(meeting, "public"), build(meeting, "members")
    assert public_pack.status == members_pack.status == PackStatus.BUILT
    stored = keys(s3, prefix)
    uploads = [v.source_file.name for v in DocumentVersion.objects.exclude(source_file="")]
    for name in [*uploads, public_pack.file.name, members_pack.file.name]:
        assert name in stored
    assert any(k.startswith("pack-cache/") for k in stored)
    assert any(k.startswith("paper-pdfs/") for k in stored)  # the written paper's own PDF
    assert not any(f for _, _, f in os.walk(settings.PRIVATE_ROOT))
    with private_storage().open(members_pack.file.name) as f:
        assert SECRET in text(f.read())


def test_the_public_papers_and_pack_download_through_moot(case):
    meeting, public, _, _ = case
    build(meeting, "public")
    client = Client()
    response = client.get(reverse("website:paper_pdf", args=[meeting.pk, meeting.slug, public.pk]))
    data = body(response)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert int(response["Content-Length"]) == len(data) and PUBLIC in text(data)
    # A reader whose copy is current gets a 304 without the file being read again.
    again = client.get(
        reverse("website:paper_pdf", args=[meeting.pk, meeting.slug, public.pk]),
        HTTP_IF_NONE_MATCH=response["ETag"],
    )
    assert again.status_code == 304
    pack = client.get(reverse("website:agenda_pack", args=[meeting.pk, meeting.slug]))
    data = body(pack)
    assert pack.status_code == 200 and PUBLIC in text(data) and SECRET not in text(data)


def test_the_exempt_paper_is_refused_to_the_public_and_outsiders_and_given_to_a_member(case):
    meeting, _, exempt, member = case
    build(meeting, "members")
    pdf = reverse("website:restricted_paper_pdf", args=[meeting.pk, exempt.pk])
    pack = reverse("website:members_pack", args=[meeting.pk])
    public_pdf = reverse("website:paper_pdf", args=[meeting.pk, meeting.slug, exempt.pk])
    for anonymous in (Client().get(pdf), Client().get(pack)):
        assert anonymous.status_code == 302 and SECRET.encode() not in anonymous.content
    assert Client().get(public_pdf).status_code == 404
    outsider = t.verified_login(Client(), account(t.person("Outsidely"), "outsider"))
    for url in (pdf, pack, public_pdf):
        refused = outsider.get(url)
        assert refused.status_code == 404 and SECRET.encode() not in refused.content
    reader = t.verified_login(Client(), account(member, "member"))
    for url in (pdf, pack):
        response = reader.get(url)
        assert response.status_code == 200 and SECRET in text(body(response))


def test_the_bucket_refuses_anonymous_clients(case, s3, prefix, settings):
    meeting, public, exempt, _ = case
    key = f"{prefix}/{exempt.versions.get().source_file.name}"
    anonymous = s3.client(anonymous=True)
    with pytest.raises(ClientError) as listing:
        anonymous.list_objects_v2(Bucket=PRIVATE)
    with pytest.raises(ClientError) as reading:
        anonymous.get_object(Bucket=PRIVATE, Key=key)
    assert listing.value.response["Error"]["Code"] == "AccessDenied"
    assert reading.value.response["Error"]["Code"] == "AccessDenied"
    for url in (f"{s3.endpoint}/{PRIVATE}", f"{s3.endpoint}/{PRIVATE}/{key}"):
        with pytest.raises(urllib.error.HTTPError) as plain:
            urllib.request.urlopen(url, timeout=10)
        assert plain.value.code == 403 and SECRET.encode() not in plain.value.read()
    # Private files have no address of their own (nor signed URLs): only Moot's views.
    with pytest.raises(ValueError):
        private_storage().url(exempt.versions.get().source_file.name)
    # moot check --deploy: this bucket passes; one an anonymous client may read does not.
    assert private_store_is_private() == []
    settings.STORAGES = storages(s3.env(prefix, bucket=OPEN))
    private_storage().save("probe.pdf", io.BytesIO(b"%PDF-1.4 probe"))
    [error] = private_store_is_private()
    assert error.id == "papers.E002" and "list and read" in error.msg


def test_a_file_streams_from_the_store_and_seeks_by_range(s3):
    data = os.urandom(300_000)
    name = private_storage().save("streamed/bytes.bin", io.BytesIO(data))
    with private_storage().open(name) as f:
        assert f.size == len(data)
        assert f.read(10) == data[:10]
        f.seek(200_000)
        assert f.read(16) == data[200_000:200_016]
        f.seek(0)
        assert f.read() == data
    with pytest.raises(FileNotFoundError):
        private_storage().open("streamed/missing.bin")
    assert not private_storage().exists("streamed/missing.bin")


@pytest.fixture
def store_down(seaweedfs, prefix, settings):  # noqa: F811
    """The store's address with nothing answering there (a port just freed)."""
    from .seaweedfs import SeaweedFS, free_ports

    [port] = free_ports(1)
    down = SeaweedFS(f"http://127.0.0.1:{port}")

    def switch() -> None:
        settings.STORAGES = storages(down.env(prefix, MOOT_S3_TIMEOUT="1"))

    return switch


def test_a_store_that_does_not_answer_gives_a_clear_error_and_records_nothing(
    case, store_down, caplog
):
    meeting, public, exempt, member = case
    store_down()
    assert storage_reachable() is False
    assert [e.id for e in private_store_is_private()] == ["papers.E001"]  # moot check --deploy
    # An upload is refused whole: no version, no audit entry.
    versions, entries = DocumentVersion.objects.count(), AuditEntry.objects.count()
    with pytest.raises(StorageUnavailable):
        services.add_version(public, upload=made.pdf(1), filename="new.pdf", actor=TEST_ACTOR)
    assert (DocumentVersion.objects.count(), AuditEntry.objects.count()) == (versions, entries)
    # A pack that cannot be stored is recorded as failed, never as built.
    pack = build(meeting, "public")
    assert pack.status == PackStatus.FAILED and not pack.file and pack.built_at is None
    assert "Build it again" in pack.message
    # A download says what is wrong, with a 503 and no traceback; the paper's page still
    # renders (its link to the PDF without a size, as for a missing file).
    client = Client(raise_request_exception=False)
    response = client.get(reverse("website:paper_pdf", args=[meeting.pk, meeting.slug, public.pk]))
    page = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "files are not available at the moment" in page and "Traceback" not in page
    paper = client.get(reverse("website:paper", args=[meeting.pk, meeting.slug, public.pk]))
    assert paper.status_code == 200 and "Download the PDF" in paper.content.decode()
    reader = t.verified_login(Client(raise_request_exception=False), account(member, "member"))
    refused = reader.get(reverse("website:restricted_paper_pdf", args=[meeting.pk, exempt.pk]))
    assert refused.status_code == 503 and SECRET.encode() not in refused.content
