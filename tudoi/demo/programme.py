"""The demo's venues (demo/venues.json), for tests and tools that need them without a database."""

from . import data

HO_GUOM_CENTRE = "trung-tam-thong-tin-van-hoa-ho-guom"  # the exhibition's venue


def __getattr__(name: str):
    if name == "VENUES":  # read when asked for, so that TUDOI_DEMO_DIR applies
        return data.venues()
    raise AttributeError(name)
