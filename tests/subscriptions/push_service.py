"""A real push service on 127.0.0.1 for the tests, and devices subscribed to it.

The service checks each request as a push service must: the VAPID Authorization header
(`vapid t=<JWT>,k=<key>`: an ES256 signature by that key, `aud` our origin, `exp` ahead), the
aes128gcm body, TTL and Urgency. A device holds the keys a browser makes (a P-256 ECDH key
and a 16-byte auth secret) and decrypts what it was sent. The service can be told to answer
a device with 410, 429 (Retry-After), 500... for the next requests.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Device:
    """A browser's side of a subscription."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        self.p256dh = b64url(self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint))
        self.endpoint = ""

    def keys(self) -> dict:
        return {"p256dh": self.p256dh, "auth": b64url(self.auth)}

    def decrypt(self, body: bytes) -> dict:
        return json.loads(http_ece.decrypt(body, private_key=self.key, auth_secret=self.auth,
                                           version="aes128gcm"))


@dataclass
class Received:
    device: Device
    status: int
    headers: dict
    claims: dict
    vapid_key: str
    message: dict | None = None
    at: float = field(default_factory=time.time)


@dataclass
class PushService:
    server: ThreadingHTTPServer
    origin: str
    devices: dict[str, Device] = field(default_factory=dict)
    answers: dict[str, list[tuple[int, dict]]] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    latency: float = 0.0  # seconds before each answer, as a distant service takes

    def device(self) -> Device:
        device = Device()
        token = b64url(os.urandom(12))
        device.endpoint = f"{self.origin}/wpush/v2/{token}"
        self.devices[token] = device
        return device

    def answer(self, device: Device, *statuses: int, **headers: str) -> None:
        """The next requests for device get these statuses (then 201 again)."""
        token = device.endpoint.rsplit("/", 1)[1]
        self.answers.setdefault(token, []).extend((s, headers) for s in statuses)

    def delivered(self, device: Device | None = None) -> list[dict]:
        """The messages delivered (answered 201), decrypted, for one device or all."""
        return [r.message for r in self.received
                if r.status == 201 and (device is None or r.device is device)]


def verify_vapid(header: str, origin: str) -> tuple[dict, str]:
    """The JWT's claims and the key, if the header is a valid VAPID one for origin."""
    scheme, _, params = header.partition(" ")
    assert scheme.lower() == "vapid", f"not a vapid header: {header!r}"
    values = dict(part.strip().split("=", 1) for part in params.split(","))
    token, key = values["t"], values["k"]
    head, body, signature = token.split(".")
    assert json.loads(unb64url(head))["alg"] == "ES256"
    raw = unb64url(signature)
    assert len(raw) == 64, "an ES256 signature is r and s, 32 bytes each"
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
    public.verify(encode_dss_signature(int.from_bytes(raw[:32]), int.from_bytes(raw[32:])),
                  f"{head}.{body}".encode(), ec.ECDSA(hashes.SHA256()))
    claims = json.loads(unb64url(body))
    assert claims["aud"] == origin, f"aud {claims['aud']!r} is not {origin!r}"
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600, "exp not within a day ahead"
    assert claims["sub"].startswith(("mailto:", "https:")), claims["sub"]
    return claims, key


class _Handler(BaseHTTPRequestHandler):
    service: PushService

    def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
        service = self.service
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        token = self.path.rsplit("/", 1)[-1]
        device = service.devices.get(token)
        if device is None:
            return self._reply(404, {})
        try:
            claims, key = verify_vapid(self.headers.get("Authorization", ""), service.origin)
            assert self.headers["Content-Encoding"] == "aes128gcm"
            assert int(self.headers["TTL"]) > 0
            message = device.decrypt(body)
        except (AssertionError, InvalidSignature, KeyError, ValueError) as error:
            service.errors.append(f"{type(error).__name__}: {error}")
            return self._reply(400, {})
        time.sleep(service.latency)
        pending = service.answers.get(token) or []
        status, headers = pending.pop(0) if pending else (201, {})
        headers_in = {name.lower(): value for name, value in self.headers.items()}
        service.received.append(Received(device, status, headers_in, claims, key, message))
        return self._reply(status, headers)

    def _reply(self, status: int, headers: dict) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def start() -> PushService:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    service = PushService(server=server, origin=f"http://127.0.0.1:{server.server_port}")
    server.RequestHandlerClass = type("Handler", (_Handler,), {"service": service})
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return service
