"""A meeting's details (date, times, venue, status, notes, contact, webcast link) and a new
meeting, saved through ``meetings.services.save_meeting``. The clash warnings for the date
(``meetings.clashes``) are shown before and after saving; they warn, they never refuse."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from council.dates import authority_today
from council.models import Body
from meetings.clashes import NOT_MEETING, Clash, Proposal, clashes_for
from meetings.models import Meeting
from meetings.services import save_meeting

from ..gate import officer
from ..meeting_forms import MeetingForm, NewMeetingForm

NOT_A_STEP = "That is not a change this page makes."
FIRST_CHECK = "Fill in the date and time, then check for clashes before creating the meeting."
UNREAD = "The clashes are checked once the details can be read."


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def meeting_details(request: HttpRequest, pk: int) -> HttpResponse:
    meetings = Meeting.objects.select_related("body", "venue", "contact")
    meeting = get_object_or_404(meetings, pk=pk)
    today = authority_today()
    if request.method != "POST":
        form = MeetingForm(instance=meeting, today=today)
        return _page(request, form, meeting, _clashes(meeting))
    # The form changes its own copy as it reads what was typed; the page names the meeting
    # as it is saved.
    form = MeetingForm(request.POST, instance=meetings.get(pk=pk), today=today)
    return _post(request, form, meeting)


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def meeting_new(request: HttpRequest) -> HttpResponse:
    today = authority_today()
    if request.method != "POST":
        body = Body.objects.filter(active=True, slug=request.GET.get("body", "")).first()
        form = NewMeetingForm(initial={"body": body}, today=today)
        return _page(request, form, None, FIRST_CHECK)
    form = NewMeetingForm(request.POST, today=today)
    return _post(request, form, None)


def _post(request: HttpRequest, form: MeetingForm, meeting: Meeting | None) -> HttpResponse:
    step = request.POST.get("step", "")
    if step not in ("check", "save"):
        return _page(request, form, meeting, UNREAD, [(NOT_A_STEP, "")], status=400)
    if not form.is_valid():
        return _page(request, form, meeting, UNREAD, status=400)
    changed = form.instance  # the meeting as typed, not saved
    if step == "check":
        return _page(request, form, meeting, _clashes(changed), checked=True)
    creating = changed.pk is None
    try:
        saved = save_meeting(changed, actor=request.user)
    except PermissionDenied as refusal:
        return _page(request, form, meeting, UNREAD, [(str(refusal), "")], status=403)
    except ValidationError as refusal:
        errors = [(message, "") for message in refusal.messages]
        return _page(request, form, meeting, UNREAD, errors, status=400)
    if creating:
        messages.success(request, f"Meeting created: {saved}.")
    else:
        messages.success(request, f"The details of {saved} are saved.")
    return HttpResponseRedirect(reverse("workspace:meeting_details", args=[saved.pk]), status=303)


def _clashes(meeting: Meeting) -> list[Clash] | str:
    """The warnings for the meeting as it is (or as typed), or why there are none to check: a
    meeting that has taken place, or is cancelled or postponed, clashes with nothing."""
    if meeting.status in NOT_MEETING:
        return f"A {meeting.get_status_display().lower()} meeting clashes with nothing."
    if meeting.date < authority_today():
        return "The meeting's date has passed."
    if meeting.pk is None:  # a new meeting: in its body's usual venue unless another is chosen
        m = meeting
        venue = m.venue or m.body.default_venue
        return clashes_for(Proposal(m.body, m.date, m.start_time, venue, m.end_time))
    return clashes_for(meeting)


def _page(request, form, meeting, clashes, errors=None, *, checked=False, status=200):
    context = {
        "form": form,
        "m": meeting,
        "clashes": clashes if isinstance(clashes, list) else None,
        "clash_note": clashes if isinstance(clashes, str) else "",
        "checked": checked,
        "errors": errors or [],
        "nav_section": "programme",
    }
    return render(request, "workspace/meeting_details.html", context, status=status)
