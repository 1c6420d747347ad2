"""A real `dateline serve` for tests and benchmarks: its own data dir, a free port, a clean stop.

Commands (`migrate`, `shell -c`, `worker`) run with the same environment as the server, so
a test can act from a second process exactly as an editor's script or a worker would. The
server runs in a session of its own: granian serves from child processes, and a stop signals
them all.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATELINE = [sys.executable, "-m", "dateline"]
# what the calling process may have set that a server of its own must not inherit
_NOT_INHERITED = ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE",
                  "DJANGO_ALLOW_ASYNC_UNSAFE", "STATIC_ROOT", "DATELINE_DATA_DIR", "SECRET_KEY")
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
# static files collected once by the caller (a test session), for every server to serve
shared_static: Path | None = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One server process and the commands beside it, on one data dir (and database)."""

    def __init__(self, data_dir: Path, **env: str) -> None:
        """env: DATABASE_URL, REDIS_URL, LOG_LEVEL... as for `dateline serve`; none means
        the embedded default (SQLite in the data dir, in-process cache and channel layer)."""
        self.data_dir = Path(data_dir)
        self.env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
        self.env.update(DJANGO_SETTINGS_MODULE="dateline.settings",
                        DATELINE_DATA_DIR=str(self.data_dir), **env)
        if shared_static is not None:
            self.env.setdefault("STATIC_ROOT", str(shared_static))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}/ws/live/"
        self.log = self.data_dir / f"server-{self.port}.log"
        self.process: subprocess.Popen | None = None

    def run(self, *args: str, timeout: float = 120) -> str:
        """Run a `dateline` command to completion; its output, or an error with it."""
        done = subprocess.run(DATELINE + list(args), env=self.env, cwd=ROOT, text=True,
                              capture_output=True, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"dateline {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def shell(self, code: str, timeout: float = 60) -> str:
        return self.run("shell", "-c", code, timeout=timeout)

    def spawn(self, *args: str) -> subprocess.Popen:
        """Start a long-running `dateline` command beside the server (a `worker`), with the
        same environment, in a session of its own; its output goes to the server's log.
        `end()` stops it."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            return subprocess.Popen(DATELINE + list(args), env=self.env, cwd=ROOT, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)

    @staticmethod
    def end(process: subprocess.Popen, timeout: float = 10) -> float:
        """SIGTERM to a spawned command and its children; seconds until they were gone
        (killed, and inf, if they were not gone within timeout)."""
        started = time.monotonic()
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=timeout)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=10)
            return float("inf")
        return time.monotonic() - started

    def prepare(self) -> Server:
        """Migrate and collect static files (unless collected already), as `make run` does."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.run("migrate", "-v0")
        if "STATIC_ROOT" not in self.env:
            self.run("collectstatic", "--noinput", "-v0")
        return self

    def start(self, *args: str, timeout: float = 30, command: list[str] | None = None) -> Server:
        """Start `dateline serve` and wait until it answers.

        command: another server to start in its place, in the same environment (a
        benchmark's comparison); it must listen on 127.0.0.1 at self.port."""
        argv = command or DATELINE + ["serve", "--port", str(self.port), *args]
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                argv, env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            try:
                LOCAL.open(self.url + "/robots.txt", timeout=2).read()
                return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.kill()
                    raise RuntimeError("the server did not start:\n"
                                       + self.output()[-3000:]) from None
                time.sleep(0.1)

    def get(self, path: str, headers: dict | None = None, timeout: float = 10):
        """GET a path; the response (errors included, for their status)."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            return LOCAL.open(request, timeout=timeout)
        except urllib.error.HTTPError as error:
            return error

    def stop(self, timeout: float = 10) -> float:
        """SIGTERM to the server and its workers; seconds until they were all gone."""
        if self.process is None:
            return 0.0
        started = time.monotonic()
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=timeout)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            self.kill()
            return float("inf")
        finally:
            self.process = None
        return time.monotonic() - started

    def kill(self) -> None:
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)

    def processes(self) -> list[int]:
        """The server's process id and its descendants' (granian serves from child
        processes), for reading their memory and CPU time in /proc; none once stopped."""
        if self.process is None:
            return []
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
        tree, todo = [], [self.process.pid]
        while todo:
            current = todo.pop()
            tree.append(current)
            todo.extend(children.get(current, []))
        return tree

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""
