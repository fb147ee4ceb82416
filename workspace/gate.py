"""Every workspace screen is for democratic services, signed in with both factors."""

from access.gate import officer_required

officer = officer_required()
