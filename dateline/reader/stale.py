"""The seam between what changed and who keeps copies of pages.

A stored page names what it shows as keys (sent in its `Surrogate-Key` header); an event
that changes some of those things sends `pages_stale` with their keys. This process's page
store and a front cache (deploy/) both listen. EVERY_PAGE is on every stored page.
"""

from __future__ import annotations

from django.dispatch import Signal

EVERY_PAGE = "all"
KEYS_HEADER = "Surrogate-Key"

# sent with keys=frozenset[str] and event= the event (or None), once per event per process
pages_stale = Signal()
