"""Story HTML is stored sanitized: whatever an editor or a wire sends, nothing scripts the page."""

import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "blockquote", "q", "cite", "ul", "ol", "li",
    "strong", "em", "b", "i", "u", "s", "sub", "sup", "small", "abbr", "a",
    "figure", "figcaption", "img", "table", "thead", "tbody", "tr", "th", "td", "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}


def sanitize_html(html: str) -> str:
    """Return html with only the tags, attributes and URL schemes a story needs."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


_DIV = re.compile(r"<div>(.*?)</div>", re.S)
_BREAKS = re.compile(r"(?:<br\s*/?>\s*){2,}")


def richtext_to_story_html(html: str) -> str:
    """The desk editor writes blocks as <div>s with <br><br> between paragraphs: make them
    the <p>s a story is made of, then sanitize as any story HTML."""
    html = nh3.clean(html or "", tags=ALLOWED_TAGS | {"div", "h1", "pre"},
                     attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"})
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")

    def paragraphs(match: re.Match) -> str:
        parts = [p.strip() for p in _BREAKS.split(match.group(1))]
        return "".join(f"<p>{p}</p>" for p in parts if p and p not in ("<br>", "<br/>"))

    return sanitize_html(_DIV.sub(paragraphs, html))
