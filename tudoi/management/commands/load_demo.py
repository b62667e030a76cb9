"""Load (or bring up to date) the demonstration content; running it again changes nothing."""

import time

from django.core.management.base import BaseCommand

from tudoi.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo content: sectors, units, programme, exhibition, partners and press (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing unless something fails.")

    def handle(self, *args, quiet: bool = False, **options):
        started = time.monotonic()
        report = load_demo()
        if quiet:
            return
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded in {time.monotonic() - started:.1f} s."))
