"""The archive: an edition's stories day by day, and a calendar of each month to find them.

Days are the site's time zone's (TIME_ZONE). The archive runs from the day of the edition's
first story to today: any other date, or one that does not exist, is a 404, so that no
crawler can walk an endless calendar of empty pages.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import get_format
from django.utils.translation import get_language

from dateline.newsroom import selectors
from dateline.reader import pagekeys
from dateline.reader.pagecache import public_page
from dateline.reader.views import _page, _paged

DAY_PAGE_SIZE = 50


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _date(year: str, month: str, day: str = "1") -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise Http404("no such date") from None


def _span(language: str) -> tuple[date, date]:
    """The archive's first day and its last (today)."""
    first = selectors.first_published(language=language)
    today = timezone.localdate()
    return (timezone.localdate(first) if first else today), today


def _month_after(first_day: date) -> date:
    return (first_day + timedelta(days=32)).replace(day=1)


def _month_url(day: date) -> str:
    return reverse("reader:archive_month", args=[day.year, f"{day.month:02d}"])


def _day_url(day: date) -> str:
    return reverse("reader:archive_day", args=[day.year, f"{day.month:02d}", f"{day.day:02d}"])


def _calendar(first_day: date, stories: dict[date, int], span: tuple[date, date],
              chosen: date | None = None) -> dict:
    """A month as weeks of days, starting on the language's first day of the week; each day
    with its number of stories and, when it has any, its address."""
    monday_first = (get_format("FIRST_DAY_OF_WEEK") - 1) % 7  # Django counts from Sunday
    weeks = calendar.Calendar(monday_first).monthdatescalendar(first_day.year, first_day.month)
    previous = (first_day - timedelta(days=1)).replace(day=1)
    following = _month_after(first_day)
    return {
        "month": first_day,
        "weekdays": [(WEEKDAYS[(monday_first + n) % 7], WEEKDAYS_ABBR[(monday_first + n) % 7])
                     for n in range(7)],
        "weeks": [[{"date": day, "stories": stories.get(day, 0), "chosen": day == chosen,
                    "url": _day_url(day) if stories.get(day) else None}
                   if day.month == first_day.month else None for day in week]
                  for week in weeks],
        "previous": _month_url(previous) if previous >= span[0].replace(day=1) else None,
        "next": _month_url(following) if following <= span[1] else None,
        "url": _month_url(first_day),
    }


def _month_stories(language: str, first_day: date) -> dict[date, int]:
    return selectors.stories_per_day(language=language, start=_midnight(first_day),
                                     end=_midnight(_month_after(first_day)))


def archive(request: HttpRequest) -> HttpResponse:
    """The archive's door: this month."""
    return redirect(_month_url(timezone.localdate()))


@public_page
def month(request: HttpRequest, year: str, month: str) -> HttpResponse:
    language = get_language()
    first_day = _date(year, month)
    span = _span(language)
    if not span[0].replace(day=1) <= first_day <= span[1]:
        raise Http404("outside the archive")
    pagekeys.shows(pagekeys.month(language, first_day))
    return _page(request, "reader/archive_month.html", {
        "calendar": _calendar(first_day, _month_stories(language, first_day), span),
    })


@public_page(reads=("page",))
def day(request: HttpRequest, year: str, month: str, day: str) -> HttpResponse:
    language = get_language()
    chosen = _date(year, month, day)
    span = _span(language)
    if not span[0] <= chosen <= span[1]:
        raise Http404("outside the archive")
    page = selectors.paginate(selectors.stories_between(
        language=language, start=_midnight(chosen), end=_midnight(chosen + timedelta(days=1))),
        request.GET.get("page"), per_page=DAY_PAGE_SIZE)
    first_day = chosen.replace(day=1)
    pagekeys.shows(pagekeys.day(language, chosen), pagekeys.month(language, first_day),
                   stories=page.object_list)
    return _page(request, "reader/archive_day.html", {
        "day": chosen, "page": page, "canonical_url": _paged(_day_url(chosen), page),
        "calendar": _calendar(first_day, _month_stories(language, first_day), span, chosen),
        "previous_day": _day_url(chosen - timedelta(days=1)) if chosen > span[0] else None,
        "next_day": _day_url(chosen + timedelta(days=1)) if chosen < span[1] else None,
    })
