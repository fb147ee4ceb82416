"""The synthetic council's fixed data: its name, bodies, cabinet portfolios and which officer
posts carry statutory designations. ``bodies`` builds the council from these tables.
"""

from __future__ import annotations

from council.models import BodyKind, StatutoryRole

AUTHORITY_NAME = "Wessex County Council"
CABINET_CATEGORY = "Cabinet and cabinet committees"
K = BodyKind

# (name, kind, category, seats, parent, theme, meetings a year)
BODY_SPECS = [
    ("County Council", K.COUNCIL, "Council", 0, None, "council", 6),
    ("Cabinet", K.CABINET, CABINET_CATEGORY, 9, None, "services", 10),
    (
        "Policy and Resources Cabinet Committee",
        K.CABINET_COMMITTEE,
        CABINET_CATEGORY,
        13,
        None,
        "finance",
        9,
    ),
    (
        "Children's Services Cabinet Committee",
        K.CABINET_COMMITTEE,
        CABINET_CATEGORY,
        13,
        None,
        "services",
        9,
    ),
    (
        "Environment and Transport Cabinet Committee",
        K.CABINET_COMMITTEE,
        CABINET_CATEGORY,
        13,
        None,
        "services",
        9,
    ),
    (
        "Adult Social Care and Health Cabinet Committee",
        K.CABINET_COMMITTEE,
        CABINET_CATEGORY,
        13,
        None,
        "services",
        9,
    ),
    ("Planning Applications Committee", K.COMMITTEE, "Committees", 15, None, "planning", 11),
    ("Regulation Committee", K.COMMITTEE, "Committees", 13, None, "planning", 9),
    ("Governance and Audit Committee", K.COMMITTEE, "Committees", 11, None, "governance", 9),
    ("Standards Committee", K.COMMITTEE, "Committees", 7, None, "governance", 6),
    ("Personnel Committee", K.COMMITTEE, "Committees", 7, None, "people", 9),
    (
        "Selection and Member Services Committee",
        K.COMMITTEE,
        "Committees",
        9,
        None,
        "governance",
        8,
    ),
    ("Pension Fund Committee", K.COMMITTEE, "Committees", 11, None, "finance", 8),
    ("Scrutiny Committee", K.COMMITTEE, "Committees", 13, None, "services", 11),
    (
        "Property Sub-Committee",
        K.SUB_COMMITTEE,
        CABINET_CATEGORY,
        7,
        "Policy and Resources Cabinet Committee",
        "property",
        6,
    ),
    ("Appeals Sub-Committee", K.SUB_COMMITTEE, "Committees", 5, "Personnel Committee", "people", 4),
    (
        "Planning Enforcement Sub-Committee",
        K.SUB_COMMITTEE,
        "Committees",
        5,
        "Planning Applications Committee",
        "planning",
        4,
    ),
    (
        "Select Committee on Home to School Transport",
        K.SELECT_COMMITTEE,
        "Select committees",
        9,
        None,
        "services",
        8,
    ),
    (
        "Select Committee on Rural Broadband",
        K.SELECT_COMMITTEE,
        "Select committees",
        9,
        None,
        "services",
        8,
    ),
    ("Health and Wellbeing Board", K.BOARD, "Boards and working groups", 10, None, "services", 6),
    ("Corporate Parenting Panel", K.PANEL, "Boards and working groups", 9, None, "services", 4),
    (
        "Member Development Steering Group",
        K.WORKING_GROUP,
        "Boards and working groups",
        7,
        None,
        "governance",
        4,
    ),
    (
        "Cross-Party Security Working Group",
        K.WORKING_GROUP,
        "Boards and working groups",
        5,
        None,
        "property",
        3,
    ),
    ("Wessex Fire and Rescue Authority", K.OUTSIDE_BODY, "Outside bodies", 3, None, "", 0),
    ("Police and Crime Panel", K.OUTSIDE_BODY, "Outside bodies", 2, None, "", 0),
    (
        "Local Government Association General Assembly",
        K.OUTSIDE_BODY,
        "Outside bodies",
        1,
        None,
        "",
        0,
    ),
]
PORTFOLIOS = [
    "Finance",
    "Adult Social Care and Public Health",
    "Children, Young People and Education",
    "Highways and Transport",
    "Environment",
    "Economic Development",
    "Communities",
    "Corporate and Democratic Services",
]

DESIGNATED = {
    "chief": [StatutoryRole.HEAD_OF_PAID_SERVICE, StatutoryRole.RETURNING_OFFICER],
    "law": [StatutoryRole.MONITORING_OFFICER, StatutoryRole.SIRO],
    "finance": [StatutoryRole.CHIEF_FINANCE_OFFICER],
    "children": [StatutoryRole.DIRECTOR_CHILDRENS_SERVICES],
    "adults": [StatutoryRole.DIRECTOR_ADULT_SOCIAL_SERVICES],
    "health": [StatutoryRole.DIRECTOR_PUBLIC_HEALTH],
    "democracy": [StatutoryRole.HEAD_OF_DEMOCRATIC_SERVICES],
}
