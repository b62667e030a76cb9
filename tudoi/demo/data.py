"""The demo's content, read from the data files of the `demo/` folder (settings.TUDOI_DEMO_DIR).

The tabular content is in the organisers' spreadsheet formats, so that `load_demo` imports it as they would:
`units.csv` and `products.csv` (the units' import, exhibitors/resources.py), `sessions.csv` (the programme's import,
events/resources.py) and `works.csv` (the catalogue import, exhibitions/importing.py). What no import covers is JSON:
`sectors.json`, `venues.json`, `speakers.json`, `exhibition.json` (with its artists), `partners.json`, `press.json`,
and `pictures.json`, which says how the demo draws the pictures of units and sessions (tudoi/demo/images.py).
"""

import csv
import functools
import io
import json
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings

Text = tuple[str, str]


def folder() -> Path:
    return Path(settings.TUDOI_DEMO_DIR)


@functools.cache
def _read_json(path: Path, modified: int) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def read_json(name: str, directory: Path | None = None):
    path = (directory or folder()) / name
    return _read_json(path, path.stat().st_mtime_ns)


def read_bytes(name: str, directory: Path | None = None) -> bytes:
    return ((directory or folder()) / name).read_bytes()


def read_rows(name: str, directory: Path | None = None) -> list[dict[str, str]]:
    """The rows of a CSV file as dictionaries (for what the demo draws; the imports read the files themselves)."""
    text = read_bytes(name, directory).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def pair(record: dict, name: str) -> Text:
    """The Vietnamese and English values of a translated field."""
    return record.get(f"{name}_vi", ""), record.get(f"{name}_en", "")


def record(data: dict, *translated: str) -> SimpleNamespace:
    """`data` as attributes, with each translated field also as a (vi, en) pair under its own name."""
    return SimpleNamespace(**data, **{name: pair(data, name) for name in translated})


@dataclass(frozen=True)
class SectorData:
    key: str
    name_vi: str
    name_en: str
    description_vi: str
    description_en: str
    colour: str


def sectors(directory: Path | None = None) -> tuple[SectorData, ...]:
    return tuple(SectorData(**item) for item in read_json("sectors.json", directory))


VENUE_TEXTS = ("name", "address", "description", "hours", "accessibility", "getting_there", "nearby")


def venues(directory: Path | None = None) -> tuple[SimpleNamespace, ...]:
    return tuple(record(item, *VENUE_TEXTS) for item in read_json("venues.json", directory))
