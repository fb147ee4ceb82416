"""The email log says what went wrong in plain words (``problem``); the raw error stays for
administrators. Emails that failed before keep their raw error and say only that they could
not be sent."""

from django.db import migrations, models


def earlier_failures(apps, schema_editor):
    EmailLog = apps.get_model("summons", "EmailLog")
    EmailLog.objects.exclude(error="").update(problem="The email could not be sent.")


class Migration(migrations.Migration):
    dependencies = [
        ("summons", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="emaillog",
            name="problem",
            field=models.CharField(
                blank=True,
                help_text="The last failure in plain words, as the office sees it (summons.mail_errors).",
                max_length=300,
                verbose_name="what went wrong",
            ),
        ),
        migrations.AlterField(
            model_name="emaillog",
            name="error",
            field=models.TextField(
                blank=True, help_text="Each failed attempt's raw error, for administrators."
            ),
        ),
        migrations.RunPython(earlier_failures, migrations.RunPython.noop),
    ]
