"""The site's VAPID key pair: made on first need into the data dir, readable by us alone.

Push services know a site by its public key: every subscription a browser makes is bound to
it. Losing or replacing the key orphans every subscription, so it is made once (threads and
processes starting together agree on the first key linked into place) and never rotated by
itself.
"""

from __future__ import annotations

import base64
import functools
import os
import threading
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from py_vapid import Vapid

FILE_NAME = "vapid_private_key.pem"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def key_path() -> Path:
    return Path(settings.DATA_DIR) / FILE_NAME


def _pem(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written whole under a name of its own, then linked into place: the key appears at once
    # and complete, so a thread or process reading it meanwhile never sees half a file, and
    # when several start together the first link wins and all read that key.
    draft = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink(missing_ok=True)
    return path.read_bytes()


@functools.cache
def _vapid(path: Path) -> Vapid:
    return Vapid.from_pem(_pem(path))


def vapid() -> Vapid:
    """The signing key (made now if there is none yet)."""
    return _vapid(key_path())


def public_key() -> str:
    """The applicationServerKey browsers subscribe with: the uncompressed P-256 point,
    base64url without padding. The same for every reader."""
    point = vapid().public_key.public_bytes(serialization.Encoding.X962,
                                            serialization.PublicFormat.UncompressedPoint)
    return b64url(point)
