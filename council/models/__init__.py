"""The council: who sits where. Re-exports every model of the app."""

from .authority import Authority
from .bodies import Body, BodyKind
from .groups import GroupMembership, PoliticalGroup
from .memberships import Membership, Role
from .people import Division, HowElected, Person, PersonNameForm, TermOfOffice
from .posts import Post, PostHolding, PostKind, StatutoryDesignation, StatutoryRole

__all__ = [
    "Authority",
    "Body",
    "BodyKind",
    "Division",
    "GroupMembership",
    "HowElected",
    "Membership",
    "Person",
    "PersonNameForm",
    "PoliticalGroup",
    "Post",
    "PostHolding",
    "PostKind",
    "Role",
    "StatutoryDesignation",
    "StatutoryRole",
    "TermOfOffice",
]
