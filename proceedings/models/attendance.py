"""Who attended a meeting, and in what part."""

from __future__ import annotations

from django.db import models


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
        from ..rules import check_attendance

        check_attendance(self)
