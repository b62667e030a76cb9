"""One search over everything, that understands Vietnamese.

Each searchable model keeps four columns, filled on save from its names and its longer texts in both languages:
the canonical form (case-folded, one tone placement: `text.canonical`) and the folded form (no diacritics, đ→d:
`text.fold`). A query is reduced the same two ways, so "ha noi", "HÀ NỘI" and NFD "Hà Nội" ask the same thing,
"hoà" equals "hòa", and English words find their records on the Vietnamese page. Matches rank exact-diacritics
above folded, names above descriptions; on PostgreSQL pg_trgm's word similarity also finds names with small typos.

Apps register what the site-wide search page shows with `register()` in their AppConfig.ready(), so this module
imports no app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection, models
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.functions import Cast

from .text import search_key

__all__ = ["Searchable", "clean_query", "kinds", "register", "reindex", "search", "search_key"]

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
TYPO_SIMILARITY = (
    0.6  # pg_trgm word_similarity of the folded query with the folded names: "bat trng" ~ "bat trang" is 0.67,
)
# while one shared word of two ("dong xuan" ~ "xuan loc") is 0.5
SEARCH_COLUMNS = ("search_names", "search_names_folded", "search_body", "search_body_folded")


class Searchable(models.Model):
    """Adds the search columns; subclasses name their sources in `search_name_fields` and `search_body_fields`.

    A translated field is named once by its base name: both languages go in. Columns are refreshed on every save
    (`manage.py reindex_search` refreshes rows changed by queryset updates, which skip save()).
    """

    search_name_fields: tuple[str, ...] = ()
    search_body_fields: tuple[str, ...] = ()

    search_names = models.TextField(editable=False, blank=True, default="")
    search_names_folded = models.TextField(editable=False, blank=True, default="")
    search_body = models.TextField(editable=False, blank=True, default="")
    search_body_folded = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_search_columns()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *SEARCH_COLUMNS}
        super().save(*args, **kwargs)

    def refresh_search_columns(self) -> None:
        for column, value in search_columns(self, self.search_name_fields, self.search_body_fields).items():
            setattr(self, column, value)


def _texts(obj: models.Model, names: tuple[str, ...]) -> str:
    """The values of the named fields, both languages of a translated one, each once."""
    field_names = {field.name for field in obj._meta.get_fields()}
    values: list[str] = []
    for name in names:
        attrs = [f"{name}_vi", f"{name}_en"] if f"{name}_vi" in field_names else [name]
        for attr in attrs:
            value = str(getattr(obj, attr, "") or "")
            if value and value not in values:
                values.append(value)
    return " \n ".join(values)


def search_columns(obj: models.Model, name_fields: tuple[str, ...], body_fields: tuple[str, ...]) -> dict[str, str]:
    names, body = _texts(obj, name_fields), _texts(obj, body_fields)
    return {
        "search_names": search_key(names, folded=False),
        "search_names_folded": search_key(names, folded=True),
        "search_body": search_key(body, folded=False),
        "search_body_folded": search_key(body, folded=True),
    }


def reindex(model: type[models.Model], name_fields: tuple[str, ...], body_fields: tuple[str, ...]) -> int:
    """Refresh the search columns of every row (also with a migration's historical model); returns the count."""
    rows = list(model._base_manager.all())
    for row in rows:
        for column, value in search_columns(row, name_fields, body_fields).items():
            setattr(row, column, value)
    model._base_manager.bulk_update(rows, SEARCH_COLUMNS, batch_size=500)
    return len(rows)


def clean_query(query: str | None) -> str:
    return (query or "").strip()[:MAX_QUERY_LENGTH]


def search(queryset: models.QuerySet, query: str | None) -> models.QuerySet:
    """`queryset` narrowed to the records matching `query`, best first (annotated with `search_rank`).

    Every word of the query must appear, folded, in the names or the texts; on PostgreSQL a name close enough to
    the whole query (trigram word similarity) matches too. An empty or punctuation-only query matches nothing.
    """
    query = clean_query(query)
    exact, folded = search_key(query, folded=False), search_key(query, folded=True)
    words = folded.split()[:MAX_WORDS]
    if not words:
        return queryset.none()
    folded = " ".join(words)
    matches = Q()
    for word in words:
        matches &= Q(search_names_folded__contains=word) | Q(search_body_folded__contains=word)
    rank = (
        _points(Q(search_names__contains=exact), 8)
        + _points(Q(search_names_folded__contains=folded), 4)
        + _points(Q(search_body__contains=exact), 2)
        + _points(Q(search_body_folded__contains=folded), 1)
    )
    if connection.vendor == "postgresql":
        queryset = queryset.annotate(search_similarity=TrigramWordSimilarity(Value(folded), "search_names_folded"))
        matches |= Q(search_similarity__gte=TYPO_SIMILARITY)
        rank = rank + Cast(F("search_similarity"), FloatField())
    ordering = ["-search_rank", *(queryset.query.order_by or queryset.model._meta.ordering or ["pk"])]
    return queryset.filter(matches).annotate(search_rank=rank).order_by(*ordering)


def _points(condition: Q, points: int):
    return Case(When(condition, then=Value(float(points))), default=Value(0.0), output_field=FloatField())


@dataclass(frozen=True)
class Kind:
    """One section of the site-wide search page."""

    key: str
    label: str
    queryset: Callable[[], models.QuerySet]
    template: str
    order: int = 0


_registry: dict[str, Kind] = {}


def register(key: str, label: str, queryset: Callable[[], models.QuerySet], template: str, order: int = 0) -> None:
    _registry[key] = Kind(key, label, queryset, template, order)


def kinds() -> list[Kind]:
    return sorted(_registry.values(), key=lambda kind: kind.order)
