"""One moderation queue for the discussion and the chats: everything held, oldest first."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from dateline.chats import actions as chat_actions
from dateline.chats import selectors as chat_selectors
from dateline.chats.models import Message
from dateline.discussion import actions, selectors
from dateline.discussion.models import Comment

QUEUE_SIZE = 100


def moderation_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("discussion.moderate_comment"):
        raise PermissionDenied
    if request.method == "POST":
        _decide(request)
        return redirect("moderation_queue")
    comments = list(selectors.moderation_queue()[:QUEUE_SIZE])
    chat = list(chat_selectors.held_messages()[:QUEUE_SIZE])
    items = sorted([("comment", c) for c in comments] + [("message", m) for m in chat],
                   key=lambda item: item[1].created_at)
    return TemplateResponse(request, "discussion/queue.html", {
        **admin.site.each_context(request), "title": _("Moderation queue"), "items": items})


def _decide(request: HttpRequest) -> None:
    kind, pk, decision = (request.POST.get(k, "") for k in ("kind", "id", "decision"))
    if not pk.isdigit() or kind not in ("comment", "message"):
        messages.error(request, _("Nothing to decide on."))
        return
    item = get_object_or_404(Comment if kind == "comment" else Message, pk=int(pk))
    user = request.user
    run = {
        ("comment", "approve"): lambda: actions.approve_comment(item, by=user),
        ("comment", "reject"): lambda: actions.reject_comment(item, by=user),
        ("message", "approve"): lambda: chat_actions.approve_message(item, by=user),
        ("message", "reject"): lambda: chat_actions.delete_message(item, by=user),
    }.get((kind, decision))
    try:
        if decision == "ban" and item.author:
            actions.ban_reader(item.author, by=user, reason=_("Breaking the rules"),
                               until=timezone.now() + timedelta(days=7))
            run = {"comment": lambda: actions.reject_comment(item, by=user),
                   "message": lambda: chat_actions.delete_message(item, by=user)}[kind]
        if run is None:
            messages.error(request, _("Nothing to decide on."))
            return
        run()
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return
    messages.success(request, _("Done."))
