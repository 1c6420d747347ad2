"""Duplicates among wire items: exact (same content hash) and near (MinHash with LSH bands).

Near: a text is reduced to its word 3-shingles and a MinHash signature of ROWS × BANDS
values, whose share of equal values estimates the Jaccard similarity J of two texts'
shingles. Each band of ROWS values is hashed, with the language, into one key; items sharing
a key are candidates (one indexed lookup), and a candidate is the same story when the
signatures agree on at least SAME of their values. Two texts share a band with probability
1 - (1 - J^ROWS)^BANDS: with 16 bands of 2 rows, 99% at J = 0.5, 78% at J = 0.3 (then
refused by the SAME check), and 15% at J = 0.1.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata

BANDS, ROWS = 16, 2
SAME = 0.5  # estimated Jaccard similarity of shingles from which two items are one story
_PRIME = (1 << 61) - 1
_rng = random.Random(20261202)  # fixed: signatures stored today must compare with tomorrow's
_PERMUTATIONS = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME))
                 for _ in range(BANDS * ROWS)]
_WORD = re.compile(r"\w+", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")


def words(*texts: str) -> list[str]:
    text = unicodedata.normalize("NFKC", " ".join(_TAG.sub(" ", t or "") for t in texts))
    return _WORD.findall(text.casefold().replace("ё", "е"))


def content_hash(*texts: str) -> str:
    """The same for the same words, whatever their markup, spacing and case."""
    return hashlib.sha256(" ".join(words(*texts)).encode()).hexdigest()


def signature(*texts: str) -> list[int]:
    tokens = words(*texts)
    shingles = {" ".join(tokens[i:i + 3]) for i in range(max(len(tokens) - 2, 1))}
    hashed = [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big")
              for s in shingles]
    return [min((a * h + b) % _PRIME for h in hashed) for a, b in _PERMUTATIONS]


def band_keys(sig: list[int], language: str) -> list[int]:
    """One signed 64-bit key per band (a database's bigint), the language mixed in."""
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(f"{language}:{band}:{rows}".encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: list[int], b: list[int]) -> float:
    if len(a) != len(b) or not a:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
