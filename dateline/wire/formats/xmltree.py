"""XML read as a hostile payload: no DOCTYPE, entities or external references, a bounded
depth, a time budget checked between chunks, and each wanted item's own text kept for audit."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers.expat import errors

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from dateline.wire.formats import FormatError
from dateline.wire.formats.text import Budget

MAX_DEPTH = 100  # real agency XML is a few dozen levels deep; deeper only costs us
CHUNK = 256 * 1024
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_CUT_SHORT = {errors.codes[errors.XML_ERROR_NO_ELEMENTS],
              errors.codes[errors.XML_ERROR_UNCLOSED_TOKEN],
              errors.codes[errors.XML_ERROR_PARTIAL_CHAR],
              errors.codes[errors.XML_ERROR_UNCLOSED_CDATA_SECTION]}
_UNDEFINED_ENTITY = errors.codes[errors.XML_ERROR_UNDEFINED_ENTITY]


@dataclass
class Document:
    root: Element
    raw: dict[Element, str] = field(default_factory=dict)  # wanted element -> its own text
    namespaces: dict[str, str] = field(default_factory=dict)  # prefix -> uri, from the top


class _Builder(TreeBuilder):
    """A tree builder that refuses deep nesting and notes where wanted elements lie."""

    def __init__(self, wanted: Collection[str]) -> None:
        super().__init__()
        self.wanted = wanted
        self.expat = None  # the parser's expat, to ask where in the bytes an event is
        self.depth = 0
        self.opened: list[int] = []
        self.spans: list[tuple[Element, int, int]] = []
        self.namespaces: dict[str, str] = {}

    def start_ns(self, prefix: str, uri: str) -> None:
        if self.depth <= 1:  # declared on the root or its child: what items inherit
            self.namespaces.setdefault(prefix or "", uri)

    def start(self, tag: str, attrs: dict) -> Element:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormatError(f"The XML is nested more than {MAX_DEPTH} levels deep; "
                              "it is refused.")
        element = super().start(tag, attrs)
        if tag in self.wanted:
            self.opened.append(self.expat.CurrentByteIndex)
        return element

    def end(self, tag: str) -> Element:
        self.depth -= 1
        element = super().end(tag)
        if tag in self.wanted:
            self.spans.append((element, self.opened.pop(), self.expat.CurrentByteIndex))
        return element


def _problem(error: ParseError) -> str:
    line, column = error.position
    if error.code in _CUT_SHORT:
        return f"Not valid XML: it ends before it is complete (line {line}); is it cut short?"
    if error.code == _UNDEFINED_ENTITY:
        return (f"Not valid XML: it uses an entity that is not defined (line {line}, column "
                f"{column}); entities are refused.")
    message = errors.messages.get(error.code, "not well-formed")
    return f"Not valid XML: {message} at line {line}, column {column}."


def read_xml(text: str, *, budget: Budget, wanted: Collection[str] = ()) -> Document:
    """The tree of an XML document given as text; the text of each element named in wanted
    ("{namespace}name") is kept as it came."""
    data = text.lstrip().encode("utf-8")  # a feed served with a blank line first still reads
    builder = _Builder(set(wanted))
    # the text is decoded already: expat is told it is UTF-8, whatever its declaration says
    parser = DefusedXMLParser(target=builder, encoding="utf-8", forbid_dtd=True,
                              forbid_entities=True, forbid_external=True)
    builder.expat = parser.parser
    try:
        for start in range(0, len(data), CHUNK):
            budget.check()
            parser.feed(data[start:start + CHUNK])
        root = parser.close()
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise FormatError("The payload declares a DOCTYPE; entities are refused.") from None
    except ParseError as error:
        raise FormatError(_problem(error)) from None
    raw = {element: _slice(data, element, start, end) for element, start, end in builder.spans}
    return Document(root, raw, builder.namespaces)


def _slice(data: bytes, element: Element, start: int, end: int) -> str:
    # expat reports an end tag where "</" begins, an empty element <x/> where it ends
    empty = len(element) == 0 and not element.text and data[end - 2:end] == b"/>"
    if not empty:
        end = data.index(b">", end) + 1
    return data[start:end].decode("utf-8", "replace")


def local(tag: str) -> str:
    """A tag without its namespace: "{http://...}newsItem" is "newsItem"."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def text_of(element: Element | None) -> str:
    """All the text inside an element, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""
