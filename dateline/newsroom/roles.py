"""The newsroom's roles, as Django groups with permissions.

reporter      writes stories and submits their own drafts for review
editor        edits any story; publishes, schedules, unpublishes and corrects
chief editor  also sections, agencies, users and roles; reads the audit log
moderator     works the discussion's queue: approves, rejects, bans (editors can too)
"""

from __future__ import annotations

REPORTER = "reporter"
EDITOR = "editor"
CHIEF_EDITOR = "chief editor"
MODERATOR = "moderator"

_REPORTER = [
    "newsroom.view_article", "newsroom.add_article", "newsroom.change_article",
    "newsroom.view_section", "newsroom.view_agency", "newsroom.view_tag",
    "newsroom.add_leadimage", "newsroom.change_leadimage", "newsroom.view_leadimage",
    "newsroom.view_revision",
]
_MODERATOR = [
    "discussion.moderate_comment", "discussion.view_comment", "discussion.change_comment",
    "discussion.view_ban", "discussion.add_ban", "discussion.change_ban",
    "discussion.view_bannedword", "discussion.add_bannedword", "discussion.change_bannedword",
    "discussion.delete_bannedword", "discussion.view_report",
    "chats.view_room", "chats.change_room", "chats.view_message", "chats.change_message",
    "chats.view_mute", "chats.add_mute",
]
_EDITOR = _REPORTER + _MODERATOR + [
    "chats.add_room",
    "newsroom.publish_article", "newsroom.edit_any_article", "newsroom.correct_article",
    "newsroom.add_tag", "newsroom.change_tag", "newsroom.view_correction",
]
_CHIEF = _EDITOR + [
    "newsroom.delete_article", "newsroom.add_section", "newsroom.change_section",
    "newsroom.delete_section", "newsroom.add_agency", "newsroom.change_agency",
    "newsroom.delete_agency", "newsroom.delete_tag", "newsroom.view_auditentry",
    "auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group",
]
ROLES: dict[str, list[str]] = {REPORTER: _REPORTER, EDITOR: _EDITOR, CHIEF_EDITOR: _CHIEF,
                               MODERATOR: _MODERATOR}


def sync_roles(apps) -> None:
    """Create the role groups and give each exactly its permissions (idempotent)."""
    from django.contrib.auth.management import create_permissions

    installed = {config.label for config in apps.get_app_configs()}
    for label in ("auth", "newsroom", "discussion", "chats"):
        if label not in installed:
            continue  # an earlier migration: that app's migration syncs again later
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
            if app_label in installed:
                wanted.append(Permission.objects.get(content_type__app_label=app_label,
                                                     codename=codename))
        group.permissions.set(wanted)
