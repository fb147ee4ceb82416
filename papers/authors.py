"""Who wrote a report, and so may change it: its author.

The author of a paper is the account that created it (``Document.created_by``) or the
account of the person its header names as the report's author (``Report.author``); an
appendix has its report's authors. An author who is an officer (a staff account) changes
their own report through the same services democratic services use, and nobody else's:
the back office's model permissions still admit those who hold them. The author may never
clear or approve their own report (``publishing.workflow``: separation of duties).
"""

from __future__ import annotations

from audit.actors import Actor, SystemActor, check, manages_everything, require_model_permission

from .models import Document, Report


def _top(document: Document) -> Document:
    return document.parent if document.parent_id and document.parent else document


def is_author(user, document: Document | None) -> bool:
    """Did ``user`` write ``document`` (or the report it is an appendix of)?"""
    if document is None or isinstance(user, SystemActor):
        return False
    if not getattr(user, "is_authenticated", False):
        return False
    top = _top(document)
    if top.created_by_id == user.pk or (document.created_by_id == user.pk):
        return True
    # The person's account, by the reverse relation access defines (no import upwards).
    return Report.objects.filter(document_id=top.pk, author__account__user_id=user.pk).exists()


def authored(user, reports: list[Document]) -> set[int]:
    """``is_author`` for many reports (not appendices) at once: the ids of those ``user``
    wrote, in one query."""
    if isinstance(user, SystemActor) or not getattr(user, "is_authenticated", False):
        return set()
    mine = {doc.pk for doc in reports if doc.created_by_id == user.pk}
    named = Report.objects.filter(
        document_id__in=[doc.pk for doc in reports], author__account__user_id=user.pk
    )
    return mine | set(named.values_list("document_id", flat=True))


def is_officer(actor: Actor) -> bool:
    """A signed-in staff account (an officer) or a system actor."""
    check(actor)
    return isinstance(actor, SystemActor) or bool(getattr(actor, "is_staff", False))


def may_change(actor: Actor, document: Document) -> bool:
    """Democratic services (and system actors), or an officer who wrote the paper."""
    if manages_everything(actor):
        return True
    return is_officer(actor) and is_author(actor, document)


def require_change(actor: Actor, document: Document, model=None, change=None) -> None:
    """``PermissionDenied`` unless the actor may change ``document``: as its author (an
    officer), or by the back office's permission on ``model`` (the document by default)."""
    if may_change(actor, document):
        return
    require_model_permission(actor, model if model is not None else document, change)
