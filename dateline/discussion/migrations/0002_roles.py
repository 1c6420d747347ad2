from django.db import migrations


def sync(apps, schema_editor):
    from dateline.newsroom.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("discussion", "0001_initial"), ("newsroom", "0005_discussion_settings")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
