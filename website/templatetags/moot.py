"""Filters for the council's own written forms: "10.00 am", "paragraphs 1 and 3", and the
seeds' membership lines with each name a link."""

from __future__ import annotations

import datetime as dt

import nh3
from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from meetings import exemption

register = template.Library()


@register.filter
def sanitise(html: str) -> str:
    """Rich text typed in the back office, cleaned of scripts and styles before display."""
    return mark_safe(nh3.clean(html or ""))  # noqa: S308 - nh3 has removed anything unsafe


@register.simple_block_tag
def scroll_region(content: str, label: str, extra_class: str = "") -> str:
    """``{% scroll_region "Votes" %}<table>…</table>{% endscroll_region %}``: a table wider than
    a phone scrolls sideways inside its own labelled, focusable region (so keyboard users can
    scroll it too) and the page itself never does (WCAG 2.2, 1.4.10 Reflow)."""
    classes = f"moot-scroll-region {extra_class}".strip()
    return format_html(
        '<div class="{}" role="region" aria-label="{}" tabindex="0">{}</div>',
        classes,
        label,
        content,
    )


@register.filter
def meeting_time(value: dt.time | None) -> str:
    """The seeds' style: 10:00 → "10.00 am", 14:30 → "2.30 pm", 12:00 → "12.00 pm"."""
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    return f"{hour}.{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"


def and_list(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c" (the seeds' lists end with "and")."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@register.filter
def exempt_described(paragraph) -> str:
    """An exempt item's reason in plain English beside the law (meetings/exemption.py)."""
    return exemption.described(paragraph)


@register.filter
def paragraphs(numbers) -> str:
    """Schedule 12A paragraphs as the exclusion motion cites them: "paragraph 3",
    "paragraphs 1 and 3"."""
    numbers = [str(n) for n in numbers]
    return ("paragraph " if len(numbers) == 1 else "paragraphs ") + and_list(numbers)


def seat_html(seat) -> str:
    """ "Mr B J Sweetland (Chairman)" with the name linked to the member's page."""
    person = seat.membership.person
    name = person.formal_name
    suffix = seat.label[len(name) :] if seat.label.startswith(name) else ""
    return format_html(
        '<a class="govuk-link" href="{}">{}</a>{}', person.get_absolute_url(), name, suffix
    )


@register.filter
def seat_links(seats) -> str:
    """Seats joined as the seeds print them: "A (Chairman), B, C and D"."""
    links = [seat_html(s) for s in seats]
    if len(links) < 2:
        return mark_safe("".join(links))
    return format_html(
        "{} and {}", format_html_join(", ", "{}", ((x,) for x in links[:-1])), links[-1]
    )


@register.filter
def seat_link(seat) -> str:
    return seat_html(seat)


@register.simple_tag(takes_context=True)
def role(context, membership) -> str:
    """The membership's role as this authority styles it ("Chairman" or "Chair")."""
    authority = context.get("authority")
    if authority and membership.role in ("chairman", "vice_chairman"):
        return authority.role_label(membership.role)
    return membership.get_role_display()


@register.filter
def file_size(size: int | None) -> str:
    """A download's size as GOV.UK attachments give it: "850 bytes", "245 KB", "1.2 MB"."""
    if size is None:
        return ""
    if size < 1024:
        return f"{size} byte{'s' if size != 1 else ''}"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@register.filter
def file_facts(stored, pages=None) -> str:
    """ "PDF, 212 KB" or "Word document, 48 KB" for a paper's file (``papers.files``); "PDF,
    212 KB, 3 pages" with ``pages``. Just the type when the file is not made yet."""
    if stored is None:
        return "PDF"
    parts = [
        stored.type_label,
        file_size(stored.size),
        f"{pages} page{'s' if pages != 1 else ''}" if pages else "",
    ]
    return ", ".join(p for p in parts if p)


@register.filter
def pdf_facts(item) -> str:
    """ "PDF, 1.2 MB, 170 pages" for a pack or a paper (whichever facts are known)."""
    size = getattr(item, "size", None)
    pages = getattr(item, "page_count", None)
    if pages is None and hasattr(item, "version"):
        pages = item.version.page_count
    parts = ["PDF", file_size(size), f"{pages} page{'s' if pages != 1 else ''}" if pages else ""]
    return ", ".join(p for p in parts if p)


@register.inclusion_tag("website/includes/error_summary.html")
def error_summary(problems, anchor: str = "", ids: str = "label") -> dict:
    """The one GOV.UK error summary. ``problems`` is a form (its non-field errors unlinked, each
    field's errors linked to the field: its ``id_for_label``, or with ``ids="name"`` its name,
    for templates that give inputs their field's name as id), a dict of field → message, a
    list of (message, link) pairs, of objects with ``message`` and ``anchor``, or of messages
    (linked to ``anchor``)."""
    if hasattr(problems, "non_field_errors"):  # a form
        rows = [(str(e), "") for e in problems.non_field_errors()]
        rows += [
            (str(e), f"#{field.name if ids == 'name' else field.id_for_label}")
            for field in problems
            for e in field.errors
        ]
    elif isinstance(problems, dict):
        rows = [(str(message), f"#{field}") for field, message in problems.items()]
    else:
        rows = []
        for p in problems or ():
            if isinstance(p, (tuple, list)):
                rows.append((str(p[0]), p[1] or ""))
            elif hasattr(p, "message"):
                rows.append((str(p.message), f"#{p.anchor}" if getattr(p, "anchor", "") else ""))
            else:
                rows.append((str(p), f"#{anchor}" if anchor else ""))
    return {"rows": rows}
