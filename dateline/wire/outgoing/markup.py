"""A story's HTML and the XML around it, written out by hand.

ElementTree cannot declare a second default namespace inside a document (the XHTML body
inside a NewsML-G2 item would come out as `ns1:p`), so elements here are small tuples written
by one function that escapes every text and attribute. Text is cleared of characters XML 1.0
cannot carry (control characters, lone surrogates): a stray one in a headline would make the
whole message unreadable to a partner's parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

from dateline.newsroom.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

XHTML = "http://www.w3.org/1999/xhtml"
VOID = {"br", "hr", "img"}
# sanitize_html adds rel to links; everything else is what the story HTML may hold
ATTRIBUTES = {**ALLOWED_ATTRIBUTES, "a": ALLOWED_ATTRIBUTES.get("a", set()) | {"rel"}}
URL_ATTRIBUTES = {"href", "src"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)


def el(tag: str, attrs: dict[str, object] | None = None, *children: Node | str | None) -> Node:
    """An element; attributes whose value is None or "" and children that are None are left out."""
    kept = {k: str(v) for k, v in (attrs or {}).items() if v is not None and v != ""}
    return Node(tag, kept, [c for c in children if c is not None])


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _escape(text: str, *, quote: bool = False) -> str:
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;") \
            .replace("\t", "&#9;")
    return text


def write(node: Node | str, *, html: bool = False) -> str:
    """node as XML (or, with html=True, as HTML: void elements unclosed, never self-closed)."""
    parts: list[str] = []
    _write(node, parts, html)
    return "".join(parts)


def _write(node: Node | str, parts: list[str], html: bool) -> None:
    if isinstance(node, str):
        parts.append(_escape(node))
        return
    attrs = "".join(f' {name}="{_escape(value, quote=True)}"' for name, value in node.attrs.items())
    if html and node.tag in VOID:
        parts.append(f"<{node.tag}{attrs}>")
        return
    if not node.children and not html:
        parts.append(f"<{node.tag}{attrs}/>")
        return
    parts.append(f"<{node.tag}{attrs}>")
    for child in node.children:
        _write(child, parts, html)
    parts.append(f"</{node.tag}>")


class _StoryHTML(HTMLParser):
    """Story HTML (already sanitized) as Nodes: only the tags and attributes a story may
    hold, every element closed, links and images made absolute against the story's address."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.root = Node("body")
        self.open: list[Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            return  # its text is kept, the element is not
        allowed = ATTRIBUTES.get(tag, set())
        kept = {}
        for name, value in attrs:
            if name in allowed and value is not None and name not in kept:
                kept[name] = urljoin(self.base, value.strip()) if name in URL_ATTRIBUTES else value
        node = Node(tag, kept)
        self.open[-1].children.append(node)
        if tag not in VOID:
            self.open.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ALLOWED_TAGS and tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        children = self.open[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def story_body(html: str, *, base: str) -> Node:
    """The story's HTML as a <body> Node, its links absolute."""
    parser = _StoryHTML(base)
    parser.feed(html or "")
    parser.close()
    return parser.root


def as_html(body: Node) -> str:
    """The children of body as an HTML fragment."""
    return "".join(write(child, html=True) for child in body.children)
