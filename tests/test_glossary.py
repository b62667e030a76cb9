"""The house wording (docs/glossary.md): no forbidden spelling in a template or a catalogue entry."""

from pathlib import Path

import polib
import pytest

from core.text import nest_quotes
from tests.glossary import offences, rules

BASE_DIR = Path(__file__).resolve().parent.parent
TEMPLATES = sorted(p for p in (BASE_DIR / "templates").rglob("*") if p.suffix in (".html", ".txt", ".xml"))
CATALOGUES = {language: BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po" for language in ("vi", "en")}


def test_glossary_rules_are_read_and_match():
    found = rules()
    assert len(found) >= 10
    assert offences("Chủ Nhật, 11/01/2026", "vi") == ["'Chủ Nhật' → 'Chủ nhật'"]
    assert offences("around Hoàn Kiếm lake", "en") and not offences("quanh hồ Hoàn Kiếm", "vi")
    assert not offences("Ngành", "en"), "a Vietnamese rule must not apply to English text"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(BASE_DIR / "templates")))
def test_template_wording(template):
    """Templates hold the English source text (and some names): the English and the general rules apply."""
    assert offences(template.read_text(encoding="utf-8"), "en") == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalogue_wording(language):
    problems = []
    for entry in polib.pofile(str(CATALOGUES[language])):
        if entry.obsolete:
            continue
        source = " ".join(filter(None, [entry.msgid, entry.msgid_plural]))
        translations = " ".join([entry.msgstr, *entry.msgstr_plural.values()])
        for text, text_language in ((source, "en"), (translations, language)):
            for offence in offences(text, text_language):
                problems.append(f"{entry.msgid[:60]!r}: {offence}")
    assert problems == []


def test_a_quoted_title_inside_quotes_takes_single_marks():
    assert nest_quotes("Khai mạc triển lãm “Chất Địa Phương”") == "Khai mạc triển lãm ‘Chất Địa Phương’"
    assert nest_quotes("Workshop") == "Workshop"
