"""What a browser posts, checked as hostile: a push endpoint we may call and keys that are
really a P-256 point and a 16-byte secret. Every refusal says what was wrong."""

from __future__ import annotations

import base64
import binascii
import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.utils.translation import gettext as _

from dateline.subscriptions.push.models import ENDPOINT_MAX

BODY_MAX = 4096  # bytes: an endpoint, two keys and an edition fit well within


class Refused(ValueError):
    """The reader's input cannot be stored; the message says why."""


@dataclass(frozen=True)
class NewSubscription:
    endpoint: str
    p256dh: str
    auth: str
    language: str


def _decoded(value: object, *, length: int, what: str) -> bytes:
    if not isinstance(value, str) or not value or len(value) > 2 * length:
        raise Refused(_("The %(key)s key is missing or too long.") % {"key": what})
    try:
        raw = base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise Refused(_("The %(key)s key is not base64url.") % {"key": what}) from None
    if len(raw) != length:
        raise Refused(_("The %(key)s key must be %(n)d bytes.") % {"key": what, "n": length})
    return raw


def public_key(value: object) -> str:
    raw = _decoded(value, length=65, what="p256dh")
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except ValueError:
        raise Refused(_("The p256dh key is not a point on the P-256 curve.")) from None
    return str(value).rstrip("=")


def auth_secret(value: object) -> str:
    _decoded(value, length=16, what="auth")
    return str(value).rstrip("=")


def endpoint(value: object) -> str:
    """An https address of a push service (http only for the hosts PUSH_INSECURE_HOSTS
    names, for tests); never one of our own network's addresses written as an IP."""
    if not isinstance(value, str) or not value:
        raise Refused(_("The endpoint is missing."))
    if len(value) > ENDPOINT_MAX or not value.isascii() or not value.isprintable():
        raise Refused(_("The endpoint is not an address we can use."))
    try:
        parts = urlsplit(value)
        host, _port = parts.hostname, parts.port  # port: ValueError when not a number
    except ValueError:
        raise Refused(_("The endpoint is not an address we can use.")) from None
    if not host or parts.username is not None or parts.password is not None:
        raise Refused(_("The endpoint is not an address we can use."))
    listed = host in settings.PUSH_INSECURE_HOSTS
    if parts.scheme != "https" and not (parts.scheme == "http" and listed):
        raise Refused(_("The endpoint must be an https address."))
    if not listed and _private(host):
        raise Refused(_("The endpoint is not an address we can use."))
    return value


def _private(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return False  # a name: push services are found by name


def edition(value: object) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    if value not in codes:
        raise Refused(_("Choose an edition: %(codes)s.") % {"codes": ", ".join(sorted(codes))})
    return str(value)


def new_subscription(data: object) -> NewSubscription:
    """The subscription a posted JSON object describes, or Refused."""
    if not isinstance(data, dict) or not isinstance(data.get("keys"), dict):
        raise Refused(_("Send the subscription as JSON: endpoint, keys and edition."))
    keys = data["keys"]
    return NewSubscription(endpoint=endpoint(data.get("endpoint")),
                           p256dh=public_key(keys.get("p256dh")),
                           auth=auth_secret(keys.get("auth")),
                           language=edition(data.get("edition")))
