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


def normalise_for_search(value: str) -> str:
    """One spaced, folded string for search columns and queries."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", fold(value))).strip()
