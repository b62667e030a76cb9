"""`make screenshots`: the site's main pages as visitors see them, at phone and desktop width, in both languages.

Loads the demo into a fresh SQLite database of its own (nothing of `make run`'s database is touched), serves it on a
free local port with the demo clock, and saves one PNG per page, width and language in screenshots/ (the first
screen, and the whole page up to 6,000 px), with an index.html beside them to look at them side by side.
Needs headless Chromium (/usr/bin/chromium or CHROMIUM_PATH) and Playwright (installed by `make install`).
"""

import argparse
import html
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
LANGUAGES = ("vi", "en")
LONGEST = 6000  # px: a whole programme page would otherwise make a 30,000 px image
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"The demo server did not answer at {url}.") from None
            time.sleep(0.3)


def pages(env: dict) -> list[tuple[str, str]]:
    """(name, path without the language prefix) of each page to show, the unit and the work taken from the demo."""
    script = (
        "import django; django.setup();"
        "from exhibitors.models import CreativeUnit; from exhibitions.models import Artwork, Exhibition;"
        "from django.utils import translation; translation.activate('vi');"
        "unit = CreativeUnit.objects.published().order_by('pk').first();"
        "work = Artwork.objects.published().order_by('pk').first();"
        "exhibition = Exhibition.objects.published().first();"
        "print(unit.get_absolute_url()); print(work.get_absolute_url()); print(exhibition.get_absolute_url())"
    )
    found = subprocess.run([sys.executable, "-c", script], env=env, cwd=BASE_DIR, capture_output=True, text=True)
    if found.returncode:
        raise SystemExit(f"Could not read the demo's pages:\n{found.stderr}")
    out = found.stdout.split()
    unit, work, catalogue = (url.removeprefix("/vi") for url in out[-3:])
    return [
        ("home", "/"),
        ("programme", "/programme/"),
        ("unit", unit),
        ("catalogue", catalogue),
        ("work", work),
        ("visit", "/visit/"),
        ("press", "/press/"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(BASE_DIR / "screenshots"), help="folder for the PNG files")
    parser.add_argument("--now", default="2026-01-10T15:30:00+07:00", help="the demo clock")
    args = parser.parse_args()
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("Headless Chromium is needed: apt-get install -y chromium (or set CHROMIUM_PATH).")
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tudoi-screenshots-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tudoi.settings",
        "DJANGO_DEBUG": "1",
        "TUDOI_DEMO": "1",
        "TUDOI_NOW": args.now,
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "TUDOI_PRIVATE_MEDIA_ROOT": str(work / "private"),
    }
    manage = [sys.executable, "manage.py"]
    print("Loading the demo into a database of its own…", flush=True)
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, cwd=BASE_DIR, check=True)
    subprocess.run([*manage, "load_demo"], env=env, cwd=BASE_DIR, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    shots = []
    try:
        origin = f"http://127.0.0.1:{port}"
        wait_for(origin + "/healthz")
        targets = pages(env)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=LAUNCH_ARGS)
            for width_name, (width, height) in WIDTHS.items():
                phone = width_name == "phone"
                context = browser.new_context(
                    viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
                )
                page = context.new_page()
                for language in LANGUAGES:
                    for name, path in targets:
                        page.goto(f"{origin}/{language}{path}", wait_until="networkidle")
                        page.evaluate("document.fonts.ready")
                        stem = f"{name}-{language}-{width_name}"
                        page.screenshot(path=str(out / f"{stem}.png"))
                        full = min(page.evaluate("document.documentElement.scrollHeight"), LONGEST)
                        page.screenshot(
                            path=str(out / f"{stem}-full.png"),
                            full_page=True,
                            clip={"x": 0, "y": 0, "width": width, "height": full},
                        )
                        shots.append((name, language, width_name, stem))
                        print(f"{stem}.png", flush=True)
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    rows = "\n".join(
        f"<figure><figcaption>{html.escape(name)} · {language} · {width}</figcaption>"
        f'<a href="{stem}-full.png"><img src="{stem}.png" alt="{html.escape(name)}, {language}, {width}" '
        f'loading="lazy"></a></figure>'
        for name, language, width, stem in shots
    )
    (out / "index.html").write_text(
        "<!DOCTYPE html><meta charset=utf-8><title>Screenshots</title>"
        "<style>body{font-family:sans-serif;display:flex;flex-wrap:wrap;gap:1rem}"
        "img{max-width:320px;border:1px solid #ccc}</style>" + rows,
        encoding="utf-8",
    )
    print(f"{len(shots) * 2} screenshots in {out}/ (open {out / 'index.html'}).")


if __name__ == "__main__":
    main()
