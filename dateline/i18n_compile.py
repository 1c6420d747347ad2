"""Compile the translation catalogs (.po to .mo) without needing GNU gettext on the machine."""

from pathlib import Path

import polib


def compile_catalogs(root: Path) -> int:
    compiled = 0
    for po_path in root.rglob("LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        compiled += 1
    return compiled


if __name__ == "__main__":
    compile_catalogs(Path(__file__).resolve().parent / "locale")
