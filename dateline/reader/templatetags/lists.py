"""Story lists: each item is rendered once and kept, under a key made of all that it shows.

A list item costs more to render (two localized dates, a plural, a truncated lead) than to
fetch whole from the cache; home shows some forty of them. The key is a digest of every
value the item shows, the language, the time zone and the item template itself, so an
edit, a new comment or a renamed section makes a new key and the old item expires unread
(a changed translation of the item's words reaches kept items within KEEP_SECONDS).
"""

from __future__ import annotations

import hashlib
from functools import cache

from django import template
from django.core.cache import cache as store
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

register = template.Library()
ITEM = "reader/_story_item.html"
KEEP_SECONDS = 24 * 3600


@cache
def _item_version() -> str:
    source = get_template(ITEM).template.source.encode()
    return hashlib.blake2b(source, digest_size=8).hexdigest()


def _key(story, show_section: bool, level: str, where: str) -> str | None:
    try:
        shown = (story.pk, story.headline, story.lead, story.published_at.timestamp(),
                 story.comment_count, story.section.slug, story.section.name)
    except AttributeError:  # a field not loaded (None date): render, keep nothing
        return None
    raw = repr((where, show_section, level, shown)).encode()
    return "story-item:" + hashlib.blake2b(raw, digest_size=16).hexdigest()


@register.simple_tag
def story_items(stories, show_section=False, level=None) -> SafeString:
    """The <li> of each story, as reader/_story_item.html renders it."""
    stories = list(stories)
    level = str(level or "3")
    where = f"{_item_version()}:{get_language()}:{get_current_timezone_name()}"
    keys = [_key(story, bool(show_section), level, where) for story in stories]
    kept = store.get_many([key for key in keys if key])
    item = get_template(ITEM)
    fresh = {}
    parts = []
    for story, key in zip(stories, keys, strict=True):
        html = kept.get(key) if key else None
        if html is None:
            html = item.render({"a": story, "show_section": show_section, "level": level})
            if key:
                fresh[key] = html
        parts.append(html)
    if fresh:
        store.set_many(fresh, timeout=KEEP_SECONDS)
    return mark_safe("".join(parts))  # noqa: S308 - our own template's output
