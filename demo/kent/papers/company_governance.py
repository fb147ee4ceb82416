"""Item 14 of 15 September 2017, "Company Governance": exempt under paragraph 3.

The seed shows only "Document is Restricted" (004:3142), so its text is not public. The demo
needs an exempt paper to show that exempt content stays out of everything public, so this one
is written for the demo (``data/004-14-company-governance.txt``). It says so at its head and
carries ``EXEMPT_PHRASE``, which the tests look for in public output and must never find.
Its header names the Corporate Director of Finance of the time (004:100) as its author, which
is the one fact it takes from the seeds; nothing in it is Kent County Council's.
"""

from __future__ import annotations

from .spec import NONE, Contact, Header, Paper

EXEMPT_PHRASE = "Exempt demo text: governance of the council's trading companies"
DEMO_NOTICE = (
    "DEMO CONTENT – invented for the Moot demonstration; not a Kent County Council document"
)

COMPANY_GOVERNANCE = Paper(
    "Company Governance",
    "004-14-company-governance",
    None,
    exempt_paragraph=3,
    header=Header(
        signers=(("Andy Wood", "Corporate Director of Finance"),),
        to="Policy and Resources Cabinet Committee",
        all_divisions=True,
        summary=f"{DEMO_NOTICE}. This invented report shows how an exempt report appears in "
        "the members' pack and is withheld from the public pack.",
        recommendations=(("NOTE", "the report."),),
        background=NONE,
        director=Contact("Andy Wood", "Corporate Director of Finance"),
    ),
)
