"""What both formats say alike: a story's identity and addresses, times, rights, withdrawal."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from dateline.newsroom.models import Article, LeadImage

IMAGE_TYPES = {"webp": "image/webp", "jpg": "image/jpeg", "jpeg": "image/jpeg",
               "png": "image/png", "gif": "image/gif", "avif": "image/avif"}


def absolute(address: str) -> str:
    """An address on the site made absolute with SITE_URL, never with the request's Host
    (a partner's copy is kept and shown elsewhere: its links must be ours)."""
    if address.startswith(("http://", "https://")):
        return iri_to_uri(address)  # media on another host (a CDN) already is
    return iri_to_uri(settings.SITE_URL + address)


def story_uri(article_id: int) -> str:
    """The story's identity for partners: its address in this API. It never changes, while
    the page's address does when an editor changes the slug or the section."""
    return absolute(reverse("partner_api:story", args=[article_id]))


def correction_role() -> str:
    """The role of a correction note, where a standard has no word for it (NewsML-G2)."""
    return absolute(reverse("partner_api:stories")) + "#correction"


def page_url(article: Article) -> str:
    return absolute(article.get_absolute_url())


def withdrawn(article: Article) -> bool:
    """An unpublished story was withdrawn: partners are told to take it down."""
    return article.status == Article.Status.UNPUBLISHED


def stamp(moment: datetime) -> str:
    """RFC 3339 in UTC, to the second, as both standards write it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def copyright_holder() -> str:
    return settings.WIRE_COPYRIGHT_HOLDER or urlsplit(settings.SITE_URL).hostname or ""


def usage_terms() -> str:
    return settings.WIRE_USAGE_TERMS


def renditions(image: LeadImage) -> list[dict]:
    """The image's renditions, smallest first: absolute address, size and media type."""
    found = []
    for rendition in image.renditions:
        url = str(rendition.get("url", ""))
        kind = IMAGE_TYPES.get(url.rsplit(".", 1)[-1].lower(), "application/octet-stream")
        found.append({"href": absolute(url), "width": int(rendition.get("width", 0)),
                      "height": int(rendition.get("height", 0)), "contenttype": kind})
    return found


def image_uri(image: LeadImage) -> str | None:
    """The picture's identity: the address of its original, which is never renamed."""
    if image.original.name:
        return absolute(image.original.url)
    return absolute(image.renditions[-1]["url"]) if image.renditions else None
