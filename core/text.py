"""Vietnamese text: Unicode normalisation, diacritic folding, slugs.

Django's slugify drops "đ" (it is a letter of its own, not a "d" with a mark), so "Đồng Xuân" would become
"ng-xuan"; everything here maps đ→d first.
"""

import re
import unicodedata

from django.utils.text import slugify

_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value or "")


def fold(value: str) -> str:
    """Lower-case ASCII-ish form: no diacritics, đ→d. "Hà Nội" and "HA NOI" both give "ha noi"."""
    decomposed = unicodedata.normalize("NFD", (value or "").translate(_D_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def slugify_vi(value: str, max_length: int = 80) -> str:
    """ASCII slug from a Vietnamese name: "Chất Địa Phương" → "chat-dia-phuong"."""
    slug = slugify(fold(value))[:max_length].strip("-")
    return slug


# Old-style ("hoà", "thuỷ") and new-style ("hòa", "thủy") tone placement differ only in open syllables ending in
# oa, oe or uy. In decomposed form the tone mark follows its vowel, so moving it is a swap of two code points.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_STYLE = re.compile(rf"(?<![qQ])([oO])([aAeE])([{_TONES}])(?!\w)|(?<![qQ])([uU])([yY])([{_TONES}])(?!\w)")


def _new_style(match: re.Match) -> str:
    first, second, tone = (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
    return first + tone + second


def canonical(value: str) -> str:
    """Case-folded NFC text with one tone placement: "Hoà", "HÒA" and NFD "hòa" all give "hòa".

    Keeps the diacritics (unlike `fold`), so an exact match can rank above a folded one.
    """
    decomposed = unicodedata.normalize("NFD", (value or "").casefold())
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(_new_style, decomposed))


def search_key(value: str, *, folded: bool) -> str:
    """The form stored in the search columns and asked of them: punctuation to spaces, spaces collapsed."""
    text = fold(value) if folded else canonical(value)
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


def nest_quotes(value: str) -> str:
    """A title to be set inside “…”: its own “…” become ‘…’, so a quoted title never shows “…“…””."""
    return str(value).replace("\u201c", "\u2018").replace("\u201d", "\u2019")
