"""The discussion as a source for the one moderation queue."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from dateline.discussion import actions, selectors
from dateline.discussion.models import Comment
from dateline.moderation.sources import Held


class Comments:
    kind = "comment"
    label = _("comment")

    def held(self, limit: int) -> list[Held]:
        return [Held(kind=self.kind, pk=c.pk, author=c.author, text=c.body,
                     where=c.article.headline, where_url=c.article.get_absolute_url(),
                     reason=c.held_because, created_at=c.created_at)
                for c in selectors.moderation_queue()[:limit]]

    def author(self, pk: int):
        return Comment.objects.select_related("author").get(pk=pk).author

    def approve(self, pk: int, *, by) -> None:
        actions.approve_comment(Comment.objects.get(pk=pk), by=by)

    def remove(self, pk: int, *, by) -> None:
        actions.reject_comment(Comment.objects.get(pk=pk), by=by)

    def refuse_held_from(self, user, *, by) -> None:
        actions.refuse_held_from(user, by=by)
