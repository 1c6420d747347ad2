"""What differs per reader, served apart from the shared pages and never cached."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from dateline.accounts import actions
from dateline.accounts.models import ReaderProfile
from dateline.discussion.models import Notification
from dateline.moderation.actions import active_ban, ban_message, is_moderator


@never_cache
def me(request: HttpRequest) -> JsonResponse:
    """The account menu's data: who is reading, and the notices waiting for them.

    Shared reader pages cannot show per-reader notices ("You are signed in"), so they are
    handed over here, once, and the page shows them.
    """
    user = request.user
    notices = [str(message) for message in get_messages(request)]
    if not user.is_authenticated:
        return JsonResponse({"authenticated": False, "notices": notices})
    ban = active_ban(user)
    return JsonResponse({
        "authenticated": True,
        "id": user.pk,
        "notices": notices,
        "csrf": get_token(request),  # shared pages carry none; the page's script posts with it
        "banned": ban_message(ban) if ban else None,
        "moderator": is_moderator(user),
        "unread": Notification.objects.filter(user=user, read_at=None).count(),
        "notifications_url": reverse("accounts:notifications"),
        "settings_url": reverse("accounts:settings"),
        "name": user.get_username(),
        "logout_url": reverse("account_logout"),
        "is_staff": user.is_staff,
    })


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """Replies to the reader's comments; opening the page marks them read."""
    items = list(Notification.objects.filter(user=request.user)
                 .select_related("comment__author", "comment__article__section")[:50])
    Notification.objects.filter(user=request.user, read_at=None).update(read_at=timezone.now())
    return render(request, "accounts/notifications.html", {"items": items})


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """What the reader chooses: email on reply; download their data; delete the account."""
    profile, _created = ReaderProfile.objects.get_or_create(user=request.user)
    if request.method == "POST":
        profile.email_on_reply = request.POST.get("email_on_reply") == "on"
        profile.save(update_fields=["email_on_reply"])
        messages.success(request, _("Your settings are saved."))
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"profile": profile})


@login_required
def export(request: HttpRequest) -> JsonResponse:
    """Everything the reader wrote and chose, as a JSON download."""
    response = JsonResponse(actions.reader_data(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="dateline-my-data.json"'
    return response


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    """Delete the account after the password is given; comments stay, from "a deleted user"."""
    error = None
    if request.method == "POST":
        if request.user.check_password(request.POST.get("password", "")):
            actions.delete_reader(request.user)
            logout(request)
            messages.success(request, _("Your account is deleted."))
            return redirect("reader:home")
        error = _("The password is not correct.")
    return render(request, "accounts/delete.html", {"error": error},
                  status=400 if error else 200)
