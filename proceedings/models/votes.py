"""The vote on a motion, and how each member voted in a recorded vote."""

from __future__ import annotations

from django.db import models

from .motions import Motion


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
    """The vote on a motion. The result is computed by ``counts.compute_result``, never typed."""

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
