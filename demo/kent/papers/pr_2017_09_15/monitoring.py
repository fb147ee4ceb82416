"""Items 6–9 of 15 September 2017: the performance dashboard and the financial, contract and
corporate assurance monitoring reports (004:348–1843).
"""

from __future__ import annotations

from ..spec import NOT_STATED, Contact, Header, Paper, appendix
from .signers import CAREY, HOTSON, PR, SIMMONDS, WHITTLE

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
