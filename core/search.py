"""One search over everything, that understands Vietnamese.

Each searchable model keeps four columns, filled on save from its names and its longer texts in both languages:
the canonical form (case-folded, one tone placement: `text.canonical`) and the folded form (no diacritics, đ→d:
`text.fold`). A query is reduced the same two ways, so "ha noi", "HÀ NỘI" and NFD "Hà Nội" ask the same thing,
"hoà" equals "hòa", and English words find their records on the Vietnamese page. On PostgreSQL pg_trgm's word
similarity also finds names with small typos.

Ranking, in one SQL expression per query (no query per result): a match in the names comes before any match in
the texts only; within a field, each word of the query scores by how well it matches, best first: the whole word
with its diacritics as typed, a word starting with it, another form of the typed word from the synonym list
("ceramic" for "ceramics", "gốm" for "gom"), a synonym ("pottery" for "gốm"), the whole word without diacritics,
a word starting with it without diacritics, and last a match inside a word. Ties keep the queryset's own order
(units and artists by name, sessions by time, releases newest first). There is no cheap popularity figure to rank
by: stars are kept in the visitor's browser.

Guarding the database: a query is cut to MAX_QUERY_LENGTH characters and MAX_WORDS words (`cache_key()` names a
search by those words, so equivalent queries share their cached results), and `time_limit()` bounds each search
on PostgreSQL with a statement timeout; `refresh_statistics()` lets the planner know the tables after a bulk load.

With `synonyms=True` (the site-wide search page) a word or phrase of the bilingual list in
`core.search_synonyms` also finds records that use its synonyms as whole words; `also_searched()` says which.

Apps register what the site-wide search page shows with `register()` in their AppConfig.ready(), so this module
imports no app.
"""

import contextlib
import functools
import hashlib
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection, models, transaction
from django.db.models import Case, F, FloatField, Q, TextField, Value, When
from django.db.models.functions import Cast

from . import search_synonyms
from .text import search_key

__all__ = [
    "Searchable",
    "TimedOut",
    "also_searched",
    "cache_key",
    "clean_query",
    "kinds",
    "register",
    "refresh_statistics",
    "reindex",
    "search",
    "search_key",
    "time_limit",
]

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
TYPO_SIMILARITY = (
    0.6  # pg_trgm word_similarity of the folded query with the folded names: "bat trng" ~ "bat trang" is 0.67,
)
# while one shared word of two ("dong xuan" ~ "xuan loc") is 0.5
SEARCH_COLUMNS = ("search_names", "search_names_folded", "search_body", "search_body_folded")
# A search of the demo data takes about 0.2 s on PostgreSQL; one that takes ten times as long is stopped.
TIME_LIMIT_MS = 2000


@TextField.register_lookup
class Spaced(models.Transform):
    """The text between two spaces: `search_names__spaced__contains=" gốm "` finds a whole word, the first and the
    last included. (Written as SQL once per use: an aliased Concat() was compiled again at each of the 30-odd places a
    query names it, which took most of a search's time.)"""

    lookup_name = "spaced"
    template = "(' ' || %(expressions)s || ' ')"
    arity = 1
    output_field = TextField()


class TimedOut(Exception):
    """The database stopped a search at TIME_LIMIT_MS."""


@contextlib.contextmanager
def time_limit(milliseconds: int | None = None) -> Iterator[None]:
    """Run the searches inside with a statement timeout on PostgreSQL (in a transaction of their own, so that the
    setting ends with it); raises `TimedOut` when the database cancels one. Elsewhere, no limit."""
    if connection.vendor != "postgresql":
        yield
        return
    from psycopg import errors  # noqa: PLC0415 (psycopg is there only with PostgreSQL)

    nested = connection.in_atomic_block
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT current_setting('statement_timeout'), set_config('statement_timeout', %s, true)",
                    [str(int(milliseconds or TIME_LIMIT_MS))],
                )
                before = cursor.fetchone()[0]
            yield
            if nested:  # a savepoint: the setting would outlive this block, up to the outer transaction's end
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('statement_timeout', %s, true)", [before])
    except Exception as error:
        if isinstance(getattr(error, "__cause__", None), errors.QueryCanceled):
            raise TimedOut from error
        raise


def refresh_statistics(*models_: type[models.Model]) -> None:
    """ANALYZE the tables of `models_` after a bulk load, so that the planner sees their real size: a search right
    after loading the demo took 0.6 s on PostgreSQL with no statistics (a nested loop over every unit), 0.02 s with."""
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def cache_key(query: str | None, *parts: object) -> str:
    """A name for the results of `query` that equivalent queries share (case, spacing, punctuation, tone placement,
    words beyond MAX_WORDS), with `parts` (such as the language and the content generation)."""
    words = search_key(clean_query(query), folded=False).split()[:MAX_WORDS]
    digest = hashlib.sha256("\x1f".join([*map(str, parts), " ".join(words)]).encode()).hexdigest()
    return f"search:{digest}"


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


@dataclass(frozen=True)
class Term:
    """A word of the synonym list as the page shows it, with its language (for the `lang` attribute)."""

    text: str
    language: str


@dataclass(frozen=True)
class Slot:
    """One thing a query asks for: a typed word, or a phrase of the synonym list with the words it stands for."""

    exact: str  # canonical: diacritics as typed
    folded: str
    variants: tuple[str, ...] = ()  # other forms of the typed word: "ceramic" for "ceramics", "gốm" for "gom"
    synonyms: tuple[str, ...] = ()
    also: tuple[Term, ...] = ()  # the synonyms, as the page names them
    not_in: tuple[str, ...] = ()  # phrases in which a synonym means something else ("đàn tranh" is no painting)


@dataclass(frozen=True)
class _Entry:
    """A term of the synonym list: its forms (canonical) and everything its group searches."""

    forms: tuple[str, ...]
    group: tuple[tuple[str, tuple[str, ...]], ...]  # (language, forms) of every term of the group
    not_in: tuple[str, ...] = ()


def _synonym_index() -> tuple[dict[str, _Entry], dict[str, _Entry]]:
    """{canonical form: entry} and {folded form: entry} of every term of the synonym list."""
    by_exact: dict[str, _Entry] = {}
    by_folded: dict[str, _Entry] = {}

    def add(form: str, entry: _Entry) -> None:
        exact, folded = search_key(form, folded=False), search_key(form, folded=True)
        assert exact not in by_exact and folded not in by_folded, f"{form!r} is twice in the synonym list"
        by_exact[exact] = by_folded[folded] = entry

    for group in search_synonyms.GROUPS:
        terms = tuple(
            (language, tuple(search_key(form, folded=False) for form in term.split("|")))
            for language, terms in (("vi", group.vi), ("en", group.en))
            for term in terms
        )
        not_in = tuple(search_key(phrase, folded=False) for phrase in group.not_in)
        for _language, forms in terms:
            entry = _Entry(forms, terms, not_in)
            for form in forms:
                add(form, entry)
        for name in group.typed_only:
            add(name, _Entry((), terms, not_in))
    return by_exact, by_folded


_BY_EXACT, _BY_FOLDED = _synonym_index()


def _entry(exact: str, folded: str) -> _Entry | None:
    if exact in _BY_EXACT:
        return _BY_EXACT[exact]
    if exact == folded and folded not in search_synonyms.NOT_WITHOUT_DIACRITICS:  # typed without diacritics
        return _BY_FOLDED.get(folded)
    return None


def _synonym_slot(exact: str, folded: str, entry: _Entry) -> Slot:
    variants = tuple(form for form in entry.forms if form != exact)
    synonyms = tuple(form for _language, forms in entry.group for form in forms if forms != entry.forms)
    also = tuple(Term(forms[0], language) for language, forms in entry.group if forms != entry.forms)
    return Slot(exact, folded, variants, synonyms, also, entry.not_in)


def slots(query: str | None, *, synonyms: bool = False) -> list[Slot]:
    """What `query` asks for, word by word; with `synonyms`, a phrase of the list (longest first) is one slot."""
    words = []
    for exact in search_key(clean_query(query), folded=False).split():
        folded = search_key(exact, folded=True)
        if folded:
            words.append((exact, folded))
    words = words[:MAX_WORDS]
    found: list[Slot] = []
    start = 0
    while start < len(words):
        for length in range(min(4, len(words) - start) if synonyms else 1, 0, -1):
            exact = " ".join(word for word, _ in words[start : start + length])
            folded = " ".join(word for _, word in words[start : start + length])
            entry = _entry(exact, folded) if synonyms else None
            if entry is not None:
                found.append(_synonym_slot(exact, folded, entry))
                break
            if length == 1:
                found.append(Slot(exact, folded))
        start += length
    return found


def also_searched(query: str | None) -> list[Term]:
    """The synonyms that `search(..., synonyms=True)` looks for besides the typed words, each once."""
    terms: list[Term] = []
    for slot in slots(query, synonyms=True):
        terms += [term for term in slot.also if term not in terms]
    return terms


def search(queryset: models.QuerySet, query: str | None, *, synonyms: bool = False) -> models.QuerySet:
    """`queryset` narrowed to the records matching `query`, best first (annotated with `search_rank`).

    Every word of the query must appear, folded, in the names or the texts (or, with `synonyms`, one of its
    synonyms as a whole word); on PostgreSQL a name close enough to the whole query (trigram word similarity)
    matches too. An empty or punctuation-only query matches nothing.
    """
    asked = slots(query, synonyms=synonyms)
    if not asked:
        return queryset.none()
    exact = " ".join(slot.exact for slot in asked)
    folded = " ".join(slot.folded for slot in asked)
    matches = Q()
    for slot in asked:
        matches &= _slot_matches(slot)
    names = functools.reduce(operator.add, (_level(slot, "names") for slot in asked))
    body = functools.reduce(operator.add, (_level(slot, "body") for slot in asked))
    if len(asked) > 1:  # the words side by side, as typed
        names = names + _phrase(exact, folded, "names")
        body = body + _phrase(exact, folded, "body")
    rank = names * Value(1000.0) + body * Value(10.0)
    if connection.vendor == "postgresql":
        queryset = queryset.annotate(search_similarity=TrigramWordSimilarity(Value(folded), "search_names_folded"))
        matches |= Q(search_similarity__gte=TYPO_SIMILARITY)
        rank = rank + Cast(F("search_similarity"), FloatField())
    ordering = ["-search_rank", *(queryset.query.order_by or queryset.model._meta.ordering or ["pk"])]
    return queryset.filter(matches).annotate(search_rank=rank).order_by(*ordering)


def _slot_matches(slot: Slot) -> Q:
    typed = Q()
    for word in slot.folded.split():
        typed &= Q(search_names_folded__contains=word) | Q(search_body_folded__contains=word)
    other = [*slot.variants, *slot.synonyms]
    if not other:
        return typed
    return typed | _whole_words("names", other, slot.not_in) | _whole_words("body", other, slot.not_in)


def _whole_words(field: str, words, not_in=()) -> Q:
    """Any of `words` as a whole word of the field, unless only as part of a phrase of `not_in`."""
    column = f"search_{field}__spaced__contains"
    found = Q()
    for word in words:
        condition = Q(**{column: f" {word} "})
        for phrase in not_in:
            if f" {word} " in f" {phrase} ":
                condition &= ~Q(**{column: f" {phrase} "})
        found |= condition
    return found


def _level(slot: Slot, field: str):
    """How well `slot` matches the names or the texts, 0 (not at all) to 9 (the whole word as typed)."""
    spaced, folded_spaced = f"search_{field}__spaced", f"search_{field}_folded__spaced"
    whens = [
        When(Q(**{f"{spaced}__contains": f" {slot.exact} "}), then=Value(9.0)),
        When(Q(**{f"{spaced}__contains": f" {slot.exact}"}), then=Value(8.0)),
    ]
    if slot.variants:
        whens.append(When(_whole_words(field, slot.variants, slot.not_in), then=Value(7.0)))
    if slot.synonyms:
        whens.append(When(_whole_words(field, slot.synonyms, slot.not_in), then=Value(6.0)))
    whens += [
        When(Q(**{f"{folded_spaced}__contains": f" {slot.folded} "}), then=Value(5.0)),
        When(Q(**{f"{folded_spaced}__contains": f" {slot.folded}"}), then=Value(4.0)),
        When(Q(**{f"search_{field}__contains": slot.exact}), then=Value(3.0)),
        When(Q(**{f"search_{field}_folded__contains": slot.folded}), then=Value(2.0)),
    ]
    return Case(*whens, default=Value(0.0), output_field=FloatField())


def _phrase(exact: str, folded: str, field: str):
    return Case(
        When(Q(**{f"search_{field}__spaced__contains": f" {exact} "}), then=Value(3.0)),
        When(Q(**{f"search_{field}__contains": exact}), then=Value(2.0)),
        When(Q(**{f"search_{field}_folded__contains": folded}), then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )


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
