from django.conf import settings

from access.rules import is_democratic_services, person_of
from council.dates import current_authority

# Which item of the service navigation each page belongs to.
SECTIONS = {
    "committees": "committees",
    "committee": "committees",
    "meeting": "committees",
    "paper": "committees",
    "history": "committees",
    "calendar": "calendar",
    "calendar_month": "calendar",
    "members": "members",
    "former_members": "members",
    "member": "members",
    "outside_bodies": "outside_bodies",
    "outside_body": "outside_bodies",
    "register": "decisions",
    "decision": "decisions",
    "vote": "decisions",
    "voting_record": "members",
}


def account_name(user) -> str:
    """The signed-in user as the header names them: their person's name when the account is
    linked to one (a councillor, an officer), else the account's own name."""
    person = person_of(user)
    if person is not None:
        return person.full_name
    return user.get_full_name() or user.get_username()


def authority(request):
    """The authority's name for every page's header, the current navigation section, and
    the signed-in user's name (looked up only when the header asks for it)."""
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "authority": current_authority(),
        "nav_section": SECTIONS.get(match.url_name if match else "", ""),
        "account_name": (lambda: account_name(user)) if signed_in else "",
        # Democratic services get a link to their workspace in the header.
        "is_officer": (lambda: is_democratic_services(user)) if signed_in else False,
        # The page's own address on the public site (never the request's Host header).
        "canonical_url": settings.MOOT_SITE_URL.rstrip("/") + request.path,
    }
