"""Make the image renditions that are missing: after the migration that added them, after a spec was added to
core/renditions.py, or (with --verify) after media files were lost. Saving an image makes its own; pages never do."""

import time

from django.core.management.base import BaseCommand

from core.renditions import REGISTRY, make_missing


class Command(BaseCommand):
    help = "Make the missing renditions of every image (run after migrate when deploying)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--verify", action="store_true", help="Also make again those whose file is missing from the storage."
        )
        parser.add_argument("models", nargs="*", metavar="app.Model", help=f"Only these (of {', '.join(REGISTRY)}).")

    def handle(self, *args, verify: bool = False, models=(), **options):
        started = time.monotonic()
        counts = make_missing(verify=verify, model_labels=models or None)
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(
            f"Renditions made or completed for {sum(counts.values())} rows in {time.monotonic() - started:.1f} s."
        )
