"""A story's way through the desk: draft -> in review -> scheduled or published -> unpublished."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dateline.events import ArticlePublished, ArticleUnpublished, ArticleUpdated, emit
from dateline.newsroom import tasks as jobs
from dateline.newsroom.actions.common import User, audit, require, require_edit
from dateline.newsroom.models import Article, Correction

S = Article.Status


def _locked(article: Article) -> Article:
    return Article.objects.select_for_update().select_related("section").get(pk=article.pk)


def _move(article: Article, status: str, **fields) -> Article:
    article.status = status
    for name, value in fields.items():
        setattr(article, name, value)
    article.version += 1
    article.save(update_fields=["status", "version", "updated_at", *fields])
    return article


def _refuse(message: str) -> None:
    raise ValidationError(message)


@transaction.atomic
def submit_for_review(article: Article, *, by: User | None) -> Article:
    """A reporter hands their draft to the editors."""
    article = _locked(article)
    require_edit(by, article)
    if article.status != S.DRAFT:
        _refuse(_("Only a draft can be submitted for review."))
    _move(article, S.REVIEW)
    audit(by, "submitted", article, f"Submitted “{article.headline}” for review")
    return article


@transaction.atomic
def return_to_draft(article: Article, *, by: User | None) -> Article:
    """An editor sends a story in review, or a scheduled one, back to its author."""
    require(by, "newsroom.publish_article")
    article = _locked(article)
    if article.status not in (S.REVIEW, S.SCHEDULED):
        _refuse(_("Only a story in review or scheduled can go back to draft."))
    _move(article, S.DRAFT, published_at=None)
    audit(by, "returned", article, f"Returned “{article.headline}” to draft")
    return article


@transaction.atomic
def publish_article(article: Article, *, by: User | None) -> Article:
    """Make the story public now. Emits article.published after commit."""
    require(by, "newsroom.publish_article")
    article = _locked(article)
    if article.status == S.PUBLISHED:
        return article
    now = timezone.now()
    # A story coming back from unpublished keeps its first publication time.
    keep = article.status == S.UNPUBLISHED and article.published_at is not None
    _move(article, S.PUBLISHED, published_at=article.published_at if keep else now)
    audit(by, "published", article, f"Published “{article.headline}”")
    emit(ArticlePublished.of(article))
    jobs.refresh_related.enqueue(article.pk)  # in this transaction: once, and never lost
    return article


@transaction.atomic
def schedule_article(article: Article, *, at: datetime, by: User | None) -> Article:
    """Publish the story by itself at a future time (an embargo). Invisible until then."""
    require(by, "newsroom.publish_article")
    if not isinstance(at, datetime) or timezone.is_naive(at):
        _refuse(_("Give the publication time as a full date and time."))
    if at <= timezone.now():
        _refuse(_("The publication time must be in the future."))
    article = _locked(article)
    if article.status == S.PUBLISHED:
        _refuse(_("This story is already published: unpublish it first to schedule it."))
    _move(article, S.SCHEDULED, published_at=at)
    audit(by, "scheduled", article, f"Scheduled “{article.headline}” for {at.isoformat()}")
    # in this transaction: the story is never scheduled without its job, nor the reverse
    jobs.publish_when_due.using(run_after=at).enqueue()
    return article


@transaction.atomic
def unpublish_article(article: Article, *, by: User | None) -> Article:
    """Take the story off the site. Emits article.unpublished after commit."""
    require(by, "newsroom.publish_article")
    article = _locked(article)
    if article.status != S.PUBLISHED:
        _refuse(_("Only a published story can be unpublished."))
    was_public = article.is_public
    _move(article, S.UNPUBLISHED)
    audit(by, "unpublished", article, f"Unpublished “{article.headline}”")
    if was_public:
        emit(ArticleUnpublished.of(article))
    return article


def publish_due(*, now: datetime | None = None, limit: int = 100) -> list[int]:
    """Publish every scheduled story whose time has come; each exactly once, even with
    several workers or after downtime. Returns the ids published."""
    now = now or timezone.now()
    due = list(Article.objects.filter(status=S.SCHEDULED, published_at__lte=now)
               .order_by("published_at", "id").values_list("id", flat=True)[:limit])
    published = []
    for pk in due:
        with transaction.atomic():
            rows = Article.objects.select_for_update(
                skip_locked=connection.features.has_select_for_update_skip_locked)
            article = rows.select_related("section").filter(
                pk=pk, status=S.SCHEDULED, published_at__lte=now).first()
            if article is None:
                continue  # another worker took it, or an editor changed it meanwhile
            _move(article, S.PUBLISHED)
            audit(None, "published", article,
                  f"Published “{article.headline}” on schedule",
                  scheduled_for=article.published_at.isoformat())
            emit(ArticlePublished.of(article))
            jobs.refresh_related.enqueue(article.pk)
            published.append(pk)
    return published


@transaction.atomic
def add_correction(article: Article, *, text: str, by: User | None) -> Correction:
    """Add a dated note readers see on the story; its updated time changes, not its
    published time. Emits article.updated after commit."""
    require(by, "newsroom.correct_article")
    text = (text or "").strip()
    if not text:
        _refuse(_("Write what was corrected or updated."))
    if len(text) > 1000:
        _refuse(_("A correction note is at most 1000 characters."))
    article = _locked(article)
    if article.status != S.PUBLISHED:
        _refuse(_("Only a published story can carry a correction."))
    correction = Correction.objects.create(article=article, text=text,
                                           by=by if by is not None else None)
    article.version += 1
    article.save(update_fields=["version", "updated_at"])
    audit(by, "corrected", article, f"Corrected “{article.headline}”", note=text)
    emit(ArticleUpdated.of(article))
    return correction
