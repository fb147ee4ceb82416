"""For tests and their builders: the actor of rows a test makes for itself (the fixtures), as
a ``SystemActor`` named in the audit trail, so that no service is ever called without one."""

from .actors import SystemActor

TEST_ACTOR = SystemActor("tests")
