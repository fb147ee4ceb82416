"""Email settings from one ``EMAIL_URL`` environment variable (no Django imports: settings.py
calls it before Django is set up).

    console://                                 print emails to the console (development)
    file:///var/lib/moot/mail                  write each email to a file in that directory
    smtp://user:password@mail.example.org:25   SMTP; add ?tls=1 for STARTTLS
    submission://user:password@host:587        SMTP with STARTTLS (port 587 by default)
    smtps://user:password@host:465             SMTP over TLS (port 465 by default)
    locmem:// and dummy://                     kept in memory / discarded (tests)

User names and passwords are percent-decoded, so "@" and ":" in them are written %40 and %3A.
``?timeout=N`` sets the SMTP timeout in seconds (default 20).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
}
DEFAULT_PORTS = {"smtp": 25, "submission": 587, "smtps": 465}
TRUE = {"1", "true", "yes", "on"}


class EmailURLError(ValueError):
    """The EMAIL_URL cannot be understood; the message says why (shown at start-up)."""


def _flag(query: dict[str, list[str]], name: str) -> bool:
    return query.get(name, [""])[-1].lower() in TRUE


def email_settings(url: str | None) -> dict[str, Any]:
    """The Django settings (``EMAIL_BACKEND``, ``EMAIL_HOST`` …) that ``url`` describes."""
    url = (url or "console://").strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in BACKENDS:
        known = ", ".join(f"{s}://" for s in BACKENDS)
        # Never quote the URL itself: it may carry a password into the logs.
        raise EmailURLError(f"EMAIL_URL scheme {scheme!r} is not supported; use one of {known}")
    result: dict[str, Any] = {"EMAIL_BACKEND": BACKENDS[scheme]}
    if scheme == "file":
        path = unquote(parts.path) or unquote(parts.netloc)
        if not path:
            raise EmailURLError("EMAIL_URL file:// needs a directory, e.g. file:///var/mail/moot")
        result["EMAIL_FILE_PATH"] = path
        return result
    if scheme not in DEFAULT_PORTS:
        return result
    if not parts.hostname:
        raise EmailURLError(f"EMAIL_URL {scheme}:// needs a host, e.g. {scheme}://mail.example.org")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError as exc:  # a port that is not a number, or out of range
        raise EmailURLError(f"EMAIL_URL has a bad port: {exc}") from None
    query = parse_qs(parts.query)
    use_ssl = scheme == "smtps" or _flag(query, "ssl")
    use_tls = not use_ssl and (scheme == "submission" or _flag(query, "tls"))
    try:
        timeout = int(query.get("timeout", ["20"])[-1])
    except ValueError:
        raise EmailURLError("EMAIL_URL timeout must be a whole number of seconds") from None
    result.update(
        EMAIL_HOST=parts.hostname,
        EMAIL_PORT=port,
        EMAIL_HOST_USER=unquote(parts.username or ""),
        EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
        EMAIL_USE_TLS=use_tls,
        EMAIL_USE_SSL=use_ssl,
        EMAIL_TIMEOUT=timeout,
    )
    return result
