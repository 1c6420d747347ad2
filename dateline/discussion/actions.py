"""Every change to the discussion: checks, one transaction, exact counts, then the event."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from dateline.discussion.models import Comment, Like, Notification
from dateline.events import CommentChanged, emit
from dateline.moderation import actions as moderation
from dateline.moderation import text
from dateline.moderation.actions import REPORTS_TO_HOLD, is_moderator, require_moderator
from dateline.newsroom.models import Article, Section

C = Comment.Status
EDIT_WINDOW = timedelta(minutes=10)
RATE_LIMIT = 5  # comments a reader may post in RATE_WINDOW
RATE_WINDOW = timedelta(minutes=1)
NEW_ACCOUNT_HELD = 3  # a new reader's first comments wait for a moderator


def _require_reader(user) -> None:
    moderation.require_participant(user, refusal=_("Log in to take part in the discussion."))


def _count(article_id: int, delta: int) -> None:
    Article.objects.filter(pk=article_id).update(comment_count=F("comment_count") + delta)


def _replies(parent_id: int | None, delta: int) -> None:
    if parent_id:
        Comment.objects.filter(pk=parent_id).update(reply_count=F("reply_count") + delta)


def _became_visible(comment: Comment) -> None:
    _count(comment.article_id, 1)
    _replies(comment.parent_id, 1)
    _notify_parent_author(comment)


def _left_view(comment: Comment) -> None:
    _count(comment.article_id, -1)
    _replies(comment.parent_id, -1)


def _announce(comment: Comment) -> None:
    article = Article.objects.select_related("section").only(
        "comment_count", "slug", "language", "section__slug").get(pk=comment.article_id)
    count = article.comment_count
    emit(CommentChanged(article_id=article.pk, article_url=article.get_absolute_url(),
                        comment_id=comment.pk,
                        status=comment.status, comment_count=count))


def _hold_reason(article: Article, author, body: str) -> str:
    if article.section.moderation == Section.Moderation.PRE:
        return "pre-moderation"
    approved = Comment.objects.filter(author=author, status=C.VISIBLE).count()
    if approved < NEW_ACCOUNT_HELD and not is_moderator(author):
        return "new account"
    if text.has_banned_word(body):
        return "banned words"
    return ""


@transaction.atomic
def post_comment(article: Article, *, by, body: str, parent: Comment | None = None) -> Comment:
    """A reader comments on a story, or replies. Emits comment.changed after commit."""
    _require_reader(by)
    # One reader's posts queue on their row: the rate limit holds under concurrency.
    get_user_model().objects.select_for_update().filter(pk=by.pk).first()
    article = Article.objects.select_related("section").get(pk=article.pk)
    if not article.is_public:
        raise ValidationError(_("This story is not open for discussion."))
    if article.discussion_closed:
        raise ValidationError(_("The discussion of this story is closed."))
    body = text.clean_body(body)
    if parent is not None:
        if parent.article_id != article.pk:
            raise ValidationError(_("You can only reply to a comment on the same story."))
        if parent.status not in (C.VISIBLE, C.DELETED):
            raise ValidationError(_("That comment cannot be replied to."))
        parent = parent.parent or parent  # replies to replies join the thread, flat
    recent = Comment.objects.filter(author=by, created_at__gte=timezone.now() - RATE_WINDOW)
    if recent.count() >= RATE_LIMIT:
        raise ValidationError(_("You are commenting too fast: at most %(n)s comments a "
                                "minute. Wait a moment and try again.") % {"n": RATE_LIMIT})
    reason = _hold_reason(article, by, body)
    comment = Comment.objects.create(article=article, author=by, parent=parent, body=body,
                                     status=C.PENDING if reason else C.VISIBLE,
                                     held_because=reason)
    if comment.status == C.VISIBLE:
        _became_visible(comment)
    _announce(comment)
    return comment


@transaction.atomic
def edit_comment(comment: Comment, *, by, body: str) -> Comment:
    """The author changes their comment within ten minutes of writing it."""
    _require_reader(by)
    comment = Comment.objects.select_for_update().select_related("article__section").get(
        pk=comment.pk)
    if comment.author_id != by.pk:
        raise PermissionDenied(_("You can only edit your own comments."))
    if comment.status not in (C.VISIBLE, C.PENDING):
        raise ValidationError(_("This comment can no longer be edited."))
    if timezone.now() - comment.created_at > EDIT_WINDOW:
        raise ValidationError(_("Comments can be edited for 10 minutes after posting."))
    comment.body = text.clean_body(body)
    comment.edited_at = timezone.now()
    fields = ["body", "edited_at"]
    if comment.status == C.VISIBLE and text.has_banned_word(comment.body):
        comment.status, comment.held_because = C.PENDING, "banned words"
        fields += ["status", "held_because"]
        _left_view(comment)
    comment.save(update_fields=fields)
    _announce(comment)
    return comment


@transaction.atomic
def delete_comment(comment: Comment, *, by) -> Comment:
    """The author (or a moderator) deletes a comment; with replies it leaves a placeholder."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    moderation.require_author_or_moderator(
        by, comment.author_id, refusal=_("You can only delete your own comments."))
    if comment.status == C.DELETED:
        return comment
    was_visible = comment.status == C.VISIBLE
    comment.status, comment.body = C.DELETED, ""
    comment.save(update_fields=["status", "body"])
    if was_visible:
        _left_view(comment)
    _announce(comment)
    return comment


@transaction.atomic
def like_comment(comment: Comment, *, by) -> Comment:
    """One like per reader; a second is refused."""
    _require_reader(by)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status != C.VISIBLE:
        raise ValidationError(_("This comment cannot be liked."))
    if comment.author_id == by.pk:
        raise ValidationError(_("You cannot like your own comment."))
    try:
        with transaction.atomic():
            Like.objects.create(comment=comment, user=by)
    except IntegrityError:
        raise ValidationError(_("You already like this comment.")) from None
    Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
    comment.refresh_from_db(fields=["like_count"])
    return comment


@transaction.atomic
def unlike_comment(comment: Comment, *, by) -> Comment:
    _require_reader(by)
    if Like.objects.filter(comment=comment, user=by).delete()[0]:
        Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") - 1)
    comment.refresh_from_db(fields=["like_count"])
    return comment


@transaction.atomic
def report_comment(comment: Comment, *, by, reason: str) -> int:
    """A reader flags a comment for the moderators; enough reports hold it meanwhile.
    Returns how many reports it has."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status != C.VISIBLE:
        raise ValidationError(_("This comment cannot be reported."))
    comment.report_count = moderation.file_report(comment, by=by, reason=reason)
    fields = ["report_count"]
    if comment.report_count >= REPORTS_TO_HOLD:
        comment.status, comment.held_because = C.PENDING, "reports"
        fields += ["status", "held_because"]
        _left_view(comment)
        _announce(comment)
    comment.save(update_fields=fields)
    return comment.report_count


@transaction.atomic
def approve_comment(comment: Comment, *, by) -> Comment:
    """A moderator lets a held comment through. Emits comment.changed after commit."""
    require_moderator(by)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status == C.VISIBLE:
        return comment
    if comment.status != C.PENDING and comment.status != C.REJECTED:
        raise ValidationError(_("A deleted comment cannot be approved."))
    comment.status, comment.held_because = C.VISIBLE, ""
    comment.save(update_fields=["status", "held_because"])
    _became_visible(comment)
    _announce(comment)
    return comment


@transaction.atomic
def reject_comment(comment: Comment, *, by) -> Comment:
    """A moderator takes a comment down (or refuses a held one)."""
    require_moderator(by)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status in (C.REJECTED, C.DELETED):
        return comment
    was_visible = comment.status == C.VISIBLE
    comment.status = C.REJECTED
    comment.save(update_fields=["status"])
    if was_visible:
        _left_view(comment)
    _announce(comment)
    return comment


def refuse_held_from(user, *, by) -> None:
    """A ban: the reader's comments still waiting for a moderator are refused."""
    require_moderator(by)
    Comment.objects.filter(author=user, status=C.PENDING).update(status=C.REJECTED)


@transaction.atomic
def set_discussion_closed(article: Article, *, closed: bool, by) -> Article:
    require_moderator(by)
    Article.objects.filter(pk=article.pk).update(discussion_closed=closed)
    article.discussion_closed = closed
    return article


def recount_comments(*, fix: bool = False) -> list[tuple[int, int, int]]:
    """Compare every story's stored comment count with the visible comments; returns
    (article id, stored, actual) for each difference, and corrects them if fix."""
    from django.db.models import Count, Q

    actual = dict(Comment.objects.filter(status=C.VISIBLE).values_list("article")
                  .annotate(n=Count("id")).values_list("article", "n"))
    wrong = []
    stored_counts = Article.objects.filter(Q(comment_count__gt=0) | Q(pk__in=list(actual)))
    for pk, stored in stored_counts.values_list("pk", "comment_count").iterator():
        if stored != actual.get(pk, 0):
            wrong.append((pk, stored, actual.get(pk, 0)))
    if fix:
        for pk, _stored, real in wrong:
            Article.objects.filter(pk=pk).update(comment_count=real)
    return wrong


def _notify_parent_author(comment: Comment) -> None:
    parent = comment.parent
    if parent is None or parent.author_id in (None, comment.author_id):
        return
    Notification.objects.create(user_id=parent.author_id, comment=comment)
    recipient = parent.author
    profile = getattr(recipient, "reader_profile", None)
    if profile is not None and profile.email_on_reply and recipient.email:
        url = settings.SITE_URL + comment.article.get_absolute_url()
        name = comment.author.get_username() if comment.author else _("a reader")
        transaction.on_commit(lambda: send_mail(
            _("%(name)s replied to your comment") % {"name": name},
            _("%(name)s replied to your comment on “%(headline)s”:\n\n%(body)s\n\n%(url)s")
            % {"name": name, "headline": comment.article.headline, "body": comment.body,
               "url": url},
            None, [recipient.email], fail_silently=True))
