"""Security headers: a strict Content-Security-Policy, and HTTPS settings for production."""

from __future__ import annotations

import os
import subprocess

from dateline.testing import DATELINE, ROOT


def directives(header: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in header.split(";"))}


def test_readers_pages_allow_no_inline_script_or_style(client, story):
    for response in (client.get(story.get_absolute_url()), client.get(story.get_absolute_url())):
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert response["X-Cache"] == "hit"  # the stored copy carries the policy too


def test_the_desk_alone_may_style_inline(client, editor):
    client.force_login(editor)
    policy = directives(client.get("/admin/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["style-src"] and policy["script-src"] == ["'self'"]


def test_the_documented_production_settings_pass_the_deployment_checks(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DJANGO_SETTINGS_MODULE="dateline.settings", DATELINE_DATA_DIR=str(tmp_path),
               SITE_URL="https://news.example.org", ALLOWED_HOSTS="news.example.org",
               SECRET_KEY="x" * 60 + "production-like-key-for-the-check",
               SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1")
    done = subprocess.run(DATELINE + ["check", "--deploy", "--fail-level", "WARNING"], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
