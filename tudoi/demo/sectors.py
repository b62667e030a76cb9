"""The eight sectors of the demo (demo/sectors.json), for tests and tools that need them without a database."""

from . import data


def __getattr__(name: str):
    if name == "SECTORS":  # read when asked for, so that TUDOI_DEMO_DIR applies
        return data.sectors()
    raise AttributeError(name)
