"""The real server under a crowd: gunicorn with gunicorn.conf.py, on an SQLite file, as `make run` serves the site.

Two things that only show with the real server, its worker processes and threads, and a database file:

- 50 people registering for a workshop of 10 seats at the same moment get no error page (SQLite in WAL mode,
  immediate write transactions and a busy timeout: tudoi/settings.py) and nobody is given a seat beyond the 10;
- sixteen clients that send half a request and wait leave the site answering (threaded workers: gunicorn.conf.py).

Each test starts nothing of its own: one server for the module, on a free port, with its own database, cache folder
and clock. Skipped only where gunicorn cannot run at all (not installed, or no fork(): Windows); when it is installed
but does not come up, the test fails with the server's log.
"""

import http.client
import importlib.util
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("gunicorn") is None or not hasattr(os, "fork"),
    reason="needs gunicorn (a runtime dependency: `make install`) on a system with fork(), not Windows",
)

SEATS = 10
PEOPLE = 50
SLOW_CLIENTS = 16

# The site's clock: the morning of the first day, registration open for the afternoon's workshop.
NOW = "2026-01-10T09:00:00+07:00"

SETUP = f"""
import datetime, django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from events.models import SessionKind
from tests.factories import HANOI, SessionFactory
from core.models import Status
start = datetime.datetime(2026, 1, 10, 15, 0, tzinfo=HANOI)
session = SessionFactory(
    title_vi="Xưởng in khắc gỗ", title_en="Woodblock printing workshop", kind=SessionKind.WORKSHOP,
    starts_at=start, ends_at=start + datetime.timedelta(hours=2), capacity={SEATS}, status=Status.PUBLISHED,
)
print(session.slug)
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, port: int, log: Path, db: Path, slug: str):
        self.port, self.log, self.db, self.slug = port, log, db, slug

    def connection(self, timeout: float = 20) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def get(self, path: str, headers=None, timeout: float = 20) -> tuple[int, dict, bytes]:
        connection = self.connection(timeout)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response, response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("server")
    db = folder / "db.sqlite3"
    env = {
        # gunicorn.conf.py's own numbers (no WEB_CONCURRENCY or GUNICORN_THREADS from outside), the site's settings.
        **{
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("DJANGO_", "TUDOI_", "GUNICORN_", "WEB_CONCURRENCY"))
        },
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{db}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "TUDOI_CACHE_DIR": str(folder / "cache"),
        "TUDOI_NOW": NOW,
        # E-mails are sent inside the request (no worker needed) to Django's in-memory outbox.
        "TUDOI_TASKS_BACKEND": "immediate",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        # As behind a load balancer: each person's address comes from X-Forwarded-For, so the limit per address
        # (5 registrations in 10 minutes) counts each of them, not the test's one address.
        "DJANGO_PROXY_COUNT": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("DATABASE_TEST_NAME", None)
    env.pop("REDIS_URL", None)
    setup = subprocess.run(
        [sys.executable, "-c", SETUP],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "tudoi.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert setup.returncode == 0, setup.stderr
    slug = setup.stdout.strip().splitlines()[-1]

    port = _free_port()
    log = folder / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    # Two processes are enough here (the guarantee against slow clients is per process) and start faster.
    command += ["--workers", "2", "tudoi.wsgi:application"]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
    started = Server(port, log, db, slug)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"gunicorn stopped at start (exit {process.returncode}):\n{log.read_text()[-3000:]}")
            try:
                if started.get("/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not answer /healthz within 60 s:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield started
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


CSRF_COOKIE = re.compile(r"(csrftoken)=([^;]+)")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def register(server: Server, person: int, barrier: threading.Barrier) -> int:
    """One person's browser: get the form (its own CSRF cookie and token), wait for everybody, send it."""
    address = f"198.51.100.{person + 1}, 10.0.0.1"
    path = f"/vi/programme/{server.slug}/register/"
    status, response, body = server.get(path, headers={"X-Forwarded-For": address})
    assert status == 200, body[:500]
    cookie = CSRF_COOKIE.search(response.getheader("Set-Cookie") or "")
    assert cookie, response.getheaders()
    token = CSRF_FIELD.search(body.decode()).group(1)
    form = {
        "csrfmiddlewaretoken": token,
        "name": f"Nguyễn Thị Khách {person}",
        "email": f"khach{person}@example.com",
        "phone": "0912 345 678",
        "consent": "on",
        "website": "",  # the honeypot, left empty as a person does
    }
    barrier.wait(timeout=60)
    connection = server.connection(timeout=60)
    try:
        connection.request(
            "POST",
            path,
            body=urllib.parse.urlencode(form),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"{cookie.group(1)}={cookie.group(2)}",
                "X-Forwarded-For": address,
            },
        )
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_fifty_people_registering_at_once_get_no_error_and_no_overbooking(server):
    barrier = threading.Barrier(PEOPLE)
    statuses: dict[int, int | str] = {}

    def person(number):
        try:
            statuses[number] = register(server, number, barrier)
        except Exception as error:  # a dropped connection counts as an error too
            statuses[number] = repr(error)
            barrier.abort()

    threads = [threading.Thread(target=person, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)

    errors = {number: status for number, status in statuses.items() if not isinstance(status, int) or status >= 500}
    assert not errors, f"{len(errors)} of {PEOPLE} registrations failed: {errors}\n{server.log.read_text()[-3000:]}"
    # Every one of them was taken: the page after a registration ("check your e-mail").
    assert sorted(set(statuses.values())) == [302], statuses
    with sqlite3.connect(server.db) as db:
        rows = db.execute("SELECT status, COUNT(*) FROM events_registration GROUP BY status").fetchall()
    assert dict(rows) == {"confirmed": SEATS, "waitlisted": PEOPLE - SEATS}


def test_sixteen_half_sent_requests_leave_the_site_answering(server):
    slow = []
    try:
        for _ in range(SLOW_CLIENTS):
            client = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line that ends it
            slow.append(client)
        time.sleep(0.5)  # let the server hand every one of them to a thread
        for _ in range(4):  # new connections, so that they reach every worker process
            started = time.monotonic()
            status, _response, body = server.get("/healthz", timeout=2)
            assert status == 200, body
            assert time.monotonic() - started < 2
        # The slow clients are still waiting: the server did not make room by dropping them.
        for client in slow:
            client.setblocking(False)
            with pytest.raises(BlockingIOError):
                client.recv(1)
    finally:
        for client in slow:
            client.close()
