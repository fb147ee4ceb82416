"""The Administrators group: its members (and superusers) are the only accounts that reach
the back office (``access.rules.is_administrator``)."""

from django.db import migrations

ADMINISTRATORS = "Administrators"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=ADMINISTRATORS)


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0007_audit_trail_moves_to_audit"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
