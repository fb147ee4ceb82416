"""The body of a report written in the browser's editor keeps its structure and loses
everything hostile (papers/sanitise.py)."""

import base64
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papers import testing as made
from papers.convert import written_html
from papers.sanitise import TAGS, report_html

OWN = "/workspace/papers/12/images/"
PNG = "data:image/png;base64," + base64.b64encode(made.PNG).decode()

STRUCTURE = (
    "<h2>Introduction</h2><h3>Scope</h3><p>The <strong>policy</strong> <em>applies</em>.</p>"
    '<ol start="3"><li>First</li><li>Second<ul><li>Nested</li></ul></li></ol>'
    '<table><caption>Spend</caption><thead><tr><th scope="col" colspan="2">Year</th></tr>'
    '</thead><tbody><tr><th scope="row" rowspan="2">2017</th><td>£1</td></tr></tbody></table>'
    f'<p><a href="https://www.kent.gov.uk/policy" rel="noopener noreferrer">Policy</a> '
    f'<a href="mailto:democratic.services@kent.gov.uk" rel="noopener noreferrer">Email</a></p>'
    f'<p><img src="{PNG}" alt="A map"><img src="{OWN}map-2.jpeg" alt="Own image"></p>'
)


def test_the_structure_of_a_paper_is_kept_as_it_is():
    assert report_html(STRUCTURE, own_images=OWN) == STRUCTURE


def test_what_it_keeps_is_saved_unchanged_by_add_version():
    clean = report_html(STRUCTURE, own_images=OWN)
    assert written_html(clean).html == clean


def test_an_editors_top_heading_is_the_papers_second():
    assert report_html("<h1>Purpose</h1><p>Text.</p>") == "<h2>Purpose</h2><p>Text.</p>"


HOSTILE = {
    "script": ("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
    "script in a table": (
        "<table><tr><td><script>x()</script>1</td></tr></table>",
        "<table><tbody><tr><td>1</td></tr></tbody></table>",
    ),
    "event handler": ('<p onclick="steal()" onmouseover="x">Hi</p>', "<p>Hi</p>"),
    "image onerror": (f'<img src="{PNG}" onerror="steal()" alt="a">', f'<img src="{PNG}" alt="a">'),
    "javascript link": (
        '<a href="javascript:alert(1)">x</a>',
        '<a rel="noopener noreferrer">x</a>',
    ),
    "javascript link, mixed case and spaces": (
        '<a href=" JaVaScRiPt:alert(1)">x</a>',
        '<a rel="noopener noreferrer">x</a>',
    ),
    "entity-encoded javascript": (
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a rel="noopener noreferrer">x</a>',
    ),
    "data link": (
        '<a href="data:text/html,<script>x</script>">x</a>',
        '<a rel="noopener noreferrer">x</a>',
    ),
    "relative link": ('<a href="/admin/">x</a>', '<a rel="noopener noreferrer">x</a>'),
    "vbscript link": ('<a href="vbscript:x">x</a>', '<a rel="noopener noreferrer">x</a>'),
    "style attribute": (
        '<p style="background:url(https://evil.example/t.gif)">Hi</p>',
        "<p>Hi</p>",
    ),
    "style element": ("<style>p{display:none}</style><p>Hi</p>", "<p>Hi</p>"),
    "class": ('<p class="govuk-button">Hi</p>', "<p>Hi</p>"),
    "iframe": ('<iframe src="https://evil.example"></iframe><p>Hi</p>', "<p>Hi</p>"),
    "object and embed": ('<object data="x.swf"></object><embed src="x.swf"><p>Hi</p>', "<p>Hi</p>"),
    "form": (
        '<form action="https://evil.example"><input name="p"><button>Go</button></form>',
        "Go",
    ),
    "svg": (
        '<svg onload="x()"><script>x()</script><a href="javascript:x()">t</a></svg><p>Hi</p>',
        "<p>Hi</p>",
    ),
    "svg image": ('<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="x">', ""),
    "external image": ('<img src="https://evil.example/pixel.gif" alt="x">', ""),
    "protocol-relative image": ('<img src="//evil.example/pixel.gif" alt="x">', ""),
    "gif data image": ('<img src="data:image/gif;base64,R0lGODlh" alt="x">', ""),
    "image outside the paper's own": ('<img src="/workspace/papers/13/images/x.png" alt="x">', ""),
    "own image climbing out": (f'<img src="{OWN}../../13/images/x.png" alt="x">', ""),
    "meta refresh": (
        '<meta http-equiv="refresh" content="0;url=https://evil.example"><p>Hi</p>',
        "<p>Hi</p>",
    ),
    "base": ('<base href="https://evil.example/"><p>Hi</p>', "<p>Hi</p>"),
    "comment": ("<!-- <script>x()</script> --><p>Hi</p>", "<p>Hi</p>"),
    "bad span": (
        '<table><tr><td colspan="0" rowspan="9999999">1</td><th scope="evil">h</th></tr></table>',
        "<table><tbody><tr><td>1</td><th>h</th></tr></tbody></table>",
    ),
    "id clobbering": ('<p id="csrf_token" name="x">Hi</p>', "<p>Hi</p>"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_input_is_removed(case):
    given_html, expected = HOSTILE[case]
    assert report_html(given_html, own_images=OWN) == expected


def test_without_own_images_only_data_images_stay():
    html = f'<img src="{OWN}map.png" alt="x"><img src="{PNG}" alt="y">'
    assert report_html(html) == f'<img src="{PNG}" alt="y">'


PIECES = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<p onclick=x()>",
        '<a href="javascript:x()">',
        "<svg>",
        "<iframe src=//x>",
        "<img src=x onerror=alert(1)>",
        "<style>",
        "</p>",
        "<td>",
        "<math>",
        "text",
        "<h2>",
        '<a href="https://x.example">',
        "<!--",
        "-->",
        '"',
        "'",
        "<",
        ">",
        "javascript:",
        "<object>",
        '<p style="x">',
        "<table>",
        "<noscript>",
        "<template>",
    ]
)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


@given(st.lists(PIECES, max_size=30).map("".join))
def test_nothing_hostile_survives_any_mixture(html):
    clean = report_html(html, own_images=OWN)
    parsed = _Tags()
    parsed.feed(clean)
    for tag, attrs in parsed.found:
        assert tag in TAGS
        for name, value in attrs:
            assert (
                not name.startswith("on")
                and name not in {"style", "class", "id", "src"}
                or (name == "src" and value.startswith((PNG[:22], OWN)))
            )
            if name == "href":
                assert value.startswith(("https://", "http://", "mailto:"))
