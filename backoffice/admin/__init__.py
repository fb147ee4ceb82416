"""Django's admin discovers ``backoffice.admin``: importing each module registers its admins."""

from . import (  # noqa: F401
    access,
    audit,
    council,
    feeds,
    meetings,
    minutes_record,
    papers,
    proceedings,
    publishing,
    summons,
)
