from django.db import migrations


def sync(apps, schema_editor):
    """Roles are kept in step after every migrate now (accounts/roles.py)."""


class Migration(migrations.Migration):
    dependencies = [("discussion", "0001_initial"), ("newsroom", "0005_discussion_settings")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
