"""Background tasks (django-tasks; `moot db_worker` runs them, `make run` starts one)."""

from django_tasks import task


@task()
def build_pack_task(pack_id: int) -> None:
    from .packs import BUILDER, run_pack

    run_pack(pack_id, actor=BUILDER)
