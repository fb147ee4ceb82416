"""The audit trail moves from ``access`` to its own app, keeping its table and its rows.

Only Django's record of the model moves (``SeparateDatabaseAndState``); the table
``access_auditentry`` stays as it is. The content type is relabelled so permissions granted
on the trail (``view_auditentry``) follow it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def relabel_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="audit", model="auditentry").exists():
        ContentType.objects.using(db).filter(app_label="access", model="auditentry").update(
            app_label="audit"
        )


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="audit", model="auditentry"
    ).update(app_label="access")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("access", "0006_exempt_access_surface"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("at", models.DateTimeField(auto_now_add=True, db_index=True)),
                        (
                            "actor_name",
                            models.CharField(
                                blank=True, help_text="Username, or the command.", max_length=150
                            ),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("create", "Created"),
                                    ("update", "Changed"),
                                    ("delete", "Deleted"),
                                ],
                                max_length=6,
                            ),
                        ),
                        ("object_id", models.CharField(max_length=64)),
                        ("object_repr", models.CharField(max_length=300)),
                        (
                            "changes",
                            models.JSONField(default=dict, help_text="{field: [before, after]}"),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                to="contenttypes.contenttype",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name_plural": "audit entries",
                        "ordering": ["-at", "-pk"],
                        "db_table": "access_auditentry",
                        "indexes": [
                            models.Index(
                                fields=["content_type", "object_id"],
                                name="access_audi_content_cf15ec_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_type, restore_content_type),
    ]
