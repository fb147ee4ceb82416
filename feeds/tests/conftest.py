from summons.tests.conftest import immediate_tasks, member_user, publish  # noqa: F401
