"""What differs per reader, served apart from the shared pages and never cached."""

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache


@never_cache
def me(request: HttpRequest) -> JsonResponse:
    """The account menu's data: who is reading, and where their account links go."""
    user = request.user
    if not user.is_authenticated:
        return JsonResponse({"authenticated": False})
    return JsonResponse({
        "authenticated": True,
        "name": user.get_username(),
        "logout_url": reverse("account_logout"),
        "is_staff": user.is_staff,
    })
