"""The discussion's HTTP side: lists for every reader, writes for logged-in readers.

Lists carry no per-reader data, so they can be shared; who may edit or like what is
decided in the page from /account/me/. Every write answers JSON to the page's script and
a redirect with a message to a plain form, and every refusal is a 4xx with the reason.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from dateline import numbers
from dateline.discussion import actions, selectors
from dateline.discussion.models import Comment, Like
from dateline.moderation import actions as moderation
from dateline.newsroom.models import Article


def _article(article_id: int) -> Article:
    article = (Article.objects.published().select_related("section")
               .filter(pk=article_id, language=get_language()).first())
    if article is None:
        raise Http404("no such story")
    return article


def _number(value: str | None) -> int:
    number = 1 if value is None else numbers.parse(value, low=1, high=10**6)
    if number is None:
        raise Http404("bad page number")
    return number


def _shared(response: HttpResponse, seconds: int = 5) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=seconds)
    return response


def count_label(count: int) -> str:
    return ngettext("%(counter)s comment", "%(counter)s comments", count) % {"counter": count}


@require_GET
def thread_list(request: HttpRequest, article_id: int) -> HttpResponse:
    """A page of the discussion as an HTML fragment, for the story page's script."""
    article = _article(article_id)
    page = selectors.thread_page(article, order=request.GET.get("order", "newest"),
                                 number=_number(request.GET.get("page")))
    return _shared(render(request, "discussion/_threads.html", {"article": article,
                                                                "page": page}))


@require_GET
def discussion_page(request: HttpRequest, article_id: int) -> HttpResponse:
    """The whole discussion as a page of its own: works without JavaScript."""
    article = _article(article_id)
    page = selectors.thread_page(article, order=request.GET.get("order", "newest"),
                                 number=_number(request.GET.get("page")))
    ban = moderation.active_ban(request.user) if request.user.is_authenticated else None
    return render(request, "discussion/page.html", {
        "article": article, "page": page, "current_section": article.section,
        "ban_message": moderation.ban_message(ban) if ban else None,
    })


@require_GET
def since(request: HttpRequest, article_id: int) -> JsonResponse:
    """What appeared after the newest comment a page shows, and the exact count."""
    article = _article(article_id)
    after = numbers.parse(request.GET.get("after", "0"))
    if after is None:
        raise Http404("bad comment id")
    new = list(selectors.comments_after(article, after=after))
    html = "".join(render_to_string("discussion/_comment.html", {"c": c, "article": article})
                   for c in new)
    return _shared(JsonResponse({
        "count": article.comment_count, "label": count_label(article.comment_count),
        "last": new[-1].pk if new else after, "html": html,
        "ids": [c.pk for c in new], "parents": [c.parent_id for c in new],
    }), 3)


@never_cache
@require_GET
def mine(request: HttpRequest, article_id: int) -> JsonResponse:
    """Which comments of this story the reader likes: the shared list cannot say."""
    if not request.user.is_authenticated:
        return JsonResponse({"liked": []})
    liked = Like.objects.filter(user=request.user, comment__article_id=article_id)
    return JsonResponse({"liked": list(liked.values_list("comment_id", flat=True)[:1000])})


@require_GET
def counts(request: HttpRequest) -> JsonResponse:
    """Exact comment counts of the stories on a page: ?ids=1,2,3 (at most 100)."""
    raw = request.GET.get("ids", "")
    ids = [n for x in raw.split(",")[:100] if (n := numbers.parse(x, low=1)) is not None]
    return _shared(JsonResponse({str(pk): {"count": n, "label": count_label(n)}
                                 for pk, n in selectors.comment_counts(ids).items()}))


def _answer(request: HttpRequest, article: Article, *, ok: str | None = None,
            error: str | None = None, status: int = 200, **data) -> HttpResponse:
    if "application/json" in request.headers.get("Accept", ""):
        body = {"ok": error is None, **data}
        if ok:
            body["message"] = ok
        if error:
            body["error"] = error
        return JsonResponse(body, status=status)
    (messages.error if error else messages.success)(request, error or ok)
    return redirect(reverse("discussion:page", args=[article.pk]))


def _perform(request: HttpRequest, article: Article, run, ok: str, **data) -> HttpResponse:
    try:
        result = run()
    except PermissionDenied as exc:
        return _answer(request, article, error=str(exc) or "forbidden", status=403)
    except ValidationError as exc:
        return _answer(request, article, error=" ".join(exc.messages), status=400)
    extra = data.pop("extra", None)
    data.update(extra(result) if extra else {})
    return _answer(request, article, ok=data.pop("message", ok), **data)


def _comment_result(comment: Comment) -> dict:
    data = {"id": comment.pk, "state": comment.status, "parent": comment.parent_id,
            "message": _("Your comment is published.") if comment.status == Comment.Status.VISIBLE
            else _("Thank you. Your comment will appear once a moderator has read it.")}
    if comment.status == Comment.Status.VISIBLE:
        data["html"] = render_to_string("discussion/_comment.html",
                                        {"c": comment, "article": comment.article})
    return data


@require_POST
def post(request: HttpRequest, article_id: int) -> HttpResponse:
    article = _article(article_id)
    parent = None
    if parent_id := request.POST.get("parent"):
        if (parent_pk := numbers.parse(parent_id, low=1)) is None:
            return _answer(request, article, error=_("No such comment."), status=400)
        parent = Comment.objects.filter(pk=parent_pk).first()
        if parent is None:
            return _answer(request, article, error=_("No such comment."), status=400)
    return _perform(
        request, article,
        lambda: actions.post_comment(article, by=request.user, parent=parent,
                                     body=request.POST.get("body", "")),
        "", extra=_comment_result)


def _own(comment_id: int) -> tuple[Comment, Article]:
    comment = get_object_or_404(Comment.objects.select_related("article__section"),
                                pk=comment_id)
    return comment, comment.article


@require_POST
def edit(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment, article = _own(comment_id)
    return _perform(request, article, lambda: actions.edit_comment(
        comment, by=request.user, body=request.POST.get("body", "")), _("Comment saved."),
        extra=_comment_result)


@require_POST
def delete(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment, article = _own(comment_id)
    return _perform(request, article, lambda: actions.delete_comment(comment, by=request.user),
                    _("Comment deleted."))


@require_POST
def like(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment, article = _own(comment_id)
    undo = request.POST.get("undo") == "1"
    run = actions.unlike_comment if undo else actions.like_comment
    return _perform(request, article, lambda: run(comment, by=request.user),
                    _("Like removed.") if undo else _("Liked."),
                    extra=lambda c: {"likes": c.like_count})


@require_POST
def report(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment, article = _own(comment_id)
    return _perform(request, article, lambda: actions.report_comment(
        comment, by=request.user, reason=request.POST.get("reason", "")),
        _("Thank you: the moderators will look at this comment."))
