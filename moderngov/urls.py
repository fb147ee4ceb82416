"""modern.gov's addresses. Matched in any case, as IIS serves them (clients and old links
write ``mgwebservice.asmx/getmeeting`` as often as ``mgWebService.asmx/GetMeeting``)."""

import re

from django.urls import re_path

from . import redirects, views
from .soap import SERVICE_PATH

app_name = "moderngov"


def any_case(text: str) -> str:
    """A regular expression matching ``text`` in any case ("ab." → "[aA][bB]\\.")."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in text)


def page(name: str, view, url_name: str):
    return re_path(rf"^{any_case(name)}\Z", view, name=url_name)


urlpatterns = [
    re_path(rf"^{any_case(SERVICE_PATH)}/?\Z", views.index, name="index"),
    re_path(
        rf"^{any_case(SERVICE_PATH)}/(?P<method>[^/]+(?:/[^/]*)*)\Z", views.service, name="service"
    ),
    page("ieListDocuments.aspx", redirects.list_documents, "list_documents"),
    page("ieListMeetings.aspx", redirects.list_meetings, "list_meetings"),
    page("mgCommitteeDetails.aspx", redirects.committee_details, "committee_details"),
    page("mgUserInfo.aspx", redirects.user_info, "user_info"),
    page("mgMemberIndex.aspx", redirects.member_index, "member_index"),
    page("mgListCommittees.aspx", redirects.list_committees, "list_committees"),
    page("mgCalendarMonthView.aspx", redirects.calendar_month, "calendar_month"),
]
