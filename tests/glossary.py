"""The forbidden spellings of docs/glossary.md, read from its last table, for the wording tests."""

from dataclasses import dataclass
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"
HEADING = "## Forbidden spellings"


@dataclass(frozen=True)
class Rule:
    forbidden: str
    where: str  # "vi", "en" or "all"
    instead: str

    def applies_to(self, language: str) -> bool:
        return self.where in ("all", language)


def rules() -> list[Rule]:
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split(HEADING, 1)[1]
    found = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("Forbidden", "") or set(cells[0]) <= {"-"}:
            continue
        forbidden, where, instead = cells
        assert where in ("vi", "en", "all"), f"docs/glossary.md: unknown place {where!r} for {forbidden!r}"
        found.append(Rule(forbidden, where, instead))
    return found


def offences(text: str, language: str) -> list[str]:
    """Each rule of `language` that `text` breaks, as "forbidden → instead"."""
    return [
        f"{rule.forbidden!r} → {rule.instead!r}"
        for rule in rules()
        if rule.applies_to(language) and rule.forbidden in text
    ]
