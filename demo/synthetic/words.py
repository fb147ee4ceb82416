"""Small built-in word lists for the synthetic council (no downloads; deterministic)."""

# (title, weight). Dr is either sex; the rest decide which forename list is used.
TITLES = [("Mr", 46), ("Mrs", 20), ("Ms", 14), ("Miss", 5), ("Dr", 7)]
MALE_TITLES, FEMALE_TITLES = {"Mr"}, {"Mrs", "Ms", "Miss"}

MALE_FORENAMES = """
Adrian Alan Alexander Andrew Anthony Barry Benjamin Brian Charles Christopher Colin Daniel
David Derek Dominic Edward Gareth Geoffrey George Gordon Graham Harry Henry Ian James Jeremy
John Jonathan Keith Kenneth Kevin Leslie Malcolm Mark Martin Matthew Michael Neil Nicholas
Nigel Oliver Patrick Paul Peter Philip Raymond Richard Robert Roger Simon Stephen Stuart
Terence Thomas Timothy Trevor William
""".split()
FEMALE_FORENAMES = """
Alison Amanda Angela Ann Anne Barbara Beverley Carol Caroline Catherine Christine Clare
Deborah Diane Elizabeth Emma Fiona Frances Gillian Hannah Helen Jacqueline Jane Janet Jennifer
Joanna Judith Julia Julie Karen Kate Linda Lorraine Louise Lucy Margaret Mary Michelle Nicola
Pamela Patricia Pauline Rachel Rebecca Rosemary Ruth Sally Sarah Sharon Susan Teresa Valerie
Wendy Zita
""".split()
# Middle initials, weighted towards the common ones by repetition.
MIDDLE_INITIALS = "AAJJJMMMEEDDRRPPCCGHLSTWBFK"

SURNAMES = """
Abbott Adams Allen Atkinson Bailey Baker Baldwin Ball Barker Barnes Barrett Bates Baxter
Bell Bennett Bird Bishop Black Bond Booth Bowles Bradley Brooks Brown Burgess Butler Carey
Carter Chambers Chapman Clark Clarke Cole Collins Cook Cooke Cooper Cox Crabtree Cross Curtis
Dale Davies Dawson Day Dean Dixon Doyle Drake Duncan Edwards Elliott Evans Fisher Fleming
Fletcher Ford Foster Fox Francis Fraser Gardner Gibbs Gibson Gill Gordon Gough Graham Grant
Gray Green Griffiths Hall Hammond Harding Harris Harrison Hart Harvey Hawkins Hayes Heath
Hill Hobbs Holland Holmes Hooper Howard Hughes Hunt Hunter Jackson James Jenkins Johnson
Jones Kelly Kemp Kennedy King Knight Lamb Lane Lawrence Lee Lewis Lloyd Long Lucas Marsh
Marshall Martin Mason Matthews May McDonald McInroy MacDowall Miller Mills Mitchell Moore
Morgan Morris Murphy Murray Newman Nicholson Norris North O'Brien O'Neill Owen Palmer Parker
Parry Payne Pearce Pearson Perry Phillips Porter Powell Price Quinn Rankin Read Reynolds
Richards Riley Roberts Robinson Rogers Rose Russell Ryan Sanders Saunders Scott Sharp Shaw
Simmonds Simpson Smith Smyth Spencer Stevens Stewart Stockell Stone Sutton Sweetland Taylor
Thomas Thompson Thornton Townsend Turner Vaughan Wade Walker Wallace Walsh Ward Warren Watson
Watts Webb Wells West Wheeler White Whittle Wilkinson Williams Wilson Wood Woods Wright Young
""".split()
# (honour, weight); most councillors have none.
HONOURS = [("MBE", 10), ("OBE", 6), ("CBE", 2), ("TD", 1), ("OBE, TD", 1)]

PLACE_STARTS = """
Ash Bar Bark Bel Bex Birch Black Brad Bram Bridge Broad Brook Charl Chart Chil Clay Cold Cray
Dart Dun East Eden Elm Fair Farn Fern Fox Frith Glen Good Hal Ham Hart Hay Hazel High Holl
Hurst Ivy Kings Lang Lea Lyd Mal Marl Mead Mill Mon New North Oak Orp Pad Pen Quin Rad Red
Ridge Rother Sand Sea Sel Shep Shor South Stan Stock Stone Sut Swan Ten Thorn Tun Wal Weald
West Whit Wick Wil Win Wood Wye
""".split()
PLACE_ENDS = """
bourne bridge brook bury by chester combe cot dale den don field ford gate ham hampton hill
hurst ing ington ley low marsh mere minster ness ridge sey stead stoke ton wade well wich
wood worth
""".split()
DIVISION_SUFFIXES = [
    "",
    "",
    "",
    " North",
    " South",
    " East",
    " West",
    " Central",
    " Rural",
    " and Villages",
    " Town",
]

GROUP_NAMES = [
    ("Conservative", "Conservative Group", "Conservative Party"),
    ("Labour", "Labour Group", "Labour Party"),
    ("Liberal Democrat", "Liberal Democrat Group", "Liberal Democrats"),
    ("Green", "Green Group", "Green Party"),
    ("Reform UK", "Reform UK Group", "Reform UK"),
    ("Independents Group", "Independents Group", ""),
    ("Residents' Association", "Residents' Association Group", ""),
]

# Report topics by the kind of business a body deals with.
TOPICS = {
    "finance": [
        "Revenue and Capital Budget Monitoring",
        "Treasury Management Update",
        "Medium Term Financial Plan",
        "Capital Programme",
        "Council Tax Base",
        "Fees and Charges Review",
        "Reserves Policy",
        "Financial Monitoring",
    ],
    "people": [
        "Pay Policy Statement",
        "Workforce Profile",
        "Sickness Absence Report",
        "Apprenticeship Levy Update",
        "Staff Survey Results",
        "Senior Officer Recruitment",
    ],
    "services": [
        "Highways Maintenance Programme",
        "Waste Management Strategy",
        "Home to School Transport",
        "Libraries Modernisation",
        "Adult Social Care Charging",
        "Children in Care Sufficiency Strategy",
        "Public Health Commissioning",
        "Flood Risk Management",
        "Local Transport Plan",
        "Broadband Delivery",
        "Special Educational Needs Provision",
        "Youth Services Review",
        "Country Parks Strategy",
        "Trading Standards Annual Report",
    ],
    "governance": [
        "Annual Governance Statement",
        "Internal Audit Progress Report",
        "External Audit Plan",
        "Risk Management Strategy",
        "Counter-Fraud Report",
        "Constitutional Amendments",
        "Members' Allowances Scheme",
        "Code of Conduct Complaints",
        "Information Governance Update",
        "Corporate Risk Register",
    ],
    "property": [
        "Disposal of Surplus Land",
        "Asset Management Strategy",
        "Property Acquisition",
        "Facilities Management Contract Review",
        "Energy and Carbon Reduction",
    ],
    "planning": [
        "Minerals and Waste Local Plan",
        "Planning Application for a New Primary School",
        "Quarry Extension Application",
        "Enforcement Update",
        "Section 106 Monitoring",
    ],
}
QUALIFIERS = [
    "Annual Report",
    "Update",
    "Review",
    "Consultation Response",
    "Proposed Decision",
    "Performance Report",
    "Bi-annual Review",
    "Progress Report",
    "Outcome of Consultation",
]
PURPOSES = [
    "To consider and note the report.",
    "To consider and endorse the proposed decision of the Cabinet Member.",
    "To receive and note a report showing progress made against targets.",
    "To consider and comment on the proposals.",
    "To consider and agree the recommendations.",
    "To receive an update and make recommendations to the Cabinet Member.",
    "To consider the report and determine the application.",
    "To note the outcome of the consultation and agree next steps.",
]
EXEMPT_PURPOSES = {
    1: "To receive an exempt report concerning an individual.",
    2: "To receive an exempt report likely to reveal the identity of an individual.",
    3: "To receive an exempt report concerning the financial or business affairs of the council.",
    4: "To receive an exempt report concerning labour relations.",
    5: "To receive legal advice subject to legal professional privilege.",
}
MOTION_TOPICS = [
    "Supporting Local High Streets",
    "Tackling Potholes",
    "Protecting Bus Services",
    "Climate Emergency",
    "Fair Funding for Schools",
    "Recruiting and Retaining GPs",
    "Free School Meals",
    "Affordable Housing",
    "Rural Broadband",
    "Youth Mental Health",
]
