"""Background tasks (django-tasks; `moot db_worker` runs them, `make run` starts one)."""

from django_tasks import task


@task()
def send_email_task(log_id: int) -> None:
    from .mail import attempt

    attempt(log_id)
