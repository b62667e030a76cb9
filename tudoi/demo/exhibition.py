"""The demo exhibition (demo/exhibition.json) and its catalogue (demo/works.csv), with the plan of each work's
drawing (tudoi/demo/images.py), for tests and tools that need them without a database."""

from types import SimpleNamespace

from . import data
from .images import plan_artwork

WORK_TEXTS = ("title", "medium", "caption", "description", "alt_text", "long_description", "credit", "rights")


def __getattr__(name: str):
    exhibition = data.read_json("exhibition.json")
    if name == "SLUG":
        return exhibition["slug"]
    if name in {"TITLE", "SUBTITLE", "DESCRIPTION", "HOURS", "ORGANISERS", "SUPPORTERS"}:
        return data.pair(exhibition, name.lower())
    raise AttributeError(name)


def artists() -> tuple[SimpleNamespace, ...]:
    return tuple(data.record(a, "bio", "city") for a in data.read_json("exhibition.json")["artists"])


def artworks() -> tuple[SimpleNamespace, ...]:
    """The works in catalogue order; `plan` is how the demo draws each (the first of each region large)."""
    works, regions = [], set()
    for row in data.read_rows("works.csv"):
        work = data.record(row, *WORK_TEXTS)
        work.number = int(row["catalogue_number"])
        work.plan = plan_artwork(
            work.number, work.title, row["region"], work.medium, row["technique"], large=row["region"] not in regions
        )
        regions.add(row["region"])
        works.append(work)
    return tuple(works)
