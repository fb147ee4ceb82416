"""The one GOV.UK error summary every form and filter page uses (``{% error_summary %}``)."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.template import Context, Template


class EmailForm(forms.Form):
    email = forms.EmailField()

    def clean(self):
        raise forms.ValidationError("Try again later.")


@dataclass
class Problem:
    message: str
    anchor: str


def render(source: str, **context) -> str:
    return Template("{% load moot %}" + source).render(Context(context))


def test_a_forms_errors_link_to_their_fields_and_the_rest_stand_alone():
    form = EmailForm({"email": "not an address"})
    assert not form.is_valid()
    html = render("{% error_summary form %}", form=form)
    assert "There is a problem" in html and 'role="alert"' in html
    assert "<li>Try again later.</li>" in html
    assert '<a href="#id_email">Enter a valid email address.</a>' in html
    named = render('{% error_summary form ids="name" %}', form=form)
    assert '<a href="#email">Enter a valid email address.</a>' in named


def test_dicts_pairs_problems_and_plain_messages():
    assert '<a href="#month">Choose a month.</a>' in render(
        "{% error_summary p %}", p={"month": "Choose a month."}
    )
    assert '<a href="#minute-3">No such minute.</a>' in render(
        "{% error_summary p %}", p=[("No such minute.", "#minute-3")]
    )
    assert '<a href="#from">Give a date.</a>' in render(
        "{% error_summary p %}", p=[Problem("Give a date.", "from")]
    )
    assert '<a href="#filters">Too long.</a>' in render(
        '{% error_summary p anchor="filters" %}', p=["Too long."]
    )


def test_nothing_is_shown_without_problems():
    assert "govuk-error-summary" not in render("{% error_summary p %}", p=[])
    assert "govuk-error-summary" not in render("{% error_summary form %}", form=EmailForm())
