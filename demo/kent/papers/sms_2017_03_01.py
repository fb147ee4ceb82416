"""Papers of the Selection and Member Services Committee, 1 March 2017 (pack 000).

The pack prints the Constitutional Amendments report twice (000:686–849 and 851–1014); the
first copy is the paper.
"""

from __future__ import annotations

import datetime as dt

from .spec import NOT_STATED, Agenda, Contact, Header, Paper, appendix, minutes

D = dt.date
SMS = "Selection and Member Services Committee"
COOKE = ("Gary Cooke", "Cabinet Member for Corporate and Democratic Services")
LYNCH = ("John Lynch", "Head of Democratic Services")

MEMBER_ICT = Paper(
    "Review of Members' Information and Communications Technology (ICT)",
    "000-04-member-ict",
    (104, 196),
    ((114, 193),),
    header=Header(
        signers=(COOKE, ("Rebecca Spore", "Director of Infrastructure"), LYNCH),
        to=SMS,
        summary="This report reviews the ICT Provision for County Council Members and how this "
        "fits with current requirements, new technology capability and future needs. It "
        "seeks the agreement of the Committee to the offer to be made to elected Members "
        "following the election in May 2017 to support them in the discharge of their "
        "role as an elected Member.",
        recommendations=(
            (
                "Agree",
                "the offer to made available to elected Members of the Council following "
                "the County Council election on 4 May 2017; and",
            ),
            (
                "Request",
                "that the Head of Democratic Services invites all elected Members to "
                "see if they are willing to consent to receiving electronic summonses "
                "and papers for all Committee meetings following the election in May "
                "2017.",
            ),
        ),
        background=NOT_STATED,
        author=Contact(
            "Paul Wickenden", "Democratic Services Manager (Members)", "03000 418967"
        ),  # "Officer Contact" (000:195–196)
    ),
)

MEMBER_DEVELOPMENT = Paper(
    "Member Development Steering Group – Work Programme",
    "000-05-member-development",
    (198, 294),
    ((205, 294),),
    header=Header(
        signers=(COOKE, ("Andrew Bowles", "Chairman of the Member Development Steering Group")),
        to=SMS,
        # No summary, classification, background documents or contact is printed.
        recommendations=(("note and comment on", "the proposed programme."),),
        background=NOT_STATED,
    ),
    appendices=(
        appendix(
            "Appendix 1",
            "Kent County Council Elected Member Development Policy Statement",
            "000-05-member-development-appendix-1",
            (296, 366),
            ((300, 366),),
        ),
        appendix(
            "Appendix 2",
            "Member Role Descriptions",
            "000-05-member-development-appendix-2",
            (369, 400),
            ((373, 400),),
        ),
        # "Attached as Appendix 3 is the current programme for induction and training" (000:233)
        appendix(
            "Appendix 3",
            "Member Development Programme May 2017 to April 2018",
            "000-05-member-development-appendix-3",
            (402, 682),
        ),
    ),
)

CONSTITUTION = Paper(
    "Constitutional Amendments to reflect recent decisions of the County Council",
    "000-06-constitutional-amendments",
    (686, 752),
    ((703, 746),),
    header=Header(
        signers=(COOKE, ("Ben Watts", "General Counsel")),
        to=SMS,
        summary="The purpose of this report to seek authority to amend the Constitution to "
        "reflect the recent changes to chief officer roles as agreed by the full "
        "council.",
        recommendations=(
            (
                "endorse",
                "the changes to the Constitution as detailed in the "
                "report and recommend their adoption",
            ),
        ),
        background=NOT_STATED,
        # "Report Author and Relevant Director: Ben Watts, General Counsel" (000:750–752)
        author=Contact(
            "Ben Watts", "General Counsel", "03000 416814", "benjamin.watts@kent.gov.uk"
        ),
        director=Contact(
            "Ben Watts", "General Counsel", "03000 416814", "benjamin.watts@kent.gov.uk"
        ),
    ),
    appendices=(
        appendix(
            "Appendix 1",
            "Article 11 – Officers",
            "000-06-constitutional-amendments-appendix-1",
            (754, 849),
            ((756, 849),),
        ),
    ),
)

CHILMINGTON = Paper(
    "Appointment of Representative to the Chilmington Green Partnership Working Group",
    "000-07-chilmington-green",
    (1016, 1080),
    # The second officer contact (000:1079–1080) stays in the body: a report has one author.
    ((1028, 1072), (1079, 1080)),
    header=Header(
        signers=(
            ("Mark Dance", "Cabinet Member for Economic Development"),
            ("Gary Cooke", "Cabinet Member for Corporate Services"),
            LYNCH,
        ),
        to=SMS,
        decision_flag="FOR DECISION",
        recommendations=(
            (
                "appoint",
                "Mr Charlie Simkin as its representative on the "
                "Chilmington Trust Partnership Working Group for the "
                "remainder of the Council's term until the position is "
                "reviewed following the May Local Government elections.",
            ),
        ),
        background=NOT_STATED,
        author=Contact("Andrew Tait", "Democratic Services Officer", "03000 416749"),
        director=Contact("John Lynch", "Head of Democratic Services"),
    ),
)

AGENDA = Agenda(
    "000",
    SMS,
    D(2017, 3, 1),
    {
        "3": (
            minutes(
                "Minutes of the meeting held on 27 September 2016",
                "000-03-minutes-2016-09-27",
                (65, 102),
            ),
        ),
        "4": (MEMBER_ICT,),
        "5": (MEMBER_DEVELOPMENT,),
        "6": (CONSTITUTION,),
        "7": (CHILMINGTON,),
    },
)
