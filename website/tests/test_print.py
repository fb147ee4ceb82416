"""Printing a page prints its content: no header, navigation, search, sidebar or footer, and
no addresses after internal links (external addresses stay). The page is rendered by Django
and laid out by Chromium with the site's compiled stylesheet, in print media."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CSS = Path(__file__).resolve().parents[2] / "build" / "static" / "css" / "moot.css"


def printed(page, html: str, media: str = "print") -> dict:
    page.set_content(html.replace('href="/static/css/moot.css"', 'href="about:blank"'))
    page.add_style_tag(path=str(CSS))
    page.emulate_media(media=media)
    return page.evaluate("""() => {
        const shown = sel => [...document.querySelectorAll(sel)].some(
            e => getComputedStyle(e).display !== 'none');
        const after = sel => [...document.querySelectorAll(sel)].map(
            e => getComputedStyle(e, '::after').content);
        return {header: shown('.govuk-header'), nav: shown('.govuk-service-navigation'),
                footer: shown('.govuk-footer'), aside: shown('aside'),
                main: shown('main'),
                internal: after('main a[href^="/"]'),
                external: after('main a[href^="https://"]')};
    }""")


def test_a_printed_meeting_page_is_its_content(client, page):
    html = client.get("/committees/").content.decode()
    html = html.replace(
        "</main>",
        '<p><a class="govuk-link" href="https://www.legislation.gov.uk/">The Act</a></p></main>',
    )
    screen = printed(page, html, "screen")
    assert screen["header"] and screen["footer"], "the stylesheet was applied"
    paper = printed(page, html)
    assert paper["main"]
    assert not (paper["header"] or paper["nav"] or paper["footer"] or paper["aside"])
    assert paper["internal"] and all(c in ("none", "normal") for c in paper["internal"])
    assert any("legislation.gov.uk" in c for c in paper["external"])
