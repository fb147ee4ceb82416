"""Papers of the County Council, 10 December 2015 (pack 002)."""

from __future__ import annotations

import datetime as dt

from .spec import NOT_STATED, Agenda, Contact, Header, Paper, Step, appendix, minutes

D = dt.date
COUNCIL = "County Council"
COOKE = ("Gary Cooke", "Cabinet Member for Corporate and Democratic Services")
WHITTLE_TITLE = "Director of Strategy, Policy, Relationships and Corporate Assurance"

SOIP = Paper(
    "Establishment of the Statutory Officer Independent Panel",
    "002-07-soip",
    (299, 386),
    ((318, 374),),
    header=Header(
        signers=(("Peter Sass", "Head of Democratic Services"), COOKE),
        to=COUNCIL,
        date=D(2015, 12, 11),  # the day after the meeting, as printed (002:304)
        pathway=(Step("past", "Personnel Committee", D(2015, 4, 30)),),
        summary="This report invites the County Council to establish the Statutory Officer "
        "Independent Panel; approve its Terms of Reference; and agree the necessary "
        "amendments to the Constitution outlined in sections 5 and 6 of the report.",
        recommendations=(
            (
                "approve",
                "the establishment of and Terms of Reference for the "
                "Statutory Officer Independent Panel, together with the "
                "necessary amendments to the Constitution as set out in "
                "Sections 5 and 6 above.",
            ),
        ),
        background="Report to the Personnel Committee on Statutory Officer Disciplinary "
        "Procedures on 30 April 2015.",
        author=Contact(
            "Peter Sass", "Head of Democratic Services", "(03000) 416647", "peter.sass@kent.gov.uk"
        ),
    ),
    # "attached at Appendix 1" (002:321): the Personnel Committee's report of 30 April 2015,
    # reproduced with its own header.
    appendices=(
        appendix(
            "Appendix 1",
            "STATUTORY OFFICER DISCIPLINARY PROCEDURES",
            "002-07-soip-appendix-1",
            (390, 498),
        ),
    ),
)

CARERS_ALLOWANCE = Paper(
    "Dependents' Carers' Allowance",
    "002-08-dependents-carers-allowance",
    (500, 560),
    ((513, 552),),
    header=Header(
        signers=(
            COOKE,
            ("Amanda Beer", "Corporate Director Engagement, Organisation Design and Development"),
            ("Geoff Wild", "Director of Governance and Law"),
        ),
        to=COUNCIL,
        summary="Following consultation with relevant senior officer, the Member Remuneration "
        "Panel and the Selection and Member Services Committee the Selection and Member "
        "Services Committee recommend a minor amendment to the Dependents' Carers' "
        "Allowance paragraph in the Members' Allowance Scheme which will permit an "
        "elected Member with childcare responsibility to participate in the Childcare "
        "Voucher Scheme offered by the County Council to employees.",
        recommendations=(
            (
                "agree",
                "the rewording of the Dependents' Carers' Allowance "
                "paragraph in the Members' Allowance Scheme as set out in "
                "paragraph 3 (2) above.",
            ),
        ),
        background="Report to Selection and Members Services Committee – 19 November 2015",
        author=Contact("Paul D Wickenden", "Democratic Services Manager (Members)", "03000 416836"),
    ),
)

STRATEGIC_SUPPORT = Paper(
    "Strategic Support to Corporate Director Social Care Health & Wellbeing",
    "002-09-strategic-support",
    (566, 602),
    ((577, 599),),
    header=Header(
        signers=(
            ("Paul Carter", "Chairman of Personnel Committee"),
            ("David Cockburn", "Head of Paid Service"),
        ),
        to=COUNCIL,
        summary="This paper recommends the introduction of a new senior post to the "
        "Authority's top tier operating framework. It sets out the rationale for the "
        "post of Strategy & Business Support and summarises the key responsibilities of "
        "the postholder.",
        recommendations=(
            (
                "approve",
                "the establishment of a new senior level role in the "
                "Social Care Health and Wellbeing Directorate.",
            ),
        ),
        background=NOT_STATED,
        author=Contact("Amanda Beer", telephone="Ext 415835"),  # 002:601–602
    ),
)

CORPORATE_PARENTING = Paper(
    "Corporate Parenting Select Committee Report",
    "002-10-corporate-parenting",
    (604, 703),
    ((631, 680),),
    header=Header(
        signers=(
            ("Peter Oakford", "Cabinet Member for Specialist Children's Services"),
            ("Andrew Ireland", "Corporate Director Social Care, Health and Wellbeing"),
        ),
        to=COUNCIL,
        pathway=(Step("past", "CMM", D(2015, 11, 9)), Step("past", "Cabinet", D(2015, 11, 30))),
        summary="The Corporate Parenting Select Committee conducted a review of Members role as "
        "elected corporate parents. The report makes a number of recommendations for "
        "improving Members oversight role as corporate parents.",
        recommendations=(
            (
                "APPLAUD",
                "the Select Committee's work for producing an instructive and timely report;",
            ),
            (
                "RECOGNISE",
                "the contribution of the witnesses who provided evidence and the "
                "officers who supported the Select Committee's work;",
            ),
            ("ENDORSE", "the report and its recommendations."),
        ),
        background=NOT_STATED,
        author=Contact(
            "Michael Thomas-Sam",
            "Strategic Business Advisor, Policy, Strategy and Assurance",
            "03000 417238",
            "Michael.thomas-sam@kent.gov.uk",
        ),
        director=Contact(
            "David Whittle", WHITTLE_TITLE, "03000 416833", "david.whittle@kent.gov.uk"
        ),
    ),
    # "The Executive Summary (Appendix 1) is attached to this report." (002:660)
    appendices=(
        appendix(
            "Appendix 1",
            "Corporate Parenting Select Committee Report: Executive Summary",
            "002-10-corporate-parenting-appendix-1",
            (705, 1079),
        ),
    ),
)

HEALTH_AND_WELLBEING = Paper(
    "Kent Health and Wellbeing Board Annual Report 2014-2015",
    "002-11-health-and-wellbeing",
    (1081, 1110),
    ((1091, 1103),),
    header=Header(
        signers=(("Roger Gough", "Cabinet Member for Education and Health Reform"),),
        to=COUNCIL,
        summary="The Kent Health and Wellbeing Board is required to report annually to Kent "
        "County Council summarising how it has discharged its statutory duties and "
        "associated functions.",
        recommendations=(
            (
                "agree",
                "that the Kent Health and Wellbeing Board has fulfilled its "
                "responsibilities under its Terms of Reference and to note "
                "the comments made by Members on the issues identified in "
                "the report for further consideration.",
            ),
        ),
        background=NOT_STATED,
        author=Contact(
            "Mark Lemon",
            "Strategic Relationships Adviser",
            "03000 416387",
            "Mark.lemon@kent.gov.uk",
        ),
    ),
    # "The attached report details the activity of the Board" (002:1098), with its own
    # appendices 1, 2 and 4 (002:1356–1596).
    appendices=(
        appendix(
            "Attached report",
            "The Kent Health and Wellbeing Board 2014-2015",
            "002-11-health-and-wellbeing-annual-report",
            (1112, 1596),
            ((1114, 1596),),
        ),
    ),
)

STRATEGIC_COMMISSIONING = Paper(
    "Embedding strategic commissioning as business as usual",
    "002-12-strategic-commissioning",
    (1598, 1724),
    ((1622, 1717),),
    header=Header(
        signers=(
            ("Paul Carter", "Leader of the Council"),
            (
                "David Cockburn",
                "Corporate Director, Strategic & Corporate Services and Head of Paid Service",
            ),
        ),
        to=COUNCIL,
        summary="Moving KCC towards becoming a strategic commissioning authority has focussed, "
        "so far, on the Facing the Challenge transformation programme and agreeing the "
        "strategic policy framework through the outcomes and commissioning frameworks "
        "for the council. As the Facing the Challenge transformation programme "
        "concludes, this paper makes recommendations to further embed the strategic "
        "commissioning approach as business as usual.",
        # Sub-items are kept with their recommendation, one line each.
        recommendations=(
            (
                "Note",
                "the changes being made to the business planning arrangements which will "
                "require directorates to better identify the pipeline of future strategic "
                "commissioning decisions.",
            ),
            (
                "Agree",
                "to reform executive member governance arrangements so that it better "
                "fits the strategic commissioning cycle, including:\n"
                "(a) The creation of a Strategic Commissioning Board through the merger "
                "of the existing Transformation Advisory Group (TAG) and the Procurement "
                "Board (PB).\n"
                "(b) The creation of a Budget & Performance Board through the merger of "
                "existing Budget Programme Board (BPB) and the existing Performance & "
                "Evaluation Board (PEB).",
            ),
            (
                "Agree",
                "to the continuation of the Commissioning Advisory Board (CAB) as a "
                "vehicle for non-executive member engagement on strategic commissioning "
                "for a further 12 month period",
            ),
            (
                "Note",
                "the need for Cabinet Committees operating arrangements to change to "
                "ensure their role in the strategic commissioning cycle is secured and "
                "effective, and the engagement with Chairman of Cabinet Committee to "
                "consider options",
            ),
            (
                "Note",
                "the work undertaken and ongoing to ensure that there are clear roles, "
                "responsibilities and accountability to support strategic commissioning "
                "approach through:\n"
                "(a) Better demarcating those officers with accountability for strategic "
                "commissioning of services and those responsible for the operational "
                "delivery of KCC services.\n"
                "(b) Ensuring that opportunities for joint / integrated commissioning and "
                "service design with partners are optimised.",
            ),
        ),
        background=NOT_STATED,
        author=Contact("David Whittle", WHITTLE_TITLE, email="david.whittle@kent.gov.uk"),
    ),
)

AGENDA = Agenda(
    "002",
    COUNCIL,
    D(2015, 12, 10),
    {
        "3": (
            minutes(
                "Minutes of the meeting held on 22 October 2015",
                "002-03-minutes-2015-10-22",
                (73, 295),
            ),
        ),
        "7": (SOIP,),
        "8": (CARERS_ALLOWANCE,),
        "9": (STRATEGIC_SUPPORT,),
        "10": (CORPORATE_PARENTING,),
        "11": (HEALTH_AND_WELLBEING,),
        "12": (STRATEGIC_COMMISSIONING,),
    },
)
