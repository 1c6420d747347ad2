"""What every desk action shares: permission checks, snapshots and the audit log."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied

from dateline.newsroom.models import Article, AuditEntry

User = AbstractBaseUser

# The fields a revision keeps: everything an editor writes, nothing the workflow sets.
CONTENT_FIELDS = ("headline", "slug", "lead", "body", "dateline_place", "agency_id", "byline",
                  "section_id", "language", "is_breaking", "translation_id", "lead_image_id")


def require(user: User | None, perm: str) -> None:
    """Raise PermissionDenied unless user holds perm; None means the system itself."""
    if user is not None and not user.has_perm(perm):
        raise PermissionDenied(perm)


def can_edit(user: User | None, article: Article) -> bool:
    """Editors edit any story; a reporter edits only their own story while it is a draft."""
    if user is None or user.has_perm("newsroom.edit_any_article"):
        return True
    if not article.pk:
        return user.has_perm("newsroom.add_article")
    return (user.has_perm("newsroom.change_article") and article.author_id == user.pk
            and article.status == Article.Status.DRAFT)


def require_edit(user: User | None, article: Article) -> None:
    if not can_edit(user, article):
        raise PermissionDenied("newsroom.change_article")


def snapshot(article: Article, tag_ids: list[int] | None = None,
             author_ids: list[int] | None = None) -> dict:
    data = {name: getattr(article, name) for name in CONTENT_FIELDS}
    data["tags"] = sorted(tag_ids if tag_ids is not None else
                          (article.tags.values_list("id", flat=True) if article.pk else []))
    data["authors"] = (author_ids if author_ids is not None else  # in byline order
                       list(article.bylines.values_list("author_id", flat=True))
                       if article.pk else [])
    return data


def audit(by: User | None, action: str, article: Article | None, summary: str,
          **details) -> None:
    AuditEntry.objects.create(actor=by if by is not None and by.pk else None, action=action,
                              article=article, summary=summary[:300], details=details)
