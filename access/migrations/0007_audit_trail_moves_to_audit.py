"""The audit trail is now the ``audit`` app's (audit/migrations/0001_initial.py): Django
forgets it here; the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0006_exempt_access_surface"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEntry")],
            database_operations=[],
        ),
    ]
