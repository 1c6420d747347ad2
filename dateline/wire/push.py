"""The push endpoint: an agency POSTs a payload to its feed's address with the feed's token.

Answered at once with 202 once the payload is kept; it is read by a job, as a poll's is.
"""

from __future__ import annotations

import hmac

from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from dateline import numbers
from dateline.wire import tasks
from dateline.wire.formats import MAX_PAYLOAD_BYTES
from dateline.wire.models import Delivery, Feed, token_hash


def _refused(status: int, error: str) -> JsonResponse:
    response = JsonResponse({"error": error}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="wire"'
    return response


@csrf_exempt  # a machine with a token, not a browser with a session
@require_POST
def receive(request: HttpRequest, pk: int) -> JsonResponse:
    feed = Feed.objects.filter(pk=pk, transport=Feed.Transport.PUSH, enabled=True).first()
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if (feed is None or scheme.lower() != "bearer" or not token or not feed.push_token_hash
            or not hmac.compare_digest(token_hash(token.strip()), feed.push_token_hash)):
        return _refused(401, "unknown feed or token")  # the same for both: nothing to probe
    length = request.headers.get("Content-Length")
    if length is not None and numbers.parse(length, high=MAX_PAYLOAD_BYTES) is None:
        return _refused(413, f"at most {MAX_PAYLOAD_BYTES} bytes")
    payload = request.body  # past Django's upload limit (the same size): 400
    if not payload:
        return _refused(400, "the payload is empty")
    with transaction.atomic():
        delivery = Delivery.objects.create(feed=feed, source="push", payload=payload)
        transaction.on_commit(lambda: tasks.read_delivery.enqueue(delivery.pk))
    return JsonResponse({"received": delivery.pk}, status=202)
