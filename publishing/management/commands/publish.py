"""moot publish MEETING_ID [--late-reason TEXT] [--override-reason TEXT] [--supplement]
[--historical YYYY-MM-DD]"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from audit.actors import SystemActor
from meetings.models import Meeting
from publishing import deadlines, services, supplements
from publishing.historical import record_historical_publication

ACTOR = SystemActor("moot publish (command line)")


class Command(BaseCommand):
    help = (
        "Publish a meeting's agenda now (or its next supplementary agenda), or record the date "
        "on which it was published in the past."
    )

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", type=int)
        parser.add_argument(
            "--late-reason", default="", help="Required once the deadline day has passed."
        )
        parser.add_argument(
            "--override-reason",
            default="",
            help="Publish although nobody serves on the body on the meeting's date (the "
            "summons would go to no one): the reason, kept with the record.",
        )
        parser.add_argument(
            "--supplement",
            action="store_true",
            help="Publish the papers attached since the agenda as a supplementary agenda.",
        )
        parser.add_argument(
            "--historical",
            type=dt.date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="Record a past publication on this date (e.g. a printed dispatch date) "
            "instead of publishing now. No checks, no notifications.",
        )

    def handle(
        self, *args, meeting_id, late_reason, supplement, historical, override_reason, **options
    ):
        meeting = Meeting.objects.filter(pk=meeting_id).select_related("body").first()
        if meeting is None:
            raise CommandError(f"There is no meeting with id {meeting_id}.")
        if historical and (supplement or late_reason):
            raise CommandError("--historical records the agenda's publication only.")
        try:
            if historical:
                # The printed date is known, the hour is not: the office day's start stands in,
                # and the public history shows the date alone for historical records.
                moment = dt.datetime.combine(historical, dt.time(9), deadlines.local_zone())
                done = record_historical_publication(meeting, moment, actor=ACTOR)
            elif supplement:
                done = supplements.publish_supplement(meeting, actor=ACTOR)
            else:
                done = services.publish_agenda(
                    meeting,
                    late_reason=late_reason,
                    actor=ACTOR,
                    override_reason=override_reason,
                )
        except ValidationError as error:
            reasons = "\n- ".join(error.messages)
            raise CommandError(f"Nothing was published:\n- {reasons}") from error
        timing = {True: "on time", False: "late", None: "timing not known"}[done.on_time]
        self.stdout.write(f"{done}: published {timing} (deadline {done.deadline:%-d %B %Y}).")
