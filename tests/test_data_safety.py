"""The embedded database: never served empty by mistake, copied whole while it serves."""

from __future__ import annotations

import sqlite3
import subprocess

from dateline.testing import DATELINE, ROOT, Server


def serve_refused(server: Server) -> str:
    done = subprocess.run(DATELINE + ["serve", "--port", str(server.port)], env=server.env,
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    return done.stderr


def test_serve_refuses_a_missing_or_unmigrated_database(tmp_path):
    server = Server(tmp_path / "never-made")
    assert "There is no database at" in serve_refused(server)
    (tmp_path / "never-made").mkdir(exist_ok=True)
    sqlite3.connect(tmp_path / "never-made" / "dateline.sqlite3").close()  # empty
    assert "migration(s) behind" in serve_refused(server)


def test_backup_copies_the_database_whole(tmp_path):
    server = Server(tmp_path / "site").prepare()
    server.shell("from dateline.newsroom.models import Section\n"
                 "Section.objects.create(name='World', slug='world', language='en')")
    copy = tmp_path / "copy.sqlite3"
    assert "Copied the database" in server.run("backup", str(copy))
    with sqlite3.connect(copy) as restored:
        assert restored.execute("SELECT name FROM newsroom_section").fetchall() == [("World",)]
        assert restored.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert "exists already" in subprocess.run(
        DATELINE + ["backup", str(copy)], env=server.env, cwd=ROOT, capture_output=True,
        text=True).stderr
