"""Jobs the engine's tests enqueue (a job must live at a module path a worker can import)."""

from __future__ import annotations

from dateline.tasks import job

RAN: list[str] = []
FAILURES_LEFT: dict[str, int] = {}


@job()
def note(word: str) -> str:
    RAN.append(word)
    return word.upper()


@job(retries=2, backoff=60)
def flaky(name: str) -> str:
    """Fails as many times as FAILURES_LEFT[name] says, then succeeds."""
    if FAILURES_LEFT.get(name, 0) > 0:
        FAILURES_LEFT[name] -= 1
        raise ConnectionError(f"{name}: the agency's server did not answer")
    RAN.append(name)
    return name


@job(retries=0)
def tick() -> None:
    RAN.append("tick")
