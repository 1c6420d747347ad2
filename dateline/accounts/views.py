"""What differs per reader, served apart from the shared pages and never cached."""

from django.contrib.messages import get_messages
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache


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
    return JsonResponse({
        "authenticated": True,
        "notices": notices,
        "name": user.get_username(),
        "logout_url": reverse("account_logout"),
        "is_staff": user.is_staff,
    })
