"""Kent County Council's authority record, venues, bodies, seats and posts, from the packs.

People are named by their printed formal name (see ``people.py``); officers by their key in
``people.OFFICERS``.
"""

from __future__ import annotations

import datetime as dt

from council.models import BodyKind, Role, StatutoryRole

from .dates import ANNUAL_2017, COMMITTEES_2013, ELECTION_2017, TERM_2013

D = dt.date

AUTHORITY = dict(
    name="Kent County Council",
    short_name="KCC",
    address="Sessions House, County Hall, Maidstone, Kent ME14 1XQ",  # 004:2673
    website="https://democracy.kent.gov.uk",  # 002:646
    contact_name="John Lynch",  # Head of Democratic Services, 000:59–61
    contact_telephone="03000 410466",
    chair_form="Chairman",
)

SESSIONS_HOUSE = dict(
    building="Sessions House", address="County Hall, Maidstone", postcode="ME14 1XQ"
)
VENUES = ["Darent Room", "Council Chamber"]  # 000:9; 002:26; 004:9

COUNCIL = "County Council"
CABINET_CATEGORY = "Cabinet and cabinet committees"

# Bodies in dependency order (a parent before its sub-committee). Seats only where stated.
BODIES: list[dict] = [
    # "the 81 elected Members following the election" (000:279) describes the council elected
    # in May 2017, but the 2013–17 council had more members than that in the packs (84 named),
    # and Body.seats has no dates: recording 81 would make the rules refuse the 2013–17
    # memberships. So the County Council's seats are left "not recorded".
    dict(name=COUNCIL, kind=BodyKind.COUNCIL, category="Council"),
    dict(name="Cabinet", kind=BodyKind.CABINET, category=CABINET_CATEGORY),  # 002:671
    dict(
        name="Policy and Resources Cabinet Committee",
        kind=BodyKind.CABINET_COMMITTEE,
        category=CABINET_CATEGORY,
        seats=15,
        contact="Ann Hunter",
        contact_telephone="03000 416287",
        venue="Council Chamber",  # 004:9, 20–26
        terms_of_reference="<p>To be responsible for those functions that fall within the "
        "Strategic and Corporate Services Directorate</p>",
    ),  # 004:3093
    dict(
        name="Property Sub-Committee",
        kind=BodyKind.SUB_COMMITTEE,
        category=CABINET_CATEGORY,
        parent="Policy and Resources Cabinet Committee",
    ),  # 004:55
    dict(
        name="Selection and Member Services Committee",
        kind=BodyKind.COMMITTEE,
        category="Committees",
        seats=9,
        contact="Andrew Tait",
        contact_telephone="03000 416749",
        venue="Darent Room",
    ),  # 000:9, 23–28
    dict(name="Personnel Committee", kind=BodyKind.COMMITTEE, category="Committees"),  # 002:310
    dict(
        name="Planning Applications Committee", kind=BodyKind.COMMITTEE, category="Committees"
    ),  # 004:257
    dict(
        name="Governance and Audit Committee", kind=BodyKind.COMMITTEE, category="Committees"
    ),  # 004:2417
    dict(
        name="Corporate Parenting Select Committee",
        kind=BodyKind.SELECT_COMMITTEE,
        category="Select committees",
        seats=9,
    ),  # 002:609, 752 "nine members"
    # Spoken of in the past tense in October 2015 ("had gained a lot of knowledge from being a
    # member of the Select Committee on Commissioning", 002:191): shown as no longer active.
    # When it ended is not stated, so expired_on stays blank.
    dict(
        name="Select Committee on Commissioning",
        kind=BodyKind.SELECT_COMMITTEE,
        category="Select committees",
        active=False,
    ),
    dict(
        name="Kent Health and Wellbeing Board",
        kind=BodyKind.BOARD,
        category="Boards and working groups",
    ),  # 002:1093
    dict(
        name="Member Development Steering Group",
        kind=BodyKind.WORKING_GROUP,
        category="Boards and working groups",
    ),  # 000:199
    dict(
        name="Chilmington Green Partnership Working Group",
        kind=BodyKind.OUTSIDE_BODY,
        category="Outside bodies",
    ),  # 000:52, 1022
    dict(
        name="Kent & Medway Civilian Military Partnership Board",
        kind=BodyKind.OUTSIDE_BODY,
        category="Outside bodies",
    ),  # 004:184
    dict(
        name="Kent and Medway Fire and Rescue Authority",
        kind=BodyKind.OUTSIDE_BODY,
        category="Outside bodies",
    ),  # 002:334
]

PR = "Policy and Resources Cabinet Committee"
SMS = "Selection and Member Services Committee"
CPSC = "Corporate Parenting Select Committee"

# Seats: (body, person, role, (start, end), seat's group). Front sheets give the membership as
# at the meeting; each is recorded for the committee year(s) of the council term it falls in.
C, L, LD, U = "Conservative", "Labour", "Liberal Democrat", "UKIP"
# P&R from the annual meeting of 25 May 2017 (after the 4 May 2017 election), as at 15 Sept
# 2017 (004:26–35). Mr Marsh is elected Vice-Chairman on 16 June 2017 (minute 4, 004:116–122);
# he was present without a role that day, so until then he is a member.
PR_2017 = (ANNUAL_2017, None)
SEATS: list[tuple] = [
    (PR, "Mr B J Sweetland", Role.CHAIRMAN, PR_2017, C),
    (PR, "Mr R A Marsh", Role.MEMBER, (ANNUAL_2017, D(2017, 6, 15)), C),
    (PR, "Mr R A Marsh", Role.VICE_CHAIRMAN, (D(2017, 6, 16), None), C),
    *[
        (PR, name, Role.MEMBER, PR_2017, C)
        for name in [
            "Mr P V Barrington-King",
            "Mr T Bond",
            "Mr N J D Chard",
            "Mrs P T Cole",
            "Mrs M E Crabtree",
            "Mr P W A Lake",
            "Mr J P McInroy",
            "Miss C Rankin",
            "Mr H Rayner",
            "Mr I Thomas",
        ]
    ],
    (PR, "Mr R H Bird", Role.MEMBER, PR_2017, LD),
    (PR, "Mrs T Dean, MBE", Role.MEMBER, PR_2017, LD),
    (PR, "Ms K Constantine", Role.MEMBER, PR_2017, L),
    # S&MS as at 1 March 2017 (000:28–33); the same chairman and members sat on 27 Sept 2016
    # (000:71). Recorded from the 2013 annual meeting to the end of the term (inference).
    (SMS, "Mrs A D Allen, MBE", Role.CHAIRMAN, COMMITTEES_2013, C),
    *[
        (SMS, name, Role.MEMBER, COMMITTEES_2013, C)
        for name in ["Mr P B Carter, CBE", "Mr G Cooke", "Mr M C Dance", "Mr B J Sweetland"]
    ],
    (SMS, "Mr R A Latchford, OBE", Role.MEMBER, COMMITTEES_2013, U),
    (SMS, "Mr B E MacDowall", Role.MEMBER, COMMITTEES_2013, U),
    (SMS, "Ms A Harrison", Role.MEMBER, COMMITTEES_2013, L),
    (SMS, "Mrs T Dean, MBE", Role.MEMBER, COMMITTEES_2013, LD),
    # Property Sub-Committee, 21 March 2017: the six present and Mr Ridings, who sent
    # apologies (004:247, 253). The pack gives no groups for these seats.
    ("Property Sub-Committee", "Mr A J King, MBE", Role.CHAIRMAN, COMMITTEES_2013, None),
    *[
        ("Property Sub-Committee", name, Role.MEMBER, COMMITTEES_2013, None)
        for name in [
            "Mr N J D Chard",
            "Mrs T Dean, MBE",
            "Mr C P D Hoare",
            "Mr D Smyth",
            "Mrs P A V Stockell",
            "Mr L B Ridings, MBE",
        ]
    ],
    # Corporate Parenting Select Committee (002:752–817): "established in February 2015"
    # with terms of reference agreed on 3 February 2015 (002:633, 638), so seats from that date
    # (inference) to the end of the term; chaired by Mrs Wiltshire.
    (CPSC, "Mrs Z Wiltshire", Role.CHAIRMAN, (D(2015, 2, 3), TERM_2013[1]), U),
    *[
        (CPSC, name, Role.MEMBER, (D(2015, 2, 3), TERM_2013[1]), group)
        for name, group in [
            ("Mr R E Brookbank", C),
            ("Ms Jane Cribbon", L),
            ("Mr George Koowaree", LD),
            ("Mr B Neaves", U),
            ("Mr M J Northey", C),
            ("Mr R J Parry", C),
            ("Mrs P A V Stockell", C),
            ("Mrs J Whittle", C),
        ]
    ],
    # S&MS was invited on 1 March 2017 to appoint Mr Simkin(s) "for the remainder of the
    # Council's term" (000:1072): to the day before the 2017 election.
    (
        "Chilmington Green Partnership Working Group",
        "Mr C Simkins",
        Role.REPRESENTATIVE,
        (D(2017, 3, 1), TERM_2013[1]),
        None,
    ),
]

# The County Council's chairman and vice-chairman for 2015/16 (002:81–83); as members of the
# council before and after that municipal year.
COUNCIL_CHAIRS_2015 = {"Mr M J Harrison": Role.CHAIRMAN, "Mr T Gates": Role.VICE_CHAIRMAN}

# Posts: title → kind. Holdings: (post, person, start, end); dates are the packs' evidence,
# with inferences marked.
POSTS = {
    "Head of Democratic Services": "officer",
    "Director of Governance and Law": "officer",
    "Corporate Director Strategic & Corporate Services": "officer",
    "General Counsel": "officer",
    "Cabinet Member for Corporate and Democratic Services": "portfolio",
    "Leader of the Council": "portfolio",
}
# Peter Sass signs as Head of Democratic Services in 2015 (002:87; 002 summons of 2 Dec 2015)
# and John Lynch by February 2017 (000:59–61). The handover is not stated: it is placed at the
# start of the 2016/17 financial year (inference).
SASS_TO_LYNCH = D(2016, 4, 1)
HOLDINGS: list[tuple] = [
    ("Head of Democratic Services", "Peter Sass", D(2015, 10, 22), SASS_TO_LYNCH - dt.timedelta(1)),
    ("Head of Democratic Services", "John Lynch", SASS_TO_LYNCH, None),
    # First seen in the packs on 22 October 2015 (002:87); earlier or later dates unstated.
    ("Director of Governance and Law", "Geoff Wild", D(2015, 10, 22), None),
    ("Corporate Director Strategic & Corporate Services", "David Cockburn", D(2015, 10, 22), None),
    # "Interim General Counsel" on 27 Sept 2016 (000:73), "General Counsel" by 2017 (000:687);
    # "upon appointment in 2016" (004:3057).
    ("General Counsel", "Ben Watts", D(2016, 9, 27), None),
    # Gary Cooke reports to Council in this portfolio for 10 Dec 2015 (002:300) and still holds
    # it on 21 March 2017 (004:271); Eric Hotson holds it by 16 June 2017 (004:205). The
    # change is put at the 2017 election / annual meeting (inference).
    (
        "Cabinet Member for Corporate and Democratic Services",
        "Mr G Cooke",
        D(2015, 12, 10),
        ELECTION_2017 - dt.timedelta(1),
    ),
    ("Cabinet Member for Corporate and Democratic Services", "Mr E E C Hotson", ANNUAL_2017, None),
    ("Leader of the Council", "Mr P B Carter, CBE", D(2015, 10, 22), None),  # 002:169–229, 1598
]
DESIGNATIONS: list[tuple] = [
    (
        StatutoryRole.HEAD_OF_DEMOCRATIC_SERVICES,
        "Peter Sass",
        D(2015, 10, 22),
        SASS_TO_LYNCH - dt.timedelta(1),
    ),
    (StatutoryRole.HEAD_OF_DEMOCRATIC_SERVICES, "John Lynch", SASS_TO_LYNCH, None),
    # "David Cockburn – Head of Paid Service" (002:567, report to Council of 10 Dec 2015),
    # still so in September 2017 (004:1069).
    (StatutoryRole.HEAD_OF_PAID_SERVICE, "David Cockburn", D(2015, 12, 10), None),
    # "Ben Watts is Kent County Council's SIRO" (004:3032), in the pack dispatched 7 Sept 2017.
    (StatutoryRole.SIRO, "Ben Watts", D(2017, 9, 7), None),
]
