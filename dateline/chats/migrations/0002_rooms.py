from django.db import migrations

GENERAL_NAMES = {"en": "General", "ru": "Общий"}


def rooms(apps, schema_editor):
    """A general room per language, and one for each section there already is."""
    Room = apps.get_model("chats", "Room")
    Section = apps.get_model("newsroom", "Section")
    for code, name in GENERAL_NAMES.items():
        Room.objects.get_or_create(language=code, slug="general",
                                   defaults={"name": name, "kind": "general"})
    for section in Section.objects.all():
        if not Room.objects.filter(section=section).exists():
            slug = section.slug
            if Room.objects.filter(language=section.language, slug=slug).exists():
                slug = f"{slug}-section"
            Room.objects.create(name=section.name, slug=slug, language=section.language,
                                kind="section", section=section)


def roles(apps, schema_editor):
    """Roles are kept in step after every migrate now (accounts/roles.py)."""


class Migration(migrations.Migration):
    dependencies = [("chats", "0001_initial"), ("discussion", "0002_roles")]

    operations = [migrations.RunPython(rooms, migrations.RunPython.noop),
                  migrations.RunPython(roles, migrations.RunPython.noop)]
