from council.models import Authority

# Which item of the service navigation each page belongs to.
SECTIONS = {
    "committees": "committees", "committee": "committees", "meeting": "committees",
    "paper": "committees",
    "calendar": "calendar", "calendar_month": "calendar",
    "members": "members", "former_members": "members", "member": "members",
    "outside_bodies": "outside_bodies", "outside_body": "outside_bodies",
}


def authority(request):
    """The authority's name for every page's header, and the current navigation section."""
    match = getattr(request, "resolver_match", None)
    return {
        "authority": Authority.current(),
        "nav_section": SECTIONS.get(match.url_name if match else "", ""),
    }
