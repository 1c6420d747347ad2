"""How payloads reach us: polling an address, a watched folder, a push to our endpoint.

Each way ends in a Delivery row, read by the ingest job (tasks.py). Polling asks with the
last ETag and Last-Modified, reads at most MAX_PAYLOAD_BYTES within a time limit, and goes
only to public addresses unless WIRE_PRIVATE_ADDRESSES allows others (a desk user must not
make the server fetch from its own network).
"""

from __future__ import annotations

import ipaddress
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from dateline.wire.formats import MAX_PAYLOAD_BYTES
from dateline.wire.models import Delivery, Feed

TIMEOUT = 20  # seconds for the whole answer of a poll
SETTLE = 2.0  # a file untouched this long is whole (agencies write files in place)
USER_AGENT = "Dateline wire desk"


class TransportError(Exception):
    """The feed could not be read this time; shown to the desk as its last error."""


def inbox() -> Path:
    return Path(settings.DATA_DIR) / "wire-inbox"


def folder_of(feed: Feed) -> Path:
    return inbox() / feed.folder


# --- polling ------------------------------------------------------------------------------

def poll(feed: Feed) -> Delivery | None:
    """Ask the feed's address for what changed; a Delivery, or None when nothing did."""
    _check_address(feed.url)
    request = urllib.request.Request(feed.url, headers={"User-Agent": USER_AGENT,
                                                        "Accept": "*/*"})
    if feed.etag:
        request.add_header("If-None-Match", feed.etag)
    if feed.last_modified:
        request.add_header("If-Modified-Since", feed.last_modified)
    opener = urllib.request.build_opener(_CheckedRedirects, urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + TIMEOUT
    try:
        with opener.open(request, timeout=TIMEOUT) as answer:
            payload = _read(answer, deadline)
            etag, modified = answer.headers.get("ETag", ""), answer.headers.get(
                "Last-Modified", "")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None
        raise TransportError(f"The feed answered {error.code} {error.reason}.") from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise TransportError(f"The feed could not be reached: {error}") from error
    feed.etag, feed.last_modified = etag[:300], modified[:100]
    Feed.objects.filter(pk=feed.pk).update(etag=feed.etag, last_modified=feed.last_modified)
    return Delivery.objects.create(feed=feed, source=feed.url[:300], payload=payload)


def _read(answer, deadline: float) -> bytes:
    chunks, size = [], 0
    while chunk := answer.read(65536):
        size += len(chunk)
        if size > MAX_PAYLOAD_BYTES:
            raise TransportError(f"The feed sent more than {MAX_PAYLOAD_BYTES:,} bytes.")
        if time.monotonic() > deadline:
            raise TransportError(f"The feed took longer than {TIMEOUT} s to send.")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_address(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TransportError("Only http and https addresses can be polled.")
    if settings.WIRE_PRIVATE_ADDRESSES:
        return
    try:
        found = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except OSError as error:
        raise TransportError(f"The feed's host is unknown: {error}") from error
    for *_, address in found:
        ip = ipaddress.ip_address(address[0])
        if not ip.is_global:
            raise TransportError(f"{parts.hostname} is a private address ({ip}); polling "
                                 "goes to public addresses only.")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 3

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _check_address(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# --- watched folders ----------------------------------------------------------------------

def collect(feed: Feed) -> list[Delivery]:
    """Take the whole files in the feed's folder; each is moved into done/ once kept."""
    folder = folder_of(feed)
    done = folder / "done"
    done.mkdir(parents=True, exist_ok=True)
    taken = []
    now = time.time()
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith(".") or path.suffix in (".part", ".tmp"):
            continue
        stat = path.stat()
        if now - stat.st_mtime < SETTLE:
            continue  # still being written
        if stat.st_size > MAX_PAYLOAD_BYTES:
            error = f"{path.name} is {stat.st_size:,} bytes; at most {MAX_PAYLOAD_BYTES:,}."
            delivery = Delivery.objects.create(feed=feed, source=path.name[:300],
                                               payload=b"", error=error,
                                               read_at=timezone.now())
        else:
            delivery = Delivery.objects.create(feed=feed, source=path.name[:300],
                                               payload=path.read_bytes())
        os.replace(path, done / f"{delivery.pk}-{path.name}"[:255])
        taken.append(delivery)
    return taken
