"""Papers of the Policy and Resources Cabinet Committee, 15 September 2017 (pack 004).

The papers are in ``monitoring`` (items 6–9) and ``policies`` (items 10–13); this module
puts them on the agenda with the minutes (items 4 and 5) and the exempt item 14.

Item 14 (exempt) is "Document is Restricted" in the seed (004:3142): its paper is written for
the demo (``company_governance``) and says so in its text.
"""

from __future__ import annotations

import datetime as dt

from ..company_governance import COMPANY_GOVERNANCE
from ..spec import Agenda, minutes
from .monitoring import CONTRACT_MANAGEMENT, CORPORATE_ASSURANCE, DASHBOARD, FINANCIAL_MONITORING
from .policies import CUSTOMER_FEEDBACK, POLICY_FRAMEWORK, SIRO, WORK_PROGRAMME
from .signers import PR

D = dt.date

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
