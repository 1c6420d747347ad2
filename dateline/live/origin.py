"""Only the site's own pages may open its socket: the Origin must be exactly the page's.

A browser sends the page's origin (scheme, host and port) with the handshake. It is
accepted when it is the origin the socket was asked at (the Host header, under the scheme
the client used, or the one a trusted proxy reports) and that host is one the site answers
to, or when it is listed in CSRF_TRUSTED_ORIGINS. Anything else is refused before the
consumer runs.
"""

from __future__ import annotations

from django.conf import settings
from django.http.request import split_domain_port, validate_host


def expected_origin(scope: dict) -> str | None:
    headers = dict(scope.get("headers", ()))
    host = headers.get(b"host", b"").decode("latin-1")
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return None
    secure = scope.get("scheme") in ("wss", "https")
    if settings.TRUSTED_PROXIES:
        secure = headers.get(b"x-forwarded-proto", b"").strip() == b"https" or secure
    return f"{'https' if secure else 'http'}://{host}".lower()


def allowed(scope: dict) -> bool:
    origin = dict(scope.get("headers", ())).get(b"origin", b"").decode("latin-1").lower()
    if not origin:
        return False
    trusted = {o.rstrip("/").lower() for o in settings.CSRF_TRUSTED_ORIGINS}
    return origin == expected_origin(scope) or origin in trusted


class SameOrigin:
    """ASGI middleware for the socket route: refuse the handshake from any other origin."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "websocket" and not allowed(scope):
            await receive()  # the connect message
            await send({"type": "websocket.close", "code": 4403})
            return
        await self.app(scope, receive, send)
