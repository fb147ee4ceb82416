"""Papers of the Policy and Resources Cabinet Committee, 15 September 2017 (pack 004).

Item 14 (exempt) is "Document is Restricted" in the seed (004:3142): its paper is written for
the demo (``company_governance``) and says so in its text.
"""

from __future__ import annotations

import datetime as dt

from .company_governance import COMPANY_GOVERNANCE
from .spec import NONE, NOT_STATED, Agenda, Contact, Header, Paper, Step, appendix, minutes

D = dt.date
PR = "Policy and Resources Cabinet Committee"
HOTSON = ("Eric Hotson", "Cabinet Member for Corporate and Democratic Services")
SIMMONDS = ("John Simmonds", "Cabinet Member for Finance")
CAREY = ("Susan Carey", "Cabinet Member for Customers, Communications and Performance")
WHITTLE = "David Whittle"

DASHBOARD = Paper(
    "Strategic and Corporate Services Performance Dashboard",
    "004-06-dashboard",
    (348, 404),
    ((367, 385),),
    header=Header(
        signers=(
            HOTSON,
            SIMMONDS,
            CAREY,
            ("David Cockburn", "Corporate Director for Strategic and Corporate Services"),
        ),
        to=PR,
        summary="The Strategic and Corporate Services Performance Dashboard shows progress made "
        "against targets set for Key Performance Indicators.",
        recommendations=(("NOTE", "the report."),),
        background="The Strategic and Corporate Services Directorate Business Plan\n"
        "http://www.kent.gov.uk/about-the-council/strategies-and-policies/"
        "corporate-policies/business-plans",
        author=Contact(
            "Richard Fitzgerald",
            "Business Intelligence Manager - Performance, "
            "Strategic Business Development and Intelligence",
            "03000 416091",
            "Richard.Fitzgerald@kent.gov.uk",
        ),
        director=Contact(
            "Vincent Godfrey",
            "Director of Strategic Commissioning",
            "03000 421995",
            "Vincent.Godfrey@kent.gov.uk",
        ),
    ),
    appendices=(
        appendix(
            "Appendix 1",
            "Strategic and Corporate Services Performance Dashboard",
            "004-06-dashboard-appendix-1",
            (406, 668),
        ),
    ),
)

FINANCIAL_MONITORING = Paper(
    "Financial Monitoring 2017-18",
    "004-07-financial-monitoring",
    (670, 772),
    ((690, 758),),
    header=Header(
        signers=(
            SIMMONDS,
            (
                "Peter Oakford",
                "Deputy Leader & Cabinet Member for Strategic Commissioning & Public Health",
            ),
            ("Eric Hotson", "Cabinet Member for Corporate & Democratic Services"),
            CAREY,
            ("David Cockburn", "Corporate Director for Strategic & Corporate Services"),
        ),
        to=PR,
        summary="The Policy & Resources Cabinet Committee is asked to note the July 2017-18 "
        "budget monitoring position which will be dispatched to Cabinet on 15 September "
        "2017.",
        recommendations=(
            (
                "note",
                "the revenue and capital forecast variances from the budget "
                "for 2017-18 that are in the remit of this Cabinet Committee, "
                "based on the July monitoring to Cabinet.",
            ),
        ),
        # The report ends with its contact details (004:760–772) and states no background
        # documents.
        background=NOT_STATED,
        author=Contact(
            "Jackie Hansen",
            "Strategic & Corporate Services Directorate Finance Business Partner",
            "03000 416198",
            "jackie.hansen@kent.gov.uk",
        ),
        director=Contact(
            "David Cockburn",
            "Corporate Director Strategic & Corporate Services",
            "03000 410001",
            "david.cockburn@kent.gov.uk",
        ),
    ),
)

CONTRACT_MANAGEMENT = Paper(
    "Contract Management",
    "004-08-contract-management",
    (776, 876),
    ((794, 858),),
    header=Header(
        signers=(
            (
                "Peter Oakford",
                "Deputy Leader and Cabinet Member for Strategic Commissioning & Public Health",
            ),
            SIMMONDS,
            ("David Cockburn", "Corporate Director for Strategic and Corporate Services"),
        ),
        to=PR,
        summary="A sub-group of the Budget and Programme Delivery Board chaired by the Cabinet "
        "Member for Finance started a programme of contract management reviews in the "
        "2016/17 financial year. The programme of reviews will resume in September for "
        "the 2017/18 financial year. This report sets out how the programme is conducted "
        "along with some high level findings.",
        recommendations=(
            (
                "NOTE",
                "the report and that a further progress report will be submitted in six months.",
            ),
        ),
        background="National Audit Office good practice contract management framework\n"
        "https://www.nao.org.uk/report/good-practice-contract-management-framework-2-2/",
        author=Contact(
            "Emma Mitchell",
            "Director, Strategic Business Development and Intelligence",
            "03000 421995",
            "Emma.Mitchell@kent.gov.uk",
        ),
        director=Contact(
            "Vincent Godfrey",
            "Strategic Commissioner",
            "03000 421995",
            "Vincent.Godfrey@kent.gov.uk",
        ),
    ),
    # "a contract management maturity assessment template for its reviews (Appendix 1
    # refers)" (004:821), with its description of the maturity levels (004:1009–1066).
    appendices=(
        appendix(
            "Appendix 1",
            "Contract management maturity report",
            "004-08-contract-management-appendix-1",
            (878, 1066),
        ),
    ),
)

CORPORATE_ASSURANCE = Paper(
    "Corporate Assurance Analysis Bi-Annual Report",
    "004-09-corporate-assurance",
    (1068, 1164),
    ((1086, 1154),),
    header=Header(
        signers=(
            HOTSON,
            (
                "David Cockburn",
                "Corporate Director, Strategic and Corporate Services and Head of Paid Service",
            ),
        ),
        to=PR,
        summary="This report outlines the key findings from Corporate Assurance on major change "
        "projects and programmes in the period March 2017 to August 2017.",
        recommendations=(
            ("Note", "the Corporate Assurance analysis bi-annual report."),
            ("Consider", "the frequency and type of report required for future updates."),
        ),
        background=NOT_STATED,  # appendices, author and director only (004:1152–1164)
        author=Contact(
            "Mark Scrivener",
            "Corporate Risk & Assurance Manager",
            "03000 416660",
            "mark.scrivener@kent.gov.uk",
        ),
        director=Contact(
            WHITTLE,
            "Director Strategy, Policy, Relationships and Corporate Assurance",
            "03000 416833",
            "david.whittle@kent.gov.uk",
        ),
    ),
    appendices=(
        appendix(
            "Appendix 1",
            "Corporate Assurance Bi-annual Report",
            "004-09-corporate-assurance-appendix-1",
            (1166, 1843),
        ),
    ),
)

POLICY_FRAMEWORK = Paper(
    "Policy Framework – Strategies and policies for close down",
    "004-10-policy-framework",
    (1847, 2022),
    ((1869, 2008),),
    header=Header(
        signers=(
            HOTSON,
            (
                "David Cockburn",
                "Corporate Director Strategic and Corporate Services and Head of Paid Service",
            ),
        ),
        to=PR,
        pathway=(
            Step("past", "Corporate Management Team", D(2017, 6, 27)),
            Step("future", PR, note="regular updates TBC"),
        ),
        summary="Following approval of a new approach for managing the Policy Framework, a "
        "number of appropriate KCC strategies and policies have been agreed for close "
        "down by Cabinet Members.",
        recommendations=(
            (
                "Endorse",
                "the strategies and policies that have been agreed for "
                "close down as set out in Tables 1 and 2;",
            ),
            (
                "Agree",
                "how frequently the Committee will receive an update on the "
                "Strategy and Policy Register, with a suggested initial "
                "frequency of six months.",
            ),
        ),
        background="Strategy/Policy Front Sheets",
        author=Contact(
            "Liz Sanderson",
            "Strategic Business Adviser (Corporate), Strategy, "
            "Policy, Relationships and Corporate Assurance",
            "03000 416643",
            "elizabeth.sanderson@kent.gov.uk",
        ),
        director=Contact(
            WHITTLE,
            "Director, Strategy, Policy, Relationships and Corporate Assurance",
            "03000 416833",
            "david.whittle@kent.gov.uk",
        ),
    ),
    appendices=(
        appendix(
            "Appendix A",
            "Strategy and Policy Register",
            "004-10-policy-framework-appendix-a",
            (2024, 2225),
            ((2026, 2225),),
        ),
        appendix(
            "Appendix B",
            "Draft Control Framework for Strategy and Policy",
            "004-10-policy-framework-appendix-b",
            (2226, 2323),
            ((2228, 2323),),
        ),
    ),
)

CUSTOMER_FEEDBACK = Paper(
    "Customer Feedback Policy",
    "004-11-customer-feedback",
    (2327, 2379),
    ((2342, 2367),),
    header=Header(
        signers=(
            ("Susan Carey", CAREY[1]),
            (
                "Amanda Beer",
                "Corporate Director for Engagement Organisation Design and Development",
            ),
        ),
        to=PR,  # printed informally: "To: Policy and Resources Committee" (004:2330)
        date=D(2017, 9, 15),
        summary="This report accompanies the proposed updated Customer Feedback Policy. The "
        "updated Policy takes into account new ways in which the public chooses to "
        "contact us and includes exceptions to the corporate procedure.",
        recommendations=(
            (
                "consider and endorse",
                "the revised version of the Policy and support its implementation within KCC.",
            ),
        ),
        background="Customer Service Policy – September 2015 – Policy and Resources Committee",
        author=Contact(
            "Pascale Blackburn-Clarke",
            "Engagement and Consultation Delivery Manager",
            "03000 417025",
            "pascale.blackburn-clarke@kent.gov.uk",
        ),
    ),
    appendices=(
        appendix(
            "Appendix A",
            "Revised Customer Feedback Policy",
            "004-11-customer-feedback-appendix-a",
            (2381, 2744),
        ),
        appendix(
            "Appendix B",
            "Equalities Impact Assessment",
            "004-11-customer-feedback-appendix-b",
            (2748, 3017),
        ),
    ),
)

SIRO = Paper(
    "SENIOR INFORMATION RISK OWNER UPDATE",
    "004-12-siro-update",
    (3019, 3066),
    ((3030, 3066),),
    header=Header(
        signers=(HOTSON, ("Ben Watts", "General Counsel (Senior Information Risk Owner)")),
        to=PR,
        summary="This report provides an update regarding the implementation of forthcoming "
        "Data Protection legislation and an update on information governance training "
        "generally.",
        # "24. It is recommended that Members note the report." (004:3066)
        recommendations=(("note", "the report."),),
        background=NOT_STATED,  # the report ends at its recommendation, without contacts
    ),
)

WORK_PROGRAMME = Paper(
    "Work Programme 2017/18",
    "004-13-work-programme",
    (3068, 3125),
    ((3086, 3107),),
    header=Header(
        signers=(("Mr E Hotson", HOTSON[1]), ("John Lynch", "Head of Democratic Services")),
        to=PR,
        # "Past Pathway of Paper: None" (004:3078) records no step.
        pathway=(Step("future", "Standard item"),),
        summary="This report gives details of the proposed work programme for the Policy and "
        "Resources Cabinet Committee",
        recommendations=(("consider and agree", "a work programme for 2017/18."),),
        background=NONE,
        author=Contact(
            "Ann Hunter",
            "Principal Democratic Services Officer",
            "03000 416287",
            "ann.hunter@kent.gov.uk",
        ),
        # Printed as "Head of Service" (004:3121): the header's one other contact.
        director=Contact(
            "John Lynch", "Head of Democratic Services", "03000 410466", "John.lynch@kent.gov.uk"
        ),
    ),
    # "set out in appendix A to this report" (004:3098)
    appendices=(
        appendix(
            "Appendix A", "Work Programme 2017/18", "004-13-work-programme-appendix-a", (3127, 3138)
        ),
    ),
)

AGENDA = Agenda(
    "004",
    PR,
    D(2017, 9, 15),
    {
        "4": (
            minutes(
                "Minutes of the meeting held on 16 June 2017",
                "004-04-minutes-2017-06-16",
                (90, 239),
            ),
        ),
        "5": (
            minutes(
                "Minutes of the meeting of the Property Sub-Committee held on 21 March 2017",
                "004-05-property-minutes-2017-03-21",
                (241, 346),
            ),
        ),
        "6": (DASHBOARD,),
        "7": (FINANCIAL_MONITORING,),
        "8": (CONTRACT_MANAGEMENT,),
        "9": (CORPORATE_ASSURANCE,),
        "10": (POLICY_FRAMEWORK,),
        "11": (CUSTOMER_FEEDBACK,),
        "12": (SIRO,),
        "13": (WORK_PROGRAMME,),
        "14": (COMPANY_GOVERNANCE,),
    },
)
