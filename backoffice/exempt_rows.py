"""Which rows of the record hold exempt information, and which of them a user may see.

The entitlement itself is decided in one place, ``access.rules.may_see_exempt`` (with
``is_democratic_services``): this module only says, for each model, which rows are exempt
(an exempt or confidential paper or an appendix of one, an exempt agenda item's text, an
exempt minute or a minute of an exempt item with its resolutions and actions, motions, votes
and declarations on exempt items, the members' pack, the exempt access log) and which meeting
and paper each row belongs to, so that the rule can be asked about it. The back office
(``backoffice.exempt``) filters every list, page and download with it
(docs/statutory-rules.md, access to exempt information; shared/docs/requirements-from-seeds.md).

A model whose rows are public but which holds exempt text in some fields (a minutes
version's exempt part) names those ``fields``: the rows stay, the fields are withheld.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from access.rules import is_democratic_services, may_see_exempt, person_of
from meetings.models import Meeting, exempt_item_q
from papers.models import Document, on_exempt_item_q
from proceedings.public import closed_minute_q, closed_motions

RESTRICTED = ("exempt", "confidential")  # papers.models.Classification other than unrestricted


@dataclass(frozen=True)
class Scope:
    exempt: Callable[[], Q]  # the rows that hold exempt information
    meetings: tuple[str, ...]  # lookups from a row to the meeting(s) it belongs to
    document: str | None = None  # the lookup from a row to its paper, when it is about one
    fields: tuple[str, ...] = ()  # only these fields are exempt; the row itself is public
    # Further fields exempt in some rows only (e.g. what a row's history still shows of text
    # later withheld), by the row.
    fields_of: Callable[[object], tuple[str, ...]] | None = None


def _paper(prefix: str = "") -> Q:
    """An exempt or confidential paper, an appendix of one, or a paper on exempt business
    (``papers.models.Document.is_restricted`` in SQL)."""

    return (
        Q(**{f"{prefix}classification__in": RESTRICTED})
        | Q(**{f"{prefix}parent__classification__in": RESTRICTED})
        | on_exempt_item_q(prefix)
    )


def _paper_meetings(prefix: str = "") -> tuple[str, ...]:
    return (f"{prefix}attachments__item__meeting", f"{prefix}parent__attachments__item__meeting")


def _item(prefix: str = "") -> Q:
    """Exempt business, sub-items of an exempt item included (``AgendaItem.is_exempt``)."""

    return exempt_item_q(prefix)


def _minute(prefix: str = "") -> Q:
    """Minuted in closed session (``proceedings.public.closed_minute_q``)."""

    return closed_minute_q(prefix)


def _closed_motion(field: str) -> Callable[[], Q]:
    """Rows about a motion minuted in closed session, with its whole debate
    (``proceedings.public.closed_motions``)."""

    def q() -> Q:

        return Q(**{f"{field}__in": closed_motions()})

    return q


def _about_paper(prefix: str, extra: tuple[str, ...] = ()) -> Scope:
    return Scope(lambda: _paper(prefix), extra + _paper_meetings(prefix), prefix.rstrip("_"))


def _withheld_public_text(version) -> tuple[str, ...]:
    """A minutes version whose public text once held a minute later made exempt: its history
    (the entries made before) still shows that text in ``public_html``."""
    return ("public_html",) if getattr(version, "withheld_public_html", "") else ()


SCOPES: dict[str, Scope] = {
    "papers.document": Scope(_paper, _paper_meetings(), "pk"),
    "papers.documentversion": _about_paper("document__"),
    "papers.itempaper": _about_paper("document__", ("item__meeting",)),
    "papers.report": _about_paper("document__"),
    "papers.reportsigner": _about_paper("report__document__"),
    "papers.recommendation": _about_paper("report__document__"),
    "papers.pathwaystep": _about_paper("report__document__"),
    # The members' pack, and a public pack withdrawn because it held a paper later made
    # exempt or withdrawn (papers.packs.withdraw_packs_with).
    "papers.agendapack": Scope(
        lambda: Q(kind="members") | Q(withdrawn_at__isnull=False), ("meeting",)
    ),
    "publishing.reportworkflow": _about_paper("document__"),
    "publishing.clearancesignoff": _about_paper("document__"),
    "publishing.publicationevent": _about_paper("document__", ("meeting",)),
    "access.accessgrant": _about_paper("document__"),
    # The log names what was seen: every row is about exempt information.
    "access.exemptaccess": Scope(Q, ("meeting", *_paper_meetings("document__")), "document"),
    "meetings.agendaitem": Scope(_item, ("meeting",)),
    "proceedings.minute": Scope(_minute, ("meeting",)),
    "proceedings.resolution": Scope(lambda: _minute("minute__"), ("minute__meeting",)),
    "proceedings.action": Scope(lambda: _minute("minute__"), ("meeting",)),
    "proceedings.motion": Scope(_closed_motion("pk"), ("meeting",)),
    "proceedings.vote": Scope(_closed_motion("motion_id"), ("motion__meeting",)),
    "proceedings.recordedvote": Scope(
        _closed_motion("vote__motion_id"), ("vote__motion__meeting",)
    ),
    "proceedings.declaration": Scope(lambda: _item("item__"), ("meeting",)),
    "search.entry": Scope(lambda: Q(exempt=True), ("meeting",)),
    # A version keeps its exempt part, and the public text of a minute made exempt after
    # publication (proceedings/versions.py), in fields of their own.
    "proceedings.minutesversion": Scope(
        lambda: ~Q(exempt_html="") | ~Q(withheld_public_html=""),
        ("record__meeting",),
        fields=("exempt_html", "withheld_public_html"),
        fields_of=_withheld_public_text,
    ),
}


def scope_of(model) -> Scope | None:
    return SCOPES.get(model._meta.label_lower)


def sees_everything(user) -> bool:
    return is_democratic_services(user)


def _entitled(user, meeting_id, document_id) -> bool:
    """``may_see_exempt`` for one (meeting, paper), remembered for the request's user."""
    cache = user.__dict__.setdefault("_moot_exempt_entitlement", {})
    key = (meeting_id, document_id)
    if key not in cache:
        meeting = Meeting.objects.filter(pk=meeting_id).first() if meeting_id else None
        document = Document.objects.filter(pk=document_id).first() if document_id else None
        # A row belonging to no meeting is for democratic services alone.
        cache[key] = meeting is not None and may_see_exempt(user, meeting, document)
    return cache[key]


def hidden_pks(model, user) -> set:
    """The keys of ``model``'s exempt rows that ``user`` may not see, worked out once per
    request (remembered on the request's user, as ``_entitled`` is): a list page asks for
    every model's several times over."""
    scope = scope_of(model)
    if scope is None or sees_everything(user):
        return set()
    cache = user.__dict__.setdefault("_moot_hidden_pks", {})
    if model._meta.label_lower not in cache:
        cache[model._meta.label_lower] = frozenset(_hidden_pks(model, scope, user))
    return set(cache[model._meta.label_lower])


def _hidden_pks(model, scope: Scope, user) -> set:
    rows = model._default_manager.filter(scope.exempt())
    if person_of(user) is None or not user.is_active:
        return set(rows.values_list("pk", flat=True))
    places: dict = {}
    document = scope.document or "pk"
    for path in scope.meetings:
        for pk, meeting_id, document_id in rows.values_list("pk", path, document):
            places.setdefault(pk, set()).add((meeting_id, document_id if scope.document else None))
    return {pk for pk, where in places.items() if not any(_entitled(user, m, d) for m, d in where)}


def visible(queryset, user):
    """``queryset`` without the exempt rows ``user`` may not see (rows are kept when only some
    of their fields are exempt: see ``withheld_fields``)."""
    scope = scope_of(queryset.model)
    if scope is None or scope.fields or sees_everything(user):
        return queryset
    if person_of(user) is None or not user.is_active:
        exempt = queryset.model._default_manager.filter(scope.exempt()).values("pk")
        return queryset.exclude(pk__in=exempt)
    return queryset.exclude(pk__in=hidden_pks(queryset.model, user))


def is_exempt(obj) -> bool:
    """Does this row hold exempt information (whoever asks)?"""
    scope = scope_of(type(obj))
    return bool(scope) and type(obj)._default_manager.filter(scope.exempt(), pk=obj.pk).exists()


def may_see(user, obj) -> bool:
    """May ``user`` see this row (all of it)?"""
    return scope_of(type(obj)) is None or obj.pk not in hidden_pks(type(obj), user)


def withheld_fields(user, obj) -> tuple[str, ...]:
    """The fields of ``obj`` to leave out for ``user`` (a public row with an exempt part)."""
    scope = scope_of(type(obj)) if obj is not None else None
    if scope is None or not scope.fields or may_see(user, obj):
        return ()
    return scope.fields + (scope.fields_of(obj) if scope.fields_of else ())


def meeting_and_document(obj):
    """The meeting and paper a row belongs to, for the exempt access log."""

    scope = scope_of(type(obj))
    if scope is None:
        return None, None
    row = type(obj)._default_manager.filter(pk=obj.pk)
    meeting_id = next(
        (m for path in scope.meetings for m in row.values_list(path, flat=True) if m), None
    )
    document_id = row.values_list(scope.document, flat=True).first() if scope.document else None
    return (
        Meeting.objects.filter(pk=meeting_id).first() if meeting_id else None,
        Document.objects.filter(pk=document_id).first() if document_id else None,
    )


def visible_audit_entries(queryset, user):
    """Audit entries without those about exempt rows ``user`` may not see. An entry about a
    row that no longer exists, of a model that can hold exempt information, cannot be checked
    against the rule: it is for democratic services alone."""
    from django.contrib.contenttypes.models import ContentType

    if sees_everything(user):
        return queryset
    for label, _scope in SCOPES.items():
        model = apps.get_model(label)
        ct = ContentType.objects.get_for_model(model, for_concrete_model=True)
        hidden = [str(pk) for pk in hidden_pks(model, user)]
        # The row's key as the trail writes it, in one uncorrelated subquery the database
        # evaluates once (a correlated EXISTS on a cast key scanned the table per entry).
        keys = model._default_manager.annotate(key=Cast("pk", CharField())).values("key")
        queryset = queryset.exclude(
            Q(content_type=ct) & (Q(object_id__in=hidden) | ~Q(object_id__in=keys))
        )
    return queryset


def audit_entry_visible(entry, user) -> bool:
    """``visible_audit_entries`` for one entry (its page in the back office): the same rule,
    asked of the one row the entry is about rather than of the whole trail's filter."""
    if sees_everything(user):
        return True
    model = entry.content_type.model_class()
    if model is None or model._meta.label_lower not in SCOPES:
        return True
    if entry.object_id in {str(pk) for pk in hidden_pks(model, user)}:
        return False
    keys = model._default_manager.annotate(key=Cast("pk", CharField()))
    return keys.filter(key=entry.object_id).exists()
