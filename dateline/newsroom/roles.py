"""The newsroom's roles, as Django groups with permissions.

reporter      writes stories and submits their own drafts for review
editor        edits any story; publishes, schedules, unpublishes and corrects
chief editor  also sections, agencies, users and roles; reads the audit log
"""

from __future__ import annotations

REPORTER = "reporter"
EDITOR = "editor"
CHIEF_EDITOR = "chief editor"

_REPORTER = [
    "newsroom.view_article", "newsroom.add_article", "newsroom.change_article",
    "newsroom.view_section", "newsroom.view_agency", "newsroom.view_tag",
    "newsroom.add_leadimage", "newsroom.change_leadimage", "newsroom.view_leadimage",
    "newsroom.view_revision",
]
_EDITOR = _REPORTER + [
    "newsroom.publish_article", "newsroom.edit_any_article", "newsroom.correct_article",
    "newsroom.add_tag", "newsroom.change_tag", "newsroom.view_correction",
]
_CHIEF = _EDITOR + [
    "newsroom.delete_article", "newsroom.add_section", "newsroom.change_section",
    "newsroom.delete_section", "newsroom.add_agency", "newsroom.change_agency",
    "newsroom.delete_agency", "newsroom.delete_tag", "newsroom.view_auditentry",
    "auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group",
]
ROLES: dict[str, list[str]] = {REPORTER: _REPORTER, EDITOR: _EDITOR, CHIEF_EDITOR: _CHIEF}


def sync_roles(apps) -> None:
    """Create the role groups and give each exactly its permissions (idempotent)."""
    from django.contrib.auth.management import create_permissions

    for label in ("auth", "newsroom"):
        # Permissions are normally made after all migrations; roles need them now.
        config = apps.get_app_config(label)
        loaded = getattr(config, "models_module", None)
        config.models_module = loaded or True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = loaded
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.append(Permission.objects.get(content_type__app_label=app_label,
                                                 codename=codename))
        group.permissions.set(wanted)
