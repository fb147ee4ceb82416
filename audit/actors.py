"""Who changes the record: the actor every service takes, required and typed.

An actor is a signed-in user, or a named ``SystemActor`` for what runs without one: a
management command (``SystemActor("moot demo")``), the task worker, a migration, the summons
sent on publication. A system actor is trusted; a user is checked against the rule of the
service (docs/architecture.md, "Rules of the house": the service checks the actor's
permission first). Nothing falls back to the request's user or to "system": a caller that
forgets the actor fails at once (a required keyword), and one that passes no one (``None``)
or an anonymous user is refused with ``PermissionDenied``.

The rule "democratic services manage everything" belongs to ``access``, above this app; it
registers it here when the apps load (``register_manager_rule``), as docs/architecture.md
describes for a lower app that needs a higher one's answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@dataclass(frozen=True)
class SystemActor:
    """A command, the worker or a migration, named as the audit trail shows it."""

    name: str

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError("A system actor needs a name for the audit trail.")

    def __str__(self) -> str:
        return self.name


#: The project's accounts are Django's ``User`` (no custom ``AUTH_USER_MODEL``).
Actor: TypeAlias = "User | SystemActor"

SIGN_IN = "Sign in to change the record."


def check(actor: object) -> None:
    """Refuse what cannot act: ``PermissionDenied`` for no actor (``None``), a user who is not
    signed in (``AnonymousUser``) or an inactive account; ``TypeError`` for anything that is
    neither a user nor a system actor (a name passed as a string, say)."""
    if isinstance(actor, SystemActor):
        return
    if actor is None:
        raise PermissionDenied(SIGN_IN)
    if not hasattr(actor, "is_authenticated"):
        raise TypeError(f"The actor must be a user or a SystemActor, not {actor!r}.")
    if not getattr(actor, "is_authenticated", False) or not getattr(actor, "is_active", False):
        raise PermissionDenied(SIGN_IN)


def user_of(actor: Actor) -> User | None:
    """The account to link the change to; None for a system actor."""
    check(actor)
    return None if isinstance(actor, SystemActor) else actor


def name_of(actor: Actor) -> str:
    """The name kept with the change, so it outlives the account: the username or the
    system actor's name."""
    check(actor)
    return actor.name if isinstance(actor, SystemActor) else actor.get_username()


# --- Permissions --------------------------------------------------------------------------

_manager_rule: Callable[[object], bool] | None = None


def register_manager_rule(rule: Callable[[object], bool]) -> None:
    """``access`` registers who manages everything (democratic services) when it loads."""
    global _manager_rule
    _manager_rule = rule


def manages_everything(actor: Actor) -> bool:
    """A system actor, or a user the registered rule names (democratic services)."""
    check(actor)
    if isinstance(actor, SystemActor):
        return True
    if _manager_rule is None:
        raise ImproperlyConfigured("access has not registered who manages the record.")
    return _manager_rule(actor)


def require_permission(actor: Actor, *perms: str, refusal: str) -> None:
    """``PermissionDenied(refusal)`` unless the actor manages everything or holds every
    Django permission in ``perms`` (the back office's rule for its own edits)."""
    if manages_everything(actor):
        return
    assert not isinstance(actor, SystemActor)  # manages_everything trusts every system actor
    if not perms or not all(actor.has_perm(p) for p in perms):
        raise PermissionDenied(refusal)


Change = Literal["add", "change", "delete"]


def require_model_permission(
    actor: Actor, model: type[models.Model] | models.Model, change: Change | None = None
) -> None:
    """The back office's rule: Django's ``add``/``change``/``delete`` permission on the model
    (``change`` is ``add`` for an unsaved instance, ``change`` otherwise), unless the actor
    manages everything."""
    if change is None:
        adding = isinstance(model, models.Model) and model._state.adding
        change = "add" if adding else "change"
    opts = model._meta
    verb = {"add": "add", "change": "change", "delete": "remove"}[change]
    require_permission(
        actor,
        f"{opts.app_label}.{change}_{opts.model_name}",
        refusal=f"You do not have permission to {verb} {opts.verbose_name_plural}.",
    )
