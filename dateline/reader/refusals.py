"""Input no database can hold is refused with a 400, wherever it was headed.

A number past the database's integer range reaches the database from deep inside Django's
forms (a 30-digit id in a desk form) and fails there; a NUL character cannot be stored in
PostgreSQL text at all. Neither is a fault of the site: the request gets the 400 page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DataError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _refuse(request: HttpRequest) -> HttpResponse:
    return render(request, "400.html", {}, status=400)


class UnstorableInput:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            return _refuse(request)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, OverflowError | DataError):
            return _refuse(request)
        return None


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path or "\x00" in request.META.get("QUERY_STRING", ""):
        return True
    if request.method != "POST" or not request.content_type.startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        return False
    return any("\x00" in key or any("\x00" in value for value in values)
               for key, values in request.POST.lists())
