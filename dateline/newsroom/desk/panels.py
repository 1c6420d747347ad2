"""What other apps add to a story's desk page: a line each about the story (say, the wire
item it was taken from). Apps register in AppConfig.ready(); the newsroom knows none."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.safestring import SafeString

from dateline.newsroom.models import Article

Panel = Callable[[Article], SafeString | None]
panels: list[Panel] = []


def add(panel: Panel) -> None:
    panels.append(panel)


def render(article: Article) -> list[SafeString]:
    return [html for panel in panels if (html := panel(article)) is not None]
