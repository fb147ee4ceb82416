"""Kent County Council's people, as the seed packs print them.

References are ``pack:line``: 000 is the S&MS pack of 1 March 2017, 002 the County Council
summons of 10 December 2015, 004 the P&R Cabinet Committee pack of 15 September 2017.

Lists are kept verbatim and split with ``split_list`` so titles, initials and honours are
exactly as printed. Forenames, divisions and groups are recorded only where a pack states
them; anything else is left blank ("not recorded"), never guessed.
"""

from __future__ import annotations

from council.names import HONOURS

# County Council, 22 October 2015, PRESENT (002:79–85).
CHAIRMAN_2015 = "Mr M J Harrison"
VICE_CHAIRMAN_2015 = "Mr T Gates"
PRESENT_2015 = (
    "Mrs A D Allen, MBE, Mr M J Angell, Mr M A C Balfour, Mr R H Bird, Mr H Birkby, "
    "Mr N J Bond, Mr A H T Bowles, Mr D L Brazier, Mr R E Brookbank, Mr L Burgess, "
    "Mr C W Caller, Miss S J Carey, Mr P B Carter, CBE, Mr N J D Chard, Mr B E Clark, "
    "Mrs P T Cole, Mr G Cooke, Mr G Cowan, Mrs M E Crabtree, Mr A D Crowther, Mr D S Daley, "
    "Mr M C Dance, Mr J A Davies, Mrs T Dean, MBE, Dr M R Eddy, Mr J Elenor, Mrs M Elenor, "
    "Mr G K Gibbens, Mr R W Gough, Mr P M Harman, Ms A Harrison, Mr M Heale, Mr P M Hill, OBE, "
    "Mr C P D Hoare, Mrs S V Hohler, Mr S Holden, Mr P J Homewood, Mr E E C Hotson, "
    "Mrs S Howes, Mr J A Kite, MBE, Mr R L H Long, TD, Mr G Lymer, Mr T A Maddison, "
    "Mr S C Manion, Mr R A Marsh, Mr F McKenna, Mr B Neaves, Mr M J Northey, Mr P J Oakford, "
    "Mr J M Ozog, Mr R J Parry, Mr C R Pearman, Mr L B Ridings, MBE, Mrs E D Rowbotham, "
    "Mr J E Scholes, Mr W Scobie, Mr T L Shonk, Mr C Simkins, Mr J D Simmonds, MBE, "
    "Mr C P Smith, Mr D Smyth, Mrs P A V Stockell, Mr B J Sweetland, Mr A Terry, "
    "Mr N S Thandi, Mr M J Vye, Mrs C J Waters, Mr J N Wedgbury, Mrs J Whittle, "
    "Mr M E Whybrow, Mr M A Wickham and Mrs Z Wiltshire"
)

# Apologies on 22 October 2015, surnames only (002:93). Where another list in the packs
# gives the fuller form, that is used; otherwise the person is recorded as printed here.
APOLOGIES_2015 = (
    "Mr Baldock, Mrs Brivio, Mr Chittenden, Mrs Dagger, Mr King, Mr Koowaree, Mr Latchford, "
    "Mr MacDowall and Mr Truelove"
)
APOLOGY_FULL_FORMS = {
    "Mr King": "Mr A J King, MBE",  # Property Sub-Committee, 21 March 2017 (004:247)
    "Mr Latchford": "Mr R A Latchford, OBE",  # S&MS membership (000:31)
    "Mr MacDowall": "Mr B E MacDowall",  # S&MS membership (000:31)
    "Mr Koowaree": "Mr George Koowaree",  # Corporate Parenting Select Committee (002:769)
}

# A councillor of the 2013–17 council named in the packs but in neither 2015 list:
# a member of the Corporate Parenting Select Committee (002:762).
OTHER_COUNCILLORS_2013 = ["Ms Jane Cribbon"]

# Councillors first seen after the 2017 election: P&R Cabinet Committee membership (004:26–35).
NEW_COUNCILLORS_2017 = [
    "Mr P V Barrington-King",
    "Mr T Bond",
    "Mr P W A Lake",
    "Mr J P McInroy",
    "Miss C Rankin",
    "Mr H Rayner",
    "Mr I Thomas",
    "Ms K Constantine",
]

# A former member: "Mr Whelan was the former Conservative Member for Margate East from
# 1989-1993 and 2001-2005" (002:135); he died on 15 August 2015 (002:131).
FORMER_MEMBER = "Mr William Whelan"

# Councillors the packs show sitting after the 4 May 2017 election: the P&R membership
# (004:26–35), the substitutes and ALSO PRESENT at P&R on 16 June 2017 (004:96–98), and
# Cabinet Members writing reports to the 15 September 2017 meeting (004:348–350, 671).
SITTING_2017 = [
    "Mr B J Sweetland",
    "Mr R A Marsh",
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
    "Mr R H Bird",
    "Mrs T Dean, MBE",
    "Ms K Constantine",
    "Mr G Cooke",
    "Mr P J Homewood",
    "Miss S J Carey",
    "Mr E E C Hotson",
    "Mr J D Simmonds, MBE",
    "Mr P J Oakford",
]

# Forenames a pack states with the surname spelt as recorded (keyed by the printed formal name).
FORENAMES = {
    "Mr R E Brookbank": "Robert",  # 002:756 "Mr Robert Brookbank"
    "Mr B Neaves": "Bob",  # 002:776 "Mr Bob Neaves"
    "Mr M J Northey": "Michael",  # 002:783
    "Mr R J Parry": "Richard",  # 002:790
    "Mrs P A V Stockell": "Paulina",  # 002:797; 004:257
    "Mrs J Whittle": "Jenny",  # 002:805
    "Mrs Z Wiltshire": "Zita",  # 002:812 "Mrs Zita Wiltshire, Chair"
    "Mr L B Ridings, MBE": "Leyland",  # 004:253 "Mr Leyland Ridings"
    "Mr N J D Chard": "Nick",  # 004:257 "Mr Nick Chard"
    "Mr G Cooke": "Gary",  # 000:104 "Gary Cooke, Cabinet Member …"
    "Mr M C Dance": "Mark",  # 000:1016 "Mark Dance, Cabinet Member for Economic Development"
    "Mr A H T Bowles": "Andrew",  # 000:199 "Andrew Bowles, Chairman of the MDSG"
    "Mr P B Carter, CBE": "Paul",  # 002:566, 1598 "Paul Carter, Leader of the Council"
    "Mr P J Oakford": "Peter",  # 002:604 "Peter Oakford, Cabinet Member …"
    "Mr R W Gough": "Roger",  # 002:1081, 1162 "Cllr Roger Gough"
    "Mr E E C Hotson": "Eric",  # 004:348 "Eric Hotson, Cabinet Member …"
    "Mr J D Simmonds, MBE": "John",  # 004:349
    "Miss S J Carey": "Susan",  # 004:350
}

# Divisions stated in the Corporate Parenting Select Committee's member list (002:756–817),
# for the 2013–17 term.
DIVISIONS_2013 = {
    "Mr R E Brookbank": "Swanley",
    "Ms Jane Cribbon": "Gravesham East",
    "Mr George Koowaree": "Ashford East",
    "Mr B Neaves": "Folkestone South",
    "Mr M J Northey": "Canterbury South East",
    "Mr R J Parry": "Sevenoaks West",
    "Mrs P A V Stockell": "Maidstone Rural West",
    "Mrs J Whittle": "Maidstone Rural East",
    "Mrs Z Wiltshire": "Broadstairs and Sir Moses Montefiore",
}

# Political groups a pack states for the 2013–17 council: the S&MS front sheet (000:30–33),
# the select committee's member list (002:756–817) and the group leaders (002:185–211).
# Mr Elenor "changed political status" (002:105) to something unstated: nothing is recorded.
GROUPS_2013 = {
    "Mrs A D Allen, MBE": "Conservative",
    "Mr P B Carter, CBE": "Conservative",
    "Mr G Cooke": "Conservative",
    "Mr M C Dance": "Conservative",
    "Mr B J Sweetland": "Conservative",
    "Mr R A Latchford, OBE": "UKIP",
    "Mr B E MacDowall": "UKIP",
    "Ms A Harrison": "Labour",
    "Mrs T Dean, MBE": "Liberal Democrat",
    "Mr R E Brookbank": "Conservative",
    "Ms Jane Cribbon": "Labour",
    "Mr George Koowaree": "Liberal Democrat",
    "Mr B Neaves": "UKIP",
    "Mr M J Northey": "Conservative",
    "Mr R J Parry": "Conservative",
    "Mrs P A V Stockell": "Conservative",
    "Mrs J Whittle": "Conservative",
    "Mrs Z Wiltshire": "UKIP",
    "Mr G Cowan": "Labour",  # "Leader of the Labour Group" (002:193)
    "Mr M E Whybrow": "Independents Group",  # "Leader of the Independents Group" (002:211)
    "Mr H Birkby": "UKIP",  # "the Deputy Leader of the UKIP Group" (002:185)
}

# The P&R Cabinet Committee front sheet of 15 September 2017 (004:26–35), for the 2017 council.
GROUPS_2017 = {
    **{
        name: "Conservative"
        for name in [
            "Mr B J Sweetland",
            "Mr R A Marsh",
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
    },
    "Mr R H Bird": "Liberal Democrat",
    "Mrs T Dean, MBE": "Liberal Democrat",
    "Ms K Constantine": "Labour",
    # The substitutes at P&R on 16 June 2017: "Mr Homewood and Mr Cooke attended as
    # substitutes for Mr Chard and Mrs Crabtree respectively" (004:96, 114), both Conservative
    # members. A committee seat is allocated to a political group and filled as the group
    # wishes (../shared/docs/statutory-rules.md §8.6), so a substitute sits for the member's
    # group (inference). Mr Cooke is Conservative on the S&MS front sheet too (000:30).
    "Mr G Cooke": "Conservative",
    "Mr P J Homewood": "Conservative",
}
# The other councillors the packs show sitting in 2017 are Cabinet Members (Miss S J Carey,
# Mr E E C Hotson, Mr J D Simmonds, Mr P J Oakford; 004:98, 348–350, 671): no pack states
# their group, and a Cabinet Member need not be of the Leader's, so none is recorded.
# No pack states the division of any councillor of the 2017 council either.

# Political groups as the front sheets print them; group names where a pack uses them.
GROUPS = [
    {"name": "Conservative", "party_name": "Conservative Party"},  # 002:752
    {"name": "UKIP", "group_name": "UKIP Group", "party_name": "UK Independence Party"},
    {"name": "Labour", "group_name": "Labour Group", "party_name": "Labour Party"},
    {"name": "Liberal Democrat", "group_name": "Liberal Democrat Group"},
    {"name": "Independents Group", "group_name": "Independents Group"},
]
GROUP_LEADERS = {  # (leader, deputy leader)
    "UKIP": ("Mr R A Latchford, OBE", "Mr H Birkby"),  # 002:113 (Leader of the UKIP Group), 185
    "Labour": ("Mr G Cowan", None),  # 002:193
    "Liberal Democrat": ("Mrs T Dean, MBE", None),  # 002:203
    "Independents Group": ("Mr M E Whybrow", None),  # 002:211
}

# Other written forms of names (requirements-from-seeds §1.3): (person, form, kind, source).
NAME_FORMS = [
    ("Mr R A Marsh", "Mr A Marsh", "short", "004:120; vote lists 002:261"),
    ("Mr P M Hill, OBE", "Mr M Hill", "short", "vote lists 002:261"),
    ("Mr M A Wickham", "Mr A Wickham", "short", "vote lists 002:261"),
    ("Mrs S Howes", "Ms S Howes", "short", "vote lists 002:261, 002:279"),
    ("Mr L B Ridings, MBE", "Mr Leyland Ridings", "informal", "004:253"),
    ("Mr N J D Chard", "Mr Nick Chard", "informal", "004:257"),
    ("Mrs P A V Stockell", "Mrs Paulina Stockell", "informal", "004:257; 002:797"),
    ("Mrs P A V Stockell", "Mrs Pauline Stockell", "variant", "002:637"),
    ("Mrs Z Wiltshire", "Mrs Zita Wilshire", "variant", "002:637"),
    ("Mr B Neaves", "Mr Bob Neeves", "variant", "002:637"),
    ("Mr C Simkins", "Mr Charlie Simkin", "variant", "000:1062, 1072"),
]

# Officers, with forenames as the text gives them and title/initials where a list prints them
# ("Mr B Watts" 000:73; "Mrs A Beer" … 004:100). Keys are how the demo refers to them.
OFFICERS = {
    "John Lynch": dict(
        forenames="John", surname="Lynch", telephone="03000 410466", email="John.lynch@kent.gov.uk"
    ),  # 000:59–61; 004:3122–3126
    "Peter Sass": dict(title="Mr", forenames="Peter", surname="Sass"),  # 002:87, 133 "Mr Sass"
    "Andrew Tait": dict(
        title="Mr", initials="A", forenames="Andrew", surname="Tait", telephone="03000 416749"
    ),  # 000:23–24, 73
    "Ann Hunter": dict(
        forenames="Ann", surname="Hunter", telephone="03000 416287", email="ann.hunter@kent.gov.uk"
    ),  # 004:20–21, 3116–3119
    "David Cockburn": dict(title="Mr", initials="D", forenames="David", surname="Cockburn"),
    "Geoff Wild": dict(forenames="Geoff", surname="Wild"),  # 002:87
    "Ben Watts": dict(
        title="Mr",
        initials="B",
        forenames="Ben",
        surname="Watts",
        telephone="03000 416814",
        email="benjamin.watts@kent.gov.uk",
    ),  # 000:752
    "Paul Wickenden": dict(
        title="Mr", initials="P D", forenames="Paul", surname="Wickenden", telephone="03000 418967"
    ),  # 000:73, 195–196
    "J Pearson": dict(title="Mr", initials="J", surname="Pearson"),  # 000:73
    "Amanda Beer": dict(title="Mrs", initials="A", forenames="Amanda", surname="Beer"),
    "Rebecca Spore": dict(title="Mrs", initials="R", forenames="Rebecca", surname="Spore"),
    "Debra Exall": dict(title="Ms", initials="D", forenames="Debra", surname="Exall"),
    "D Fitch": dict(title="Ms", initials="D", surname="Fitch"),
    "Richard Fitzgerald": dict(title="Mr", initials="R", forenames="Richard", surname="Fitzgerald"),
    "Michael Lloyd": dict(title="Mr", initials="M", forenames="Michael", surname="Lloyd"),
    "Karen Ripley": dict(title="Ms", initials="K", forenames="Karen", surname="Ripley"),
    "Mark Scott": dict(title="Mr", initials="M", forenames="Mark", surname="Scott"),
    "E West": dict(title="Miss", initials="E", surname="West"),
    "Andy Wood": dict(title="Mr", initials="A", forenames="Andy", surname="Wood"),
    "Andrew Ireland": dict(forenames="Andrew", surname="Ireland"),  # 002:605
}


def split_list(text: str) -> list[str]:
    """Names in a printed list: "A, MBE, B and C" → ["A, MBE", "B", "C"].

    Honours follow a comma, so a piece that is only honours belongs to the name before it.
    """

    head, _, last = text.rpartition(" and ")
    pieces = [p.strip() for p in (head.split(",") if head else [])] + [last.strip()]
    names: list[str] = []
    for piece in pieces:
        if names and piece and all(word in HONOURS for word in piece.split()):
            names[-1] = f"{names[-1]}, {piece}"
        elif piece:
            names.append(piece)
    return names
