from decisions.queries import paragraphs


def test_a_minutes_words_without_the_motions_placeholder():
    text = (
        "The Chairman stated the business.\n\n[motions]\n\n### Announcements\n\n"
        "The Leader said:\n(a) one thing\ncontinued\n(b) another"
    )
    paras = paragraphs(text)
    assert [p.lines for p in paras] == [
        ["The Chairman stated the business."],
        [],
        ["The Leader said:"],
    ]
    assert paras[1].heading == "Announcements"
    assert paras[2].points == [("(a)", "one thing continued"), ("(b)", "another")]
    assert paragraphs("") == []
