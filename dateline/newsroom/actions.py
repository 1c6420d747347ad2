"""Writes to newsroom content. Every change readers can see goes through here and emits an event."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from dateline.events import ArticlePublished, ArticleUnpublished, ArticleUpdated, emit
from dateline.newsroom.models import Article


def require(user: AbstractBaseUser | None, perm: str) -> None:
    """Raise PermissionDenied unless user holds perm; None means the system itself."""
    if user is not None and not user.has_perm(perm):
        raise PermissionDenied(perm)


@transaction.atomic
def save_article(article: Article, *, by: AbstractBaseUser | None) -> Article:
    """Save a story from the desk; emits published, updated or unpublished as its status moves."""
    require(by, "newsroom.change_article" if article.pk else "newsroom.add_article")
    was_public = False
    if article.pk:
        before = Article.objects.select_for_update().filter(pk=article.pk).first()
        was_public = bool(before and before.is_public)
    if article.status == Article.Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    if article.translation_id:  # the counterpart lets go of any previous partner first
        Article.objects.filter(translation_id=article.translation_id).exclude(
            pk=article.pk).update(translation=None)
    article.full_clean(exclude=["tags"])
    article.save()
    _keep_translation_symmetric(article)
    if article.is_public:
        emit((ArticleUpdated if was_public else ArticlePublished).of(article))
    elif was_public:
        emit(ArticleUnpublished.of(article))
    return article


def _keep_translation_symmetric(article: Article) -> None:
    """A translation link points both ways; a story has at most one counterpart."""
    Article.objects.filter(translation=article).exclude(pk=article.translation_id or 0).update(
        translation=None)
    if article.translation_id:
        Article.objects.filter(pk=article.translation_id).update(translation=article)


def article_topics_changed(article: Article) -> None:
    """Tags were edited after the save: the story's pages change, so tell listeners."""
    if article.is_public:
        emit(ArticleUpdated.of(article))
