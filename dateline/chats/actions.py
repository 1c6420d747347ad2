"""Every change in the chats: one moderation pipeline with the discussion (its bans, its
banned words and text rules), checks, one transaction, then the event."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.html import urlize
from django.utils.text import slugify
from django.utils.translation import gettext as _

from dateline.chats.models import Message, Mute, Room
from dateline.events import ChatMessageChanged, RoomChanged, SiteChanged, emit
from dateline.moderation import actions as moderation
from dateline.moderation import text
from dateline.moderation.actions import REPORTS_TO_HOLD, is_moderator, require_moderator
from dateline.newsroom.actions import require
from dateline.newsroom.models import Article, Section

M = Message.Status
MAX_LENGTH = 500
RATE_LIMIT = 10  # messages a reader may send per minute, slow mode or not


def _announce(message: Message) -> None:
    body = message.body if message.status == M.VISIBLE else ""
    emit(ChatMessageChanged(
        room_id=message.room_id, message_id=message.pk, status=message.status,
        author=message.author.get_username() if message.author else "", body=body,
        body_html=urlize(body, nofollow=True, autoescape=True),
        created_at=message.created_at.isoformat()))


def _active_mute(room: Room, user) -> Mute | None:
    return (Mute.objects.filter(room=room, user=user, until__gt=timezone.now())
            .order_by("-until").first())


@transaction.atomic
def post_message(room: Room, *, by, body: str) -> Message:
    """A reader says something in a room. Emits chat.message after commit when visible."""
    moderation.require_participant(by, refusal=_("Log in to chat."))
    room = Room.objects.select_for_update().get(pk=room.pk)
    if not room.is_open:
        raise ValidationError(_("This room is closed."))
    if mute := _active_mute(room, by):
        raise PermissionDenied(_("You are muted in this room until %(until)s.") % {
            "until": time_format(timezone.localtime(mute.until), "H:i")})
    body = text.clean_body(body)
    if len(body) > MAX_LENGTH:
        raise ValidationError(_("A chat message is at most %(max)s characters.")
                              % {"max": MAX_LENGTH})
    now = timezone.now()
    # counted across every room: ten rooms are not ten times the allowance
    recent = Message.objects.filter(author=by, created_at__gte=now - timedelta(minutes=1))
    if recent.count() >= RATE_LIMIT:
        raise ValidationError(_("You are writing too fast. Wait a moment."))
    mine = Message.objects.filter(room=room, author=by)
    if room.slow_mode and not is_moderator(by):
        latest = mine.order_by("-created_at").values_list("created_at", flat=True).first()
        if latest and (now - latest).total_seconds() < room.slow_mode:
            wait = room.slow_mode - int((now - latest).total_seconds())
            raise ValidationError(_("Slow mode: you can write again in %(n)s seconds.")
                                  % {"n": wait})
    held = text.has_banned_word(body)
    message = Message.objects.create(room=room, author=by, body=body,
                                     status=M.HELD if held else M.VISIBLE,
                                     held_because="banned words" if held else "")
    if not held:
        _announce(message)
    return message


@transaction.atomic
def delete_message(message: Message, *, by) -> Message:
    """A moderator (or the author) takes a message down, for everyone in the room."""
    message = Message.objects.select_for_update().get(pk=message.pk)
    moderation.require_author_or_moderator(
        by, message.author_id, refusal=_("You can only delete your own messages."))
    if message.status != M.DELETED:
        message.status = M.DELETED
        message.save(update_fields=["status"])
        _announce(message)
    return message


@transaction.atomic
def report_message(message: Message, *, by, reason: str) -> int:
    """A reader flags a message; as in the discussion, enough reports hold it. Returns how
    many reports it has."""
    message = Message.objects.select_for_update().get(pk=message.pk)
    if message.status != M.VISIBLE:
        raise ValidationError(_("This message cannot be reported."))
    message.report_count = moderation.file_report(message, by=by, reason=reason)
    fields = ["report_count"]
    if message.report_count >= REPORTS_TO_HOLD:
        message.status, message.held_because = M.HELD, "reports"
        fields += ["status", "held_because"]
    message.save(update_fields=fields)
    if message.status == M.HELD:
        # it leaves every open page until a moderator has looked
        emit(ChatMessageChanged(room_id=message.room_id, message_id=message.pk,
                                status=M.DELETED, author="", body="",
                                created_at=message.created_at.isoformat()))
    return message.report_count


def refuse_held_from(user, *, by) -> None:
    """A ban: the reader's messages still waiting for a moderator are taken down."""
    require_moderator(by)
    Message.objects.filter(author=user, status=M.HELD).update(status=M.DELETED)


@transaction.atomic
def approve_message(message: Message, *, by) -> Message:
    require_moderator(by)
    message = Message.objects.select_for_update().get(pk=message.pk)
    if message.status == M.HELD:
        message.status, message.held_because = M.VISIBLE, ""
        message.save(update_fields=["status", "held_because"])
        _announce(message)
    return message


@transaction.atomic
def mute_reader(room: Room, user, *, minutes: int, by) -> Mute:
    """Keep a reader quiet in one room for a while (a ban covers every room)."""
    require_moderator(by)
    if not 1 <= minutes <= 7 * 24 * 60:
        raise ValidationError(_("Mute for between a minute and a week."))
    return Mute.objects.create(room=room, user=user, by=by,
                               until=timezone.now() + timedelta(minutes=minutes))


@transaction.atomic
def set_slow_mode(room: Room, *, seconds: int, by) -> Room:
    require_moderator(by)
    if not 0 <= seconds <= 3600:
        raise ValidationError(_("Slow mode is between 0 and 3600 seconds."))
    Room.objects.filter(pk=room.pk).update(slow_mode=seconds)
    room.slow_mode = seconds
    return room


@transaction.atomic
def open_topic_room(*, name: str, language: str, by, article: Article | None = None) -> Room:
    """An editor opens a room for a big story."""
    require(by, "chats.add_room")
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Name the room."))
    slug = slugify(name)[:70] or "room"
    base, n = slug, 2
    while Room.objects.filter(language=language, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    room = Room.objects.create(name=name[:120], slug=slug, language=language,
                               kind=Room.Kind.TOPIC, article=article)
    emit(RoomChanged(room_id=room.pk, language=room.language))
    return room


ROOM_FIELDS = {"name", "slug", "is_open", "slow_mode", "article"}


@transaction.atomic
def change_room(room: Room, *, by, fields: list[str]) -> Room:
    """Save what the desk changed on a room (its name, address, openness, slow mode, story);
    pages showing rooms hear of it."""
    require(by, "chats.change_room")
    if unknown := set(fields) - ROOM_FIELDS:
        raise ValidationError(_("These cannot be changed here: %(fields)s")
                              % {"fields": ", ".join(sorted(unknown))})
    if not 0 <= room.slow_mode <= 3600:
        raise ValidationError(_("Slow mode is between 0 and 3600 seconds."))
    if fields:
        room.save(update_fields=fields)
        emit(RoomChanged(room_id=room.pk, language=room.language))
    return room


@transaction.atomic
def close_room(room: Room, *, by) -> Room:
    require(by, "chats.change_room")
    Room.objects.filter(pk=room.pk).update(is_open=False)
    room.is_open = False
    emit(RoomChanged(room_id=room.pk, language=room.language))
    return room


GENERAL_NAMES = {"en": "General", "ru": "Общий"}


def sync_rooms() -> int:
    """A general room per language and a room per section; returns how many were made."""
    made = 0
    for code, name in GENERAL_NAMES.items():
        _room, created = Room.objects.get_or_create(
            language=code, slug="general", defaults={"name": name, "kind": Room.Kind.GENERAL})
        made += created
    for section in Section.objects.filter(chat_room__isnull=True):
        slug = section.slug if not Room.objects.filter(language=section.language,
                                                       slug=section.slug).exists() else \
            f"{section.slug}-section"
        Room.objects.create(name=section.name, slug=slug, language=section.language,
                            kind=Room.Kind.SECTION, section=section)
        made += 1
    return made


def rooms_follow_sections(event: SiteChanged) -> None:
    """Listener: every section has its chat room."""
    if event.kind == "section":
        sync_rooms()
