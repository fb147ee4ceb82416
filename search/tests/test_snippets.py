"""Snippets never show table debris: no pipes, no "| --- |" rules, no runs of cells and no
figures left alone from a table's columns (search/tables.py)."""

import re

import pytest

from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from papers.models import ItemPaper
from proceedings.models import Minute
from publishing import changes
from search import indexing, services
from search.models import MARK_END, MARK_START
from search.tables import CELL, TABLE, clean_snippet, searchable_html, searchable_text
from summons.testing import PR, SEPT_15

pytestmark = pytest.mark.django_db

SIRO = "SENIOR INFORMATION RISK OWNER UPDATE"
M, E = MARK_START, MARK_END

FIGURES_TABLE = """
<p>The forecast shows a small overspend on the quillwort programme this year.</p>
<table>
  <caption>Table 1 Quillwort budget</caption>
  <tr><th>Budget Book Heading</th><th>Net Budget</th><th>Variance</th></tr>
  <tr><td>Quillwort Services Directorate</td><td>938.054</td><td>-7.892</td></tr>
  <tr><td>Zygomorphic Contact Centre</td><td>18.885</td><td>10.993</td></tr>
  <tr><td>TOTAL</td><td>956.939</td><td>3.101</td></tr>
</table>
<p>Members are asked to note the forecast.</p>
"""


def debris(text: str) -> list[str]:
    """What a snippet must not show."""
    plain = re.sub("</?mark>", "", text)
    found = []
    if "|" in plain:
        found.append("pipe")
    if re.search(r"-{3,}", plain):
        found.append("rule")
    if re.search(r"(?:^|\s)-?\d[\d.,%]*(?:\s+-?\d[\d.,%]*){2,}(?:\s|$)", plain):
        found.append("figures")  # three figures in a row: a table's columns
    if TABLE in plain or CELL in plain:
        found.append("marker")
    return found


# --- the indexed text ----------------------------------------------------------------------


def test_html_tables_follow_the_prose_cell_by_cell():
    text = searchable_html(FIGURES_TABLE)
    prose, _, tables = text.partition(TABLE)
    assert "small overspend" in prose and "Members are asked to note" in prose
    assert "938.054" not in prose and "Zygomorphic" not in prose
    rows = [line for line in tables.split("\n") if line.strip()]
    assert rows[0] == f" {CELL} Table 1 Quillwort budget"
    assert rows[2] == f" {CELL} Quillwort Services Directorate {CELL} 938.054 {CELL} -7.892"


def test_a_table_inside_a_cell_is_that_cells_text():
    html = (
        "<table><tr><td>Outer<table><tr><td>inner one</td><td>two</td></tr></table></td>"
        "<td>next</td></tr></table><p>After.</p>"
    )
    prose, _, tables = searchable_html(html).partition(TABLE)
    assert prose.strip() == "After."
    assert "inner one two" in tables and f"{CELL} next" in tables


def test_pipe_tables_follow_the_prose_and_lose_their_rules():
    text = (
        "Budget summary for the year.\n| Heading | Net |\n| --- | :-: |\n"
        "| Libraries | 12.5 |\n| Parks | 3.2 |\nThe figures are provisional."
    )
    prose, _, tables = searchable_text(text).partition(TABLE)
    assert "|" not in prose and "Budget summary" in prose and "provisional" in prose
    assert "---" not in tables and "|" not in tables
    assert f"{CELL} Libraries {CELL} 12.5" in tables


def test_a_paper_cannot_write_the_markers_itself():
    text = searchable_text(f"Quill{TABLE}wort {CELL} here")
    assert TABLE not in text and CELL not in text
    assert TABLE not in searchable_html(f"<p>{TABLE}{CELL}</p>")


# --- the snippet ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "snippet, expected",
    [
        # A match in prose: the prose only, even when the window runs on into the tables.
        (
            f"…a small {M}overspend{E} on the programme.\n {TABLE}\n {CELL} Heading {CELL} 938.054",
            f"…a small {M}overspend{E} on the programme.",
        ),
        # A match in a table: the cell that matches, not the row of figures.
        (
            f"…note the forecast.\n {TABLE}\n {CELL} Heading {CELL} Net\n {CELL} {M}Zygomorphic{E} "
            f"Centre {CELL} 18.885 {CELL} 10.993\n {CELL} TOTAL…",
            f"In a table: {M}Zygomorphic{E} Centre",
        ),
        # A window that starts inside a table.
        (
            f"…938.054 {CELL} -7.892\n {CELL} {M}TOTAL{E} {CELL} 956.939 {CELL} 3.101",
            f"In a table: {M}TOTAL{E}",
        ),
        # Lines of figures alone (a layout that is not a table) are left out.
        (
            f"Tier I projects\n9\n50\n48%\nThe {M}portfolio{E} has changed.",
            f"Tier I projects The {M}portfolio{E} has changed.",
        ),
        # Stray pipes and rules in prose (text extracted from a PDF) go.
        (
            f"The {M}budget{E} | was set\n|---|---|\nin March.",
            f"The {M}budget{E} was set in March.",
        ),
        # A run of short lines, the cells of a layout: only the one that matches stays.
        (
            f"Contents follow.\nAdults\nChildren\n{M}Libraries{E} 4\nParks\nRoads\nEnd of list.",
            f"Contents follow. {M}Libraries{E} 4 End of list.",
        ),
    ],
)
def test_clean_snippet(snippet, expected):
    assert clean_snippet(snippet) == expected


def test_plain_prose_is_left_as_it_is():
    prose = f"…He referred to the 2015/16 {M}budget{E} review presented to Cabinet, which showed…"
    assert clean_snippet(prose) == prose


# --- through the search --------------------------------------------------------------------


def siro() -> ItemPaper:
    m = Meeting.objects.get(body__name=PR, date=SEPT_15)
    return ItemPaper.objects.get(item__meeting=m, document__title=SIRO)


def test_a_paper_with_a_table_gives_snippets_without_debris(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        changes.replace_paper(
            siro().document, html=FIGURES_TABLE, reason="Corrected figures.", actor=TEST_ACTOR
        )
    for q, wanted in (
        ("quillwort overspend", "overspend"),
        ("zygomorphic", "Zygomorphic"),
        ("quillwort", "uillwort"),
    ):
        hits = [h for h in services.search(q).hits if h.title == SIRO]
        assert hits, q
        snippet = str(hits[0].snippet_html)
        assert re.search(f"<mark>[^<]*{wanted}", snippet, re.IGNORECASE), (q, snippet)
        assert debris(snippet) == [], (q, snippet)
    table_hit = next(h for h in services.search("zygomorphic").hits if h.title == SIRO)
    assert str(table_hit.snippet_html).startswith("In a table:")
    assert "938.054" not in str(table_hit.snippet_html)


def test_minutes_with_a_pipe_table_give_snippets_without_debris():
    minute = Minute.objects.filter(meeting__minutes_record__published_at__isnull=False).first()
    Minute.objects.filter(pk=minute.pk).update(
        text=(
            "The committee considered the xerophyte grants.\n| Ward | Grant |\n| --- | --- |\n"
            "| Xerophyte North | 1,200 |\n| Xerophyte South | 950 |\nAgreed."
        )
    )
    indexing.index_meetings([minute.meeting_id])
    snippets = [str(h.snippet_html) for h in services.search("xerophyte").hits]
    assert snippets
    for snippet in snippets:
        assert debris(snippet) == [], snippet
    south = [str(h.snippet_html) for h in services.search("south xerophyte").hits]
    assert any(
        "Xerophyte</mark> South" in s or "<mark>Xerophyte South" in s or "<mark>South</mark>" in s
        for s in south
    ), south


def test_no_demo_snippet_shows_table_debris():
    """The demo's papers have tables of figures (the financial monitoring, the dashboards)."""
    for q in ("total", "budget", "variance", "pension", "forecast", "2017"):
        for hit in services.search(q, page_size=100).hits:
            assert debris(str(hit.snippet_html)) == [], (q, hit.title, hit.snippet_html)
