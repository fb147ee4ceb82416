"""The report form's values (workspace/report_form.py): a body typed without the editor, and
rows moved or added without JavaScript, whatever is typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papers.convert import html_text
from papers.sanitise import report_html
from workspace.report_form import _text_body, moved, rows

words = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@given(st.lists(words.filter(lambda w: "<" not in w and w.strip()), min_size=1, max_size=6))
def test_plain_text_becomes_escaped_paragraphs(paragraphs):
    typed = "\n\n".join(paragraphs)
    body = _text_body(typed)
    assert body.count("<p>") == len([p for p in paragraphs if p.strip()])
    # Nothing in it for the sanitiser to take out: the same paragraphs, the same text.
    kept = report_html(body)
    assert kept.count("<p>") == body.count("<p>")

    def words(text: str) -> str:
        return " ".join(text.split())

    lines = [words(line) for line in html_text(kept).splitlines() if line.strip()]
    assert lines == [words(p) for p in paragraphs]


def test_html_from_the_editor_is_kept_as_html():
    assert _text_body("<h2>Title</h2><p>Text</p>") == "<h2>Title</h2><p>Text</p>"
    assert _text_body("3 < 4 and 5 > 2") == "<p>3 &lt; 4 and 5 &gt; 2</p>"


@given(
    st.lists(st.tuples(words, words), min_size=1, max_size=6),
    st.integers(min_value=-1, max_value=7),
    st.sampled_from(["up", "down"]),
)
def test_moving_a_row_keeps_every_row_and_its_fields_together(recs, i, way):
    values = {"rec_verb": [v for v, _ in recs], "rec_text": [t for _, t in recs], "title": ["x"]}
    after = moved(values, f"rec:{i}:{way}")
    pairs = [(r["verb"], r["text"]) for r in rows(after, "rec")]
    assert sorted(pairs) == sorted(recs) and after["title"] == ["x"]
    j = i - 1 if way == "up" else i + 1
    if 0 <= i < len(recs) and 0 <= j < len(recs):
        assert pairs[j] == recs[i] and pairs[i] == recs[j]
    else:
        assert pairs == list(recs)


def test_adding_a_row_and_unknown_moves():
    values = {"rec_verb": ["NOTE"], "rec_text": ["it"]}
    assert rows(moved(values, "rec:add"), "rec")[-1] == {"verb": "", "text": ""}
    assert moved(values, "nothing:0:up") == values and moved(values, "rec:x:up") == values
