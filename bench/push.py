"""Breaking alerts to many devices, through `dateline serve` and its worker, timed.

    .venv/bin/python bench/push.py --devices 1000

Builds its own data dir (SQLite, or DATABASE_URL / REDIS_URL if set), starts a push service
on 127.0.0.1 (the tests' one: it checks each request's VAPID signature and decrypts its
body) with N subscribed devices, starts `dateline serve`, publishes a breaking story from a
second process, and reports the seconds from the publication to the first and the last
delivery, and that each device got it exactly once. Stops by itself.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline
from dateline.testing import Server  # noqa: E402
from tests.subscriptions import push_service  # noqa: E402
from tests.subscriptions.test_push_server import PUBLISH, SETUP  # noqa: E402

LIMIT_SECONDS = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--threads", type=int, default=8, help="PUSH_SEND_THREADS")
    parser.add_argument("--latency-ms", type=float, default=0,
                        help="the push service waits this long before each answer")
    options = parser.parse_args()
    service = push_service.start()
    service.latency = options.latency_ms / 1000
    devices = [service.device() for _ in range(options.devices)]
    rows = json.dumps([[d.endpoint, d.p256dh, d.keys()["auth"]] for d in devices])
    with tempfile.TemporaryDirectory(prefix="dateline-bench-push-") as data_dir:
        server = Server(Path(data_dir), PUSH_INSECURE_HOSTS="127.0.0.1",
                        PUSH_BATCH_SIZE=str(options.batch),
                        PUSH_SEND_THREADS=str(options.threads))
        server.prepare()
        path = Path(data_dir) / "setup.py"
        path.write_text(SETUP.replace("'__DEVICES__'", f"open({str(path) + '.json'!r}).read()"))
        Path(str(path) + ".json").write_text(rows)
        story = json.loads(server.run("shell", "-c", path.read_text()).splitlines()[-1])
        server.start()
        try:
            published = float(server.shell(PUBLISH.replace("__STORY__", str(story["story"])))
                              .splitlines()[-1])
            deadline = time.monotonic() + LIMIT_SECONDS
            while len(service.delivered()) < options.devices and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(2)  # anything sent twice would arrive now
        finally:
            server.stop()
    arrivals = [r.at for r in service.received if r.status == 201]
    counts = [len(service.delivered(d)) for d in devices]
    report = {
        "devices": options.devices, "batch": options.batch, "threads": options.threads,
        "latency_ms": options.latency_ms,
        "delivered_once": counts.count(1), "delivered_twice_or_more": sum(c > 1 for c in counts),
        "missing": counts.count(0), "errors": len(service.errors),
        "first_after_s": round(min(arrivals) - published, 2) if arrivals else None,
        "last_after_s": round(max(arrivals) - published, 2) if arrivals else None,
    }
    if arrivals and len(arrivals) > 1:
        report["devices_per_s"] = round(len(arrivals) / (max(arrivals) - min(arrivals)), 1)
    print(json.dumps(report))
    service.server.shutdown()


if __name__ == "__main__":
    main()
