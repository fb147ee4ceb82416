"""Items 10–13 of 15 September 2017: the policy framework, the customer feedback policy, the
senior information risk owner's update and the work programme (004:1847–3138).
"""

from __future__ import annotations

import datetime as dt

from ..spec import NONE, NOT_STATED, Contact, Header, Paper, Step, appendix
from .signers import CAREY, HOTSON, PR, WHITTLE

D = dt.date

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
