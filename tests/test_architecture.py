"""The shape of the code: the kernel (`core`) imports no feature app, the feature apps import each other in one
declared direction, and the assembly (`tudoi`) sits on top, so no two top-level packages import each other.

The order, from the bottom (README, "Layout"): core → exhibitors → exhibitions → events → press → tudoi. A package
may import those before it, never one after it. Every import counts, at the top of a module or inside a function,
migrations included; tests and tools are not part of the layers.
"""

import ast
from pathlib import Path

from django.conf import settings

LAYERS = ("core", "exhibitors", "exhibitions", "events", "press", "tudoi")
BASE_DIR = Path(settings.BASE_DIR)


def imported_packages(path: Path) -> set[str]:
    """The top-level packages of this project that a module imports (absolute imports; relative ones stay home)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found & set(LAYERS)


def edges() -> dict[tuple[str, str], list[str]]:
    """(importer, imported) → the modules of the importer that import it."""
    found: dict[tuple[str, str], list[str]] = {}
    for package in LAYERS:
        for path in sorted((BASE_DIR / package).rglob("*.py")):
            for other in imported_packages(path) - {package}:
                found.setdefault((package, other), []).append(str(path.relative_to(BASE_DIR)))
    return found


def test_every_package_imports_only_the_layers_below_it():
    upward = {
        f"{importer} → {imported}": modules
        for (importer, imported), modules in edges().items()
        if LAYERS.index(imported) > LAYERS.index(importer)
    }
    assert upward == {}


def test_the_kernel_imports_no_feature_app():
    assert {imported for (importer, imported) in edges() if importer == "core"} == set()


def test_the_walk_sees_the_imports():
    """The test above would pass on a walk that finds nothing: the apps do import the kernel and each other."""
    found = edges()
    assert ("events", "core") in found and ("events", "exhibitors") in found and ("tudoi", "press") in found
