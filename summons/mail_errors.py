"""Why an email was not sent, in the office's words: "The mail server refused the address",
not ``SMTPRecipientsRefused: {'m@example.org': (550, b'5.1.1 User unknown')}``. The raw
detail stays in the email log's ``error``, which only administrators read (the back office).
"""

from __future__ import annotations

import smtplib
import socket
import ssl

ASK_ADMIN = "ask an administrator to check Moot's email settings."
REFUSED_ADDRESS = "The mail server refused the address."
COULD_NOT_REACH = "Moot could not reach the mail server."
NOT_SENT = "The email could not be sent."

# The first class the error is an instance of gives the words: the narrower ones first.
WORDS: list[tuple[type[BaseException], str]] = [
    (smtplib.SMTPRecipientsRefused, REFUSED_ADDRESS),
    (
        smtplib.SMTPSenderRefused,
        f"The mail server refused the council's sending address: {ASK_ADMIN}",
    ),
    (
        smtplib.SMTPAuthenticationError,
        f"The mail server did not accept Moot's sign-in: {ASK_ADMIN}",
    ),
    (
        smtplib.SMTPNotSupportedError,
        f"The mail server does not work the way Moot was set up to use it: {ASK_ADMIN}",
    ),
    (smtplib.SMTPDataError, "The mail server refused the message."),
    (smtplib.SMTPServerDisconnected, "The mail server broke off the connection."),
    (ssl.SSLError, f"The secure connection to the mail server failed: {ASK_ADMIN}"),
    (smtplib.SMTPConnectError, COULD_NOT_REACH),
    (socket.gaierror, f"The mail server's name was not found: {ASK_ADMIN}"),
    (TimeoutError, "The mail server did not answer in time."),
    (ConnectionError, COULD_NOT_REACH),
    (OSError, COULD_NOT_REACH),
]


def plain_words(error: BaseException) -> str:
    """What went wrong sending an email, in a sentence for the office."""
    for kind, words in WORDS:
        if isinstance(error, kind):
            return words
    return NOT_SENT
