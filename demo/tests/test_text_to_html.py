"""The seed text → HTML converter, on snippets shaped like the seeds (references are pack:line)."""

from __future__ import annotations

import pytest

from demo.kent.papers import all_papers
from demo.kent.papers.text_to_html import heading_level, inline, to_html
from papers.convert import written_html


def test_markdown_headings_start_at_h2_because_the_page_owns_the_h1():
    html = to_html("# Corporate Parenting\n\n## **Summary**\n\n#### **Recommendation 2**")
    assert html == "<h2>Corporate Parenting</h2>\n<h2>Summary</h2>\n<h3>Recommendation 2</h3>"
    assert "<h1" not in to_html("# Title")


@pytest.mark.parametrize(
    "line, level",
    [
        ("1. Introduction", 2),  # 004:367
        ("2 Approach", 2),  # 004:808
        ("3. KEY FINDINGS – MARCH 2017 TO AUGUST 2017", 2),  # 004:1107
        ("INTRODUCTION", 2),  # 000:304
        ("Key Performance Indicators", 3),  # 004:422
        ("Section 5 – Operational performance", 3),  # 004:944
        ("Enhanced offer", 3),  # 000:136
        ("We will use plain English", None),  # a sentence (004:2432)
        ("5 December 2017", None),  # a date (004:3131)
        ("Results up to July 2017", None),
        ("9", None),  # a key figure (004:1174)
        ("C: Portfolios Summary – August 2017", 3),  # 004:1242
        ("Publication Date: August 2017", None),  # a label and its value (004:416)
        ("The Committee is asked to:", None),
        ("2.7. Direction of Travel for the latest results shows 14 KPIs improving.", None),
    ],
)
def test_which_lone_lines_are_headings(line, level):
    assert heading_level(line) == level


def test_numbered_paragraphs_keep_their_numbers_and_are_not_bullets():
    html = to_html(
        "- 1.1 The Policy and Resources Cabinet Committee considered it.\n"
        "- 1.2 A sub-group was convened."
    )  # 004:796–797
    assert html == (
        "<p>1.1 The Policy and Resources Cabinet Committee considered it.</p>"
        "<p>1.2 A sub-group was convened.</p>"
    )


def test_numbered_lines_are_an_ordered_list_that_starts_where_the_text_does():
    html = to_html(
        "6. The Data Protection Act 1998 is the current law.\n"
        "7. It requires every organisation to register."
    )  # 004:3040–3041
    assert html == (
        '<ol start="6"><li>The Data Protection Act 1998 is the current law.</li>'
        "<li>It requires every organisation to register.</li></ol>"
    )


def test_lettered_items_indented_after_the_first_are_siblings():
    html = to_html(
        "- a. Any advice of the Panel;\n  - b. Any conclusions; and\n  - c. Any representations."
    )  # 002:331–333
    assert html == (
        "<ul><li>a. Any advice of the Panel;</li><li>b. Any conclusions; and</li>"
        "<li>c. Any representations.</li></ul>"
    )


def test_real_nesting_is_kept():
    html = to_html(
        "- People profile\n - Details of people\n- Training and development\n - Details of training"
    )  # 004:939–942
    assert html == (
        "<ul><li>People profile<ul><li>Details of people</li></ul></li>"
        "<li>Training and development<ul><li>Details of training</li></ul></li></ul>"
    )


def test_tab_separated_lines_are_a_table_with_column_headers_and_caption():
    html = to_html(
        "Table 1\n\nBudget Book Heading\tNet Budget\tNet Forecast Variance\n"
        "Local Democracy\t4,083.6\t3.9\nTotal S&CS\t70,197.5\t222.5"
    )  # 004:700–713
    assert html == (
        '<table><caption>Table 1</caption><thead><tr><th scope="col">Budget Book Heading</th>'
        '<th scope="col">Net Budget</th><th scope="col">Net Forecast Variance</th></tr>'
        "</thead><tbody><tr><td>Local Democracy</td><td>4,083.6</td><td>3.9</td></tr>"
        "<tr><td>Total S&amp;CS</td><td>70,197.5</td><td>222.5</td></tr></tbody></table>"
    )


def test_a_table_whose_first_row_holds_figures_has_no_header_row():
    html = to_html("Adults\t2\n0-25\t4\nTOTAL\t9")  # 004:1250–1254
    assert html == (
        "<table><tbody><tr><td>Adults</td><td>2</td></tr><tr><td>0-25</td><td>4</td>"
        "</tr><tr><td>TOTAL</td><td>9</td></tr></tbody></table>"
    )


def test_trailing_tabs_are_empty_cells_and_empty_headers_are_not_th():
    html = to_html("Activity\tMaturity Level*\t\tComments\nPlanning and governance\t\t\t")
    assert '<td></td><th scope="col">Comments</th>' in html
    assert "<tr><td>Planning and governance</td><td></td><td></td><td></td></tr>" in html


def test_html_fragments_in_cells_become_lists_and_paragraphs():
    html = to_html(
        'Included\tExcluded\n<ul style="list-style-type: none"> • Strategy • Policy'
        "\t<p>Operational <i>policy</i></p>"
    )  # 004:2246–2247
    assert "<td><ul><li>Strategy</li><li>Policy</li></ul></td>" in html
    assert "<td><p>Operational <em>policy</em></p></td>" in html
    assert "style=" not in html


def test_a_page_broken_table_is_joined():
    html = to_html("Name\tReason\nOlympic and\tOut of date\n\nParalympic Legacy (2013)\t")
    assert html.count("<table>") == 1 and "Paralympic Legacy" in html


def test_bold_strike_italic_links_and_escapes():
    assert (
        inline("**Note** the ~~old~~ *new* text")
        == "<strong>Note</strong> the <del>old</del> <em>new</em> text"
    )
    assert inline("69 %** the placement") == "69 % the placement"  # an unpaired ** (002:838)
    assert inline(r"grade A\*-C") == "grade A*-C"
    assert inline("<https://www.nao.org.uk/>") == (
        '<a href="https://www.nao.org.uk/" rel="noopener noreferrer">https://www.nao.org.uk/</a>'
    )
    assert inline("read our [guide](#).") == "read our guide."  # the link did not survive
    assert (
        inline("<script>x</script> & <b>bold</b>")
        == "&lt;script&gt;x&lt;/script&gt; &amp; <strong>bold</strong>"
    )


def test_pack_artefacts_are_dropped():
    html = to_html(
        "Text before.\n\nPage 19\n\nThis page is intentionally left blank\n\n"
        "**This page is intentionally left blank**\n\n"
        "Formatted: List Paragraph, Left, No bullets\n\n"
        "A large, stylized, light blue horse logo is positioned in the upper right.\n\n"
        "Characteristic\tAffected\nAge Page 129\tNo\n"
        '<p>Race</p> <p style="text-align: center;">Page 132</p>\tNo'
    )
    assert "Page 1" not in html and "blank" not in html and "Formatted" not in html
    assert "logo" not in html
    assert "<td>Age</td>" in html and "Race" in html


def test_a_paragraph_split_by_a_page_break_is_rejoined():
    html = to_html(
        "- Several projects have been stopped where there is insufficient evidence to"
        "\n\ndemonstrate achievability of planned benefits."
    )  # 004:1127–1129
    assert html == (
        "<ul><li>Several projects have been stopped where there is insufficient "
        "evidence to demonstrate achievability of planned benefits.</li></ul>"
    )


def test_lines_of_an_address_keep_their_breaks():
    assert (
        to_html("Paul D Wickenden  \nDemocratic Services Manager (Members)")
        == "<p>Paul D Wickenden<br>Democratic Services Manager (Members)</p>"
    )


@pytest.mark.parametrize("paper", all_papers(), ids=lambda p: p.source)
def test_every_demo_paper_converts_to_html_the_sanitiser_keeps_as_it_is(paper):
    html = to_html(paper.body_text())
    assert written_html(html).html == html
    assert "<h1" not in html and "intentionally left blank" not in html
