"""Settings for the test suite: the site's own, with a data dir of the run's own.

Servers the tests start as processes get data dirs of their own and the site's settings.
"""

import atexit
import os
import secrets
import shutil
import tempfile

if not os.environ.get("DATELINE_DATA_DIR"):
    _data_dir = tempfile.mkdtemp(prefix="dateline-tests-")
    os.environ["DATELINE_DATA_DIR"] = _data_dir
    atexit.register(shutil.rmtree, _data_dir, ignore_errors=True)

# On a shared Redis, this run's keys and channels carry a prefix of their own; the tests
# remove only those (tests/services.py), never the whole database.
os.environ.setdefault("CACHE_KEY_PREFIX", f"dateline-test-{secrets.token_hex(4)}")

from dateline.settings import *  # noqa: E402, F403

ACCOUNT_RATE_LIMITS = False  # the tests log in and register far faster than any reader
