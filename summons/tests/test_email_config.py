"""EMAIL_URL → Django email settings."""

import pytest

from summons.email_config import EmailURLError, email_settings

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def test_console_is_the_default():
    for url in (None, "", "console://"):
        assert email_settings(url) == {
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
        }


def test_file_needs_a_directory():
    assert email_settings("file:///var/mail/moot") == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": "/var/mail/moot",
    }
    with pytest.raises(EmailURLError, match="directory"):
        email_settings("file://")


def test_smtp_with_credentials_and_port():
    assert email_settings("smtp://moot%40council.gov.uk:p%3Ass%40w0rd@mail.example.org:2525") == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "moot@council.gov.uk",
        "EMAIL_HOST_PASSWORD": "p:ss@w0rd",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 20,
    }


@pytest.mark.parametrize(
    "url, port, tls, ssl",
    [
        ("smtp://mail.example.org", 25, False, False),
        ("smtp://mail.example.org?tls=1", 25, True, False),
        ("submission://u:p@mail.example.org", 587, True, False),
        ("smtps://u:p@mail.example.org", 465, False, True),
        ("smtp://mail.example.org:465?ssl=true&timeout=5", 465, False, True),
    ],
)
def test_smtp_security(url, port, tls, ssl):
    found = email_settings(url)
    assert (found["EMAIL_PORT"], found["EMAIL_USE_TLS"], found["EMAIL_USE_SSL"]) == (port, tls, ssl)


def test_memory_backends_for_tests():
    assert email_settings("locmem://")["EMAIL_BACKEND"].endswith("locmem.EmailBackend")
    assert email_settings("dummy://")["EMAIL_BACKEND"].endswith("dummy.EmailBackend")


@pytest.mark.parametrize(
    "url, words",
    [
        ("smtp://", "needs a host"),
        ("smtp://user:secret@mail.example.org:notaport", "bad port"),
        ("smtp://mail.example.org?timeout=soon", "timeout"),
        ("mailgun://user:secret@api", "not supported"),
        ("mail.example.org", "not supported"),
    ],
)
def test_bad_urls_say_why_without_the_password(url, words):
    with pytest.raises(EmailURLError, match=words) as refused:
        email_settings(url)
    assert "secret" not in str(refused.value)
