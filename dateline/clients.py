"""Who is asking: the client's address, behind as many proxies as the site trusts.

Behind a proxy every request comes from the proxy's address; the client's is the entry the
last trusted proxy added to X-Forwarded-For. Entries further left are whatever the client
claimed, so only TRUSTED_PROXIES entries from the right are believed. Every rate limit and
cap uses this one answer.
"""

from __future__ import annotations

from django.conf import settings


def address(remote: str, forwarded_for: str = "") -> str:
    """The client's address, from the connection's and the X-Forwarded-For header."""
    hops = settings.TRUSTED_PROXIES
    if hops and forwarded_for:
        chain = [entry.strip() for entry in forwarded_for.split(",") if entry.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return remote


def of_request(request) -> str:
    return address(request.META.get("REMOTE_ADDR", ""),
                   request.META.get("HTTP_X_FORWARDED_FOR", ""))


def of_scope(scope: dict) -> str:
    """The same for an ASGI connection (a WebSocket)."""
    forwarded = b",".join(v for k, v in scope.get("headers", ()) if k == b"x-forwarded-for")
    client = scope.get("client") or ("", 0)
    return address(client[0] or "", forwarded.decode("latin-1"))
