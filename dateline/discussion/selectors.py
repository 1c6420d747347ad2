"""Read paths of the discussion: a page of threads, new comments since, counts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from dateline.discussion.models import Comment
from dateline.newsroom.models import Article

C = Comment.Status
PAGE_SIZE = 20
ORDERS = {
    "newest": ("-created_at", "-id"),
    "oldest": ("created_at", "id"),
    "liked": ("-like_count", "-created_at", "-id"),
}


@dataclass
class ThreadPage:
    threads: list[Comment]
    number: int
    has_more: bool
    order: str


def _visible_replies() -> Prefetch:
    return Prefetch("replies", to_attr="shown_replies",
                    queryset=Comment.objects.filter(status=C.VISIBLE)
                    .select_related("author").order_by("created_at", "id"))


def thread_page(article: Article, *, order: str = "newest", number: int = 1,
                size: int = PAGE_SIZE) -> ThreadPage:
    """A page of top-level comments with their replies: two queries at any depth of
    discussion. A deleted comment still shows, as a placeholder, while it has replies."""
    if order not in ORDERS:
        order = "newest"
    start = (number - 1) * size
    threads = list(
        Comment.objects.filter(article=article, parent=None, status__in=[C.VISIBLE, C.DELETED])
        .exclude(status=C.DELETED, reply_count=0)
        .select_related("author").prefetch_related(_visible_replies())
        .order_by(*ORDERS[order])[start:start + size + 1])
    return ThreadPage(threads=threads[:size], number=number, has_more=len(threads) > size,
                      order=order)


def comments_after(article: Article, *, after: int, limit: int = 50) -> QuerySet[Comment]:
    """Visible comments of a story newer than the comment id after, oldest first."""
    return (Comment.objects.filter(article=article, status=C.VISIBLE, pk__gt=after)
            .select_related("author").order_by("id")[:limit])


def comment_counts(ids: list[int]) -> dict[int, int]:
    return dict(Article.objects.filter(pk__in=ids[:100]).values_list("pk", "comment_count"))


def moderation_queue() -> QuerySet[Comment]:
    """Comments waiting for a moderator, oldest first."""
    return (Comment.objects.filter(status=C.PENDING)
            .select_related("author", "article__section")
            .order_by("created_at", "id"))
