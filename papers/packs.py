"""Requesting and building agenda packs. Packs build in the background (django-tasks with the
database worker); each build is kept as a new AgendaPack row, never overwriting an earlier one.

Once the agenda is published, the pack open to inspection is part of the record: a rebuild is
a new version with a reason (listed in the public document history, ``publishing/history.py``)
holding the same papers, while changes arrive as supplements; the earlier version stays
retrievable. A pack holding a paper since reclassified as restricted or withdrawn is withdrawn
from the public (kept for democratic services) and rebuilt (``withdraw_packs_with``).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from audit import generation, trail
from audit.actors import Actor, SystemActor, require_model_permission, user_of
from meetings.models import Meeting

from .files import store_pack_papers
from .models import AgendaPack, Document, ItemPaper, PackKind, PackStatus
from .pack.build import build_pack
from .services import problems_for_pack
from .versions import dispatch_date, is_published

#: The task worker that builds queued packs (``papers.tasks``), as the audit trail names it.
BUILDER = SystemActor("pack builder")


def problems(meeting: Meeting, link_ids=None) -> list[str]:
    """Everything that stops the meeting's papers going into a pack, in plain words."""
    links = ItemPaper.objects.filter(item__meeting=meeting).select_related("document")
    if link_ids is not None:
        links = links.filter(pk__in=link_ids)
    found = []
    for link in links:
        for doc in [link.document, *link.document.appendices.all()]:
            found += problems_for_pack(doc)
    return found


def _in_earlier_packs(meeting: Meeting, kind: str) -> set[int]:
    included: set[int] = set()
    for ids in AgendaPack.objects.filter(
        meeting=meeting, kind=kind, status=PackStatus.BUILT
    ).values_list("papers", flat=True):
        included.update(ids)
    return included


def request_pack(
    meeting: Meeting,
    kind: str = PackKind.PUBLIC,
    *,
    supplementary: bool = False,
    dispatch: dt.date | None = None,
    reason: str = "",
    with_publication: bool = False,
    actor: Actor,
    enqueue: bool = True,
) -> AgendaPack:
    """Queue a build of the meeting's pack (or of a supplementary pack of the papers added since
    the last built pack of that kind).

    Once the agenda is published, rebuilding a pack that has been built is a new version of
    it: it needs the ``reason`` (shown publicly) and holds the same papers as the version it
    follows (papers added since go in a supplement), with their published versions.
    ``with_publication``: the pack published with the agenda itself (``publish_agenda``), which
    follows no published version, only proofs.

    Refuses (``PermissionDenied``) an actor without permission to add agenda packs, and
    (``ValidationError``): a meeting without agenda items; papers that are not ready
    (e.g. a report that does not state its background documents); a supplementary pack when no
    paper has been added since; a rebuild after publication without a reason.
    """
    require_model_permission(actor, AgendaPack, "add")
    if not meeting.items.exists():
        raise ValidationError(f"{meeting} has no agenda items, so there is no pack to build.")
    reason = (reason or "").strip()
    link_ids = None
    supplement = 0
    if supplementary:
        in_earlier = _in_earlier_packs(meeting, kind)
        if not in_earlier:
            raise ValidationError("Build the agenda pack first; a supplement adds to it.")
        link_ids = list(
            ItemPaper.objects.filter(item__meeting=meeting)
            .exclude(pk__in=in_earlier)
            .values_list("pk", flat=True)
        )
        if not link_ids:
            raise ValidationError("No papers have been added since the last pack was built.")
        supplement = (
            AgendaPack.objects.filter(meeting=meeting, kind=kind).aggregate(n=Max("supplement"))[
                "n"
            ]
            or 0
        ) + 1
    earlier = latest(meeting, kind, supplement, public=False)
    if earlier is not None and not with_publication and is_published(meeting):
        if not reason:
            raise ValidationError(
                f"The {earlier.get_kind_display().lower()} of {meeting} has been published: a "
                "rebuilt pack is a new version of it. Give the reason for rebuilding it (it is "
                "shown in the meeting's public document history); papers added since go in a "
                "supplementary pack."
            )
        attached = set(ItemPaper.objects.filter(item__meeting=meeting).values_list("pk", flat=True))
        link_ids = [pk for pk in earlier.papers if pk in attached]
    found = problems(meeting, link_ids)
    if found:
        raise ValidationError(found)
    if link_ids is None:
        # The pack holds the papers attached now, whenever the worker gets to it: a paper
        # attached later belongs in a supplement, not silently in the published pack.
        attached_now = ItemPaper.objects.filter(item__meeting=meeting)
        link_ids = sorted(attached_now.values_list("pk", flat=True))
    # The date the agenda (or the supplement) was published; today for a proof.
    dispatch = dispatch or dispatch_date(meeting, link_ids if supplement else None)
    return _queue(meeting, kind, supplement, link_ids, dispatch, reason, actor, enqueue)


def _queue(
    meeting, kind, supplement, link_ids, dispatch, reason, actor: Actor, enqueue
) -> AgendaPack:
    pack = trail.save(
        AgendaPack(
            meeting=meeting,
            kind=kind,
            supplement=supplement,
            dispatch_date=dispatch,
            requested_by=user_of(actor),
            papers=link_ids,
            reason=reason[:500],
        ),
        actor=actor,
        event="papers.pack_requested",
    )
    if enqueue:
        from .tasks import build_pack_task

        transaction.on_commit(lambda: build_pack_task.enqueue(pack.pk))
    return pack


def failure_message(stage: str) -> str:
    """What the pack's page says of a build that failed: never the exception's own text
    (a library's words, or worse, a paper's), which the log keeps."""
    return (
        f"The pack could not be built: something went wrong while {stage}. Build it again; "
        "if it fails again, tell the system administrator (the details are in the server's log)."
    )


def build_task_failed(sender, task_result, **kwargs) -> None:
    """A pack's build task that ended failed (``django_tasks.signals.task_finished``): its
    worker stopped every time it ran it (moot/task_recovery.py), or it raised outside
    ``run_pack``'s own care. The pack says it failed rather than "building" for ever; a built
    pack stays built."""
    from .tasks import build_pack_task

    if task_result.status != TaskResultStatus.FAILED:
        return
    if task_result.task.module_path != build_pack_task.module_path or not task_result.args:
        return
    AgendaPack.objects.filter(pk=task_result.args[0]).exclude(status=PackStatus.BUILT).update(
        status=PackStatus.FAILED, message=failure_message("building it")
    )


def run_pack(pack_id: int, progress=None, *, actor: Actor) -> AgendaPack:
    """Build a queued pack now, recording progress on the row; failures are recorded, not raised.
    Refuses (``PermissionDenied``, nothing built) an actor without permission to change agenda
    packs; the worker runs as ``SystemActor("pack builder")``."""
    require_model_permission(actor, AgendaPack, "change")
    pack = AgendaPack.objects.select_related("meeting__body", "meeting__venue").get(pk=pack_id)
    if pack.status == PackStatus.BUILT:
        # Run again after its worker was killed once it had finished (moot/task_recovery.py):
        # the pack is built once.
        return pack
    AgendaPack.objects.filter(pk=pack.pk).update(status=PackStatus.BUILDING, progress=1)

    stage = ["collecting the papers"]

    def report(done: int, total: int, what: str) -> None:
        stage[0] = what
        percent = max(1, min(99, int(100 * done / max(total, 1)) if what != "assembling" else 95))
        AgendaPack.objects.filter(pk=pack.pk).update(progress=percent, message=what)
        if progress:
            progress(done, total, what)

    kind_name = "members-pack" if pack.kind == PackKind.MEMBERS else "public-reports-pack"
    suffix = f"-supplement-{pack.supplement}" if pack.supplement else ""
    try:
        built = build_pack(
            pack.meeting,
            members=pack.kind == PackKind.MEMBERS,
            dispatch=pack.dispatch_date,
            link_ids=pack.papers,
            supplement=bool(pack.supplement),
            progress=report,
        )
        # Stored before anything says it is built: a store that fails fails the build.
        stage[0] = "storing the pack"
        pack.file.save(
            f"{pack.meeting.slug}-{kind_name}{suffix}.pdf", ContentFile(built.pdf), save=False
        )
    except Exception:  # the officer is told in plain words; the traceback goes to the log
        import logging

        logging.getLogger(__name__).exception("Pack %s failed", pack.pk)
        AgendaPack.objects.filter(pk=pack.pk).update(
            status=PackStatus.FAILED, message=failure_message(stage[0])
        )
        pack.refresh_from_db()
        return pack
    pack.page_count, pack.size = built.page_count, len(built.pdf)
    pack.item_pages = {str(k): list(v) for k, v in built.item_pages.items()}
    pack.status, pack.progress, pack.message = (
        PackStatus.BUILT,
        100,
        (
            f"{built.page_count} pages; {built.rendered} papers rendered, "
            f"{built.from_cache} from cache"
        ),
    )
    pack.built_at = timezone.now()
    # A withdrawal made while the pack was building stands (withdraw_packs_with).
    pack.withdrawn_at, pack.withdrawn_reason = (
        AgendaPack.objects.filter(pk=pack.pk).values_list("withdrawn_at", "withdrawn_reason").get()
    )
    trail.save(pack, actor=actor, event="papers.pack_built", validate=False)
    # The papers' own PDFs are the renderings just made: store them for the papers' pages.
    store_pack_papers(built.papers, pack.meeting, members=pack.kind == PackKind.MEMBERS)
    generation.changed()  # the papers' PDFs stored after the pack's entry (audit.generation)
    return pack


def latest(
    meeting: Meeting, kind: str = PackKind.PUBLIC, supplement: int = 0, *, public: bool = True
) -> AgendaPack | None:
    """The latest built pack; with ``public`` (the default), only one still open to the
    public (not withdrawn)."""
    rows = AgendaPack.objects.filter(
        meeting=meeting, kind=kind, supplement=supplement, status=PackStatus.BUILT
    )
    if public:
        rows = rows.filter(withdrawn_at__isnull=True)
    return rows.order_by("-built_at", "-pk").first()


def withdraw_packs_with(
    link_ids, reason: str, *, drop: bool = False, actor: Actor
) -> list[AgendaPack]:
    """Withdraw from the public every built (or building) public pack holding any of these
    item papers, and queue each as a new version with the papers as they now stand (``drop``:
    without these item papers, e.g. when they are withdrawn from the agenda). The withdrawn
    packs are kept, served to democratic services only. Returns the packs queued. Call it in
    the transaction that reclassifies or withdraws the paper. Refuses (``PermissionDenied``)
    an actor without permission to change documents: reclassifying or withdrawing a paper
    is what leads here (``papers.services.save_document``, ``publishing.changes``)."""
    require_model_permission(actor, Document, "change")
    link_ids = set(link_ids)
    if not link_ids:
        return []
    meetings = set(
        ItemPaper.objects.filter(pk__in=link_ids).values_list("item__meeting", flat=True)
    )
    affected = [
        pack
        for pack in AgendaPack.objects.select_for_update()
        .filter(
            meeting_id__in=meetings,
            kind=PackKind.PUBLIC,
            withdrawn_at__isnull=True,
            status__in=[PackStatus.BUILT, PackStatus.BUILDING],
        )
        .select_related("meeting")
        .order_by("pk")
        if link_ids & set(pack.papers)
    ]
    now = timezone.now()
    queued: dict[tuple[int, int], AgendaPack] = {}
    for pack in affected:
        pack.withdrawn_at, pack.withdrawn_reason = now, reason[:500]
        trail.save(pack, actor=actor, event="papers.pack_withdrawn", validate=False)
        key = (pack.meeting_id, pack.supplement)
        papers = [pk for pk in pack.papers if not (drop and pk in link_ids)]
        if key in queued or not papers:
            continue
        dispatch = pack.dispatch_date or dispatch_date(
            pack.meeting, pack.papers if pack.supplement else None
        )
        queued[key] = _queue(
            pack.meeting,
            PackKind.PUBLIC,
            pack.supplement,
            papers,
            dispatch,
            f"Rebuilt: {reason}",
            actor,
            enqueue=True,
        )
    return list(queued.values())
