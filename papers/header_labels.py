"""The labels of a report's header as councils write them, and the words that read a value.

The seeds' reports (docs/requirements-from-seeds.md §1.9, §3.6) open with "By:", "From:",
"To:", "Date:", "Subject:", "Classification:" … as labelled paragraphs or as the rows of a
two-column table. The same label comes in many spellings: any case, with or without its
colon, "Recommendation(s)", "RECOMMENDATIONS", "Past Pathway of Paper", non-breaking spaces
from Word. ``field_of`` names the field a label stands for, whatever its spelling;
``split_label`` finds a label at the start of a paragraph.
"""

from __future__ import annotations

import datetime as dt
import re

# Word's spaces: no-break, figure, narrow no-break; zero-width ones vanish.
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2007\u202f\u2009\u200a]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

#: Each header field and the labels that stand for it (compared by ``label_key``).
FIELDS: dict[str, tuple[str, ...]] = {
    "by": ("By", "From", "Report by", "Report from", "Report of"),
    "to": ("To", "Report to"),
    "date": ("Date", "Date of report", "Report date"),
    "meeting_date": ("Date of meeting", "Meeting date"),
    "subject": ("Subject", "Title", "Report title", "Subject of report"),
    "decision_number": (
        "Decision No",
        "Decision No.",
        "Decision number",
        "Decision reference",
        "Decision ref",
        "Key decision reference",
        "Forward plan reference",
    ),
    "classification": ("Classification", "Security classification", "Status of report"),
    "key_decision": ("Key decision", "Key decision?", "Is this a key decision?"),
    "divisions": (
        "Electoral Division",
        "Electoral Division(s)",
        "Electoral Divisions",
        "Division",
        "Divisions affected",
        "Electoral Divisions affected",
        "Wards",
        "Ward(s)",
        "Wards affected",
    ),
    "past_pathway": ("Past pathway", "Past pathway of paper", "Past pathway of report"),
    "future_pathway": ("Future pathway", "Future pathway of paper", "Future pathway of report"),
    "summary": ("Summary", "Executive summary", "Summary of report"),
    "recommendations": ("Recommendation", "Recommendations", "Recommendation(s)"),
    "background_documents": (
        "Background documents",
        "Background document(s)",
        "Background papers",
        "Background paper(s)",
        "List of background papers",
    ),
    "contact": ("Contact details", "Contact"),
    "author": ("Report author", "Author", "Officer contact", "Contact officer", "Lead officer"),
    "director": ("Relevant director", "Director", "Lead director", "Responsible director"),
}

#: How each field is named in messages (the seeds' own label).
NAMES = {field: labels[0] for field, labels in FIELDS.items()}
NAMES.update(
    {
        "divisions": "Electoral Division(s)",
        "recommendations": "Recommendation(s)",
        "decision_flag": "Decision flag",
    }
)

_DECISION_FLAG = re.compile(
    r"^for (decision|information|noting|note|comment|endorsement|approval|assurance)$", re.I
)
# "4. Background Documents", "5 Contact details": numbered sections at the end of a report.
_SECTION_NUMBER = re.compile(r"^\(?\d{1,2}(\.\d{1,2})*[.)]?\s+")
_CLASSIFICATION_WORDS = re.compile(r"^classification\s+(unrestricted|exempt|confidential)\b", re.I)


def plain(text: str) -> str:
    """The text with Word's odd spaces made plain and runs of space closed up (line breaks
    are kept: they separate the lines of a value)."""
    text = _INVISIBLE.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def label_key(text: str) -> str:
    """The spelling-free form of a label: lower case, "(s)", stars, colons and a final
    plural "s" dropped, "&" read as "and"."""
    key = _INVISIBLE.sub("", text).replace("&", " and ").lower()
    key = _SPACES.sub(" ", key).strip(" *_:-–—.?")
    key = key.replace("(s)", "").replace(".", "")
    words = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in key.split()]
    return " ".join(words)


_BY_KEY = {label_key(label): field for field, labels in FIELDS.items() for label in labels}


def field_of(label: str) -> str | None:
    """The header field a label (alone, in any spelling) stands for, or None."""
    text = plain(label)
    if "\n" in text:
        return None
    field = _BY_KEY.get(label_key(text))
    if field is None:
        numbered = _SECTION_NUMBER.sub("", text, count=1)
        if numbered != text and label_key(numbered) in _BY_KEY:
            field = _BY_KEY[label_key(numbered)]
            # Only the closing sections are numbered: "1. Summary" is the body's own heading.
            if field not in {"background_documents", "contact", "recommendations"}:
                return None
    return field


def split_label(text: str) -> tuple[str, str, str] | None:
    """``(field, label as written, value)`` when ``text`` opens with a header label: the label
    alone ("Summary:"), followed by a colon or tab and its value ("By: Gary Cooke"), or the
    seeds' "Classification Unrestricted" without a colon. A decision flag ("FOR DECISION")
    is its own field. None for any other paragraph ("To consider the report." is not one)."""
    whole = plain(text.replace("\t", " "))
    if not whole:
        return None
    first = whole.split("\n", 1)[0]
    if _DECISION_FLAG.match(first.strip(" *:")) and "\n" not in whole:
        return "decision_flag", first, first.strip(" *:")
    field = field_of(first)
    if field is not None:
        return field, first.rstrip(" :"), whole.split("\n", 1)[1] if "\n" in whole else ""
    raw = _INVISIBLE.sub("", text).lstrip()
    match = re.search(r"[:\t]", raw[:60])
    if match:
        head = raw[: match.start()]
        field = field_of(head)
        if field is not None:
            return field, plain(head), plain(raw[match.end() :])
    words = _CLASSIFICATION_WORDS.match(whole)
    if words:
        return "classification", "Classification", plain(whole[len("classification") :])
    return None


def looks_labelled(text: str) -> bool:
    """A short "Something: value" line, as an unknown header field would be written."""
    match = re.match(r"^([A-Z][\w'()&/ -]{1,40}):\s*\S", plain(text))
    return match is not None and len(match.group(1).split()) <= 4


# --- Dates -------------------------------------------------------------------------------

_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE = re.compile(
    rf"\b{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[a-z]{{3,9}})\.?,?\s+"
    r"(?P<y>\d{4})\b"
    rf"|\b{_WEEKDAY}(?P<m2>[a-z]{{3,9}})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b"
    r"|\b(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4})\b"
    r"|\b(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})\b",
    re.I,
)


def _date_of(m: re.Match) -> dt.date | None:
    if m.group("d"):
        day, month, year = m.group("d"), _MONTHS.get(m.group("m").lower()), m.group("y")
    elif m.group("d2"):
        day, month, year = m.group("d2"), _MONTHS.get(m.group("m2").lower()), m.group("y2")
    elif m.group("d3"):
        day, month, year = m.group("d3"), int(m.group("m3")), m.group("y3")
    else:
        day, month, year = m.group("d4"), int(m.group("m4")), m.group("y4")
    if not month:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first date written in ``text`` ("1 March 2017", "15th September 2017",
    "Wednesday 1 March 2017", "22/12/2026", "2026-12-22") with where it stands."""
    for m in _DATE.finditer(plain(text).replace("\n", " ")):
        day = _date_of(m)
        if day is not None:
            return day, m.start(), m.end()
    return None


def read_date(text: str) -> dt.date | None:
    """The date ``text`` is, when it is nothing but a date."""
    value = plain(text).replace("\n", " ").strip(" .,")
    found = find_date(value)
    if found is None:
        return None
    day, start, end = found
    return day if not value[:start].strip() and not value[end:].strip(" .,") else None


def split_dated(text: str) -> tuple[str, dt.date | None, str]:
    """``("Selection and Member Services Committee", 1 March 2017, "")`` from "Selection and
    Member Services Committee – 1 March 2017": what comes before a date, the date, and what
    comes after it; without a date, the text split at its first dash."""
    value = plain(text).replace("\n", " ")
    found = find_date(value)
    if found is None:
        parts = re.split(r"\s[–—-]\s", value, maxsplit=1)
        return parts[0].strip(" ,;"), None, (parts[1] if len(parts) > 1 else "").strip(" ,;()")
    day, start, end = found
    before = re.sub(r"(\s[–—-]|,|\bon)\s*$", "", value[:start].strip()).strip(" ,;")
    after = value[end:].strip(" ,;–—-").strip()
    return before, day, after.strip("()")
