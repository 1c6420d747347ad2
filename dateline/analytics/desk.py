"""The editors' analytics in the desk: readership over a period, and one story's reads."""

from __future__ import annotations

from datetime import date, datetime

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dateline.analytics import charts, selectors
from dateline.analytics.models import Kind
from dateline.newsroom.models import Article

PERMISSION = "analytics.view_analytics"
PERIOD_NAMES = {"24h": gettext_lazy("24 hours"), "7d": gettext_lazy("7 days"),
                "30d": gettext_lazy("30 days"), "365d": gettext_lazy("A year")}
ARRIVAL_KINDS = [Kind.SEARCH, Kind.SOCIAL, Kind.DIRECT, Kind.NEWSLETTER, Kind.OTHER]


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _label(point: datetime | date, hourly: bool) -> str:
    if hourly:
        return formats.date_format(timezone.localtime(point), "H:i")
    return formats.date_format(point, "SHORT_DATE_FORMAT")


def _series(period: selectors.Period, now: datetime, found: dict) -> list[tuple[str, int]]:
    return [(_label(p, period.hourly), found.get(p, 0)) for p in selectors.points(period, now)]


def overview(request: HttpRequest) -> HttpResponse:
    _require(request)
    period = selectors.PERIODS.get(request.GET.get("period", ""), selectors.DEFAULT_PERIOD)
    now = timezone.now()
    reads = _series(period, now, selectors.reads_over_time(period, now))
    comments = _series(period, now, selectors.comments_over_time(period, now))
    split = selectors.split(period, now)
    arrivals = [(str(kind.label), split.arrivals.get(kind.value, 0)) for kind in ARRIVAL_KINDS]
    home = _("Home page")
    sections = [(f"{name or home} ({language})", n) for language, name, n in split.sections]
    return TemplateResponse(request, "analytics/overview.html", {
        **admin.site.each_context(request), "title": _("Analytics"),
        "periods": [(key, name, key == period.key) for key, name in PERIOD_NAMES.items()],
        "period_name": PERIOD_NAMES[period.key],
        "reads": reads, "reads_total": sum(n for _l, n in reads),
        "reads_chart": charts.columns(_("Reads over time"), reads),
        "comments": comments, "comments_total": sum(n for _l, n in comments),
        "comments_chart": charts.columns(_("Comments over time"), comments, css="comments"),
        "sections": sections, "sections_chart": charts.bars(_("Reads per section"), sections),
        "arrivals": arrivals, "arrivals_chart": charts.bars(_("Arrivals by kind"), arrivals),
        "top": selectors.top_last_hour(now),
    })


def story(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request)
    article = get_object_or_404(Article.objects.select_related("section"), pk=pk)
    period = selectors.PERIODS["30d"] if request.GET.get("period") != "365d" \
        else selectors.PERIODS["365d"]
    now = timezone.now()
    days = _series(period, now, selectors.story_days(article, days=period.span.days))
    return TemplateResponse(request, "analytics/story.html", {
        **admin.site.each_context(request), "title": article.headline, "article": article,
        "period_key": period.key, "days": days, "total": selectors.story_total(article),
        "days_chart": charts.columns(_("Reads per day"), days),
    })


def story_panel(article: Article) -> SafeString | None:
    """On a story's desk page: a link to its reads per day."""
    if not article.pk:
        return None
    return format_html('<a href="{}">{}</a>', reverse("analytics_story", args=[article.pk]),
                       _("Reads of this story"))
