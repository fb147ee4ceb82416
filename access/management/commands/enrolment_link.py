"""``moot enrolment_link USERNAME``: print a one-time link to set up an authenticator app.

For bootstrapping: the first administrator (made with ``moot createsuperuser``) has no second
factor and nobody yet to issue them a link, so whoever runs commands on the server prints one
(access/enrolment.py). ``--email`` sends it to the account's address instead.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from access.enrolment import COMMAND, issue_link


class Command(BaseCommand):
    help = "Print a one-time link for USERNAME to set up their authenticator app."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--email",
            action="store_true",
            help="email the link to the account's address rather than print it",
        )

    def handle(self, *args, username, email, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account is called {username!r}.")
        try:
            link, url = issue_link(user, actor=COMMAND, send=email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        when = f"{link.expires_at:%Y-%m-%d %H:%M} UTC"
        if email:
            self.stdout.write(f"Sent an enrolment link to {user.email} (it expires {when}).")
        else:
            self.stdout.write(
                f"{url}\nThe link works once, with {username}'s password, until {when}."
            )
