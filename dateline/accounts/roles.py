"""The newsroom's roles, as Django groups with permissions, kept in step after each migrate.

reporter      writes stories and submits their own drafts for review; reads the wire and
              takes its items into drafts
editor        edits any story; publishes, schedules, unpublishes and corrects; sees the
              readership figures; runs a trusted
              agency's item as it is, and answers the wire's alerts
chief editor  also sections, agencies, wire feeds, partner keys, users and roles; reads the
              audit log and the newsletters' sends
moderator     works the discussion's queue: approves, rejects, bans (editors can too)
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

REPORTER = "reporter"
EDITOR = "editor"
CHIEF_EDITOR = "chief editor"
MODERATOR = "moderator"

_REPORTER = [
    "newsroom.view_article", "newsroom.add_article", "newsroom.change_article",
    "newsroom.view_section", "newsroom.view_agency", "newsroom.view_tag",
    "newsroom.view_author", "newsroom.add_leadimage", "newsroom.change_leadimage",
    "newsroom.view_leadimage",
    "newsroom.view_revision",
    "wire.view_wireitem",
]
_MODERATOR = [
    "moderation.moderate", "moderation.view_ban", "moderation.add_ban",
    "moderation.change_ban", "moderation.view_bannedword", "moderation.add_bannedword",
    "moderation.change_bannedword", "moderation.delete_bannedword", "moderation.view_report",
    "discussion.view_comment", "discussion.change_comment",
    "chats.view_room", "chats.change_room", "chats.view_message", "chats.change_message",
    "chats.view_mute", "chats.add_mute",
]
_EDITOR = _REPORTER + _MODERATOR + [
    "chats.add_room",
    "newsroom.publish_article", "newsroom.edit_any_article", "newsroom.correct_article",
    "newsroom.add_tag", "newsroom.change_tag", "newsroom.view_correction",
    "newsroom.add_author", "newsroom.change_author",
    "analytics.view_analytics",  # readership figures in the desk
]
_CHIEF = _EDITOR + [
    "newsroom.delete_article", "newsroom.add_section", "newsroom.change_section",
    "newsroom.delete_section", "newsroom.add_agency", "newsroom.change_agency",
    "newsroom.delete_agency", "newsroom.delete_tag", "newsroom.delete_author",
    "newsroom.view_auditentry",
    "auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group",
    "django_tasks_database.view_dbtaskresult",  # background jobs, failures and retries
    "wire.view_feed", "wire.add_feed", "wire.change_feed", "wire.delete_feed",
    "wire.view_delivery", "wire.view_partnerkey", "wire.add_partnerkey",
    "wire.change_partnerkey",
    "subscriptions.view_issue", "subscriptions.view_subscriber",  # newsletters' counts
]
ROLES: dict[str, list[str]] = {REPORTER: _REPORTER, EDITOR: _EDITOR, CHIEF_EDITOR: _CHIEF,
                               MODERATOR: _MODERATOR}


def sync_roles(apps=global_apps, **_signal) -> None:
    """Create the role groups and give each exactly its permissions (idempotent).

    Runs after every `migrate` (post_migrate), when every app's permissions can exist.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {perm for perms in ROLES.values() for perm in perms}
    found = _permissions(Permission, wanted)
    if len(found) < len(wanted):  # a new app or model: make its permissions first
        for config in global_apps.get_app_configs():  # signal's apps: the migrated state
            create_permissions(config, apps=apps, verbosity=0)
        found = _permissions(Permission, wanted)
    if missing := wanted - found.keys():
        raise LookupError(f"roles name permissions that do not exist: {sorted(missing)}")
    for name, perms in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([found[perm] for perm in perms])


def _permissions(Permission, wanted: set[str]) -> dict:
    rows = Permission.objects.filter(codename__in={p.split(".")[1] for p in wanted})
    found = {f"{row.content_type.app_label}.{row.codename}": row
             for row in rows.select_related("content_type")}
    return {name: row for name, row in found.items() if name in wanted}
