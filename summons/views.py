"""The member's self-service page for consent to electronic summons (SI 2015/5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from access.rules import person_of
from council.dates import authority_today

from . import consent as ledger
from .forms import ConsentForm
from .models import ConsentMethod, Decision


@login_required
def consent(request: HttpRequest) -> HttpResponse:
    person = person_of(request.user)
    if person is None:
        # An account not linked to a member (an officer, or a link not yet made): say so.
        return render(request, "summons/consent_no_person.html")
    today = authority_today()
    current = ledger.in_force(person, today)
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            try:
                ledger.record(
                    person,
                    form.cleaned_data["decision"],
                    form.cleaned_data["email"] or "",
                    method=ConsentMethod.SELF_SERVICE,
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                given = form.cleaned_data["decision"] == Decision.GIVEN
                email = form.cleaned_data.get("email")
                withdrawn = (
                    "You have withdrawn your consent. From today your summonses will be left "
                    "at or posted to your usual residence."
                )
                messages.success(
                    request,
                    f"From today your summonses will be emailed to {email}."
                    if given
                    else withdrawn,
                )
                return redirect("summons:consent")
        status = 400
    else:
        initial_email = current.email if current and current.email else person.email
        form = ConsentForm(
            initial={
                "decision": current.decision if current else None,
                "email": initial_email,
            }
        )
        status = 200
    return render(
        request,
        "summons/consent.html",
        {
            "person": person,
            "current": current,
            "form": form,
            "history": ledger.history(person),
            "today": today,
        },
        status=status,
    )
