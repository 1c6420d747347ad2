"""Two rules for the desk (Django's admin) that its own code does not keep.

Inline styles: Django's admin sets some styles inline and the desk's editor (Trix) adds
<style> elements as it starts; the readers' pages, stored and shared, allow neither.
Scripts stay files everywhere.

Date filters: the admin turns a list's year, month and day filter into a datetime and
overflows (a 500) on a year like 99999999999; out-of-range dates get the admin's own
"invalid filter" answer instead.
"""

from __future__ import annotations

from collections.abc import Callable

from csp.constants import UNSAFE_INLINE
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from dateline import numbers

DESK = "/admin/"
DATE_PARTS = {"__year": (1, 9999), "__month": (1, 12), "__day": (1, 31)}


class DeskStyles:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(DESK):
            response._csp_update = {"style-src": [UNSAFE_INLINE], "img-src": ["blob:"]}
        return response


class DeskDates:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(DESK) and _bad_date(request):
            return HttpResponseRedirect(f"{request.path}?e=1")
        return self.get_response(request)


def _bad_date(request: HttpRequest) -> bool:
    for name, values in request.GET.lists():
        for suffix, (low, high) in DATE_PARTS.items():
            if name.endswith(suffix) and any(
                    numbers.parse(v, low=low, high=high) is None for v in values):
                return True
    return False
