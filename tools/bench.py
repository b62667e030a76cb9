"""`make bench`: how fast the site serves its busiest pages, next to the same bytes served as a static file.

It builds a production-like site in a temporary folder (its own SQLite file, media, cache and static folders; DEBUG
off; `migrate`, `load_demo`, `collectstatic`), counts the database queries of each page in a fresh process
(django.test.Client), writes each page's bytes into the collected static folder (`bench/<name>.<ext>`, so that
WhiteNoise serves them, from the same gunicorn, as a static file), then serves the site with gunicorn and
gunicorn.conf.py (2 workers) twice: with the page cache off (`TUDOI_PAGE_CACHE=0`: every request renders the page)
and on. `wrk` loads each page and its static twin in turns, a few rounds of a few seconds, and the best round of
each counts (other work on the machine only ever slows a round down). With two CPUs or more, the server runs on the
first and wrk on the second (taskset), so that they do not compete for one core. It prints a Markdown table on
stdout (progress goes to stderr).

    python tools/bench.py [--duration 3] [--rounds 2] [--connections 16] [--workers 2] [--sync]
                          [--now 2026-01-10T15:30:00+07:00] [--keep | --folder DIR]

`--sync` serves with sync workers (one request at a time per process, a new connection for each) instead of
gunicorn.conf.py's threads: the setup in which issue 12 measured the site before its work, for comparing shares.

The figures depend on the machine and on what else runs on it; the ratios to the static twin much less.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# (name, address or a key that the query process resolves from the demo data, file extension of the static twin)
PAGES = [
    ("home", "/vi/", "html"),
    ("programme", "/vi/programme/", "html"),
    ("session", "session", "html"),
    ("directory", "/vi/exhibitors/", "html"),
    ("unit", "unit", "html"),
    ("catalogue", "/vi/exhibitions/chat-dia-phuong/", "html"),
    ("artwork", "artwork", "html"),
    ("programme.ics", "/vi/programme.ics", "ics"),
    ("schedule.json", "/vi/programme/schedule.json", "json"),
    ("API sessions", "/api/v1/sessions/", "json"),
]


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# The query process: runs inside Django (`bench.py --queries`), prints JSON.


def resolve(key: str) -> str:
    from django.utils import translation

    from events.models import Session
    from exhibitions.models import Artwork
    from exhibitors.models import CreativeUnit

    with translation.override("vi"):
        if key == "session":
            return Session.objects.published().filter(capacity__isnull=False).first().get_absolute_url()
        if key == "unit":
            return CreativeUnit.objects.published().order_by("pk").first().get_absolute_url()
        if key == "artwork":
            works = Artwork.objects.published().filter(exhibition__slug="chat-dia-phuong").select_related("exhibition")
            return works.order_by("pk").first().get_absolute_url()
    return key


def _measure(path: str, twin: Path) -> dict:
    """In a fresh child process: queries of the first (cold) and second (warm) request with the page cache off,
    and of a page-cache hit; the page's bytes written to its static twin."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    with override_settings(TUDOI_PAGE_CACHE=False):
        for label in ("cold", "warm"):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            counts[label] = len(queries)
    body = b"".join(response) if response.streaming else response.content
    with override_settings(TUDOI_PAGE_CACHE=True):
        client.get(path)  # stores the page
        with CaptureQueriesContext(connection) as queries:
            hit = client.get(path)
        counts["hit"] = len(queries)
    twin.parent.mkdir(parents=True, exist_ok=True)
    twin.write_bytes(body)
    return {
        "path": path,
        "status": response.status_code,
        "bytes": len(body),
        "queries": counts,
        "x_cache": hit.headers.get("X-Cache", ""),
    }


def query_process(twin_dir: Path) -> None:
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tudoi.settings")
    import django

    django.setup()
    from django.db import connections

    results = {}
    resolved = [(name, resolve(key), extension) for name, key, extension in PAGES]
    connections.close_all()  # each child opens its own connection
    for name, path, extension in resolved:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # a fresh process for each page, so that "cold" is the first view after a start
            os.close(read)
            try:
                data = json.dumps(_measure(path, twin_dir / f"{slug(name)}.{extension}")).encode()
            except BaseException as error:  # noqa: BLE001 (reported by the parent)
                data = json.dumps({"path": path, "error": repr(error)}).encode()
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
            os._exit(0)
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            results[name] = json.loads(pipe.read() or b"{}")
        os.waitpid(pid, 0)
    print(json.dumps(results))


# The driver


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list[str], env: dict, what: str) -> str:
    started = time.monotonic()
    done = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench: {what} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    log(f"{what}: {time.monotonic() - started:.1f} s")
    return done.stdout


def pinned(cpu: int | None, command: list[str]) -> list[str]:
    return ["taskset", "-c", str(cpu), *command] if cpu is not None else command


class Server:
    def __init__(self, env: dict, workers: int, cpu: int | None, logfile: Path, sync: bool = False):
        self.port = free_port()
        command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(workers)]
        if sync:  # gunicorn turns sync into gthread when threads > 1
            command += ["--worker-class", "sync", "--threads", "1"]
        command += ["tudoi.wsgi:application"]
        self.logfile = logfile
        with logfile.open("ab") as output:
            self.process = subprocess.Popen(
                pinned(cpu, command), cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 90
        while True:
            if self.process.poll() is not None:
                sys.exit(f"bench: gunicorn stopped at start:\n{logfile.read_text()[-3000:]}")
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                sys.exit(f"bench: gunicorn did not answer within 90 s:\n{logfile.read_text()[-3000:]}")
            time.sleep(0.3)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str) -> tuple[int, dict]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=30) as response:
                response.read()
                return response.status, dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


KINDS = ("static", "uncached", "cached")


def wrk(url: str, *, seconds: int, connections: int, cpu: int | None, quiet: bool = False) -> tuple[float, int]:
    """Requests per second, and the number of answers that were not 2xx or 3xx (or socket errors)."""
    command = pinned(cpu, ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", url])
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    if not rate and not quiet:
        log(f"wrk measured nothing on {url}:\n{output}")
    bad = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if errors:
        bad += sum(int(n) for n in errors.groups())
    return rate, bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=3, help="seconds of each round of load (default 3)")
    parser.add_argument(
        "--rounds", type=int, default=2, help="rounds of the static twin and the page, in turns; the best counts"
    )
    parser.add_argument("--connections", type=int, default=16, help="wrk's open connections (default 16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument(
        "--sync", action="store_true", help="sync workers instead of gunicorn.conf.py's threads (issue 12's setup)"
    )
    parser.add_argument("--now", default="2026-01-10T15:30:00+07:00", help="the site's clock (TUDOI_NOW)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, logs)")
    parser.add_argument(
        "--folder", type=Path, help="work in this folder and keep it; a second run reuses its database and demo data"
    )
    parser.add_argument("--queries", metavar="DIR", help=argparse.SUPPRESS)  # internal: the query process
    args = parser.parse_args()
    if args.queries:
        query_process(Path(args.queries))
        return

    if not shutil.which("wrk"):
        sys.exit("bench: wrk is missing; install it with `apt-get install -y wrk` (Debian, Ubuntu).")
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if len(cpus) >= 2 and shutil.which("taskset"):
        server_cpu, load_cpu = cpus[0], cpus[1]
        log(f"gunicorn on CPU {server_cpu}, wrk on CPU {load_cpu}")
    else:
        server_cpu = load_cpu = None
        log("one CPU (or no taskset): server and wrk share it, so the figures are low")

    if args.folder:
        folder = args.folder.resolve()
        folder.mkdir(parents=True, exist_ok=True)
        args.keep = True
    else:
        folder = Path(tempfile.mkdtemp(prefix="tudoi-bench-"))
    loaded = (folder / "demo-loaded").exists()
    static_root = folder / "static"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TUDOI_", "GUNICORN_"))},
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_HTTPS": "0",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "TUDOI_PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
        "TUDOI_CACHE_DIR": str(folder / "cache"),
        "TUDOI_SERVE_MEDIA": "1",
        "TUDOI_NOW": args.now,
        "TUDOI_TASKS_BACKEND": "immediate",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)  # the folder cache that a single machine uses, as `make run`
    env.pop("WEB_CONCURRENCY", None)
    try:
        manage = [sys.executable, "manage.py"]
        if not loaded:
            run([*manage, "migrate", "--noinput", "-v0"], env, "migrate")
            run([*manage, "load_demo", "--quiet"], env, "load_demo")
            (folder / "demo-loaded").touch()
        run([*manage, "collectstatic", "--noinput", "-v0"], env, "collectstatic")
        twins = static_root / "bench"
        # A cache folder of its own, empty: the first request of each page is a cold one.
        query_env = {**env, "TUDOI_CACHE_DIR": str(folder / "cache-queries")}
        pages = json.loads(run([sys.executable, __file__, "--queries", str(twins)], query_env, "query counts"))
        for name, page in pages.items():
            if "error" in page:
                sys.exit(f"bench: {name} ({page['path']}) failed: {page['error']}")
            if page["status"] != 200:
                sys.exit(f"bench: {name} ({page['path']}) answered {page['status']}")
        extension = {name: ext for name, _key, ext in PAGES}

        def measure(server: Server, path: str) -> tuple[float, int]:
            return wrk(server.url(path), seconds=args.duration, connections=args.connections, cpu=load_cpu)

        # samples[name][kind]: (requests/s, bad answers) of each round; kind is static, uncached or cached.
        samples = {name: {"static": [], "uncached": [], "cached": []} for name in pages}
        x_cache = {}
        for mode in ("uncached", "cached"):
            server = Server(
                {**env, "TUDOI_PAGE_CACHE": "0" if mode == "uncached" else "1"},
                args.workers,
                server_cpu,
                folder / f"gunicorn-{mode}.log",
                sync=args.sync,
            )
            log(f"gunicorn ({mode} pages) on port {server.port}")
            try:
                for name, page in pages.items():
                    static_path = f"/static/bench/{slug(name)}.{extension[name]}"
                    if server.get(static_path)[0] != 200:
                        sys.exit(f"bench: the static twin {static_path} did not answer 200")
                    if mode == "cached":
                        server.get(page["path"])
                        x_cache[name] = server.get(page["path"])[1].get("X-Cache", "-")
                    for path in (static_path, page["path"]):  # warm-up: templates, caches, connections
                        wrk(server.url(path), seconds=2, connections=4, cpu=load_cpu, quiet=True)
                    # The static twin and the page in turns, the best round of each: other work on the machine
                    # only ever slows a round down.
                    for _ in range(args.rounds):
                        samples[name]["static"].append(measure(server, static_path))
                        samples[name][mode].append(measure(server, page["path"]))
                    best = max(rate for rate, _bad in samples[name][mode])
                    log(f"{name}: {mode} {best:.0f} req/s")
            finally:
                server.stop()
    finally:
        if args.keep:
            log(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    if args.keep:
        (folder / "results.json").write_text(json.dumps({"pages": pages, "samples": samples}, indent=1))

    def share(rate: float, static: float) -> str:
        return f"{rate / static:.1%}" if static else "–"

    pinning = f"gunicorn on CPU {server_cpu}, wrk on CPU {load_cpu}" if server_cpu is not None else "no pinning"
    print(
        f"\n`make bench`: gunicorn with gunicorn.conf.py, {args.workers} {'sync ' if args.sync else ''}workers, "
        "DEBUG off, SQLite, demo data; "
        f"`wrk -t1 -c{args.connections} -d{args.duration}s`, best of {args.rounds} rounds; {pinning}; "
        f"{time.strftime('%Y-%m-%d')}.\n"
    )
    print(
        "| page | address | KB | static req/s | uncached req/s | uncached / static | cached req/s "
        "| cached / static | queries cold / warm / hit |"
    )
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|")
    notes = []
    for name, page in pages.items():
        static, uncached, cached = (max(rate for rate, _bad in samples[name][kind]) for kind in KINDS)
        queries = page["queries"]
        for kind in KINDS:
            bad = sum(bad for _rate, bad in samples[name][kind])
            if bad:
                notes.append(f"{name} ({kind}): {bad} answers not 2xx/3xx, or socket errors")
        if x_cache.get(name) != "hit":
            notes.append(f"{name}: not served from the page cache (X-Cache: {x_cache.get(name)})")
        print(
            f"| {name} | `{page['path']}` | {page['bytes'] / 1024:.0f} | {static:.0f} | {uncached:.0f} "
            f"| {share(uncached, static)} | {cached:.0f} | {share(cached, static)} "
            f"| {queries['cold']} / {queries['warm']} / {queries['hit']} |"
        )
    for note in notes:
        print(f"\n- {note}")


if __name__ == "__main__":
    main()
