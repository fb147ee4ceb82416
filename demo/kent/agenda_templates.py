"""The bodies' agenda templates: the standard items each front sheet opens and closes with,
worded as the seed packs print them (requirements-from-seeds §1.8, §2.7, §3.1).

Each template is (body name, or None for the default of a kind; the kind; numbering; items),
an item being (position, title, kind, purpose). The exempt part's heading and its motion are
printed by the pack and the public page, so no numbered item stands for them here.
"""

from __future__ import annotations

from council.models import BodyKind
from meetings.models import ItemKind as K
from meetings.models import NumberingStyle, TemplatePosition

from .bodies import COUNCIL, PR, SMS

OPENING, CLOSING = TemplatePosition.OPENING, TemplatePosition.CLOSING
URGENT = (CLOSING, "Other items which the {chair} decides are Urgent", K.URGENT_BUSINESS, "")
APPROVE = "To consider and approve the minutes as a correct record."

TEMPLATES: list[tuple] = [
    (  # 002:42–48
        COUNCIL,
        "",
        NumberingStyle.NUMBERS,
        [
            (OPENING, "Apologies for Absence", K.APOLOGIES, ""),
            (
                OPENING,
                "Declarations of Disclosable Pecuniary Interests or Other Significant "
                "Interests in items on the agenda",
                K.DECLARATIONS,
                "",
            ),
            (
                OPENING,
                "Minutes of the meeting held on {previous_meeting_date} and, if in order, to "
                "be approved as a correct record",
                K.MINUTES,
                "",
            ),
            (OPENING, "{chair}'s Announcements", K.ANNOUNCEMENTS, ""),
            (OPENING, "Questions", K.QUESTIONS, ""),
            (OPENING, "Report by Leader of the Council (Oral)", K.ORAL_REPORT, ""),
        ],
    ),
    (  # 004:47–54
        PR,
        "",
        NumberingStyle.NUMBERS,
        [
            (OPENING, "Introduction/Webcast announcement", K.PROCEDURAL, ""),
            (
                OPENING,
                "Apologies and Substitutes",
                K.APOLOGIES,
                "To receive apologies for absence and notification of any substitutes present",
            ),
            (
                OPENING,
                "Declarations of Interest by Members in items on the Agenda",
                K.DECLARATIONS,
                "To receive any declarations of interest made by Members in relation to any "
                "matter on the agenda. Members are reminded to specify the agenda item number "
                "to which it refers and the nature of the interest being declared.",
            ),
            (OPENING, "Minutes of the meeting held on {previous_meeting_date}", K.MINUTES, APPROVE),
        ],
    ),
    (  # 000:45–57
        SMS,
        "",
        NumberingStyle.NUMBERS,
        [
            (OPENING, "Substitutes", K.APOLOGIES, ""),
            (
                OPENING,
                "Declarations of Interests by Members in items on the Agenda for this meeting.",
                K.DECLARATIONS,
                "",
            ),
            (OPENING, "Minutes - {previous_meeting_date}", K.MINUTES, ""),
            URGENT,
        ],
    ),
    (  # 004:251–261: items coded A3, B1 … C1; minutes 97 and 98 open the meeting
        "Property Sub-Committee",
        "",
        NumberingStyle.SECTIONS,
        [
            (OPENING, "Apologies and Substitutes", K.APOLOGIES, ""),
            (OPENING, "Declarations of interest in items on the agenda", K.DECLARATIONS, ""),
            (OPENING, "Minutes of the meeting held on {previous_meeting_date}", K.MINUTES, ""),
        ],
    ),
    (  # every other committee: the committees' front sheet (000:45–57, 004:48–54)
        None,
        BodyKind.COMMITTEE,
        NumberingStyle.NUMBERS,
        [
            (
                OPENING,
                "Apologies and Substitutes",
                K.APOLOGIES,
                "To receive apologies for absence and notification of any substitutes present",
            ),
            (
                OPENING,
                "Declarations of Interests by Members in items on the Agenda for this meeting.",
                K.DECLARATIONS,
                "",
            ),
            (OPENING, "Minutes of the meeting held on {previous_meeting_date}", K.MINUTES, APPROVE),
            URGENT,
        ],
    ),
]
