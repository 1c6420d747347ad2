"""The one moderation queue: everything held, from every source, oldest first."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from dateline.moderation import actions
from dateline.moderation.sources import sources

QUEUE_SIZE = 100
BAN_DAYS = 7


def moderation_queue(request: HttpRequest) -> HttpResponse:
    if not actions.is_moderator(request.user):
        raise PermissionDenied
    if request.method == "POST":
        _decide(request)
        return redirect("moderation_queue")
    items = sorted((item for source in sources.values() for item in source.held(QUEUE_SIZE)),
                   key=lambda item: item.created_at)[:QUEUE_SIZE]
    labels = {kind: source.label for kind, source in sources.items()}
    return TemplateResponse(request, "moderation/queue.html", {
        **admin.site.each_context(request), "title": _("Moderation queue"),
        "items": [(labels[item.kind], item) for item in items]})


def _decide(request: HttpRequest) -> None:
    kind, pk, decision = (request.POST.get(k, "") for k in ("kind", "id", "decision"))
    source = sources.get(kind)
    if source is None or not (pk.isascii() and pk.isdigit()) or len(pk) > 18 or decision not in (
            "approve", "reject", "ban"):
        messages.error(request, _("Nothing to decide on."))
        return
    by, pk = request.user, int(pk)
    try:
        if decision == "approve":
            source.approve(pk, by=by)
        elif decision == "reject":
            source.remove(pk, by=by)
        else:
            _banned, problems = actions.ban_and_remove(
                kind, [pk], by=by, reason=_("Breaking the rules"),
                until=timezone.now() + timedelta(days=BAN_DAYS))
            for problem in problems:
                messages.error(request, problem)
            if problems:
                return
    except ObjectDoesNotExist:
        messages.error(request, _("Nothing to decide on."))  # gone meanwhile, or never was
        return
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return
    messages.success(request, _("Done."))
