"""The chats' pages: the rooms, a room with its latest messages, older ones on demand."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from dateline import events, numbers
from dateline.chats import actions, selectors


@require_GET
def room_list(request: HttpRequest) -> HttpResponse:
    return render(request, "chats/rooms.html", {
        "rooms": selectors.rooms(language=get_language())})


@require_GET
def room(request: HttpRequest, slug: str) -> HttpResponse:
    request.last_event_id = events.position()  # before the history: later ones are replayed
    current = selectors.room_by_slug(slug, language=get_language())
    return render(request, "chats/room.html", {
        "room": current, "history": selectors.history(current),
        "present": selectors.present(current.pk), "rooms": selectors.rooms(
            language=get_language())})


@require_GET
def older(request: HttpRequest, slug: str) -> JsonResponse:
    """Fifty messages older than ?before=<id>, as HTML, oldest first."""
    current = selectors.room_by_slug(slug, language=get_language())
    before = numbers.parse(request.GET.get("before", ""), low=1)
    if before is None:
        raise Http404("bad message id")
    found = selectors.history(current, before=before)
    html = "".join(render_to_string("chats/_message.html", {"m": m}) for m in found)
    return JsonResponse({"html": html, "first": found[0].pk if found else None,
                         "more": len(found) == selectors.HISTORY})


@require_POST
def post(request: HttpRequest, slug: str) -> HttpResponse:
    """The plain form's way to say something, for pages without the socket."""
    current = selectors.room_by_slug(slug, language=get_language())
    try:
        actions.post_message(current, by=request.user, body=request.POST.get("body", ""))
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("chats:room", slug=current.slug)
