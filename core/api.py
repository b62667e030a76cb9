"""The read-only open data API under /api/v1/, on django-ninja: every public record in both languages, as JSON (and
CSV), and its OpenAPI 3.1 document, which ninja derives from the same declarations the answers are made from.

Each app declares its resources in its own `api.py` (events, exhibitors, exhibitions, press) and registers them
with `register()` from its AppConfig.ready(), like the search kinds: per resource one `Record` schema (its fields,
their types and descriptions: what `values()` puts in an answer and what the document says of it), one `Filters`
schema (its query parameters, each made by a filter function below: the parser, the JSON Schema and how it narrows
the list) and the published queryset. The kernel imports no app; `tudoi/urls.py` mounts `urls()`. Here, once:

- records carry both languages: a translated text is `{"vi": "…", "en": "…"}` (null where not written), public
  pages are `page_url: {"vi": …, "en": …}`, relations are slugs (ids for products), every record has `api_url`;
- lists page with `limit`/`offset` and give `count`, `next`, `previous`; filters are checked before use: a
  malformed value answers 400, a well-formed one that names nothing (a slug of no published record) an empty list,
  an empty one (a form's empty field) no filter; unknown parameters are ignored;
- only published records, through `.published()` (drafts and embargoed releases never appear);
- `ETag` (a hash of the body) with 304 on `If-None-Match`, `Cache-Control: public`, CORS for GET/HEAD/OPTIONS,
  405 for other methods, no cookies (`api_view`, around every route);
- every error is RFC 9457 problem details (`application/problem+json`): 400, 404 (also for an address the API does
  not have), 405, 500, and 503 with `Retry-After` while the database is unreachable (`ApiMiddleware`);
- messages in English, or in Vietnamese when `Accept-Language` prefers it: never from the site's language cookie
  (which `ApiMiddleware` hides from the API) nor its default language;
- the OpenAPI document at `/api/v1/` (and `/api/v1/openapi.json`): ninja's, with the HTTP envelope added once
  (`_envelope`: info, servers, tags, the shared parameters, headers and problem answers), which the server keeps
  to (tests/test_api_contract.py runs Schemathesis against it), and CSV downloads (`/api/v1/units.csv`,
  `/api/v1/sessions.csv`) of the same records flattened.
"""

import csv
import hashlib
import io
import json
import logging
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache, cached_property, wraps
from http import HTTPStatus
from typing import Annotated, Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, InterfaceError, OperationalError, models
from django.db.models.fields.files import FieldFile
from django.http import HttpResponse, HttpResponseNotModified, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import Resolver404, URLPattern, re_path, resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Path, Query, Schema
from ninja.errors import ValidationError
from ninja.parser import Parser
from ninja.renderers import BaseRenderer
from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema, create_model

from . import search as site_search
from .admin import csv_cell
from .images import rendition_url
from .web import absolute

logger = logging.getLogger(__name__)

PREFIX = "/api/v1/"  # where tudoi/urls.py mounts `urls()`
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)  # vi, en: the fields of `Text`, `Label`, `PageUrls`
MESSAGE_LANGUAGE = "en"  # of error messages, unless Accept-Language prefers another language of the site
VERSION = "1.2.0"
DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_OFFSET = 999_999_999
RETRY_AFTER = 30  # seconds a client should wait when the database is unreachable
PROBLEM = "application/problem+json"
MAX_AGE = 300  # seconds a client or a shared cache may keep an answer
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
WEB_IMAGE_GEOMETRY = "1600x1600"  # the web-size copy of an image: at most 1600 pixels on its longer side, WebP
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
TRUE = {"true", "1", "yes"}
FALSE = {"false", "0", "no"}
# Exactly the spellings `boolean` takes, in any case (JSON Schema patterns have no case-insensitive flag).
BOOLEAN_PATTERN = "^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo]|1|0)$"
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NUMBER = re.compile(r"-?[0-9]{1,10}(?:\.[0-9]{1,10})?")


# --- The types of record fields -----------------------------------------------------------------------------------

FORBID = ConfigDict(extra="forbid")
Uri = Annotated[str, Field(json_schema_extra={"format": "uri"})]
Email = Annotated[str, Field(json_schema_extra={"format": "email"})]
Slug = Annotated[str, Field(pattern=SLUG.pattern)]
Id = Annotated[int, Field(ge=1)]


class Bilingual(BaseModel):
    model_config = FORBID  # one value per language: two CSV columns


class Text(Bilingual):
    """A text in each language of the site; null where it is not written in that language."""

    vi: str | None
    en: str | None


class Label(Bilingual):
    """The display label of a coded value, in each language."""

    vi: str
    en: str


class PageUrls(Bilingual):
    """The public page in each language (absolute URLs)."""

    vi: Uri
    en: Uri


class Record(BaseModel):
    """A resource's schema: its fields, in the order of the answer. `values()` fills them from a model instance: a
    static method `resolve_<field>(obj)` when the schema has one; else a `Text` field reads `<field>_vi` and
    `<field>_en`, a `Label` field `<x>_label` gives the label of the choice in field `<x>`, `page_url` the public page
    (get_absolute_url); any other field reads the attribute of its name: a related record gives its slug (null if
    the public may not see it), a many-to-many the slugs of what was prefetched, a file its URL, a date and time is in
    Hanoi time, an empty text is null where the field takes null."""

    model_config = FORBID


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (`application/problem+json`). `title` and `detail` are in English, or
    in Vietnamese when `Accept-Language` prefers it."""

    type: str = Field(
        json_schema_extra={"format": "uri-reference"},
        description="Always `about:blank`: the status says what kind of problem it is.",
    )
    title: str = Field(description="The HTTP status phrase.")
    status: int = Field(ge=400, le=599)
    detail: str = Field(description="What went wrong and what to do about it.")
    parameter: str = Field(None, description="The query parameter at fault (400 only).")


# --- Filling a record ---------------------------------------------------------------------------------------------


def text(obj, field: str) -> dict:
    """Both languages of a translated field; null where a language has no text."""
    return {language: (getattr(obj, f"{field}_{language}", None) or None) for language in LANGUAGES}


def page_urls(obj=None, *, name: str = "", kwargs: dict | None = None, fragment: str = "") -> dict:
    """The public page of `obj` (its get_absolute_url), or of the named URL, in each language, absolute."""
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            url = obj.get_absolute_url() if obj is not None else reverse(name, kwargs=kwargs)
        urls[language] = absolute(url) + (f"#{fragment}" if fragment else "")
    return urls


def labels(choices: type[models.TextChoices], value: str | None) -> dict | None:
    """The display label of a choice in each language, or None for an empty value."""
    if not value:
        return None
    label = choices(value).label
    result = {}
    for language in LANGUAGES:
        with translation.override(language):
            result[language] = str(label)
    return result


def moment(value: datetime | None) -> datetime | None:
    """A date and time in Hanoi time, to the second (written ISO 8601 with its offset)."""
    return timezone.localtime(value).replace(microsecond=0) if value else None


def _bare(annotation) -> Any:
    """`X` of `X | None`."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        (annotation,) = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    return annotation


def _plain(value) -> Any:
    if isinstance(value, models.Manager):
        return [item.slug for item in value.all()]
    if isinstance(value, models.Model):
        return value.slug if value.is_public else None
    if isinstance(value, FieldFile):
        return absolute(value.url) if value else None
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


@cache
def _fields(schema: type[BaseModel]) -> dict[str, tuple[Any, Callable | None, bool]]:
    """Each field of `schema`: its type (without None), its resolver, and whether it takes null."""
    return {
        name: (
            _bare(field.annotation),
            getattr(schema, f"resolve_{name}", None),
            _bare(field.annotation) is not field.annotation,
        )
        for name, field in schema.model_fields.items()
    }


def values(schema: type[BaseModel], obj) -> dict:
    """The fields of `schema` for `obj` (see `Record`)."""
    data = {}
    fields = _fields(schema)
    for name, (kind, resolver, nullable) in fields.items():
        if resolver:
            value = resolver(obj)
        elif kind is Text:
            value = text(obj, name)
        elif kind is Label:
            source = name.removesuffix("_label")
            value = labels(fields[source][0], data[source])
        elif kind is PageUrls:
            value = page_urls(obj)
        else:
            value = _plain(getattr(obj, name))
        data[name] = None if nullable and value == "" else value
    return data


# --- Filters ------------------------------------------------------------------------------------------------------
#
# A parameter's JSON Schema in the document says exactly what the server takes: a value it refuses (400) is outside
# the schema, a value inside it is answered (200, an empty list when it names nothing). An empty value is a form's
# empty field: no filter (`limit` and `offset`: their default). A parameter given twice is refused.


class Filters(Schema):
    """A resource's filters: each field made by `choice`, `boolean`, `day`, `slug_of` or `search`, default None."""


@dataclass(frozen=True)
class Narrow:
    """How a filter narrows the queryset with its parsed value."""

    apply: Callable[[models.QuerySet, Any], models.QuerySet]


def parameter(schema: dict, parse: Callable[[str], Any], description: str, empty: Any = None, narrow=None) -> Any:
    """A query parameter: `parse` turns the text into a value or raises ValueError with the message the client
    reads (a 400 naming the parameter); `schema` is what the document says it takes; a filter `narrow`s the list."""

    def validate(raw):
        if isinstance(raw, list):
            raise ValueError(_("Give this parameter once."))
        return empty if raw == "" else parse(raw)

    return Annotated[
        Any,
        PlainValidator(validate),
        WithJsonSchema({"anyOf": [schema, {"type": "string", "const": ""}]}),
        Field(description=f"{description} Empty: no filter." if narrow else description),
        *([Narrow(narrow)] if narrow else []),
    ]


def _lookup(lookup: str) -> Callable[[models.QuerySet, Any], models.QuerySet]:
    return lambda queryset, value: queryset.filter(**{lookup: value})


def choice(choices: type[models.TextChoices], lookup: str, description: str) -> Any:
    def parse(value: str) -> str:
        if value not in choices.values:
            raise ValueError(_("Choose one of: %(values)s.") % {"values": ", ".join(choices.values)})
        return value

    return parameter({"type": "string", "enum": list(choices.values)}, parse, description, narrow=_lookup(lookup))


def boolean(lookup: str, description: str) -> Any:
    def parse(value: str) -> bool:
        word = value.lower()
        if word in TRUE | FALSE:
            return word in TRUE
        raise ValueError(_("Give true or false."))

    schema = {"type": "string", "pattern": BOOLEAN_PATTERN, "examples": ["true", "false"]}
    return parameter(schema, parse, description, narrow=_lookup(lookup))


def day(lookup: str, description: str) -> Any:
    def parse(value: str) -> date:
        try:
            if not DATE_PATTERN.fullmatch(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(_("Give a date as YYYY-MM-DD, for example 2026-01-10.")) from None

    return parameter({"type": "string", "format": "date"}, parse, description, narrow=_lookup(lookup))


def slug_of(
    published: Callable[[], models.QuerySet],
    apply: Callable[[models.QuerySet, models.Model], models.QuerySet],
    description: str,
) -> Any:
    """A filter by the slug of a published record of another kind (one query to find it). A slug that no published
    record has narrows the list to nothing: the client asked a fair question whose answer is empty."""

    def parse(value: str) -> str:
        if not SLUG.fullmatch(value):
            raise ValueError(_("Give a slug: up to 100 letters, digits, hyphens or underscores."))
        return value

    def narrow(queryset: models.QuerySet, slug: str) -> models.QuerySet:
        found = published().filter(slug=slug).first()
        return queryset.none() if found is None else apply(queryset, found)

    return parameter({"type": "string", "pattern": SLUG.pattern}, parse, description, narrow=narrow)


def search(description: str) -> Any:
    """Free text: blank means no filter, text without a letter or digit matches nothing (an empty list), text
    longer than the search takes is refused (rather than cut without a word)."""

    def parse(value: str) -> str | None:
        if len(value) > site_search.MAX_QUERY_LENGTH:
            raise ValueError(_("Search with at most %(count)s characters.") % {"count": site_search.MAX_QUERY_LENGTH})
        return site_search.clean_query(value) or None

    schema = {"type": "string", "maxLength": site_search.MAX_QUERY_LENGTH}
    return parameter(schema, parse, description, narrow=site_search.search)


def whole_number(lowest: int, highest: int, default: int, description: str) -> Any:
    def parse(raw: str) -> int:
        # A JSON Schema integer is any number without a fraction: 4.0 and -0 are integers too.
        value = Decimal(raw) if NUMBER.fullmatch(raw) else None
        if value is None or value != value.to_integral_value() or not lowest <= value <= highest:
            raise ValueError(
                _("Give a whole number from %(lowest)s to %(highest)s.") % {"lowest": lowest, "highest": highest}
            )
        return int(value)

    return parameter({"type": "integer", "minimum": lowest, "maximum": highest}, parse, description, empty=default)


LIMIT = f"Records per page (default {DEFAULT_LIMIT}; empty: the default)."


class Paging(Schema):
    """The parameters of every list."""

    limit: whole_number(1, MAX_LIMIT, DEFAULT_LIMIT, LIMIT) = DEFAULT_LIMIT
    offset: whole_number(
        0, MAX_OFFSET, 0, "Records to skip (empty: none). Beyond the last record, the page is empty."
    ) = 0


def _filtered(queryset: models.QuerySet, filters: Filters | None) -> models.QuerySet:
    """The published records narrowed by the filters given (a value of None: no filter)."""
    for name, field in type(filters).model_fields.items() if filters else ():
        value = getattr(filters, name)
        if value is not None:
            (narrow,) = [item for item in field.metadata if isinstance(item, Narrow)]
            queryset = narrow.apply(queryset, value)
    return queryset


# --- What apps register -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resource:
    """One kind of record: `/api/v1/<name>/` lists it, `/api/v1/<name>/<lookup>/` gives one, `<image>/web/` its
    images' web-size copies (`images`), `/api/v1/<name>.csv` all of it (`csv`).

    `queryset` returns the published records in a stable order, with what `schema` reads selected or prefetched,
    so that a page costs a fixed number of queries. `schema_name` names the record in the document."""

    name: str
    schema: type[Record]
    schema_name: str
    title: str
    description: str
    queryset: Callable[[], models.QuerySet]
    filters: type[Filters] = Filters
    lookup: str = "slug"
    csv: bool = False
    order: int = 0
    images: tuple[str, ...] = ()  # image fields, given as the original (`image`) and a web-size copy (`image_web`)

    @cached_property
    def record_schema(self) -> type[Record]:
        """`schema` with the web copies of its images and `api_url`."""
        copies = {
            f"{field}_web": (
                Uri | None,
                Field(
                    description=f"A web-size copy of `{field}` (WebP, at most 1600 pixels on its longer side): "
                    "this address redirects to it."
                ),
            )
            for field in self.images
        }
        return create_model(self.schema_name, __base__=self.schema, **copies, api_url=(Uri, ...))

    @cached_property
    def list_schema(self) -> type[BaseModel]:
        return create_model(f"{self.schema_name}List", __base__=Page, results=(list[self.record_schema], ...))

    def record(self, obj) -> dict:
        data = values(self.schema, obj)
        key = str(getattr(obj, self.lookup))
        for field in self.images:
            web = reverse(f"api:{self.name}-image", kwargs={self.lookup: key, "field": field})
            data[f"{field}_web"] = absolute(web) if getattr(obj, field) else None
        data["api_url"] = absolute(reverse(f"api:{self.name}-detail", kwargs={self.lookup: key}))
        return data


class Page(BaseModel):
    model_config = FORBID
    count: int = Field(ge=0, description="Records matching the filters.")
    limit: int = Field(ge=1, le=MAX_LIMIT)
    offset: int = Field(ge=0, le=MAX_OFFSET)
    next: Uri | None = Field(description="The next page, if any.")
    previous: Uri | None = Field(description="The previous page.")


_registry: dict[str, Resource] = {}


def register(resource: Resource) -> None:
    _registry[resource.name] = resource


def resources() -> list[Resource]:
    return sorted(_registry.values(), key=lambda resource: (resource.order, resource.name))


# --- Responses ----------------------------------------------------------------------------------------------------


def message_language(request) -> str:
    """The language of the API's messages: the first language of the site that `Accept-Language` asks for, else
    English. The cookie of the site's language switcher and the site's default language (Vietnamese) play no part:
    an answer may only depend on what `Vary` names."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return MESSAGE_LANGUAGE


def _dumps(data) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


def _json(data, status: int = 200, content_type: str = "application/json") -> HttpResponse:
    return HttpResponse(_dumps(data), status=status, content_type=content_type)


def _title(status: int) -> str:
    """The HTTP reason phrase of `status`, in the language of the messages (RFC 9457 allows it localised)."""
    titles = {
        400: pgettext("HTTP status", "Bad Request"),
        404: pgettext("HTTP status", "Not Found"),
        405: pgettext("HTTP status", "Method Not Allowed"),
        500: pgettext("HTTP status", "Internal Server Error"),
        503: pgettext("HTTP status", "Service Unavailable"),
    }
    if status in titles:
        return titles[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _error(status: int, message: str, parameter: str | None = None) -> HttpResponse:
    """An RFC 9457 problem: `type` about:blank (the status says it all), the status's phrase as `title`, the
    message as `detail`; `parameter` names the query parameter at fault (400). Translated in the active language."""
    data = {"type": "about:blank", "title": _title(status), "status": status, "detail": message}
    if parameter is not None:
        data["parameter"] = parameter
    response = _json(data, status=status, content_type=PROBLEM)
    if status >= 500:
        response["Cache-Control"] = "no-store"
    return response


def problem(request, status: int, message: Callable[[], str] | None = None) -> HttpResponse:
    """A problem answer made outside the API's views (by `ApiMiddleware`), with every header the views give."""
    with translation.override(message_language(request)):
        detail = message() if message else _default_detail(status)
        response = _error(status, detail)
        response["Content-Language"] = translation.get_language()
    response.setdefault("Cache-Control", f"public, max-age={MAX_AGE}")
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER)
    if status == 405:
        response["Allow"] = ", ".join(ALLOWED_METHODS)
    patch_vary_headers(response, ("Accept-Language",))
    return _cors(response)


def _default_detail(status: int) -> str:
    if status == 404:
        return _("There is nothing at this address in this API.")
    if status == 405:
        return _("This API is read-only: use GET.")
    if status == 503:
        return _database_down()
    if status >= 500:
        return _("Something went wrong on our side. Please try again later.")
    return _("This request could not be answered.")


def _database_down() -> str:
    return _("The data cannot be read at the moment. Please try again in %(seconds)s seconds.") % {
        "seconds": RETRY_AFTER
    }


def _etag(content: bytes) -> str:
    return f'W/"{hashlib.sha256(content).hexdigest()[:32]}"'


def _unchanged(request, etag: str) -> bool:
    header = request.headers.get("If-None-Match", "")
    if not header:
        return False
    wanted = parse_etags(header)
    return "*" in wanted or any(tag.removeprefix("W/") == etag.removeprefix("W/") for tag in wanted)


def _cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Content-Disposition, Retry-After"
    return response


def _finish(request, response: HttpResponse, head: bool) -> HttpResponse:
    """Headers every answer carries; 304 for an unchanged resource; no body for HEAD.

    A record carries both languages and the same bytes whatever the client asks, so a 200 says `Content-Language:
    vi, en`; an error is in one language (`message_language`), and `Vary: Accept-Language` covers it."""
    etag = _etag(response.content)
    if response.status_code == 200 and _unchanged(request, etag):
        response = HttpResponseNotModified()
    response["ETag"] = etag
    response.setdefault("Cache-Control", f"public, max-age={MAX_AGE}")
    response["Content-Language"] = ", ".join(LANGUAGES) if response.status_code < 400 else translation.get_language()
    patch_vary_headers(response, ("Accept-Language",))
    _cors(response)
    if head and response.status_code != 304:
        length = len(response.content)
        response.content = b""
        response["Content-Length"] = str(length)
    return response


def api_view(view):
    """Around every route: GET and HEAD answer (HEAD as GET, without the body); OPTIONS answers a CORS preflight;
    anything else is 405. Errors are problem details, in the language `message_language` finds (not the one
    LocaleMiddleware activated from the cookie)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
            response["Cache-Control"] = f"public, max-age={MAX_AGE}"
            return _cors(response)
        head = request.method == "HEAD"
        with translation.override(message_language(request)):
            if request.method not in ALLOWED_METHODS:
                response = _error(405, _("This API is read-only: use GET."))
                response["Allow"] = ", ".join(ALLOWED_METHODS)
            else:
                request.method = "GET"
                try:
                    response = view(request, *args, **kwargs)
                finally:
                    request.method = "HEAD" if head else "GET"
            return _finish(request, response, head)

    return csrf_exempt(wrapper)


class ApiMiddleware:
    """What the API's views cannot do themselves, for addresses under /api/v1/ only. Placed before the page cache
    and LocaleMiddleware (tudoi/settings.py):

    - the site's language cookie is hidden from the rest of the request, so that neither the language nor the page
      cache's key follows it (an API answer varies on `Accept-Language` only);
    - an error answered elsewhere (Django's HTML 404 for an address no route takes, a 500) becomes a problem;
    - the database being unreachable (refused, dropped or timed-out connection) answers 503 with `Retry-After`,
      logged as one line rather than a traceback per request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        request.COOKIES.pop(settings.LANGUAGE_COOKIE_NAME, None)
        response = self.get_response(request)
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(PROBLEM):
            response = problem(request, response.status_code)
            if request.method == "HEAD":
                response["Content-Length"] = str(len(response.content))
                response.content = b""
        return response

    def process_exception(self, request, exception):
        if not request.path_info.startswith(PREFIX) or not database_unreachable(exception):
            return None
        logger.warning("API answered 503, the database is unreachable: %s: %s", type(exception).__name__, exception)
        return problem(request, 503, _database_down)


def database_unreachable(exception: BaseException) -> bool:
    """An error of the connection rather than of the query: a bug (ProgrammingError, DataError…) stays a 500."""
    return isinstance(exception, (OperationalError, InterfaceError)) or type(exception) is DatabaseError


# --- CSV ----------------------------------------------------------------------------------------------------------


def _bilingual(field) -> bool:
    kind = _bare(field.annotation)
    return isinstance(kind, type) and issubclass(kind, Bilingual)


def csv_columns(resource: Resource) -> list[str]:
    """The CSV header: the record's fields in order, a field in two languages as two columns."""
    columns = []
    for key, field in resource.record_schema.model_fields.items():
        columns += [f"{key}_{language}" for language in LANGUAGES] if _bilingual(field) else [key]
    return columns


def flatten(resource: Resource, record: dict) -> dict[str, str]:
    """One CSV row from a record: a field in two languages gives two columns (`name_vi`, `name_en`), a list is
    joined with "; ", every cell is safe from spreadsheet formula injection."""
    row = {}
    fields = resource.record_schema.model_fields
    for key, value in record.items():
        if _bilingual(fields[key]):
            for language in LANGUAGES:
                row[f"{key}_{language}"] = (value or {}).get(language)
        elif isinstance(value, list):
            row[key] = "; ".join(str(item) for item in value)
        elif isinstance(value, dict):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value.isoformat() if isinstance(value, datetime) else value
    return {key: _cell(value) for key, value in row.items()}


def _cell(value) -> str:
    """true/false for booleans, "" for null; otherwise the admin's formula-safe cell (CSV injection)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_cell(value)


# --- The routes ---------------------------------------------------------------------------------------------------


def _published(resource: Resource, key: str):
    """The published record with this key, or None (also for a key that cannot be one)."""
    valid = re.fullmatch(r"[0-9]{1,18}", key) if resource.lookup == "id" else SLUG.fullmatch(key)
    return resource.queryset().filter(**{resource.lookup: key}).first() if valid else None


def _page_link(resource: Resource, request, limit: int, offset: int) -> str:
    used = {name: request.GET[name] for name in resource.filters.model_fields if request.GET.get(name, "") != ""}
    query = urlencode({**used, "limit": limit, "offset": offset})
    return absolute(reverse(f"api:{resource.name}-list")) + "?" + query


ERRORS = {400: Problem, 503: Problem}


def _routes(api: NinjaAPI, resource: Resource) -> None:
    """The operations of one resource, from its declarations."""
    name, title, lookup = resource.name, resource.title.lower(), resource.lookup
    common = {"tags": [resource.title]}
    key = Annotated[str, WithJsonSchema({"type": "integer"} if lookup == "id" else {"type": "string"})]
    Key = create_model(f"{resource.schema_name}Key", **{lookup: (key, ...)})  # slug or id, checked by _published
    field = Annotated[str, WithJsonSchema({"enum": list(resource.images)})]  # any other: 404
    ImageKey = create_model(f"{resource.schema_name}ImageKey", __base__=Key, field=(field, ...))

    @api.get(
        f"/{name}/",
        response={200: resource.list_schema, **ERRORS},
        operation_id=f"list_{name}",
        summary=f"List {title}",
        description=resource.description,
        url_name=f"{name}-list",
        **common,
    )
    def listing(request, paging: Query[Paging], filters: Query[resource.filters] = None):
        queryset = _filtered(resource.queryset(), filters)
        limit, offset = paging.limit, paging.offset
        count = queryset.count()
        return {
            "count": count,
            "limit": limit,
            "offset": offset,
            "next": _page_link(resource, request, limit, offset + limit) if offset + limit < count else None,
            "previous": _page_link(resource, request, limit, max(offset - limit, 0)) if offset else None,
            "results": [resource.record(obj) for obj in queryset[offset : offset + limit]] if offset < count else [],
        }

    @api.get(
        f"/{name}/{{{lookup}}}/",
        response={200: resource.record_schema, 404: Problem, 503: Problem},
        operation_id=f"get_{name}",
        summary=f"One of the {title}, by its {lookup}",
        url_name=f"{name}-detail",
        **common,
    )
    def detail(request, key: Path[Key]):
        obj = _published(resource, getattr(key, lookup))
        return _error(404, _("Nothing published has this address.")) if obj is None else resource.record(obj)

    if resource.images:

        @api.get(
            f"/{name}/{{{lookup}}}/{{field}}/web/",
            response={302: None, 404: Problem, 503: Problem},
            operation_id=f"image_{name}",
            summary=f"The web-size copy of an image of one of the {title}",
            description="Made when the image was saved: WebP, at most 1600 pixels on its longer side. The record's "
            "`<field>_web` gives this address.",
            url_name=f"{name}-image",
            openapi_extra={
                "responses": {302: {"headers": {"Location": {"schema": {"type": "string", "format": "uri"}}}}}
            },
            **common,
        )
        def image(request, key: Path[ImageKey]):
            """A redirect to the web-size copy of a record's image, made when the image was saved
            (core/renditions.py) and served from the media storage."""
            field = key.field
            obj = _published(resource, getattr(key, lookup)) if field in resource.images else None
            web = rendition_url(getattr(obj, field), WEB_IMAGE_GEOMETRY) if obj and getattr(obj, field) else None
            if not web:  # no such record or image, or a missing or unreadable original
                return _error(404, _("Nothing published has this address."))
            return HttpResponseRedirect(absolute(web))

    if resource.csv:

        @api.get(
            f"/{name}.csv",
            response={200: None, **ERRORS},
            operation_id=f"download_{name}",
            summary=f"All {title} as CSV",
            description="Every published record (the list's filters apply), as UTF-8 CSV with a byte order mark. "
            "Columns are the record's fields; a text in two languages gives two columns (`name_vi`, `name_en`), a "
            "list is joined with `; `, true/false are written `true`/`false`. A cell that would start like a "
            "spreadsheet formula (`=`, `+`, `-`, `@`) starts with `'`.",
            url_name=f"{name}-csv",
            openapi_extra={"responses": {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}},
            **common,
        )
        def download(request, filters: Query[resource.filters] = None):
            queryset = _filtered(resource.queryset(), filters)
            buffer = io.StringIO()
            buffer.write("\ufeff")  # spreadsheets then read the file as UTF-8
            writer = csv.DictWriter(buffer, fieldnames=csv_columns(resource), lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(flatten(resource, resource.record(obj)) for obj in queryset)
            response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
            return response


def not_found(request):
    """Any other address under /api/v1/: 404, or a redirect when only the final slash is missing (CommonMiddleware's
    APPEND_SLASH never fires here, since this route takes every address)."""
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "nowhere":
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    address = request.path_info.removeprefix(PREFIX)
    if re.fullmatch(r"[-\w]+\.csv", address, re.ASCII):
        return _error(404, _("There is no such download in this API."))
    if re.fullmatch(r"[-\w]+/(?:[^/]+/(?:[-\w]+/web/)?)?", address, re.ASCII):
        return _error(404, _("There is no such list in this API."))
    return _error(404, _("There is nothing at this address in this API."))


class _Renderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return _dumps(data)


class _Parser(Parser):
    def parse_querydict(self, data, list_fields, request):
        """Every value of a parameter given more than once, which its validator then refuses."""
        return {key: (values if len(values) > 1 else values[0]) for key, values in data.lists()}


def _invalid(request, error: ValidationError) -> HttpResponse:
    """A query parameter outside its schema: 400 naming it (a filter before `limit` and `offset`)."""
    first = min(error.errors, key=lambda item: item["loc"][-1] in Paging.model_fields)
    return _error(400, str(first.get("ctx", {}).get("error") or first["msg"]), str(first["loc"][-1]))


class OpenDataAPI(NinjaAPI):
    def get_content_type(self) -> str:
        return self.renderer.media_type

    def set_default_exception_handlers(self) -> None:
        """Only a parameter outside its schema is handled here: anything else reaches ApiMiddleware (503, 500)."""
        self.add_exception_handler(ValidationError, _invalid)


def urls() -> tuple[list, str, str]:
    """The routes under /api/v1/ (for `path()`): ninja's operations for every registered resource and the
    document, each inside `api_view`, then a 404 for any other address."""
    global _api
    _api = OpenDataAPI(
        title="Tụ hội sáng tạo – Creative Gathering 2026: open data", version=VERSION, description=DESCRIPTION,
        urls_namespace="api", openapi_url=None, docs_url=None, renderer=_Renderer(), parser=_Parser(),
    )  # fmt: skip
    describe = {"response": {200: dict[str, Any]}, "summary": "This description"}
    _api.get("/", operation_id="describe", url_name="index", **describe)(document_view)
    _api.get("/openapi.json", operation_id="openapi", url_name="openapi", **describe)(document_view)
    for resource in resources():
        _routes(_api, resource)
    routes = [
        URLPattern(route.pattern, api_view(route.callback), route.default_args, route.name)
        for route in _api.urls[0]
        if route.name != "api-root"
    ]
    routes.append(re_path(r"^[\s\S]*$", api_view(not_found), name="nowhere"))  # [\s\S]: a newline too
    return routes, "api", "api"


_api: NinjaAPI | None = None


# --- The OpenAPI document -----------------------------------------------------------------------------------------


def document_view(request):
    return _json({**_document(), "servers": [{"url": absolute(reverse("api:index")).rstrip("/")}]})


def _ref(kind: str, name: str) -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


HEADERS = {name: _ref("headers", name) for name in ("ETag", "Cache-Control", "Access-Control-Allow-Origin")}
PROBLEMS = {"400": "BadRequest", "404": "NotFound", "503": "ServiceUnavailable"}
DESCRIPTION = (
    "Read-only open data of the Creative Gathering (Hanoi, 10–11 January 2026): sectors, creative units, products, "
    "venues, sessions, speakers, exhibitions, artworks, artists, partners and press releases. Only published "
    "records appear.\n\n"
    "Every record carries both languages of the site: a translated text is an object "
    '`{"vi": …, "en": …}` (null where it is not written in that language), `page_url` gives the public page in '
    "each language, relations are given by slug (products by id) and `api_url` is the record's own address here. "
    "Dates and times are ISO 8601 in Hanoi time (+07:00). An image is given twice: the original upload (`image`, "
    "often large) and `image_web`, an address that redirects to a web-size copy (WebP, at most 1600 pixels).\n\n"
    f"Lists are paged with `limit` (1–{MAX_LIMIT}, default {DEFAULT_LIMIT}) and `offset` (0–{MAX_OFFSET}); `next` "
    "and `previous` link the neighbouring pages. A filter value outside its schema answers 400; a well-formed one "
    "that names nothing (the slug of no published record) answers an empty list; an empty one is no filter; "
    "unknown parameters are ignored.\n\n"
    "Errors are RFC 9457 problem details (`application/problem+json`: `type`, `title`, `status`, `detail`, and "
    "`parameter` for a 400), in English, or in Vietnamese when `Accept-Language` prefers it (`Vary: "
    "Accept-Language`; no cookie plays a part). An address the API does not have answers 404, a method other than "
    "GET, HEAD and OPTIONS 405; while the data cannot be read, 503 with `Retry-After`.\n\n"
    "Every answer has an `ETag`: send it back in `If-None-Match` and an unchanged resource answers 304 with no "
    f"body. Answers may be cached for {MAX_AGE} seconds (`Cache-Control: public`). Any site may read the API from a "
    "browser (CORS `Access-Control-Allow-Origin: *`, no credentials). Only GET, HEAD and OPTIONS are allowed."
)


@cache
def _document() -> dict:
    """Ninja's document of every operation, with the HTTP envelope that `api_view` and `ApiMiddleware` add."""
    document = json.loads(_dumps(_api.get_openapi_schema(path_prefix="")))  # a copy, with string status codes
    return _envelope(document)


def _envelope(document: dict) -> dict:
    components = document["components"]
    parameter_models = ("Paging", "Key", "ImageKey", *(resource.filters.__name__ for resource in resources()))
    for name in [name for name in components["schemas"] if name.endswith(parameter_models)]:
        del components["schemas"][name]  # the models of parameters, which each operation lists
    parameters = {
        "IfNoneMatch": {
            "name": "If-None-Match",
            "in": "header",
            "required": False,
            "description": "The ETag of a copy you have: 304 if it is still current.",
            "schema": {"type": "string"},
        }
    }
    for path, item in document["paths"].items():
        operation = item["get"]
        for index, parameter in enumerate(operation["parameters"]):
            if parameter["name"] in Paging.model_fields:  # the same in every list: once, in the components
                parameters[parameter["name"]] = parameter
                operation["parameters"][index] = _ref("parameters", parameter["name"])
        responses = operation["responses"]
        for status, response in responses.items():
            if status in PROBLEMS:
                responses[status] = _ref("responses", PROBLEMS[status])
            elif status.startswith("2"):
                response["headers"] = HEADERS
        if "200" in responses and path not in ("/", "/openapi.json"):
            responses["304"] = _ref("responses", "NotModified")
            operation["parameters"].append(_ref("parameters", "IfNoneMatch"))
    components["parameters"] = parameters
    components["headers"] = {
        "ETag": {"description": "A weak validator of the body.", "schema": {"type": "string"}},
        "Cache-Control": {"description": f"public, max-age={MAX_AGE}", "schema": {"type": "string"}},
        "Access-Control-Allow-Origin": {"description": "Always `*`.", "schema": {"type": "string"}},
        "Retry-After": {
            "description": "Seconds to wait before asking again.",
            "required": True,
            "schema": {"type": "integer", "minimum": 1},
        },
    }

    def problem_response(description: str, **headers) -> dict:
        return {
            "description": description,
            "headers": {**HEADERS, **headers},
            "content": {PROBLEM: {"schema": _ref("schemas", "Problem")}},
        }

    components["responses"] = {
        "NotModified": {"description": "Unchanged since the copy named in If-None-Match.", "headers": HEADERS},
        "BadRequest": problem_response("A parameter is outside its schema; `parameter` names it."),
        "NotFound": problem_response("Nothing published here."),
        "ServiceUnavailable": problem_response(
            "The data cannot be read for a moment (the database is unreachable).",
            **{"Retry-After": _ref("headers", "Retry-After")},
        ),
    }
    document["tags"] = [{"name": resource.title, "description": resource.description} for resource in resources()]
    return document
