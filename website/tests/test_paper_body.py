"""The body of a paper's page: a PDF's extracted text rejoined into paragraphs, and HTML
headings placed under the page's h1."""

from website.paper_body import as_html, paragraphs, scrollable_tables, tidy_headings

FULL = "x" * 60  # a line set to the full measure


def test_wrapped_lines_join_and_short_lines_end_paragraphs():
    text = "\n".join(
        [
            "1. Introduction",
            f"{FULL} wrapped",
            f"{FULL} onto the",
            "next line.",
            f"{FULL} second",
            "paragraph ends.",
        ]
    )
    assert paragraphs(text) == [
        "1. Introduction",
        f"{FULL} wrapped {FULL} onto the next line.",
        f"{FULL} second paragraph ends.",
    ]


def test_blank_lines_end_paragraphs_and_spaces_collapse():
    assert paragraphs(f"{FULL}\n\n  {FULL}   end\n") == [FULL, f"{FULL} end"]


def test_a_sentence_stopping_short_of_the_measure_ends_its_paragraph():
    short_sentence = "x" * 45 + " ends here."
    assert paragraphs(f"{FULL} one\n{short_sentence}\n{FULL} two") == [
        f"{FULL} one {short_sentence}",
        f"{FULL} two",
    ]


def test_html_is_escaped_paragraphs():
    assert as_html("<script>alert(1)</script>\n\nA & B") == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>A &amp; B</p>"
    )


def test_nothing_to_show():
    assert paragraphs("") == [] and paragraphs("\n \n") == []
    assert paragraphs("• \n• ") == []  # bullets the extractor separated from their text


def test_headings_never_skip_a_level_under_the_h1():
    assert tidy_headings("<h3 id='a'>A</h3><p>x</p><h4>B</h4>") == (
        "<h2 id='a'>A</h2><p>x</p><h3>B</h3>"
    )
    assert tidy_headings("<h2>A</h2><h4>B</h4><h3>C</h3><h2>D</h2>") == (
        "<h2>A</h2><h3>B</h3><h3>C</h3><h2>D</h2>"
    )
    assert tidy_headings("<h3>A</h3><h2>B</h2>") == "<h2>A</h2><h2>B</h2>"
    assert tidy_headings("<p>&lt;h4&gt; is text</p><header><hr>") == (
        "<p>&lt;h4&gt; is text</p><header><hr>"
    )


def test_outermost_tables_scroll_in_their_own_region():
    html = (
        "<p>a</p><table><tr><td><table><tr><td>x</td></tr></table></td></tr></table><table></table>"
    )
    assert scrollable_tables(html) == (
        '<p>a</p><div class="moot-table" role="region" aria-label="Table 1" tabindex="0">'
        "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table></div>"
        '<div class="moot-table" role="region" aria-label="Table 2" tabindex="0">'
        "<table></table></div>"
    )
    assert scrollable_tables("<p>no tables</p>") == "<p>no tables</p>"
    assert scrollable_tables("<p>&lt;table&gt;</p>") == "<p>&lt;table&gt;</p>"
