"""Who may speak, and what happens to those who may not: one set of rules for the discussion
and the chats. Bans, banned words and reports change only here."""

from __future__ import annotations

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dateline.moderation import text
from dateline.moderation.models import Ban, BannedWord, Report
from dateline.moderation.sources import sources

PERMISSION = "moderation.moderate"
REPORTS_TO_HOLD = 3  # this many reports take an item off until a moderator looks


def is_moderator(user) -> bool:
    return user is not None and user.is_authenticated and user.has_perm(PERMISSION)


def require_moderator(user) -> None:
    if not is_moderator(user):
        raise PermissionDenied(PERMISSION)


def require_author_or_moderator(user, author_id: int | None, *, refusal: str) -> None:
    """Only the author and moderators may take something down."""
    if user is None or not user.is_authenticated or (
            author_id != user.pk and not is_moderator(user)):
        raise PermissionDenied(refusal)


def active_ban(user) -> Ban | None:
    return Ban.objects.active().filter(user=user).order_by("-until").first()


def ban_message(ban: Ban) -> str:
    if ban.until is None:
        return _("You are barred from the discussion for good. Reason: %(reason)s") % {
            "reason": ban.reason}
    return _("You are barred from the discussion until %(until)s. Reason: %(reason)s") % {
        "until": date_format(timezone.localtime(ban.until), "DATETIME_FORMAT"),
        "reason": ban.reason}


def require_participant(user, *, refusal: str) -> None:
    """A logged-in reader who is not banned; else PermissionDenied saying why."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied(refusal)
    if ban := active_ban(user):
        raise PermissionDenied(ban_message(ban))


def _check_ban(user, *, reason: str, until: datetime | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason for the ban: the reader will see it."))
    if until is not None and until <= timezone.now():
        raise ValidationError(_("A ban must end in the future."))
    if user.is_staff or is_moderator(user):
        raise ValidationError(_("Moderators and the newsroom's staff cannot be banned."))
    return reason[:300]


@transaction.atomic
def ban_reader(user, *, by, reason: str, until: datetime | None = None) -> Ban:
    """Bar a reader from the discussion and the chats until a time, or for good
    (until=None); what they wrote that still waits for a moderator is refused."""
    require_moderator(by)
    reason = _check_ban(user, reason=reason, until=until)
    ban = Ban.objects.create(user=user, until=until, reason=reason, by=by)
    for source in sources.values():
        source.refuse_held_from(user, by=by)
    return ban


@transaction.atomic
def change_ban(ban: Ban, *, by, reason: str, until: datetime | None) -> Ban:
    """Change a ban's end or reason, under the same rules as a new ban."""
    require_moderator(by)
    ban = Ban.objects.select_for_update().select_related("user").get(pk=ban.pk)
    ban.reason = _check_ban(ban.user, reason=reason, until=until)
    ban.until = until
    ban.save(update_fields=["reason", "until"])
    return ban


def lift_ban(ban: Ban, *, by) -> Ban:
    """End a ban early."""
    require_moderator(by)
    Ban.objects.filter(pk=ban.pk, lifted_at=None).update(lifted_at=timezone.now())
    ban.refresh_from_db(fields=["lifted_at"])
    return ban


def ban_and_remove(kind: str, pks: list[int], *, by, reason: str,
                   until: datetime | None) -> tuple[list, list[str]]:
    """Ban the authors of these items, then take the items down; returns who was banned
    and what went wrong."""
    require_moderator(by)
    source = sources[kind]
    banned, problems = [], []
    authors = {author.pk: author for pk in pks if (author := source.author(pk)) is not None}
    for author in authors.values():
        try:
            ban_reader(author, by=by, reason=reason, until=until)
            banned.append(author)
        except ValidationError as exc:
            problems.append(f"{author.get_username()}: {' '.join(exc.messages)}")
    for pk in pks:
        try:
            source.remove(pk, by=by)
        except (ValidationError, PermissionDenied) as exc:
            problems.append(f"#{pk}: {' '.join(getattr(exc, 'messages', [str(exc)]))}")
    return banned, problems


def add_banned_word(word: str, *, by) -> BannedWord:
    require_moderator(by)
    word = (word or "").strip()
    if not text.skeleton(word):
        raise ValidationError(_("A banned word needs at least one letter."))
    banned, _created = BannedWord.objects.get_or_create(word=word[:60])
    text.forget_banned_words()
    return banned


def remove_banned_word(banned: BannedWord, *, by) -> None:
    require_moderator(by)
    banned.delete()
    text.forget_banned_words()


def file_report(target: models.Model, *, by, reason: str) -> int:
    """A reader flags something another wrote; returns how many reports it now has."""
    if by is None or not by.is_authenticated:
        raise PermissionDenied(_("Log in to report."))
    if reason not in Report.Reason.values:
        raise ValidationError(_("Choose a reason for the report."))
    kind = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():
            Report.objects.create(content_type=kind, object_id=target.pk, reporter=by,
                                  reason=reason)
    except IntegrityError:
        raise ValidationError(_("You have already reported this.")) from None
    return Report.objects.filter(content_type=kind, object_id=target.pk).count()
