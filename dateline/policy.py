"""The desk's exception to the site's Content-Security-Policy: inline styles.

Django's admin sets some styles inline and the desk's editor (Trix) adds <style> elements as
it starts; the readers' pages, stored and shared, allow neither. Scripts stay files
everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from csp.constants import UNSAFE_INLINE
from django.http import HttpRequest, HttpResponse

DESK = "/admin/"


class DeskStyles:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(DESK):
            response._csp_update = {"style-src": [UNSAFE_INLINE], "img-src": ["blob:"]}
        return response
