from django.conf import settings


def site(request):
    """What every page's frame needs, with no per-reader data (pages are shared)."""
    return {"site_name": "Dateline", "page_max_age": settings.PAGE_MAX_AGE}
