"""Checks on what readers write: length, links, invisible controls and banned words.

The same rules hold for comments and chat messages. Banned words are compared as
skeletons: look-alike letters across Latin and Cyrillic, digits and signs used for letters,
accents and repeated letters all fold away."""

from __future__ import annotations

import re
import unicodedata

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from dateline.moderation.models import BannedWord

MAX_LENGTH = 2000
MAX_LINKS = 2
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.I)
# Characters that reorder or hide text: a comment could show one thing and say another.
_CONTROLS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_OTHER_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Letters that look alike across Latin and Cyrillic, and the digits and signs used in their
# place, all folded onto one letter so "idi0t", "іdiot" and "ıdiot" read the same.
_FOLD = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s",
    "0": "o", "1": "i", "!": "i", "|": "i", "3": "e", "4": "a", "@": "a", "5": "s",
    "$": "s", "7": "t", "8": "b", "ı": "i", "ο": "o", "α": "a", "ε": "e", "ρ": "p",
})


def clean_body(body: str) -> str:
    """The comment as it will be stored, or ValidationError saying what is wrong."""
    if not isinstance(body, str):
        raise ValidationError(_("Write your comment as text."))
    if _CONTROLS.search(body) or _OTHER_CONTROLS.search(body):
        raise ValidationError(_("Your comment contains invisible control characters "
                                "(such as zero-width or right-to-left marks). Remove them "
                                "and send it again."))
    body = unicodedata.normalize("NFC", body.replace("\r\n", "\n")).strip()
    body = re.sub(r"\n{3,}", "\n\n", body)
    if not body:
        raise ValidationError(_("Your comment is empty."))
    if len(body) > MAX_LENGTH:
        raise ValidationError(_("A comment is at most %(max)s characters; yours has %(n)s.")
                              % {"max": MAX_LENGTH, "n": len(body)})
    if len(_LINK.findall(body)) > MAX_LINKS:
        raise ValidationError(_("A comment may hold at most %(max)s links.") % {"max": MAX_LINKS})
    return body


def lookalike(text: str) -> str:
    """What text looks like to a reader: case, width and accents off, letters that look
    alike across scripts (and digits used as letters) folded onto one, separators gone.
    "Аdmin" (Cyrillic А), "ａｄｍｉｎ" (full width) and "adm1n" all give "admin"."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_FOLD)
    return re.sub(r"[^\w]|_", "", text)


def skeleton(text: str) -> str:
    """lookalike(), with repeated letters collapsed too ("iddiot" is "idiot")."""
    return re.sub(r"(.)\1+", r"\1", lookalike(text))


def banned_words() -> list[str]:
    """Skeletons of the banned words, cached for a minute."""
    words = cache.get("moderation:banned-words")
    if words is None:
        words = sorted({skeleton(w) for w in BannedWord.objects.values_list("word", flat=True)}
                       - {""})
        cache.set("moderation:banned-words", words, 60)
    return words


def forget_banned_words() -> None:
    cache.delete("moderation:banned-words")


def has_banned_word(text: str) -> bool:
    """True if a banned word appears in any word of text, however it is disguised."""
    words = banned_words()
    if not words:
        return False
    # each token is folded whole ("i.d.i.o.t" is one token) and searched for the roots
    tokens = {skeleton(token) for token in text.split()}
    joined = skeleton(text)
    return any(word in token for token in tokens for word in words) or any(
        len(word) >= 5 and word in joined for word in words)
