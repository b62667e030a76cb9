"""Print the project's pinned requirements from pyproject.toml, one per line (`dev` adds the development set).

Used by the Makefile and the Dockerfile so that pyproject.toml stays the one list of dependencies, without
building the project as a package.
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
lines = list(project["dependencies"])
for extra in sys.argv[1:]:
    lines += project["optional-dependencies"][extra]
print("\n".join(lines))
