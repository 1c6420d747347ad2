"""Django's WSGI request cycle behind the ASGI server, one thread hop per request.

A thread of the pool must never wait on the event loop without a bound. When the server
stops it stops its loop; a thread still waiting for that loop would wait for ever, and
since a pool's threads are joined at exit, the process would never end. So the request
body is read on the loop before the thread starts (spilling to disk past a megabyte), and
the thread hands the response over without waiting on the loop, except to keep at most a
few chunks in flight; that wait is taken in short steps and given up as soon as the loop
has stopped or the client has gone.
"""

from __future__ import annotations

import asyncio
import contextvars
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

from a2wsgi.wsgi import build_environ

IN_FLIGHT = 8  # response chunks the thread may hand over before the loop has sent them
STEP = 0.25  # seconds between the thread's checks that the loop is still there
SPILL = 2**20  # request bodies above this wait on disk, not in memory

SERVER_ERROR = (b'<!doctype html><html lang="en"><meta charset="utf-8"><title>Server error</title>'
                b"<h1>Server error</h1><p>Something went wrong on our side. Please try again "
                b"in a moment.</p>")
TOO_LARGE = (b'<!doctype html><html lang="en"><meta charset="utf-8"><title>Too large</title>'
             b"<h1>Too large</h1><p>The request body is larger than this site accepts.</p>")


class Gone(Exception):
    """The loop has stopped or the client has left: nobody will send this response."""


_LEFT = object()  # the client left before its request body was whole


class _Pipe:
    """Response messages from a worker thread to the loop, with bounded waits only."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.queue: asyncio.Queue = asyncio.Queue()
        self.room = threading.Semaphore(IN_FLIGHT)
        self.abandoned = False

    def put(self, message: dict) -> None:
        """From the thread: hand a message over, waiting (in steps) only for room."""
        while not self.room.acquire(timeout=STEP):
            if self.abandoned or not self.loop.is_running():
                raise Gone
        self._hand_over(message)

    def close(self) -> None:
        """From the thread: no more messages. Never waits."""
        try:
            self._hand_over(None)
        except Gone:
            pass

    def _hand_over(self, message: dict | None) -> None:
        if self.abandoned:
            raise Gone
        try:
            self.loop.call_soon_threadsafe(self.queue.put_nowait, message)
        except RuntimeError as exc:  # the loop is closed
            raise Gone from exc

    async def get(self) -> dict | None:
        return await self.queue.get()

    def sent(self) -> None:
        self.room.release()


class WSGIThreads:
    """An ASGI app (HTTP only) running a WSGI app in a pool of threads."""

    def __init__(self, app, *, threads: int, max_body: int) -> None:
        self.app = app
        self.max_body = max_body
        self.executor = ThreadPoolExecutor(max_workers=threads,
                                           thread_name_prefix="dateline-wsgi")

    async def __call__(self, scope, receive, send) -> None:
        body = await self._read_body(scope, receive)
        if body is _LEFT:
            return  # never run a request on part of its body (a comment cut short, say)
        if body is None:
            await _answer(send, 413, TOO_LARGE)
            return
        loop = asyncio.get_running_loop()
        pipe = _Pipe(loop)
        environ = build_environ(scope, body)
        run = contextvars.copy_context().run
        work = loop.run_in_executor(self.executor, run, self._respond, environ, pipe)
        started = False
        try:
            while (message := await pipe.get()) is not None:
                await send(message)
                started = True
                pipe.sent()
        except BaseException:
            pipe.abandoned = True  # the thread stops at its next hand-over
            raise
        try:
            await work  # raises what the thread raised (Django itself answers its errors)
        except Exception:
            # Django's own error page failed too: the reader still gets an answer, and the
            # failure is raised for the server's log
            if not started:
                await _answer(send, 500, SERVER_ERROR)
            raise
        finally:
            body.close()

    async def _read_body(self, scope, receive):
        """The whole request body in a file; None when it is larger than allowed; _LEFT
        when the client went away before sending all of it."""
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and (not value.isdigit()
                                              or int(value) > self.max_body):
                return None
        body = tempfile.SpooledTemporaryFile(max_size=SPILL)
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                body.close()
                return _LEFT
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                body.close()
                return None
            body.write(chunk)
            more = message.get("more_body", False)
        body.seek(0)
        return body

    def _respond(self, environ: dict, pipe: _Pipe) -> None:
        """In a pool thread: run the app and hand its response to the loop."""
        started: list = []

        def start_response(status: str, headers: list, exc_info=None):
            code = int(status.split(" ", 1)[0])
            started[:] = [{"type": "http.response.start", "status": code, "headers": [
                (name.strip().lower().encode("latin-1"), value.strip().encode("latin-1"))
                for name, value in headers]}]
            return _no_write

        try:
            result = self.app(environ, start_response)
        except BaseException:
            pipe.close()  # nothing to hand over: the loop must not wait for it
            raise
        try:
            pending = None  # one chunk held back, so that the last goes out marked last
            for chunk in result:
                if not chunk:
                    continue
                if started:
                    pipe.put(started.pop())
                if pending is not None:
                    pipe.put({"type": "http.response.body", "body": pending, "more_body": True})
                pending = chunk
            if started:
                pipe.put(started.pop())
            pipe.put({"type": "http.response.body", "body": pending or b"", "more_body": False})
        except Gone:
            pass
        finally:
            if hasattr(result, "close"):
                result.close()  # Django's request_finished: connections go back
            pipe.close()


def _no_write(data: bytes) -> None:
    raise NotImplementedError("the write() callable is not supported; return an iterable")


async def _answer(send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
