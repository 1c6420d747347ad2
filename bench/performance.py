"""Issue 13's table side by side in one run: render costs, stored pages against nginx sending
the same bytes, and throughput over many pages while the desk publishes.

    .venv/bin/python bench/performance.py --articles 100000 --data-dir DIR

Builds (or reuses) a demo edition of N stories in DIR, then:

1. renders: CPU per request and queries of each page type, in-process, the page store
   off (bench/render.py, in a process of its own, on its archive of N stories kept beside
   DIR);
2. stored: `dateline serve` (one process) answering a stored story page, and nginx (one
   worker, its own prefix and port) sending a file holding the exact bytes the server sent,
   gzip-encoded as a browser asks; R rounds interleaved, medians;
3. publishing under load: wrk cycling over P distinct pages (home, sections, tags, stories)
   for S seconds with nothing published, then S seconds while another process publishes a
   story every 2 s; requests/s and p99 of both, and the ratio.

Everything targets 127.0.0.1 and stops by itself. Needs wrk and nginx (apt-get install wrk
nginx). DATABASE_URL/REDIS_URL from the environment are used when set.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # this checkout's dateline
from serving import wrk  # noqa: E402

from dateline.testing import Server, free_port  # noqa: E402

PAGES = """
import json
from dateline.newsroom.models import Article, Section, Tag
en = Article.objects.published().filter(language='en').order_by('-published_at')
story = en[en.count() // 2].get_absolute_url()
stories = [a.get_absolute_url() for a in en[:__STORIES__]]
sections = [s.get_absolute_url() for s in Section.objects.all()]
tags = [t.get_absolute_url() for t in Tag.objects.order_by('-story_count')[:__TAGS__]]
print(json.dumps({"story": story, "pages": ["/en/", "/ru/"] + sections + tags + stories}))
"""

PUBLISHER = """
import time, sys
from django.utils import timezone
from dateline.newsroom import actions
from dateline.newsroom.models import Article
model = Article.objects.published().filter(language='en').order_by('-published_at').first()
until = time.monotonic() + __SECONDS__
n = 0
while time.monotonic() < until:
    story = Article.objects.create(
        language=model.language, section=model.section, headline=f"Bench story {time.time()}",
        slug=f"bench-story-{time.time_ns()}", lead=model.lead, body=model.body,
        dateline_place=model.dateline_place, agency=model.agency)
    story.tags.set(model.tags.all())
    actions.publish_article(story, by=None)
    n += 1
    time.sleep(2)
print(n)
"""

NGINX = """daemon off; worker_processes 1; pid {prefix}/nginx.pid; error_log {prefix}/error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  server {{ listen 127.0.0.1:{port}; root {prefix}/www;
    location / {{ default_type "text/html; charset=utf-8";
      add_header Content-Encoding gzip; add_header Vary Accept-Encoding; }} }} }}
"""

GZIP = {"Accept-Encoding": "gzip"}


def paths_script(paths: list[str], directory: Path) -> Path:
    """A wrk script cycling through paths, asking for gzip as browsers do."""
    script = directory / "pages.lua"
    listed = ", ".join(json.dumps(p) for p in paths)
    script.write_text(
        f"local paths = {{{listed}}}\nlocal i = 0\n"
        'wrk.headers["Accept-Encoding"] = "gzip"\n'
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n')
    return script


def start_nginx(body: bytes, directory: Path) -> tuple[subprocess.Popen, str]:
    prefix = directory / "nginx"
    (prefix / "www").mkdir(parents=True, exist_ok=True)
    (prefix / "www" / "story.html").write_bytes(body)
    port = free_port()
    (prefix / "nginx.conf").write_text(NGINX.format(prefix=prefix, port=port))
    process = subprocess.Popen(["nginx", "-c", str(prefix / "nginx.conf"), "-p", str(prefix)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/story.html"
    for _ in range(50):
        try:
            subprocess.run(["curl", "-sf", "-o", "/dev/null", url], check=True)
            return process, url
        except subprocess.CalledProcessError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("nginx did not start: " + (prefix / "error.log").read_text()[-2000:])


def renders(data_dir: Path, stories: int, rounds: int) -> dict:
    """bench/render.py's figures on its archive of `stories` (built once in data_dir),
    measured in a process of its own."""
    done = subprocess.run(
        [sys.executable, str(HERE / "render.py"), "--data-dir", str(data_dir),
         "--stories", str(stories), "--rounds", str(rounds), "--json"],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(HERE.parent)})
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--pages", type=int, default=136, help="distinct pages under load")
    parser.add_argument("--render-dir", type=Path,
                        help="bench/render.py's archive (default: beside the data dir)")
    parser.add_argument("--no-renders", action="store_true", help="skip part 1")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: apt-get install wrk nginx")

    work = Path(tempfile.mkdtemp(prefix="dateline-bench-perf-"))
    work.chmod(0o755)  # nginx's worker runs as an unprivileged user when started as root
    data_dir = args.data_dir or work / "data"
    services = {k: os.environ[k] for k in ("DATABASE_URL", "REDIS_URL") if os.environ.get(k)}
    server = Server(data_dir, LOG_LEVEL="ERROR", **services).prepare()
    server.run("demo", "--if-empty", "--articles", str(args.articles), timeout=7200)
    print(f"{args.articles} stories, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f} at the "
          f"start; {'PostgreSQL' if services.get('DATABASE_URL') else 'SQLite'}"
          f"{' + Redis' if services.get('REDIS_URL') else ''}")

    if not args.no_renders:
        print("\n1. renders (CPU ms per request, median and p95; queries)")
        archive = args.render_dir or data_dir.parent / "render"
        for page, figures in renders(archive, args.articles, 20).items():
            print(f"  {page:14} {figures['median_ms']:6.2f} {figures['p95_ms']:6.2f}"
                  f"   {figures['queries']} queries")

    found = json.loads(server.shell(
        PAGES.replace("__STORIES__", str(max(args.pages - 40, 10)))
        .replace("__TAGS__", "20")).strip().splitlines()[-1])
    story, pages = found["story"], found["pages"][:args.pages]
    server.start()
    nginx = None
    try:
        for _ in range(20):  # stored by the first request that no event overlapped
            response = server.get(story, GZIP)
            body = response.read()
            if response.headers.get("X-Cache") == "hit":
                break
            time.sleep(0.2)
        else:
            raise SystemExit(f"{story} is never served from the store")
        nginx, nginx_url = start_nginx(body, work)
        print(f"\n2. stored story page {story}: {len(body)} bytes gzip; wrk -t2 "
              f"-c{args.connections} -d{args.seconds}s, {args.rounds} rounds interleaved")
        ours, theirs = [], []
        for _ in range(args.rounds):
            theirs.append(wrk(nginx_url, args.seconds, args.connections, GZIP)["rps"])
            ours.append(wrk(server.url + story, args.seconds, args.connections, GZIP)["rps"])
        ratio = statistics.median(o / t for o, t in zip(ours, theirs, strict=True))
        print(f"  nginx    {statistics.median(theirs):9.0f} req/s  {theirs}")
        print(f"  dateline {statistics.median(ours):9.0f} req/s  {ours}")
        print(f"  ratio    {ratio:.2f} (median of the rounds' ratios)")

        script = paths_script(pages, work)
        for path in pages:  # every page stored once before the quiet run
            server.get(path, GZIP).read()
        print(f"\n3. {len(pages)} distinct pages, wrk -t2 -c{args.connections} -d{args.seconds}s")
        quiet = wrk(server.url, args.seconds, args.connections, script=script)
        publisher = server.spawn("shell", "-c",
                                 PUBLISHER.replace("__SECONDS__", str(args.seconds + 1)))
        time.sleep(0.5)
        busy = wrk(server.url, args.seconds, args.connections, script=script)
        publisher.wait(timeout=60)
        print(f"  quiet               {quiet['rps']:9.0f} req/s  p99 {quiet['p99']:.1f} ms")
        print(f"  publishing every 2s {busy['rps']:9.0f} req/s  p99 {busy['p99']:.1f} ms")
        print(f"  ratio {busy['rps'] / quiet['rps']:.2f}")
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait(timeout=10)
        server.stop()
    print(f"\nload {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
