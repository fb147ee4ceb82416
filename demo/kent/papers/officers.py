"""Officers who appear only as report authors and directors, as the reports print them.

Everyone else named in a report header is already in the demo (``demo/kent/people.py``) and
is found with ``council.names.resolve``. Initials are the forename's: without them "Mrs J
Whittle" in a vote list (002:261) would fit David Whittle as well as Mrs Jenny Whittle.
"""

from __future__ import annotations


def _officer(forenames: str, surname: str, telephone: str, email: str) -> dict:
    return dict(
        initials=forenames[0],
        forenames=forenames,
        surname=surname,
        telephone=telephone,
        email=email,
    )


OFFICERS = {
    "Vincent Godfrey": _officer(
        "Vincent", "Godfrey", "03000 421995", "Vincent.Godfrey@kent.gov.uk"
    ),  # 004:401–404, 873–876
    "Jackie Hansen": _officer(
        "Jackie", "Hansen", "03000 416198", "jackie.hansen@kent.gov.uk"
    ),  # 004:764–766
    "Emma Mitchell": _officer(
        "Emma", "Mitchell", "03000 421995", "Emma.Mitchell@kent.gov.uk"
    ),  # 004:868–871
    "Mark Scrivener": _officer(
        "Mark", "Scrivener", "03000 416660", "mark.scrivener@kent.gov.uk"
    ),  # 004:1158–1159
    "David Whittle": _officer(
        "David", "Whittle", "03000 416833", "david.whittle@kent.gov.uk"
    ),  # 004:1163–1164; 002:695–703
    "Liz Sanderson": _officer(
        "Liz", "Sanderson", "03000 416643", "elizabeth.sanderson@kent.gov.uk"
    ),  # 004:2016–2017
    "Pascale Blackburn-Clarke": _officer(
        "Pascale", "Blackburn-Clarke", "03000 417025", "pascale.blackburn-clarke@kent.gov.uk"
    ),  # 004:2376–2379
    "Michael Thomas-Sam": _officer(
        "Michael", "Thomas-Sam", "03000 417238", "Michael.thomas-sam@kent.gov.uk"
    ),  # 002:684–691
    "Mark Lemon": _officer(
        "Mark", "Lemon", "03000 416387", "Mark.lemon@kent.gov.uk"
    ),  # 002:1107–1110
}
