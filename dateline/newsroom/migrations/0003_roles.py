from django.db import migrations


def create_roles(apps, schema_editor):
    """Roles are kept in step after every migrate now (accounts/roles.py)."""


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0002_desk"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
