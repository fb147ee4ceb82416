"""The authenticator set-up page (access/enrol_views.py): its QR code carries exactly the
device's otpauth:// address, the key is there to type in fours, the page keeps to the
Content-Security-Policy and is never cached (it carries the secret)."""

from __future__ import annotations

import base64
import re

import pytest
import segno
from django.contrib.auth.models import User
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from access.enrolment import QR_LABEL, issue_link
from access.models import Account
from moot import testing as t

pytestmark = pytest.mark.django_db
PASSWORD = "Committee-Papers-2030"


def modules_drawn(svg: str) -> set[tuple[int, int]]:
    """The dark modules (column, row) the SVG's path draws: segno draws each row's runs as
    horizontal strokes, ``M x y`` / ``m dx dy`` moving (half a module down, to the stroke's
    middle) and ``h n`` drawing n modules."""
    scale = re.search(r'transform="scale\((\d+)\)"', svg)
    assert scale is not None
    path = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg)
    assert path is not None
    x = y = 0.0
    dark: set[tuple[int, int]] = set()
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.group(1)):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            run = int(float(a))
            dark |= {(int(x) + i, int(y)) for i in range(run)}
            x += run
    return dark


def modules_of(text: str, border: int = 4) -> set[tuple[int, int]]:
    matrix = segno.make(text, error="m").matrix
    return {
        (col + border, row + border)
        for row, line in enumerate(matrix)
        for col, dark in enumerate(line)
        if dark
    }


def start_enrolment(client) -> User:
    """An officer who has followed their enrolment link and given their password."""
    clerk = User.objects.create_user("clerk", password=PASSWORD, email="clerk@example.gov.uk")
    Account.objects.create(user=clerk, democratic_services=True)
    officer = User.objects.create_user("officer", password=PASSWORD, email="o@example.gov.uk")
    Account.objects.create(user=officer, person=t.person("Quickcode"), democratic_services=True)
    _, url = issue_link(officer, actor=clerk)
    assert client.post("/" + url.split("/", 3)[3], {"password": PASSWORD}).status_code == 302
    return officer


@pytest.fixture
def enrolling(client):
    return start_enrolment(client)


def the_qr(html: str) -> str:
    found = re.search(r"<svg\b.*?</svg>", html, re.S)
    assert found is not None
    return found.group(0)


def test_the_qr_code_is_the_devices_address_and_the_key_is_there_to_type(client, enrolling):
    page = client.get(reverse("access:set_up"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=enrolling, confirmed=False)
    html = page.content.decode()
    svg = the_qr(html)
    drawn = modules_drawn(svg)
    assert drawn == modules_of(device.config_url)
    assert drawn != modules_of(device.config_url.replace("secret=", "secret=A"))
    assert f'role="img" aria-label="{QR_LABEL}"' in svg and "<title>" in svg
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    shown = re.search(r'<code id="set-up-key">([A-Z2-7 ]+)</code>', html).group(1)
    assert shown.replace(" ", "") == key
    assert all(len(group) == 4 for group in shown.split()[:-1])
    assert f"secret={key}" in device.config_url


def test_the_page_keeps_to_the_policy_and_is_never_cached(client, enrolling):
    for response in (
        client.get(reverse("access:set_up")),
        client.post(reverse("access:set_up"), {"code": "000000"}),  # refused: the page again
    ):
        html = response.content.decode()
        cache = response["Cache-Control"]
        assert "no-store" in cache and "no-cache" in cache and "private" in cache
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "style-src 'self'" in response["Content-Security-Policy"]
        assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script
        assert not re.search(r"\sstyle=|<style", html)  # no inline style
        assert "<svg" in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_set_up_page_at_320_pixels_has_no_axe_violations(live_server, demo_council, page, axe):
    from django.conf import settings
    from django.test import Client

    client = Client()
    start_enrolment(client)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "url": live_server.url,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            }
        ]
    )
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + reverse("access:set_up"))
    qr = page.get_by_role("img", name=QR_LABEL)
    box = qr.bounding_box()
    assert box is not None and box["width"] >= 100 and box["x"] + box["width"] <= 320
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert axe(page) == []
