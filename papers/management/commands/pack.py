"""moot pack MEETING_ID --output FILE [--members] [--supplementary] [--dispatch YYYY-MM-DD]
[--reason TEXT]"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from audit.actors import SystemActor
from meetings.models import Meeting
from papers.models import PackKind, PackStatus
from papers.packs import BUILDER, request_pack, run_pack

COMMAND = SystemActor("moot pack")


def bar(stream):
    def show(done: int, total: int, what: str) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        stream.write(f"\r{what:<18} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


class Command(BaseCommand):
    help = "Build a meeting's agenda pack (PDF) now, showing progress, and write it to a file."

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", type=int)
        parser.add_argument("--output", "-o", required=True, help="Where to write the PDF.")
        parser.add_argument(
            "--members",
            action="store_true",
            help="The members' pack, with exempt papers marked NOT FOR PUBLICATION.",
        )
        parser.add_argument(
            "--supplementary",
            action="store_true",
            help="A supplementary pack of the papers added since the last pack.",
        )
        parser.add_argument(
            "--dispatch",
            type=dt.date.fromisoformat,
            help="The dispatch date printed on the agenda (default today).",
        )

        parser.add_argument(
            "--reason",
            default="",
            help="Why the pack is rebuilt (needed once the agenda is published; shown publicly).",
        )

    def handle(
        self, *args, meeting_id, output, members, supplementary, dispatch, reason="", **options
    ):
        meeting = Meeting.objects.filter(pk=meeting_id).select_related("body").first()
        if meeting is None:
            raise CommandError(f"There is no meeting with id {meeting_id}.")
        out = Path(output)
        if not out.parent.exists():
            raise CommandError(f"The folder {out.parent} does not exist.")
        try:
            pack = request_pack(
                meeting,
                PackKind.MEMBERS if members else PackKind.PUBLIC,
                supplementary=supplementary,
                dispatch=dispatch,
                reason=reason,
                actor=COMMAND,
                enqueue=False,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        show = bar(sys.stderr) if options["verbosity"] > 0 else None
        pack = run_pack(pack.pk, progress=show, actor=BUILDER)
        if pack.status != PackStatus.BUILT:
            raise CommandError(pack.message)
        out.write_bytes(pack.file.open("rb").read())
        if options["verbosity"] > 0:
            self.stdout.write(
                f"{out}: {pack.page_count} pages, {pack.size / 1024:.0f} KB ({pack.message})"
            )
