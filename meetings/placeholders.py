"""Placeholders in an agenda template's wording: "Minutes of the meeting held on
{previous_meeting_date}". Only a name in braces; ``{{`` and ``}}`` print a brace."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError

from .models import PLACEHOLDERS

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _known(names: list[str]) -> str:
    listed = [f"{{{name}}}" for name in names]
    if not listed:
        return "No placeholder can be used here (write {{ or }} for a brace)."
    return f"Use {listed[0] if len(listed) == 1 else 'one of ' + ', '.join(listed)}."


def names_in(text: str, allowed: Iterable[str] = PLACEHOLDERS) -> list[str]:
    """The placeholders ``text`` uses, in order. Refuses (``ValidationError``, plain words) a
    brace left open or closed alone and a name that is not ``allowed`` (``PLACEHOLDERS``)."""
    known = list(allowed)
    names = []
    for match in _TOKEN.finditer(text or ""):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None:
            raise ValidationError(
                f"“{text}” has a brace without its partner. Write a placeholder as "
                f"{{previous_meeting_date}}; {{{{ and }}}} print a brace."
            )
        if name.strip() not in known:
            raise ValidationError(
                f"“{{{name}}}” is not a placeholder Moot can fill here. {_known(known)}"
            )
        names.append(name.strip())
    return names


def fill(text: str, values: Mapping[str, str], allowed: Iterable[str] = PLACEHOLDERS) -> str:
    """``text`` with each placeholder replaced by its value (``names_in`` must accept it; a
    name missing from ``values`` raises ``KeyError``)."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return values[match.group(1).strip()]

    names_in(text, allowed)
    return _TOKEN.sub(replace, text or "")
