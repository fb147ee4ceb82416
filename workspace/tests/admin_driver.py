"""A browser's part played with Django's test client, to measure the Django admin: each page
is fetched as the browser would (a link followed: a page load), each form is read from the
page and posted with what the browser would send — every field as the page holds it, the
fields the officer fills changed, the button pressed (a form submission, and a page load:
the page it answers with, after any redirect).

An admin autocomplete (select2) asks the server for the choices as the officer types: each
one used is counted as a look-up, as the workspace's htmx requests are counted apart from
page loads. A raw-id field's magnifying glass opens the list of rows in a window to choose
from: that window is a page load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from django.core.files.uploadedfile import SimpleUploadedFile

from .week import LOADS, LOOKUPS, POPUPS, POSTS, Counter


class Refused(AssertionError):
    """The admin answered a form with errors where the week expected it to be saved."""


@dataclass
class Page:
    url: str
    html: str
    status: int

    @property
    def tree(self):
        return lxml.html.fromstring(self.html)

    def form(self, form_id: str = ""):
        """The form with this id, or the page's first posted form (not the sign-out's)."""
        if form_id:
            return self.tree.get_element_by_id(form_id)
        forms = [f for f in self.tree.forms if f.method == "POST" and f.get("id") != "logout-form"]
        assert forms, f"no form on {self.url}"
        return forms[0]

    def link(self, text: str) -> str:
        """The address of the link whose text contains ``text``."""
        for a in self.tree.iter("a"):
            if text in a.text_content():
                return urljoin(self.url, a.get("href"))
        raise AssertionError(f"no link “{text}” on {self.url}")

    def errors(self) -> list[str]:
        found = self.tree.xpath(
            f"//*[{_class('errornote')}] | //*[{_class('errorlist')}]/li"
            f" | //*[{_class('messagelist')}]/li[{_class('error')}]"
            f" | //*[{_class('govuk-error-summary__list')}]/li"
        )
        return [" ".join(e.text_content().split()) for e in found]


def _class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


class Browser:
    """One account at the admin, its page loads and form submissions counted as ``who``'s."""

    def __init__(self, client, counter: Counter, who: str) -> None:
        self.client, self.counter, self.who = client, counter, who

    def _count(self, kind: str, n: int = 1) -> None:
        self.counter.tally[(self.counter.phase, self.who, kind)] += n

    def get(self, url: str) -> Page:
        """A link followed (or an address typed): one page load."""
        self._count(LOADS)
        response = self.client.get(url, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        return Page(response.request["PATH_INFO"], response.content.decode(), 200)

    def popup(self, url: str) -> None:
        """A raw-id field's look-up window (the rows to choose one from): a page load."""
        self._count(POPUPS)
        self.get(url)

    def submit(
        self,
        page: Page,
        values: dict | None = None,
        *,
        form: str = "",
        button: str | None = None,
        files: dict | None = None,
        refused: bool = False,
    ) -> Page:
        """The form posted as the browser would post it, ``values`` typed or chosen in it
        (a list for several values; None clears a field), the button named ``button``
        pressed. Refuses (``Refused``) an answer with errors unless ``refused``."""
        element = page.form(form)
        data: dict[str, list] = {}
        for name, value in element.form_values():
            data.setdefault(name, []).append(value)
        autocompletes = {
            s.get("name") for s in element.xpath(f".//select[{_class('admin-autocomplete')}]")
        }
        for name, value in (values or {}).items():
            if value is None:
                data.pop(name, None)
                continue
            data[name] = value if isinstance(value, list) else [value]
            if name in autocompletes or re.sub(r"-\d+-", "-__prefix__-", name) in autocompletes:
                self._count(LOOKUPS)
        if button:
            name, _, value = button.partition("=")
            data[name] = [value]
        for name, (filename, content) in (files or {}).items():
            data[name] = [SimpleUploadedFile(filename, content)]
        action = urljoin(page.url, element.get("action") or page.url)
        self._count(LOADS)
        self._count(POSTS)
        response = self.client.post(action, data, follow=True)
        answer = Page(
            response.request["PATH_INFO"], response.content.decode(), response.status_code
        )
        problems = answer.errors()
        if not refused and (problems or response.status_code >= 400):
            raise Refused(f"{action}: {response.status_code} {problems}")
        return answer

    def action(self, page: Page, name: str, pks: list[int], values: dict | None = None) -> Page:
        """A change list's action on the rows ticked (the "Action" list and "Go")."""
        chosen = {"action": name, "_selected_action": [str(pk) for pk in pks], **(values or {})}
        return self.submit(page, chosen, form="changelist-form", button="index=0")
