"""Tags for what search engines and social networks read: absolute addresses and JSON-LD."""

from __future__ import annotations

import json

from django import template
from django.utils.safestring import SafeString, mark_safe

from dateline.reader.found import absolute as _absolute

register = template.Library()

# In a <script> block, "</script>" or "<!--" in a headline would end or bend the block.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.filter
def absolute(path: str) -> str:
    return _absolute(path)


@register.filter
def json_ld(data: dict) -> SafeString:
    """data as the body of a <script type="application/ld+json">, safe inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return mark_safe(text)  # noqa: S308 - JSON with every markup character escaped
