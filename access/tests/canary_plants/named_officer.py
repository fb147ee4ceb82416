"""An officer named on the exempt report as its author, with an account of their own.

The officer is entitled to the report (access.rules.named_on) but only once signed in with
both factors (access.rules.may_ever_see_exempt); the crawl signs them in with a password alone
(``test_a_named_officer_without_a_second_factor_sees_no_more``) and must find no canary.
"""

from __future__ import annotations

USERNAME = "named-officer"
PASSWORD = "Long-enough-pass-1"


def plant(meeting, exempt_item, canary):
    from django.contrib.auth.models import User

    from access.models import Account
    from moot import testing as t
    from papers.models import Report

    officer = t.person("Reportwriter")
    Report.objects.filter(document__title=f"Exempt report {canary}").update(author=officer)
    user = User.objects.create_user(USERNAME, password=PASSWORD)
    Account.objects.create(user=user, person=officer)


def check(meeting, canary):
    from papers.models import Report

    report = Report.objects.get(document__title=f"Exempt report {canary}")
    assert report.author is not None and report.author.account.user.username == USERNAME
