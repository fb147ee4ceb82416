"""Back-office records that name exempt information (backoffice/exempt_rows.py): a Monitoring
Officer's grant on the exempt report, the report's clearance workflow, and rows of the exempt
access log (a restricted-page view and a search results page shown to the entitled)."""

from __future__ import annotations

import datetime as dt

from access.models import AccessGrant, ExemptAccess, Surface
from moot import testing as t
from papers.models import Document
from publishing.models import ReportWorkflow


def _exempt_report(canary: str) -> Document:
    return Document.objects.get(title=f"Exempt report {canary}")


def plant(meeting, exempt_item, canary):
    report = _exempt_report(canary)
    person = t.person("Grantee")
    AccessGrant.objects.create(
        person=person,
        document=report,
        reason="Advising on the lease.",
        start=dt.date(2017, 9, 1),
        end=dt.date(2017, 9, 30),
    )
    ReportWorkflow.objects.get_or_create(document=report)
    ExemptAccess.objects.create(
        username="chair",
        document=report,
        meeting=meeting,
        surface=Surface.RESTRICTED,
        action="view",
        description=f"{meeting}: {report}",
    )
    ExemptAccess.objects.create(
        username="chair",
        meeting=meeting,
        surface=Surface.SEARCH,
        action="view",
        description=f"Search results: {report}",
    )


def check(meeting, canary):
    from proceedings.models import MinutesVersion

    report = _exempt_report(canary)
    assert MinutesVersion.objects.filter(
        record__meeting=meeting, exempt_html__contains=canary
    ).exists()
    assert AccessGrant.objects.filter(document=report).exists()
    assert ReportWorkflow.objects.filter(document=report).exists()
    assert ExemptAccess.objects.filter(meeting=meeting, description__contains=canary).count() == 2
