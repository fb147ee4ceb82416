"""The clerk's minute-taking screen (issue 5 §1): attendance, declarations, motions, votes,
minutes, resolutions and actions for a meeting, item by item in the order business is taken.

One URL per meeting. Every form posts back to it with an ``op`` naming the change; the
change is made by a proceedings service (which validates, saves in a transaction and
audits). With htmx the autosaving forms get a short "Saved" status for the page's live
region; without JavaScript every form submits normally and the page is shown again.
Refusals come back as a GOV.UK error summary with HTTP 400.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from access import exempt_log
from council.dates import authority_today
from council.models import Membership, Person
from council.services import save_person
from meetings.models import AgendaItem, ItemKind, Meeting
from proceedings import actions as action_services
from proceedings import attendance as att
from proceedings import counts as count_rules
from proceedings import minutes as minute_services
from proceedings import votes as vote_services
from proceedings.models import (
    Action,
    Attendance,
    AttendanceStatus,
    Choice,
    Declaration,
    Minute,
    MinutesStatus,
    Motion,
    MotionKind,
    NilDeclarations,
    RecordedVote,
    Resolution,
    Vote,
    VoteMethod,
)
from proceedings.rules import member_ids, minutes_status, motions_for_minute

from . import forms as f
from .gate import clerk_required

S = AttendanceStatus
ONE_KEY = [(S.PRESENT, "Present", "p"), (S.APOLOGIES, "Apologies", "a"), (S.ABSENT, "Absent", "x")]
VOTE_KEYS = [(Choice.FOR, "For", "f"), (Choice.AGAINST, "Against", "a"),
             (Choice.ABSTAIN, "Abstain", "b"), (Choice.DID_NOT_VOTE, "Did not vote", "n")]


# The index -----------------------------------------------------------------------------------


@require_safe
@clerk_required
def index(request):
    today = authority_today()
    qs = Meeting.objects.select_related("body").order_by("-date", "-start_time")
    todays = list(qs.filter(date=today))
    recent = list(qs.filter(date__lt=today)[:25])
    upcoming = list(qs.filter(date__gt=today, date__lte=today + dt.timedelta(days=14))
                    .order_by("date", "start_time"))
    statuses = dict(
        Meeting.objects.filter(pk__in=[m.pk for m in todays + recent + upcoming])
        .filter(minutes_record__isnull=False)
        .values_list("pk", "minutes_record__status")
    )
    labels = dict(MinutesStatus.choices)
    for m in todays + recent + upcoming:
        m.minutes_label = labels[statuses.get(m.pk, MinutesStatus.DRAFT)]
    return render(request, "clerking/index.html", {
        "today": today, "todays": todays, "recent": recent, "upcoming": upcoming,
    })


# The screen ----------------------------------------------------------------------------------


def items_in_order_taken(meeting: Meeting) -> list[AgendaItem]:
    """Items already minuted in the order of their first minute (the order business was
    taken), then the rest in agenda order."""
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("order", "pk"))
    first = dict(
        Minute.objects.filter(meeting=meeting, item__isnull=False)
        .values_list("item_id")
        .annotate(n=Min("number"))
    )
    for i in items:
        i.minute_number = first.get(i.pk)
    taken = sorted((i for i in items if i.minute_number), key=lambda i: i.minute_number)
    return taken + [i for i in items if not i.minute_number]


def _current_item(request, items: list[AgendaItem]) -> AgendaItem | None:
    wanted = request.GET.get("item") or request.POST.get("item")
    for i in items:
        if str(i.pk) == wanted:
            return i
    return next((i for i in items if not i.minute_number), items[0] if items else None)


@require_http_methods(["GET", "HEAD", "POST"])
@clerk_required
def meeting_screen(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("body", "venue"), pk=pk)
    items = items_in_order_taken(meeting)
    item = _current_item(request, items)
    if request.method == "POST":
        return _post(request, meeting, items, item)
    return _render(request, meeting, items, item)


def _screen_url(meeting: Meeting, item: AgendaItem | None, anchor: str = "") -> str:
    url = reverse("clerking:meeting", args=[meeting.pk])
    if item is not None:
        url += f"?item={item.pk}"
    return url + (f"#{anchor}" if anchor else "")


# Changes -------------------------------------------------------------------------------------


class Invalid(Exception):
    """A form did not validate; its errors are the problem."""


class Change:
    """One posted change: the request, the meeting and current item, and the form used."""

    def __init__(self, request, meeting: Meeting, item: AgendaItem | None):
        self.request, self.meeting, self.item = request, meeting, item
        self.user = request.user
        self.form = None
        self.key = ""
        self.anchor = ""

    def bind(self, cls, key: str, **kwargs):
        self.key = key
        self.form = cls(self.request.POST, prefix=key, **kwargs)
        if not self.form.is_valid():
            raise Invalid()
        return self.form.cleaned_data

    def obj(self, model, field: str, **filters):
        """A row of this meeting named by a posted id; a clear refusal otherwise."""
        try:
            return model.objects.get(pk=int(self.request.POST.get(field, "")), **filters)
        except (ValueError, model.DoesNotExist):
            raise ValidationError(
                f"That {model._meta.verbose_name} is not part of this meeting's record. "
                "Reload the page and try again."
            ) from None

    def need_item(self) -> AgendaItem:
        if self.item is None:
            raise ValidationError("This meeting has no agenda items to minute.")
        return self.item


OPS: dict[str, Callable[[Change], str]] = {}


def op(name: str, anchor: str):
    def register(fn):
        fn.anchor = anchor
        OPS[name] = fn
        return fn

    return register


def _members(meeting: Meeting):
    return Person.objects.filter(pk__in=member_ids(meeting.body_id, meeting.date))


def _councillors_not_members(meeting: Meeting):
    ids = set(Membership.objects.on(meeting.date).filter(person__isnull=False)
              .values_list("person_id", flat=True))
    return Person.objects.filter(pk__in=ids - member_ids(meeting.body_id, meeting.date))


def _present(meeting: Meeting):
    return Person.objects.filter(pk__in=Attendance.objects.filter(
        meeting=meeting, status=S.PRESENT).values("person_id"))


def _in_room(meeting: Meeting):
    return Person.objects.filter(pk__in=Attendance.objects.filter(
        meeting=meeting, status__in=(S.PRESENT, S.ALSO_PRESENT)).values("person_id"))


def _declarable(meeting: Meeting):
    """The items an interest can be declared in: every item but the declarations item."""
    return meeting.items.exclude(kind=ItemKind.DECLARATIONS).order_by("order", "pk")


def _listed(meeting: Meeting):
    return Person.objects.filter(pk__in=Attendance.objects.filter(meeting=meeting)
                                 .values("person_id"))


@op("attendance", "attendance")
def _attendance(c: Change) -> str:
    existing = {a.person_id: a for a in Attendance.objects.filter(meeting=c.meeting)}
    done = []
    for person in _members(c.meeting):
        value = c.request.POST.get(f"att-{person.pk}", "")
        if not value:
            continue
        if value not in (S.PRESENT, S.APOLOGIES, S.ABSENT):
            raise ValidationError(f"“{value}” is not present, apologies or absent.")
        entry = existing.get(person.pk)
        if entry is None:
            att.record_attendance(c.meeting, person, value, actor=c.user)
        elif entry.status != value:
            att.change_attendance(entry, status=value, actor=c.user)
        else:
            continue
        done.append(f"{person} {S(value).label.split(' (')[0].lower()}")
    return "; ".join(done) if done else "attendance unchanged"


@op("chair", "attendance")
def _chair(c: Change) -> str:
    data = _bind_people(c, f.ChairForm, "chair", {"person": _present(c.meeting)})
    att.change_chair(c.meeting, data["person"], actor=c.user)
    return f"{data['person']} in the chair" if data["person"] else "nobody in the chair"


def _bind_people(c: Change, cls, key: str, querysets: dict):
    form = cls(c.request.POST, prefix=key)
    for name, qs in querysets.items():
        form.fields[name].queryset = qs
    c.form, c.key = form, key
    if not form.is_valid():
        raise Invalid()
    return form.cleaned_data


@op("substitute", "others")
def _substitute(c: Change) -> str:
    data = _bind_people(c, f.SubstituteForm, "sub", {
        "person": _councillors_not_members(c.meeting), "substitute_for": _members(c.meeting)})
    member = data["substitute_for"]
    if not Attendance.objects.filter(meeting=c.meeting, person=member).exists():
        att.record_attendance(c.meeting, member, S.APOLOGIES, actor=c.user)
    att.record_attendance(c.meeting, data["person"], S.PRESENT, substitute_for=member,
                          actor=c.user)
    return f"{data['person']} (Substitute for {member})"


@op("also_present", "others")
def _also_present(c: Change) -> str:
    data = _bind_people(c, f.AlsoPresentForm, "also",
                        {"person": _councillors_not_members(c.meeting)})
    att.record_attendance(c.meeting, data["person"], S.ALSO_PRESENT, actor=c.user)
    return f"{data['person']} also present"


@op("officer", "others")
def _officer(c: Change) -> str:
    data = _bind_people(c, f.OfficerForm, "officer", {"person": Person.objects.all()})
    person = data["person"] or save_person(
        Person(title=data["title"].strip(), initials=data["initials"].strip(),
               surname=data["surname"].strip()), actor=c.user)
    att.record_attendance(c.meeting, person, S.IN_ATTENDANCE, capacity=data["capacity"],
                          actor=c.user)
    return f"{person} ({data['capacity']}) in attendance"


@op("remove_attendance", "attendance")
def _remove_attendance(c: Change) -> str:
    entry = c.obj(Attendance, "attendance", meeting=c.meeting)
    name = str(entry.person)
    att.remove_attendance(entry, actor=c.user)
    return f"{name} taken out of the attendance"


@op("declaration", "declarations")
def _declaration(c: Change) -> str:
    current = c.need_item()
    data = _bind_people(c, f.DeclarationForm, "decl", {"person": _in_room(c.meeting),
                                                        "item": _declarable(c.meeting)})
    item = data["item"] or current
    att.record_declaration(c.meeting, item, data["person"], data["nature"], data["text"],
                           data["participation"], data["dispensation"], actor=c.user)
    return f"declaration by {data['person']} on item {item.number}"


@op("remove_declaration", "declarations")
def _remove_declaration(c: Change) -> str:
    d = c.obj(Declaration, "declaration", meeting=c.meeting)
    att.remove_declaration(d, actor=c.user)
    return "declaration removed"


@op("nil_declarations", "declarations")
def _nil(c: Change) -> str:
    att.record_nil_declarations(c.meeting, actor=c.user)
    return "no interests declared"


@op("remove_nil_declarations", "declarations")
def _remove_nil(c: Change) -> str:
    att.remove_nil_declarations(c.meeting, actor=c.user)
    return "nil return removed"


def _undecided_substantive(meeting: Meeting):
    return Motion.objects.filter(meeting=meeting, kind=MotionKind.SUBSTANTIVE, outcome="")


@op("motion", "motions")
def _motion(c: Change) -> str:
    item = c.need_item()
    form = f.MotionForm(c.request.POST, prefix="motion",
                        motions=_undecided_substantive(c.meeting))
    present = _present(c.meeting)
    for name in ("mover", "seconder"):
        form.fields[name].queryset = present
    form.fields["nominee"].queryset = _members(c.meeting)
    c.form, c.key = form, "motion"
    if not form.is_valid():
        raise Invalid()
    d = form.cleaned_data
    if d["kind"] == MotionKind.ELECTION:
        if not d["mover"]:
            raise ValidationError({"mover": "Say who proposed the member for election."})
        vote_services.add_election(
            c.meeting, d["office"], d["nominee"], d["mover"], d["seconder"], item=item,
            text=d["text"].strip(), actor=c.user)
        return f"nomination of {d['nominee']}"
    vote_services.add_motion(
        c.meeting, d["kind"], d["text"].strip(), mover=d["mover"], seconder=d["seconder"],
        item=item, amends=d["amends"], resulting_text=d["resulting_text"].strip(),
        actor=c.user)
    return "motion recorded"


def _motion_of(c: Change) -> Motion:
    return c.obj(Motion, "motion", meeting=c.meeting)


def _result_text(motion: Motion) -> str:
    motion.refresh_from_db()
    vote = Vote.objects.filter(motion=motion).first()
    counts = (f" (For {vote.votes_for}, Against {vote.votes_against}, "
              f"Abstain {vote.abstentions})") if vote else ""
    text = f"{motion.get_outcome_display().lower()}{counts}"
    if motion.kind == MotionKind.ELECTION:
        result = vote_services.election_result(motion)
        if result is not None:
            text += f". {result}"
    return text


@op("hands", "motions")
def _hands(c: Change) -> str:
    motion = _motion_of(c)
    d = c.bind(f.HandsForm, f"hands-{motion.pk}")
    counts = (d["votes_for"], d["votes_against"], d["abstentions"] or 0)
    vote = Vote.objects.filter(motion=motion).first()
    if vote:
        vote_services.correct_vote(vote, method=VoteMethod.SHOW_OF_HANDS, counts=counts,
                                   majority=d["majority"], casting_vote=d["casting_vote"],
                                   actor=c.user)
    else:
        vote_services.record_vote(motion, VoteMethod.SHOW_OF_HANDS, counts=counts,
                                  majority=d["majority"], casting_vote=d["casting_vote"],
                                  actor=c.user)
    return f"vote recorded: {_result_text(motion)}"


@op("recorded", "motions")
def _recorded(c: Change) -> str:
    motion = _motion_of(c)
    key = f"rec-{motion.pk}"
    d = c.bind(f.RecordedCountsForm, key)
    # Every name posted goes to the service, which refuses (naming them) anyone absent,
    # not entitled or named twice; nothing is silently dropped.
    stem = f"{key}-vote-"
    posted = {}
    for name, value in c.request.POST.items():
        if name.startswith(stem) and value:
            try:
                posted[int(name[len(stem):])] = value
            except ValueError:
                raise ValidationError("The vote names someone who is not in the record.") from None
    people = Person.objects.in_bulk(list(posted))
    if len(people) != len(posted):
        raise ValidationError("The vote names someone who is not in the record.")
    choices = [(people[pk], value) for pk, value in posted.items()]
    vote = Vote.objects.filter(motion=motion).first()
    kwargs = {"counts": c.form.announced(), "majority": d["majority"],
              "casting_vote": d["casting_vote"], "actor": c.user}
    if vote:
        vote_services.correct_vote(vote, method=VoteMethod.RECORDED, choices=choices, **kwargs)
    else:
        vote_services.record_vote(motion, VoteMethod.RECORDED, choices=choices, **kwargs)
    return f"recorded vote: {_result_text(motion)}"


@op("agree", "motions")
def _agree(c: Change) -> str:
    motion = _motion_of(c)
    vote_services.agree_without_vote(motion, actor=c.user)
    return _result_text(motion)


@op("withdraw", "motions")
def _withdraw(c: Change) -> str:
    motion = _motion_of(c)
    vote_services.withdraw(motion, actor=c.user)
    return "motion withdrawn"


@op("delete_motion", "motions")
def _delete_motion(c: Change) -> str:
    vote_services.delete_motion(_motion_of(c), actor=c.user)
    return "motion deleted"


@op("new_minute", "minute")
def _new_minute(c: Change) -> str:
    item = c.need_item()
    d = c.bind(f.ExemptMinuteForm, "newminute")
    minute = minute_services.add_minute(
        c.meeting, d["title"].strip(), item=item, text=d["text"].strip(), exempt=d["exempt"],
        exempt_paragraph=d["exempt_paragraph"], public_summary=d["public_summary"].strip(),
        summary_not_needed=d["summary_not_needed"], actor=c.user)
    return f"minute {minute.number} started"


@op("minute", "minute")
def _minute(c: Change) -> str:
    minute = c.obj(Minute, "minute", meeting=c.meeting)
    if minute.exempt:
        d = c.bind(f.ExemptMinuteForm, f"minute-{minute.pk}")
        extra = {k: d[k] for k in ("exempt", "exempt_paragraph", "summary_not_needed")}
        extra["public_summary"] = d["public_summary"].strip()
    else:
        d, extra = c.bind(f.MinuteForm, f"minute-{minute.pk}"), {}
    minute_services.edit_minute(minute, title=d["title"].strip(), text=d["text"].strip(),
                                actor=c.user, **extra)
    return f"minute {minute.number}"


@op("delete_minute", "minute")
def _delete_minute(c: Change) -> str:
    minute = c.obj(Minute, "minute", meeting=c.meeting)
    number = minute.number
    minute_services.delete_minute(minute, actor=c.user)
    return f"minute {number} deleted"


@op("delete_resolution", "minute")
def _delete_resolution(c: Change) -> str:
    resolution = c.obj(Resolution, "resolution", minute__meeting=c.meeting)
    minute_services.delete_resolution(resolution, actor=c.user)
    return "resolution deleted"


@op("resolution", "minute")
def _resolution(c: Change) -> str:
    minute = c.obj(Minute, "minute", meeting=c.meeting)
    d = c.bind(f.ResolutionForm, f"res-{minute.pk}", motions=motions_for_minute(minute))
    minute_services.add_resolution(minute, d["text"].strip(), c.form.cleaned_parts(),
                                   motion=d["motion"], actor=c.user,
                                   delegated_to=d["delegated_to"].strip(),
                                   in_consultation_with=d["in_consultation_with"].strip())
    return f"resolution of minute {minute.number}"


@op("action", "actions")
def _action(c: Change) -> str:
    d = _bind_people(c, f.ActionForm, "action", {"owner": _listed(c.meeting)})
    minute = None
    if c.item is not None:
        minute = Minute.objects.filter(meeting=c.meeting, item=c.item).order_by("number").first()
    action_services.add_action(c.meeting, d["text"], d["kind"], owner=d["owner"],
                               owner_text=d["owner_text"], due=d["due"], minute=minute,
                               actor=c.user)
    return f"{d['kind']} recorded"


@op("action_update", "actions")
def _action_update(c: Change) -> str:
    action = c.obj(Action, "action", meeting=c.meeting)
    d = c.bind(f.ActionUpdateForm, f"act-{action.pk}")
    action_services.update_action(action, status=d["status"], completed_on=d["completed_on"],
                                  progress=d["progress"], actor=c.user)
    return "action updated"


@op("publish", "publish")
def _publish(c: Change) -> str:
    minute_services.publish_minutes(c.meeting, actor=c.user)
    return "minutes published as a draft"


def _errors(change: Change, error: Exception) -> list[tuple[str, str]]:
    """(message, link) pairs for the error summary: each links to its field where known."""
    form = change.form
    first = f"#{next(iter(form)).auto_id}" if form is not None else f"#{change.anchor}"
    if isinstance(error, Invalid):
        out = [(e, first) for e in form.non_field_errors()]
        for field in form:
            out += [(e, f"#{field.auto_id}") for e in field.errors]
        return out
    if hasattr(error, "error_dict"):
        out = []
        for name, errs in error.message_dict.items():
            link = first
            if form is not None and name in form.fields:
                link = f"#{form[name].auto_id}"
            out += [(e, link) for e in errs]
        return out
    return [(e, first) for e in error.messages]


def _post(request, meeting: Meeting, items, item):
    htmx = request.headers.get("HX-Request") == "true"
    handler = OPS.get(request.POST.get("op", ""))
    change = Change(request, meeting, item)
    if handler is None:
        change.anchor = "main-content"
        return _refused(request, change, [("That is not a change this page makes.",
                                           "#main-content")], items, htmx)
    change.anchor = handler.anchor
    try:
        with transaction.atomic():
            message = handler(change)
    except (Invalid, ValidationError) as error:
        return _refused(request, change, _errors(change, error), items, htmx)
    except IntegrityError:
        return _refused(request, change, [(
            "That conflicts with a change made at the same moment. Reload the page and check.",
            f"#{change.anchor}")], items, htmx)
    message = f"Saved: {message}."
    if htmx:
        context = {"message": message, "errors": [], "at": timezone.localtime()}
        if handler.anchor == "attendance":
            # Who may be chair, declare, move and vote follows the attendance: send those
            # parts again (not the part holding the focus).
            context |= _context(request, meeting, items_in_order_taken(meeting), item)
            context |= {"refresh_chair": OPS["chair"] is not handler, "refresh_item": True}
        return render(request, "clerking/_feedback.html", context)
    messages.success(request, message)
    return HttpResponseRedirect(_screen_url(meeting, item, handler.anchor), status=303)


def _refused(request, change: Change, errors, items, htmx: bool):
    if htmx:
        first = errors[0][0] if errors else ""
        return render(request, "clerking/_feedback.html",
                      {"message": f"Not saved: {first}", "errors": errors}, status=400)
    bound = {change.key: change.form} if change.form is not None else {}
    return _render(request, change.meeting, items, change.item, errors=errors, bound=bound,
                   status=400)


# Rendering -----------------------------------------------------------------------------------


def _form(bound: dict, key: str, cls, querysets: dict | None = None, **kwargs):
    form = bound.get(key) or cls(prefix=key, **kwargs)
    for name, qs in (querysets or {}).items():
        form.fields[name].queryset = qs
    return form


def _render(request, meeting: Meeting, items, item, *, errors=(), bound=None, status=200):
    context = _context(request, meeting, items, item, errors=errors, bound=bound)
    exempt_log.record_clerk_screen(request, meeting, item, context["item_minutes"])
    return render(request, "clerking/meeting.html", context, status=status)


def _context(request, meeting: Meeting, items, item, *, errors=(), bound=None) -> dict:
    bound = bound or {}
    entries = list(Attendance.objects.filter(meeting=meeting).select_related(
        "person", "substitute_for").order_by("order", "pk"))
    by_person = {a.person_id: a for a in entries}
    members = sorted(_members(meeting), key=lambda p: p.sort_key)
    member_rows = [(p, by_person.get(p.pk)) for p in members]
    member_pks = {p.pk for p in members}
    others = [a for a in entries if a.person_id not in member_pks]
    present = sorted((a.person for a in entries if a.status == S.PRESENT),
                     key=lambda p: p.sort_key)
    chair = next((a.person for a in entries if a.in_chair), None)

    motions = []
    if item is not None:
        item_motions = Motion.objects.filter(meeting=meeting, item=item).select_related(
            "mover", "seconder", "amends", "nominee").order_by("order", "pk")
        votes = {v.motion_id: v for v in Vote.objects.filter(motion__in=item_motions)}
        recorded = {}
        for rv in RecordedVote.objects.filter(vote__motion__in=item_motions):
            recorded.setdefault(rv.vote_id, {})[rv.person_id] = rv.choice
        for m in item_motions:
            vote = votes.get(m.pk)
            chosen = recorded.get(vote.pk, {}) if vote else {}
            initial = {}
            if vote:
                initial = {"votes_for": vote.votes_for, "votes_against": vote.votes_against,
                           "abstentions": vote.abstentions, "majority": vote.majority,
                           "casting_vote": vote.casting_vote}
            m.vote_obj = vote
            m.hands_form = _form(bound, f"hands-{m.pk}", f.HandsForm,
                                 initial=initial if vote and vote.method == "show_of_hands"
                                 else {})
            m.recorded_form = _form(bound, f"rec-{m.pk}", f.RecordedCountsForm,
                                    initial={"majority": vote.majority,
                                             "casting_vote": vote.casting_vote} if vote else {})
            posted = bound.get(f"rec-{m.pk}")
            m.grid = []
            barred = count_rules.barred(m)  # recorded as not voting by the service
            for p in present:
                value = (posted.data.get(f"rec-{m.pk}-vote-{p.pk}") if posted is not None
                         else chosen.get(p.pk, Choice.DID_NOT_VOTE if vote is None else ""))
                m.grid.append((p, value or Choice.DID_NOT_VOTE, barred.get(p.pk, "")))
            m.show_recorded = bool(vote and vote.method == VoteMethod.RECORDED)
            motions.append(m)

    item_minutes = []
    if item is not None:
        for minute in Minute.objects.filter(meeting=meeting, item=item).prefetch_related(
                "resolutions").order_by("number"):
            minute.form = _form(
                bound, f"minute-{minute.pk}",
                f.ExemptMinuteForm if minute.exempt else f.MinuteForm,
                initial={"title": minute.title, "text": minute.text, "exempt": minute.exempt,
                         "exempt_paragraph": minute.exempt_paragraph,
                         "public_summary": minute.public_summary,
                         "summary_not_needed": minute.summary_not_needed})
            minute.resolution_form = _form(bound, f"res-{minute.pk}", f.ResolutionForm,
                                           motions=motions_for_minute(minute))
            item_minutes.append(minute)
    new_minute_form = _form(bound, "newminute", f.ExemptMinuteForm, initial={
        "title": item.title if item else "",
        "exempt": bool(item and item.is_exempt),
        "exempt_paragraph": item.exempt_paragraph if item and item.is_exempt else None})

    actions = list(Action.objects.filter(meeting=meeting).select_related("owner", "minute"))
    for a in actions:
        a.form = _form(bound, f"act-{a.pk}", f.ActionUpdateForm,
                       initial={"status": a.status, "completed_on": a.completed_on,
                                "progress": a.progress})

    position = next((n for n, i in enumerate(items) if item and i.pk == item.pk), None)
    context = {
        "meeting": meeting,
        "items": items,
        "item": item,
        "previous_item": items[position - 1] if position else None,
        "next_item": items[position + 1] if position is not None and position + 1 < len(items)
        else None,
        "post_url": _screen_url(meeting, item),
        "errors": errors,
        "member_rows": member_rows,
        "one_key": ONE_KEY,
        "vote_keys": VOTE_KEYS,
        "others": others,
        "chair": chair,
        "present_count": len(present),
        "quorum": att.quorum(meeting),
        "chair_form": _form(bound, "chair", f.ChairForm, {"person": _present(meeting)},
                            initial={"person": chair}),
        "sub_form": _form(bound, "sub", f.SubstituteForm, {
            "person": _councillors_not_members(meeting), "substitute_for": _members(meeting)}),
        "also_form": _form(bound, "also", f.AlsoPresentForm,
                           {"person": _councillors_not_members(meeting)}),
        "officer_form": _form(bound, "officer", f.OfficerForm, {"person": Person.objects.filter(
            pk__in=_officer_candidates(meeting))}),
        "declarations": _declarations_shown(meeting, item),
        "nil_declarations": NilDeclarations.objects.filter(meeting=meeting).exists(),
        "decl_form": _form(bound, "decl", f.DeclarationForm, {
            "person": _in_room(meeting), "item": _declarable(meeting)},
            initial={"item": item if item and item.kind != ItemKind.DECLARATIONS else None}),
        "motions": motions,
        "motion_form": _motion_form(bound, meeting),
        "item_minutes": item_minutes,
        "new_minute_form": new_minute_form,
        "actions": actions,
        "action_form": _form(bound, "action", f.ActionForm, {"owner": _listed(meeting)}),
        "minutes_status": MinutesStatus(minutes_status(meeting.pk)),
    }
    return context


def _declarations_shown(meeting: Meeting, item: AgendaItem | None):
    """The item's declarations; under the declarations item, all of the meeting's."""
    if item is None:
        return []
    found = Declaration.objects.filter(meeting=meeting).select_related("person", "item")
    return found if item.kind == ItemKind.DECLARATIONS else found.filter(item=item)


def _officer_candidates(meeting: Meeting) -> set[int]:
    """People who are not councillors on the day: officers and others in the record."""
    councillors = set(Membership.objects.on(meeting.date).filter(person__isnull=False)
                      .values_list("person_id", flat=True))
    return set(Person.objects.exclude(pk__in=councillors).values_list("pk", flat=True))


def _motion_form(bound, meeting: Meeting):
    form = bound.get("motion") or f.MotionForm(prefix="motion",
                                               motions=_undecided_substantive(meeting))
    present = _present(meeting)
    form.fields["mover"].queryset = present
    form.fields["seconder"].queryset = present
    form.fields["nominee"].queryset = _members(meeting)
    return form
