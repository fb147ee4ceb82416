"""Every workspace screen is for democratic services, signed in with both factors."""

from access.gate import officer_required, staff_required

officer = officer_required()

# A report's authors and those who clear it (officers) reach their reports' pages and their
# home page; each page then shows them only what is theirs (``workspace.report_page``).
staff = staff_required()
