"""The browser's side: the service worker, and a device subscribing or leaving.

The pages that offer alerts are cached whole for anonymous readers and carry no CSRF token,
so these endpoints take none. What guards them instead: they accept only a JSON body (a
form on another site cannot send one without a CORS preflight, which we never grant), an
Origin other than our own is refused, and each client has a rate.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from dateline import clients
from dateline.subscriptions.push import actions, checks
from dateline.subscriptions.push.checks import Refused

WORKER = Path(__file__).resolve().parent / "static" / "push" / "worker.js"


@require_GET
@cache_control(max_age=300, public=True)  # browsers look for a new worker at least daily
def service_worker(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(WORKER.read_bytes(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@csrf_exempt
@require_http_methods(["POST", "DELETE"])
def subscription(request: HttpRequest) -> JsonResponse:
    """POST: keep the device's subscription. DELETE: remove it (endpoint and auth secret)."""
    wait = _spend(clients.of_request(request))
    if wait is not None:
        response = _refused(429, _("Too many requests from this address; try again soon."))
        response["Retry-After"] = str(wait)
        return response
    try:
        data = _json(request)
        if request.method == "DELETE":
            removed = actions.unsubscribe(checks.endpoint(data.get("endpoint")),
                                          auth=checks.auth_secret(data.get("auth")))
            return JsonResponse({"removed": removed})
        actions.subscribe(checks.new_subscription(data), user=request.user)
    except Refused as refusal:
        return _refused(400, str(refusal))
    return JsonResponse({"subscribed": True}, status=201)


def _json(request: HttpRequest) -> dict:
    origin = request.headers.get("Origin")
    if origin and origin != f"{request.scheme}://{request.get_host()}":
        raise Refused(_("Subscriptions are taken from this site's own pages only."))
    if request.content_type != "application/json":
        raise Refused(_("Send the subscription as JSON."))
    length = request.headers.get("Content-Length", "")
    if not length.isdigit() or int(length) > checks.BODY_MAX:
        raise Refused(_("The request is empty or too large."))
    try:
        data = json.loads(request.body)
    except (UnicodeDecodeError, ValueError, RecursionError):  # [[[[... nests past the stack
        raise Refused(_("The request is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise Refused(_("Send the subscription as a JSON object."))
    return data


def _refused(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _spend(client: str) -> int | None:
    """Count a request against the client's minute: None within PUSH_RATE_PER_MINUTE, else
    the seconds until the next minute. A fixed window, as the partner API's."""
    now = time.time()
    name = f"push:rate:{client}:{int(now // 60)}"
    if cache.add(name, 1, timeout=90):
        count = 1
    else:
        try:
            count = cache.incr(name)
        except ValueError:  # it expired between the two calls
            cache.set(name, 1, timeout=90)
            count = 1
    if count <= settings.PUSH_RATE_PER_MINUTE:
        return None
    return max(1, 60 - int(now % 60))
