"""An entry's key: its publication second, then its story and language, in one integer.

SQLite's FTS5 table is keyed by it (its rowid), so the full-text index itself walks matches
newest first, stops after the first thousand, and skips a time range or the other edition
without reading a row of the document table.
"""

from __future__ import annotations

import math
from datetime import datetime

LANGUAGE_BITS = {"en": 0, "ru": 1}
_STORY_BITS = 20  # the story id's low bits: keys of one second stay apart


def key_of(article_id: int, language: str, published_at: datetime) -> int:
    story = article_id & ((1 << _STORY_BITS) - 1)
    return (_second(published_at) << (_STORY_BITS + 1)) | (story << 1) | LANGUAGE_BITS.get(
        language, 0)


def first_key(moment: datetime) -> int:
    """The smallest key of a story published at moment or later."""
    return math.ceil(moment.timestamp()) << (_STORY_BITS + 1)


def after_key(moment: datetime) -> int:
    """The smallest key of a story published after the second of moment."""
    return (_second(moment) + 1) << (_STORY_BITS + 1)


def _second(moment: datetime) -> int:
    return math.floor(moment.timestamp())
