"""The parts of the clerk's screen sent back to htmx after a change (``HX-Request``), instead of
the whole page.

A form names the part it wants back by its ``hx-target`` (htmx sends it as ``HX-Target``): a
panel (``#motions``), or a piece of one — a member's attendance row, the chair, a minute's
"Saved at" line or its resolutions, an action's "Saved at" line. The part is drawn from the
same templates as the page, swapped in place (``outerHTML``), its forms fresh after a change
or as posted, with the error summary inside, after a refusal. A part the change does not
belong to is never sent for it: the change's own panel is, retargeted (``HX-Retarget``).

With it go, out of band, the status line (the screen's live region: "Saved: …" or "Not
saved: …"), the summary (present, quorum, chair), the preview of the published minutes and
the parts that follow from the change: who may chair, declare, move and vote follows the
attendance; who is barred from a vote follows the declarations; the motions a resolution may
record follow the motions; the order of business follows the minutes. In the browser a part
sent out of band keeps what was typed in it and not yet saved (website/static/js/
moot-unsaved.js), and is left as it is while a change made in it waits its turn
(clerking/static/clerking/clerk.js).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from access import exempt_log

T = "clerking/"
PANELS = {
    "attendance": T + "_attendance.html",
    "others": T + "_others.html",
    "declarations": T + "_declarations.html",
    "motions": T + "_motions.html",
    "minute": T + "_minutes.html",
    "actions": T + "_actions.html",
    "publish": T + "_publish.html",
}
# The panels a change of each panel may come back to (the removal of a substitute is an
# attendance change made from the others panel).
FAMILIES = {
    "attendance": {"attendance", "others"},
    "others": {"attendance", "others"},
}
ITEM_PANELS = {"declarations", "motions", "minute"}


def _member_row(ctx: dict, pk: int) -> dict | None:
    row = next((r for r in ctx["attendance"].members if r.person.pk == pk), None)
    return {"row": row} if row else None


def _minute_card(ctx: dict, pk: int) -> dict | None:
    card = next((c for c in ctx["panel"].minutes if c.minute.pk == pk), None)
    return {"card": card} if card else None


def _action_card(ctx: dict, pk: int) -> dict | None:
    card = next((c for c in ctx["actions"] if c.action.pk == pk), None)
    return {"card": card} if card else None


@dataclass(frozen=True)
class Piece:
    """A piece of a panel a form may ask for: its id's pattern, its panel, its template and
    how to find what it shows in the screen's context (``None``: nothing to find)."""

    pattern: re.Pattern
    panel: str
    template: str
    find: Callable[[dict, int], dict | None] | None = None


PIECES = [
    Piece(re.compile(r"att-row-(\d+)"), "attendance", T + "_attendance_row.html", _member_row),
    Piece(re.compile(r"clerk-chair"), "attendance", T + "_chair.html"),
    Piece(re.compile(r"minute-(\d+)-saved"), "minute", T + "_minute_saved.html", _minute_card),
    Piece(re.compile(r"minute-(\d+)-resolutions"), "minute", T + "_resolutions.html", _minute_card),
    Piece(re.compile(r"action-(\d+)-saved"), "actions", T + "_action_saved.html", _action_card),
]


@dataclass(frozen=True)
class Target:
    id: str
    template: str
    extra: dict
    asked: bool  # False: not the part the form asked for (the response retargets)


def target(anchor: str, asked: str, ctx: dict) -> Target | None:
    """The part to send back for a change of panel ``anchor`` whose form asked for the part
    with id ``asked``; ``None`` for a change of no panel."""
    family = FAMILIES.get(anchor, {anchor})
    if asked in PANELS and asked in family:
        return Target(asked, PANELS[asked], {}, True)
    for piece in PIECES:
        match = piece.pattern.fullmatch(asked)
        if match and piece.panel in family:
            extra = piece.find(ctx, int(match[1])) if piece.find else {}
            if extra is not None:
                return Target(asked, piece.template, extra, True)
    if anchor in PANELS:
        return Target(anchor, PANELS[anchor], {}, False)
    return None


def following(anchor: str, sent: str, has_item: bool) -> list[str]:
    """The templates of the parts that follow from a change of panel ``anchor``, sent back as
    the part with id ``sent``, out of band."""
    parts = []
    if anchor in ("attendance", "others"):
        if sent.startswith("att-row-"):
            parts = [T + "_chair.html"]
        elif sent == "clerk-chair":
            parts = [T + "_attendance_marks.html"]
        elif sent == "others":
            parts = [PANELS["attendance"]]
        if has_item:
            parts += [PANELS["declarations"], PANELS["motions"]]
    elif anchor == "declarations" and has_item:
        parts = [PANELS["motions"]]
    elif anchor == "motions":
        parts = [T + "_resolutions_all.html"]
    elif anchor == "minute" and sent == "minute":
        parts = [T + "_order.html"]
    return parts


def _log_exempt(request: HttpRequest, ctx: dict, sent: Target | None, parts: list[str]) -> None:
    """Log what of exempt business the response shows, as the page does
    (``access.exempt_log``): an exempt item's panels, exempt minutes."""
    templates = set(parts) | ({sent.template} if sent else set())
    shown_item = bool(templates & {PANELS[p] for p in ITEM_PANELS})
    minutes = []
    if PANELS["minute"] in templates or T + "_resolutions_all.html" in templates:
        minutes = [card.minute for card in ctx["panel"].minutes]
    elif sent and sent.template == T + "_resolutions.html":
        minutes, shown_item = [sent.extra["card"].minute], True
    if shown_item or minutes:
        exempt_log.record_clerk_screen(
            request, ctx["meeting"], ctx["item"] if shown_item else None, minutes
        )


def respond(
    request: HttpRequest,
    ctx: dict,
    anchor: str,
    *,
    message: str,
    part_errors=(),
    status: int = 200,
) -> HttpResponse:
    """The part a change of panel ``anchor`` comes back to, drawn from the screen's context
    ``ctx``, with the status line ``message`` and what follows from the change. ``part_errors``
    are refusals that belong to no form: the part shows them."""
    sent = target(anchor, request.headers.get("HX-Target", ""), ctx)
    parts = following(anchor, sent.id if sent else "", ctx["item"] is not None)
    _log_exempt(request, ctx, sent, parts)
    context = ctx | (sent.extra if sent else {})
    context |= {
        "target_template": sent.template if sent else "",
        "oob_parts": parts,
        "message": message,
        "part_errors": part_errors,
        "sent_id": sent.id if sent else "",
        "saved_at": timezone.localtime() if status < 400 else None,
    }
    response = render(request, T + "_htmx.html", context, status=status)
    if sent is None:
        response["HX-Reswap"] = "none"
    elif not sent.asked:
        response["HX-Retarget"] = f"#{sent.id}"
        response["HX-Reswap"] = "outerHTML"
    return response
