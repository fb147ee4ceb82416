"""What happened at a meeting: attendance, interests, motions, votes, minutes and resolutions.

The rules live in ``proceedings.rules`` (called from ``clean`` so every path applies them)
and the changes in the service modules ``attendance``, ``votes`` and ``minutes``.
"""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models


class QuorumKind(models.TextChoices):
    FRACTION = "fraction", "A fraction of the members"
    FIXED = "fixed", "A fixed number of members"
    NONE = "none", "No quorum"


class Procedure(models.Model):
    """A body's own procedure rules where they differ from the statutory default.

    Without a row a body's quorum is one quarter of its members (LGA 1972 Sch 12 para 6).
    """

    # The rules describe the body; they mean nothing once it is gone.
    body = models.OneToOneField("council.Body", on_delete=models.CASCADE, related_name="procedure")
    quorum_kind = models.CharField(
        max_length=10, choices=QuorumKind.choices, default=QuorumKind.FRACTION
    )
    quorum_numerator = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)], help_text="For a fraction: the 1 of 1/4."
    )
    quorum_denominator = models.PositiveSmallIntegerField(
        default=4, validators=[MinValueValidator(1)], help_text="For a fraction: the 4 of 1/4."
    )
    quorum_number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a fixed quorum: members who must be present."
    )
    notes = models.CharField(
        max_length=300, blank=True, help_text='Where the rule comes from, e.g. "HWB rule 6".'
    )

    def __str__(self) -> str:
        return f"Procedure of {self.body}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.quorum_kind == QuorumKind.FIXED and not self.quorum_number:
            raise ValidationError({"quorum_number": "A fixed quorum needs a number of members."})
        if (
            self.quorum_kind == QuorumKind.FRACTION
            and self.quorum_numerator > self.quorum_denominator
        ):
            raise ValidationError("A quorum fraction cannot be more than the whole body.")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present (member or substitute)"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    ALSO_PRESENT = "also_present", "Also present (not a member of the body)"
    IN_ATTENDANCE = "in_attendance", "In attendance (officer)"


class Attendance(models.Model):
    """One person's part in one meeting: present, apologies, absent, also present or officer."""

    # Attendance is part of the meeting's record; it goes with the meeting.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="attendances"
    )
    # The record of who attended must survive attempts to delete the person.
    person = models.ForeignKey("council.Person", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=15, choices=AttendanceStatus.choices)
    in_chair = models.BooleanField(
        default=False, help_text="Presided over the meeting. One person per meeting."
    )
    # The member substituted for is part of the record; protect it like the attendee.
    substitute_for = models.ForeignKey(
        "council.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text='Printed "(Substitute for Mrs M E Crabtree)". Only for someone present.',
    )
    capacity = models.CharField(
        max_length=200,
        blank=True,
        help_text='Officers: the job title in brackets, e.g. "Head of Democratic Services".',
    )
    items = models.ManyToManyField(
        "meetings.AgendaItem",
        blank=True,
        related_name="+",
        help_text="Officers only: leave empty when in attendance for the whole meeting.",
    )
    order = models.PositiveIntegerField(default=0, help_text="Position in the printed list.")

    class Meta:
        ordering = ["meeting", "status", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once"),
            models.UniqueConstraint(
                fields=["meeting"], condition=models.Q(in_chair=True), name="one_chair_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_status_display()}"

    def clean(self) -> None:
        from .rules import check_attendance

        check_attendance(self)


class InterestNature(models.TextChoices):
    DPI = "dpi", "Disclosable pecuniary interest"
    OTHER_SIGNIFICANT = "other_significant", "Other significant interest"
    OTHER = "other", "Other interest"


class Participation(models.TextChoices):
    LEFT_ROOM = "left_room", "Left the room"
    TOOK_NO_PART = "took_no_part", "Stayed but took no part"
    TOOK_PART = "took_part", "Took part"


class Declaration(models.Model):
    """A member's declaration of an interest in an item of business."""

    # Declarations are part of the meeting's record.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="declarations"
    )
    # An item removed from the agenda takes its declarations with it (the item is the subject).
    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="+")
    # A declaration is evidence about the person; keep it.
    person = models.ForeignKey("council.Person", on_delete=models.PROTECT, related_name="+")
    nature = models.CharField(max_length=20, choices=InterestNature.choices)
    text = models.TextField(help_text="The interest as declared, in the minutes' words.")
    participation = models.CharField(max_length=15, choices=Participation.choices)
    dispensation = models.CharField(
        max_length=300,
        blank=True,
        help_text="The dispensation that lets a member with a pecuniary interest take part.",
    )

    class Meta:
        ordering = ["meeting", "item__order", "pk"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_nature_display()} in item {self.item.number}"

    def clean(self) -> None:
        from .rules import check_declaration

        check_declaration(self)


class NilDeclarations(models.Model):
    """The meeting recorded that no interests were declared ("None")."""

    # Part of the meeting's record.
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="nil_declarations"
    )

    class Meta:
        verbose_name = "nil return of declarations"
        verbose_name_plural = "nil returns of declarations"

    def __str__(self) -> str:
        return f"No interests declared at {self.meeting}"

    def clean(self) -> None:
        from .rules import check_nil_declarations

        check_nil_declarations(self)


class MotionKind(models.TextChoices):
    SUBSTANTIVE = "substantive", "Substantive motion"
    AMENDMENT = "amendment", "Amendment"
    PROCEDURAL = "procedural", 'Procedural motion (e.g. "that the question be put")'
    ELECTION = "election", "Election of a chair or vice-chair"


class Office(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"


class Outcome(models.TextChoices):
    PENDING = "", "Not yet decided"
    CARRIED = "carried", "Carried"
    LOST = "lost", "Lost"
    WITHDRAWN = "withdrawn", "Withdrawn"
    WITHOUT_VOTE = "without_vote", "Agreed without a formal vote"
    SUPERSEDED = "superseded", "Superseded by a carried amendment"


class Motion(models.Model):
    """A motion, amendment or procedural motion put to the meeting."""

    # Motions are part of the meeting's record.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="motions"
    )
    # Motions may be moved outside any agenda item (e.g. a motion to exclude the public).
    item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=MotionKind.choices)
    text = models.TextField()
    resulting_text = models.TextField(
        blank=True,
        help_text="Amendments: the motion as it reads if this amendment is carried.",
    )
    # The chair may move a motion without a named mover ("The Chairman moved …").
    mover = models.ForeignKey(
        "council.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    seconder = models.ForeignKey(
        "council.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # An amendment is meaningless without the motion it amends.
    amends = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="amendments"
    )
    # The substantive motion a carried amendment produced; kept if that motion is removed.
    arose_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The carried amendment this substantive motion came from.",
    )
    # Elections: the person proposed for the office. Kept as part of the record.
    nominee = models.ForeignKey(
        "council.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Elections only: the member proposed.",
    )
    office = models.CharField(
        max_length=12, choices=Office.choices, blank=True, help_text="Elections only."
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True, default="")
    order = models.PositiveIntegerField(default=0, help_text="Order in which it was put.")

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def clean(self) -> None:
        from .rules import check_motion

        check_motion(self)


class VoteMethod(models.TextChoices):
    SHOW_OF_HANDS = "show_of_hands", "Show of hands (counts only)"
    RECORDED = "recorded", "Recorded vote (each member named)"


class MajorityRule(models.TextChoices):
    SIMPLE = "simple", "Simple majority of those voting"
    TWO_THIRDS_VOTING = "two_thirds_voting", "Two-thirds of those voting"
    TWO_THIRDS_MEMBERS = "two_thirds_members", "Two-thirds of the whole body's members"


class Side(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"


class VoteResult(models.TextChoices):
    CARRIED = "carried", "Carried"
    LOST = "lost", "Lost"


class Vote(models.Model):
    """The vote on a motion. The result is computed by ``votes.compute_result``, never typed."""

    # A vote exists only as the vote on its motion.
    motion = models.OneToOneField(Motion, on_delete=models.CASCADE, related_name="vote")
    method = models.CharField(max_length=15, choices=VoteMethod.choices)
    majority = models.CharField(
        max_length=20, choices=MajorityRule.choices, default=MajorityRule.SIMPLE
    )
    votes_for = models.PositiveIntegerField("for", default=0)
    votes_against = models.PositiveIntegerField("against", default=0)
    abstentions = models.PositiveIntegerField(default=0)
    members = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Whole number of members, for a two-thirds-of-members rule.",
    )
    casting_vote = models.CharField(
        max_length=7,
        choices=Side.choices,
        blank=True,
        help_text="The chair's second vote, only on an equality of votes.",
    )
    result = models.CharField(max_length=7, choices=VoteResult.choices, editable=False)
    warnings = models.TextField(
        blank=True,
        editable=False,
        help_text="E.g. the meeting was inquorate when the vote was taken.",
    )

    def __str__(self) -> str:
        return f"{self.votes_for}–{self.votes_against}–{self.abstentions}: {self.result}"


class Choice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstain"
    DID_NOT_VOTE = "did_not_vote", "Did not vote"


class RecordedVote(models.Model):
    """How one member voted in a recorded vote."""

    # Part of the vote.
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="choices")
    # How a member voted is part of the public record; keep the person.
    person = models.ForeignKey("council.Person", on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=12, choices=Choice.choices)

    class Meta:
        ordering = ["vote", "choice", "person__surname"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "person"], name="one_recorded_vote_each")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_choice_display()}"


class Minute(models.Model):
    """A numbered minute. Numbers run on through the municipal year per body."""

    # Minutes are the meeting's record.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="minutes"
    )
    # Copied from the meeting so the database itself refuses a second minute with a number.
    body = models.ForeignKey(
        "council.Body", on_delete=models.PROTECT, related_name="+", editable=False
    )
    municipal_year = models.PositiveSmallIntegerField(
        editable=False, help_text="The calendar year in which the municipal year starts."
    )
    number = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    # Some minutes have no item (a motion to exclude); an item removed keeps its minute.
    item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text='Printed "(Item N)". One item may have more than one minute.',
    )
    title = models.CharField(max_length=300)
    text = models.TextField(
        blank=True,
        help_text="The paragraphs of the minute, one per blank-line-separated block; they are "
        "numbered (1), (2) … when there is more than one. Lines starting “(a)” are sub-points.",
    )
    exempt = models.BooleanField(
        default=False,
        help_text="Minuted in closed session: kept out of the public minutes (LGA 1972 s100C).",
    )
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[(n, f"Paragraph {n}") for n in range(1, 8)],
        help_text="Exempt minutes: the paragraph of Schedule 12A.",
    )
    public_summary = models.TextField(
        blank=True,
        help_text="Exempt minutes: a summary for the public record where leaving the minute "
        "out would make the public minutes incoherent (s100C(2)).",
    )
    summary_not_needed = models.BooleanField(
        default=False,
        help_text="Exempt minutes: the public minutes read coherently without a summary.",
    )

    class Meta:
        ordering = ["municipal_year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "municipal_year", "number"], name="minute_number_once_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def clean(self) -> None:
        from .rules import check_minute

        check_minute(self)


class Resolution(models.Model):
    """What was RESOLVED, with lettered parts (a), (b) …"""

    # A resolution is part of its minute.
    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="resolutions")
    # The motion it came from, where there was one; the resolution stands on its own.
    motion = models.ForeignKey(
        Motion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(help_text='The lead-in, e.g. "RESOLVED that:-".')
    parts = models.JSONField(
        default=list, blank=True, help_text="The parts in order; they are lettered (a), (b) …"
    )
    delegated_to = models.CharField(
        max_length=300,
        blank=True,
        help_text='A decision delegated: to whom, e.g. "the Head of Democratic Services".',
    )
    in_consultation_with = models.CharField(
        max_length=300, blank=True, help_text='e.g. "the Leader of the UKIP Group".'
    )

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        from .rules import check_resolution

        check_resolution(self)

    @property
    def lettered_parts(self) -> list[tuple[str, str]]:
        return [(f"({chr(ord('a') + i)})", p) for i, p in enumerate(self.parts)]


class ActionKind(models.TextChoices):
    ACTION = "action", "Action"
    UNDERTAKING = "undertaking", "Undertaking"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    DROPPED = "dropped", "No longer needed"


class Action(models.Model):
    """An action agreed or an undertaking given ("Mr Hotson undertook to provide …").

    Open actions appear on the body's work programme until done.
    """

    # Agreed at the meeting; part of its record.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="actions"
    )
    # The minute that records it, where there is one; the action stands if the minute goes.
    minute = models.ForeignKey(
        Minute, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    kind = models.CharField(max_length=12, choices=ActionKind.choices, default=ActionKind.ACTION)
    text = models.TextField(help_text="What is to be done, in the minutes' words.")
    # Who owes it; a person in the record where possible, kept if they leave.
    owner = models.ForeignKey(
        "council.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner_text = models.CharField(
        max_length=200,
        blank=True,
        help_text='Where the owner is not a person in the record, e.g. "Head of Highways".',
    )
    due = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_on = models.DateField(null=True, blank=True)
    progress = models.TextField(blank=True, help_text="Progress reported to the committee.")

    class Meta:
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def owner_name(self) -> str:
        return str(self.owner) if self.owner_id else self.owner_text

    def clean(self) -> None:
        from .rules import check_action

        check_action(self)


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft (not published)"
    PUBLISHED_DRAFT = "published_draft", "Published as a draft (unconfirmed)"
    APPROVED = "approved", "Approved as a correct record"
    SIGNED = "signed", "Signed by the chair"


class MinutesRecord(models.Model):
    """The state of a meeting's minutes: draft → published as draft → approved → signed.

    Once approved the minutes are immutable; corrections made on approval are a new version
    (``MinutesVersion``) linked to the approving minute.
    """

    # The state belongs to the meeting's minutes.
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="minutes_record"
    )
    status = models.CharField(
        max_length=16, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The minute of the later meeting that approved these minutes; keep the link protected.
    approved_by_minute = models.ForeignKey(
        Minute,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approves",
        editable=False,
    )
    approved_on = models.DateField(null=True, blank=True, editable=False)
    # Who signed is part of the record.
    signed_by = models.ForeignKey(
        "council.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    signed_on = models.DateField(null=True, blank=True, editable=False)

    def __str__(self) -> str:
        return f"Minutes of {self.meeting}: {self.get_status_display()}"

    @property
    def is_public(self) -> bool:
        return self.status != MinutesStatus.DRAFT

    @property
    def is_locked(self) -> bool:
        return self.status in (MinutesStatus.APPROVED, MinutesStatus.SIGNED)


class MinutesVersion(models.Model):
    """An immutable snapshot of the minutes as published, approved (with corrections) or signed."""

    # Versions are the history of the record's minutes.
    record = models.ForeignKey(MinutesRecord, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=MinutesStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.CharField(max_length=150, blank=True)
    public_html = models.TextField(help_text="The public minutes as rendered.")
    exempt_html = models.TextField(blank=True, help_text="The exempt minutes, never public.")
    # A minute made exempt after publication leaves every public version (proceedings/versions.py);
    # the text as first published is kept here for democratic services, never served publicly.
    withheld_public_html = models.TextField(
        blank=True, help_text="The public minutes as first rendered, before a minute in them was "
        "made exempt. Democratic services only.")
    note = models.TextField(blank=True, help_text="e.g. the corrections made on approval.")
    # The minute approving this version, where it is the approved record.
    approving_minute = models.ForeignKey(
        Minute, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["record", "number"]
        constraints = [
            models.UniqueConstraint(fields=["record", "number"], name="minutes_version_once")
        ]

    def __str__(self) -> str:
        return f"Version {self.number} ({self.get_status_display()})"
