"""What happened at a meeting: attendance, interests, motions, votes, minutes and resolutions.
Re-exports every model of the app.

The rules live in ``proceedings.rules`` (called from ``clean`` so every path applies them)
and the changes in the service modules ``attendance``, ``votes``, ``elections``, ``minutes``
and ``approval``.
"""

from .actions import Action, ActionKind, ActionStatus
from .attendance import Attendance, AttendanceStatus
from .declarations import Declaration, InterestNature, NilDeclarations, Participation
from .minutes import Minute, Resolution
from .minutes_record import MinutesRecord, MinutesStatus, MinutesVersion
from .motions import Motion, MotionKind, Office, Outcome
from .procedure import Procedure, QuorumKind
from .votes import Choice, MajorityRule, RecordedVote, Side, Vote, VoteMethod, VoteResult

__all__ = [
    "Action",
    "ActionKind",
    "ActionStatus",
    "Attendance",
    "AttendanceStatus",
    "Choice",
    "Declaration",
    "InterestNature",
    "MajorityRule",
    "Minute",
    "MinutesRecord",
    "MinutesStatus",
    "MinutesVersion",
    "Motion",
    "MotionKind",
    "NilDeclarations",
    "Office",
    "Outcome",
    "Participation",
    "Procedure",
    "QuorumKind",
    "RecordedVote",
    "Resolution",
    "Side",
    "Vote",
    "VoteMethod",
    "VoteResult",
]
