"""The read-only open data API under /api/v1/: every public record in both languages, as JSON (and CSV).

Each app describes its resources in its own `api.py` (events, exhibitors, exhibitions, press) and registers them
with `register()` from its AppConfig.ready(), like the search kinds. So `tudoi` imports no app (the architecture
rule), each app keeps the public shape of its own data next to its models, and adding a resource touches one app.
Everything a client relies on is done here, once, the same way for every resource:

- records carry both languages: a translated text is `{"vi": "…", "en": "…"}` (null where not written), public
  pages are `page_url: {"vi": …, "en": …}`, relations are slugs (ids for products), every record has `api_url`;
- lists page with `limit`/`offset` and give `count`, `next`, `previous`; filters are checked before use: a
  malformed value answers 400, a well-formed one that names nothing (a slug of no published record) an empty list,
  an empty one (a form's empty field) no filter; unknown parameters are ignored;
- only published records, through `.published()` (drafts and embargoed releases never appear);
- `ETag` (a hash of the body) with 304 on `If-None-Match`, `Cache-Control: public`, CORS for GET/HEAD/OPTIONS,
  405 for other methods, no cookies;
- every error is RFC 9457 problem details (`application/problem+json`): 400, 404 (also for an address the API does
  not have), 405, 500, and 503 with `Retry-After` while the database is unreachable (`ApiMiddleware`);
- messages in English, or in Vietnamese when `Accept-Language` prefers it: never from the site's language cookie
  (which `ApiMiddleware` hides from the API) nor its default language;
- an OpenAPI 3.1 description of all of it at `/api/v1/` (and `/api/v1/openapi.json`), built from the same
  registrations, which the server keeps to (tests/test_api_contract.py runs Schemathesis against it), and CSV
  downloads (`/api/v1/units.csv`, `/api/v1/sessions.csv`) of the same records flattened.
"""

import csv
import hashlib
import io
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import wraps
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, InterfaceError, OperationalError, models
from django.http import HttpResponse, HttpResponseNotModified, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import Resolver404, path, re_path, resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt

from . import search as site_search
from .admin import csv_cell
from .images import rendition_url
from .web import absolute

app_name = "api"
logger = logging.getLogger(__name__)

PREFIX = "/api/v1/"  # where tudoi/urls.py includes this module
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
MESSAGE_LANGUAGE = "en"  # of error messages, unless Accept-Language prefers another language of the site
VERSION = "1.1.0"
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


class BadParameter(Exception):
    """A query parameter the API does not understand: answered with 400 and this message."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


# --- What apps register -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    """A query parameter that narrows a list: `parse` turns the text into a value (raising ValueError with a
    message the client reads), `apply` narrows the queryset with it."""

    name: str
    description: str
    schema: dict
    parse: Callable[[str], Any]
    apply: Callable[[models.QuerySet, Any], models.QuerySet]


@dataclass(frozen=True)
class Resource:
    """One kind of record: `/api/v1/<name>/` lists it, `/api/v1/<name>/<lookup>/` gives one.

    `queryset` returns the published records in a stable order, with what `serialize` reads selected or prefetched,
    so that a page costs a fixed number of queries. `properties` is the JSON Schema of each field `serialize`
    returns (`api_url` is added here). `csv` also offers `/api/v1/<name>.csv`.
    """

    name: str
    schema_name: str
    title: str
    description: str
    queryset: Callable[[], models.QuerySet]
    serialize: Callable[[Any], dict]
    properties: dict
    lookup: str = "slug"
    filters: tuple[Filter, ...] = ()
    csv: bool = False
    order: int = 0
    images: tuple[str, ...] = ()  # image fields, given as the original (`image`) and a web-size copy (`image_web`)

    def record(self, obj) -> dict:
        data = self.serialize(obj)
        for field in self.images:
            web = reverse("api:image", kwargs={"resource": self.name, "key": self.key(obj), "field": field})
            data[f"{field}_web"] = absolute(web) if getattr(obj, field) else None
        data["api_url"] = absolute(reverse("api:detail", kwargs={"resource": self.name, "key": self.key(obj)}))
        return data

    def key(self, obj) -> str:
        return str(getattr(obj, self.lookup))


_registry: dict[str, Resource] = {}


def register(resource: Resource) -> None:
    _registry[resource.name] = resource


def resources() -> list[Resource]:
    return sorted(_registry.values(), key=lambda resource: (resource.order, resource.name))


# --- Helpers for serializers --------------------------------------------------------------------------------------


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


def labels(choices: type[models.TextChoices], value: str) -> dict | None:
    """The display label of a choice in each language, or None for an empty value."""
    if not value:
        return None
    label = choices(value).label
    result = {}
    for language in LANGUAGES:
        with translation.override(language):
            result[language] = str(label)
    return result


def moment(value: datetime | None) -> str | None:
    """A date and time in Hanoi time with its offset (ISO 8601)."""
    return timezone.localtime(value).replace(microsecond=0).isoformat() if value else None


def file_url(field) -> str | None:
    return absolute(field.url) if field else None


def number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


# --- Filters ------------------------------------------------------------------------------------------------------
#
# A filter's `schema` in the OpenAPI document says exactly what the server takes: a value it refuses (400) is outside
# the schema, a value inside it is answered (200, an empty list when it names nothing). An empty value is a form's
# empty field and means no filter; `_filter_parameters` documents that beside each schema.

# Exactly the spellings `boolean_filter` takes, in any case (JSON Schema patterns have no case-insensitive flag).
BOOLEAN_PATTERN = "^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo]|1|0)$"
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NUMBER = re.compile(r"-?[0-9]{1,10}(?:\.[0-9]{1,10})?")


def choice_filter(name: str, choices: type[models.TextChoices], lookup: str, description: str) -> Filter:
    def parse(value: str) -> str:
        if value not in choices.values:
            raise ValueError(_("Choose one of: %(values)s.") % {"values": ", ".join(choices.values)})
        return value

    return Filter(
        name,
        description,
        {"type": "string", "enum": list(choices.values)},
        parse,
        lambda queryset, value: queryset.filter(**{lookup: value}),
    )


def boolean_filter(name: str, description: str) -> Filter:
    def parse(value: str) -> bool:
        word = value.lower()
        if word in TRUE:
            return True
        if word in FALSE:
            return False
        raise ValueError(_("Give true or false."))

    return Filter(
        name,
        description,
        {"type": "string", "pattern": BOOLEAN_PATTERN, "examples": ["true", "false"]},
        parse,
        lambda queryset, value: queryset.filter(**{name: value}),
    )


def date_filter(name: str, lookup: str, description: str) -> Filter:
    def parse(value: str) -> date:
        try:
            if not DATE_PATTERN.fullmatch(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(_("Give a date as YYYY-MM-DD, for example 2026-01-10.")) from None

    return Filter(
        name,
        description,
        {"type": "string", "format": "date"},
        parse,
        lambda queryset, value: queryset.filter(**{lookup: value}),
    )


def slug_filter(
    name: str,
    published: Callable[[], models.QuerySet],
    apply: Callable[[models.QuerySet, models.Model], models.QuerySet],
    description: str,
) -> Filter:
    """A filter by the slug of a published record of another kind (one query to find it). A slug that no published
    record has narrows the list to nothing: the client asked a fair question whose answer is empty."""

    def parse(value: str) -> models.Model | None:
        if not SLUG.fullmatch(value):
            raise ValueError(_("Give a slug: up to 100 letters, digits, hyphens or underscores."))
        return published().filter(slug=value).first()

    def narrow(queryset: models.QuerySet, found: models.Model | None) -> models.QuerySet:
        return queryset.none() if found is None else apply(queryset, found)

    return Filter(name, description, {"type": "string", "pattern": SLUG.pattern}, parse, narrow)


def search_filter(description: str) -> Filter:
    """Free text: blank means no filter, text without a letter or digit matches nothing (an empty list), text
    longer than the search takes is refused (rather than cut without a word)."""

    def parse(value: str) -> str | None:
        if len(value) > site_search.MAX_QUERY_LENGTH:
            raise ValueError(_("Search with at most %(count)s characters.") % {"count": site_search.MAX_QUERY_LENGTH})
        return site_search.clean_query(value) or None

    return Filter(
        "q",
        description,
        {"type": "string", "maxLength": site_search.MAX_QUERY_LENGTH},
        parse,
        lambda queryset, query: queryset if query is None else site_search.search(queryset, query),
    )


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


def _json(data, status: int = 200, content_type: str = "application/json") -> HttpResponse:
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body, status=status, content_type=content_type)


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


def _finish(request, response: HttpResponse) -> HttpResponse:
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
    if request.method == "HEAD" and response.status_code != 304:
        length = len(response.content)
        response.content = b""
        response["Content-Length"] = str(length)
    return response


def api_view(view):
    """GET and HEAD answer; OPTIONS answers a CORS preflight; anything else is 405. Errors are problem details, in
    the language `message_language` finds (not the one LocaleMiddleware activated from the cookie)."""

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
        with translation.override(message_language(request)):
            if request.method not in ALLOWED_METHODS:
                response = _error(405, _("This API is read-only: use GET."))
                response["Allow"] = ", ".join(ALLOWED_METHODS)
            else:
                try:
                    response = view(request, *args, **kwargs)
                except BadParameter as error:
                    response = _error(400, error.message, error.parameter)
            return _finish(request, response)

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


def _resource(name: str) -> Resource:
    resource = _registry.get(name)
    if resource is None:
        raise LookupError
    return resource


def _one(request, name: str) -> str:
    values = request.GET.getlist(name)
    if len(values) > 1:
        raise BadParameter(name, _("Give this parameter once."))
    return values[0]


def _filtered(request, resource: Resource) -> tuple[models.QuerySet, dict[str, str]]:
    """The published records narrowed by the filters in the query string, and those filters (for links)."""
    queryset = resource.queryset()
    used = {}
    for item in resource.filters:
        if item.name not in request.GET:
            continue
        raw = _one(request, item.name)
        if raw == "":
            continue  # an empty field of a form: no filter
        try:
            value = item.parse(raw)
        except ValueError as error:
            raise BadParameter(item.name, str(error)) from None
        queryset = item.apply(queryset, value)
        used[item.name] = raw
    return queryset, used


def _integer(request, name: str, default: int, lowest: int, highest: int) -> int:
    raw = _one(request, name) if name in request.GET else ""
    if raw == "":
        return default
    # A JSON Schema integer is any number without a fraction: 4.0 and -0 are integers too.
    value = Decimal(raw) if NUMBER.fullmatch(raw) else None
    if value is None or value != value.to_integral_value() or not lowest <= value <= highest:
        raise BadParameter(
            name, _("Give a whole number from %(lowest)s to %(highest)s.") % {"lowest": lowest, "highest": highest}
        )
    return int(value)


def _page_link(resource: Resource, used: dict[str, str], limit: int, offset: int) -> str:
    query = urlencode({**used, "limit": limit, "offset": offset})
    return absolute(reverse("api:list", kwargs={"resource": resource.name})) + "?" + query


@api_view
def list_view(request, resource: str):
    try:
        found = _resource(resource)
    except LookupError:
        return _error(404, _("There is no such list in this API."))
    queryset, used = _filtered(request, found)
    limit = _integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = _integer(request, "offset", 0, 0, MAX_OFFSET)
    count = queryset.count()
    records = [found.record(obj) for obj in queryset[offset : offset + limit]] if offset < count else []
    data = {
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": _page_link(found, used, limit, offset + limit) if offset + limit < count else None,
        "previous": _page_link(found, used, limit, max(offset - limit, 0)) if offset > 0 else None,
        "results": records,
    }
    return _json(data)


def _published(found: Resource, key: str):
    """The published record with this key, or None (also for a key that cannot be one)."""
    if (
        found.lookup == "id"
        and not re.fullmatch(r"[0-9]{1,18}", key)
        or found.lookup != "id"
        and not SLUG.fullmatch(key)
    ):
        return None
    return found.queryset().filter(**{found.lookup: key}).first()


@api_view
def detail_view(request, resource: str, key: str):
    try:
        found = _resource(resource)
    except LookupError:
        return _error(404, _("There is no such list in this API."))
    obj = _published(found, key)
    if obj is None:
        return _error(404, _("Nothing published has this address."))
    return _json(found.record(obj))


@api_view
def image_view(request, resource: str, key: str, field: str):
    """A redirect to the web-size copy of a record's image, made when the image was saved (core/renditions.py) and
    served from the media storage."""
    try:
        found = _resource(resource)
    except LookupError:
        return _error(404, _("There is no such list in this API."))
    obj = _published(found, key) if field in found.images else None
    image = getattr(obj, field) if obj is not None else None
    if not image:
        return _error(404, _("Nothing published has this address."))
    web = rendition_url(image, WEB_IMAGE_GEOMETRY)
    if not web:  # a missing or unreadable original
        return _error(404, _("Nothing published has this address."))
    return HttpResponseRedirect(absolute(web))


BILINGUAL_SCHEMAS = ("#/components/schemas/Text", "#/components/schemas/Label", "#/components/schemas/PageUrls")


def _bilingual(field_schema: dict) -> bool:
    """Whether a field holds one value per language (possibly null as a whole, like a label)."""
    text = json.dumps(field_schema)
    return any(ref in text for ref in BILINGUAL_SCHEMAS)


def csv_columns(resource: Resource) -> list[str]:
    """The CSV header: the record's fields in order, a field in two languages as two columns."""
    columns = []
    for key, field_schema in _record_schema(resource)["properties"].items():
        columns += [f"{key}_{language}" for language in LANGUAGES] if _bilingual(field_schema) else [key]
    return columns


def flatten(resource: Resource, record: dict) -> dict[str, str]:
    """One CSV row from a record: a field in two languages gives two columns (`name_vi`, `name_en`), a list is
    joined with "; ", every cell is safe from spreadsheet formula injection."""
    row = {}
    for key, value in record.items():
        if _bilingual(resource.properties.get(key, {})):
            for language in LANGUAGES:
                row[f"{key}_{language}"] = (value or {}).get(language)
        elif isinstance(value, list):
            row[key] = "; ".join(str(item) for item in value)
        elif isinstance(value, dict):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return {key: _cell(value) for key, value in row.items()}


def _cell(value) -> str:
    """true/false for booleans, "" for null; otherwise the admin's formula-safe cell (CSV injection)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_cell(value)


@api_view
def csv_view(request, resource: str):
    try:
        found = _resource(resource)
    except LookupError:
        found = None
    if found is None or not found.csv:
        return _error(404, _("There is no such download in this API."))
    queryset, _used = _filtered(request, found)
    buffer = io.StringIO()
    buffer.write("\ufeff")  # spreadsheets then read the file as UTF-8
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(found), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(flatten(found, found.record(obj)) for obj in queryset)
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.name}.csv"'
    return response


@api_view
def openapi_view(request):
    return _json(openapi())


@api_view
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
    return _error(404, _("There is nothing at this address in this API."))


# --- The OpenAPI description --------------------------------------------------------------------------------------


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


# Field schemas for the apps' `properties`.
TEXT = {"$ref": "#/components/schemas/Text"}
LABEL = {"$ref": "#/components/schemas/Label"}
OPTIONAL_LABEL = _nullable(LABEL)
PAGE = {"$ref": "#/components/schemas/PageUrls"}
OPTIONAL_PAGE = _nullable(PAGE)
STRING = {"type": "string"}
OPTIONAL_STRING = {"type": ["string", "null"]}
URI = {"type": "string", "format": "uri"}
OPTIONAL_URI = {"type": ["string", "null"], "format": "uri"}
EMAIL = {"type": ["string", "null"], "format": "email"}
DATE_TIME = {"type": "string", "format": "date-time"}
DATE = {"type": "string", "format": "date"}
SLUG_VALUE = {"type": "string", "pattern": SLUG.pattern}
OPTIONAL_SLUG = {"type": ["string", "null"], "pattern": SLUG.pattern}
SLUGS = {"type": "array", "items": SLUG_VALUE}
ID = {"type": "integer", "minimum": 1}
INTEGER = {"type": "integer"}
OPTIONAL_INTEGER = {"type": ["integer", "null"]}
OPTIONAL_NUMBER = {"type": ["number", "null"]}
BOOLEAN = {"type": "boolean"}


def enum(choices: type[models.TextChoices], *, optional: bool = False) -> dict:
    values = list(choices.values)
    return {"type": ["string", "null"], "enum": [*values, None]} if optional else {"type": "string", "enum": values}


def _record_schema(resource: Resource) -> dict:
    web_copies = {
        f"{field}_web": {
            **OPTIONAL_URI,
            "description": f"A web-size copy of `{field}` (WebP, at most 1600 pixels on its longer side): "
            "this address redirects to it.",
        }
        for field in resource.images
    }
    properties = {**resource.properties, **web_copies, "api_url": URI}
    return {
        "type": "object",
        "title": resource.title,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _headers() -> dict:
    return {
        "ETag": {"$ref": "#/components/headers/ETag"},
        "Cache-Control": {"$ref": "#/components/headers/Cache-Control"},
        "Access-Control-Allow-Origin": {"$ref": "#/components/headers/Access-Control-Allow-Origin"},
    }


def _or_empty(schema: dict) -> dict:
    """`schema`, or an empty value (a form's empty field), which the server reads as the parameter left out."""
    return {"anyOf": [schema, {"type": "string", "const": ""}]}


def _filter_parameters(resource: Resource) -> list[dict]:
    return [
        {
            "name": item.name,
            "in": "query",
            "required": False,
            "description": f"{item.description} Empty: no filter.",
            "schema": _or_empty(item.schema),
        }
        for item in resource.filters
    ]


def _json_response(description: str, schema_ref: dict) -> dict:
    return {"description": description, "headers": _headers(), "content": {"application/json": {"schema": schema_ref}}}


def _problem_response(description: str, headers: dict | None = None) -> dict:
    return {
        "description": description,
        "headers": {**_headers(), **(headers or {})},
        "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


UNAVAILABLE = {"503": {"$ref": "#/components/responses/ServiceUnavailable"}}


def openapi() -> dict:
    """The OpenAPI 3.1 document of everything registered."""
    paths: dict[str, dict] = {}
    schemas: dict[str, dict] = {
        "Text": {
            "type": "object",
            "description": "A text in each language of the site; null where it is not written in that language.",
            "properties": {language: {"type": ["string", "null"]} for language in LANGUAGES},
            "required": list(LANGUAGES),
            "additionalProperties": False,
        },
        "Label": {
            "type": "object",
            "description": "The display label of a coded value, in each language.",
            "properties": dict.fromkeys(LANGUAGES, STRING),
            "required": list(LANGUAGES),
            "additionalProperties": False,
        },
        "PageUrls": {
            "type": "object",
            "description": "The public page in each language (absolute URLs).",
            "properties": dict.fromkeys(LANGUAGES, URI),
            "required": list(LANGUAGES),
            "additionalProperties": False,
        },
        "Problem": {
            "type": "object",
            "description": "An error, as RFC 9457 problem details (`application/problem+json`). `title` and "
            "`detail` are in English, or in Vietnamese when `Accept-Language` prefers it.",
            "properties": {
                "type": {
                    "type": "string",
                    "format": "uri-reference",
                    "description": "Always `about:blank`: the status says what kind of problem it is.",
                },
                "title": {"type": "string", "description": "The HTTP status phrase."},
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "detail": {"type": "string", "description": "What went wrong and what to do about it."},
                "parameter": {"type": "string", "description": "The query parameter at fault (400 only)."},
            },
            "required": ["type", "title", "status", "detail"],
        },
    }
    common = [
        {"$ref": "#/components/parameters/IfNoneMatch"},
    ]
    for resource in resources():
        record_ref = {"$ref": f"#/components/schemas/{resource.schema_name}"}
        schemas[resource.schema_name] = _record_schema(resource)
        schemas[f"{resource.schema_name}List"] = {
            "type": "object",
            "properties": {
                "count": {"type": "integer", "minimum": 0, "description": "Records matching the filters."},
                "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                "offset": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
                "next": {"type": ["string", "null"], "format": "uri", "description": "The next page, if any."},
                "previous": {"type": ["string", "null"], "format": "uri", "description": "The previous page."},
                "results": {"type": "array", "items": record_ref},
            },
            "required": ["count", "limit", "offset", "next", "previous", "results"],
            "additionalProperties": False,
        }
        filters = _filter_parameters(resource)
        paths[f"/{resource.name}/"] = {
            "get": {
                "operationId": f"list_{resource.name}",
                "tags": [resource.title],
                "summary": f"List {resource.title.lower()}",
                "description": resource.description,
                "parameters": [
                    {"$ref": "#/components/parameters/limit"},
                    {"$ref": "#/components/parameters/offset"},
                    *filters,
                    *common,
                ],
                "responses": {
                    "200": _json_response(
                        f"A page of {resource.title.lower()}.",
                        {"$ref": f"#/components/schemas/{resource.schema_name}List"},
                    ),
                    "304": {"$ref": "#/components/responses/NotModified"},
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    **UNAVAILABLE,
                },
            }
        }
        key_parameter = {
            "name": resource.lookup,
            "in": "path",
            "required": True,
            "schema": {"type": "integer"} if resource.lookup == "id" else {"type": "string"},
        }
        paths[f"/{resource.name}/{{{resource.lookup}}}/"] = {
            "get": {
                "operationId": f"get_{resource.name}",
                "tags": [resource.title],
                "summary": f"One of the {resource.title.lower()}, by its {resource.lookup}",
                "parameters": [key_parameter, *common],
                "responses": {
                    "200": _json_response(f"One of the {resource.title.lower()}.", record_ref),
                    "304": {"$ref": "#/components/responses/NotModified"},
                    "404": {"$ref": "#/components/responses/NotFound"},
                    **UNAVAILABLE,
                },
            }
        }
        if resource.images:
            paths[f"/{resource.name}/{{{resource.lookup}}}/{{field}}/web/"] = {
                "get": {
                    "operationId": f"image_{resource.name}",
                    "tags": [resource.title],
                    "summary": f"The web-size copy of an image of one of the {resource.title.lower()}",
                    "description": "Made when the image was saved: WebP, at most 1600 pixels on its "
                    "longer side. The record's `<field>_web` gives this address.",
                    "parameters": [
                        key_parameter,
                        {"name": "field", "in": "path", "required": True, "schema": {"enum": list(resource.images)}},
                    ],
                    "responses": {
                        "302": {
                            "description": "A redirect to the image file.",
                            "headers": {"Location": {"schema": URI}},
                        },
                        "404": {"$ref": "#/components/responses/NotFound"},
                        **UNAVAILABLE,
                    },
                }
            }
        if resource.csv:
            paths[f"/{resource.name}.csv"] = {
                "get": {
                    "operationId": f"download_{resource.name}",
                    "tags": [resource.title],
                    "summary": f"All {resource.title.lower()} as CSV",
                    "description": (
                        "Every published record (the list's filters apply), as UTF-8 CSV with a byte order mark. "
                        "Columns are the record's fields; a text in two languages gives two columns (`name_vi`, "
                        "`name_en`), a list is joined with `; `, true/false are written `true`/`false`. A cell "
                        "that would start like a spreadsheet formula (`=`, `+`, `-`, `@`) starts with `'`."
                    ),
                    "parameters": [*filters, *common],
                    "responses": {
                        "200": {
                            "description": "The CSV file.",
                            "headers": _headers(),
                            "content": {"text/csv": {"schema": {"type": "string"}}},
                        },
                        "304": {"$ref": "#/components/responses/NotModified"},
                        "400": {"$ref": "#/components/responses/BadRequest"},
                        **UNAVAILABLE,
                    },
                }
            }
    document_response = {
        "description": "This document (OpenAPI 3.1).",
        "headers": _headers(),
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tụ hội sáng tạo – Creative Gathering 2026: open data",
            "version": VERSION,
            "description": (
                "Read-only open data of the Creative Gathering (Hanoi, 10–11 January 2026): sectors, creative "
                "units, products, venues, sessions, speakers, exhibitions, artworks, artists, partners and press "
                "releases. Only published records appear.\n\n"
                "Every record carries both languages of the site: a translated text is an object "
                '`{"vi": …, "en": …}` (null where it is not written in that language), `page_url` gives the '
                "public page in each language, relations are given by slug (products by id) and `api_url` is the "
                "record's own address here. Dates and times are ISO 8601 in Hanoi time (+07:00). An image is "
                "given twice: the original upload (`image`, often large) and `image_web`, an address that "
                "redirects to a web-size copy (WebP, at most 1600 pixels).\n\n"
                f"Lists are paged with `limit` (1–{MAX_LIMIT}, default {DEFAULT_LIMIT}) and `offset` (0–{MAX_OFFSET}); "
                "`next` and `previous` link the neighbouring pages. A filter value outside its schema answers 400; "
                "a well-formed one that names nothing (the slug of no published record) answers an empty list; an "
                "empty one is no filter; unknown parameters are ignored.\n\n"
                "Errors are RFC 9457 problem details (`application/problem+json`: `type`, `title`, `status`, "
                "`detail`, and `parameter` for a 400), in English, or in Vietnamese when `Accept-Language` prefers "
                "it (`Vary: Accept-Language`; no cookie plays a part). An address the API does not have answers 404, "
                "a method other than GET, HEAD and OPTIONS 405; while the data cannot be read, 503 with "
                "`Retry-After`.\n\n"
                "Every answer has an `ETag`: send it back in `If-None-Match` and an unchanged resource answers 304 "
                f"with no body. Answers may be cached for {MAX_AGE} seconds (`Cache-Control: public`). Any site may "
                "read the API from a browser (CORS `Access-Control-Allow-Origin: *`, no credentials). Only GET, "
                "HEAD and OPTIONS are allowed."
            ),
        },
        "servers": [{"url": absolute(reverse("api:index")).rstrip("/")}],
        "tags": [{"name": resource.title, "description": resource.description} for resource in resources()],
        "paths": {
            "/": {
                "get": {
                    "operationId": "describe",
                    "summary": "This description",
                    "responses": {"200": document_response},
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This description",
                    "responses": {"200": document_response},
                }
            },
            **paths,
        },
        "components": {
            "schemas": schemas,
            "parameters": {
                "limit": {
                    "name": "limit",
                    "in": "query",
                    "required": False,
                    "description": f"Records per page (default {DEFAULT_LIMIT}; empty: the default).",
                    "schema": {
                        "anyOf": [
                            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                            {"type": "string", "const": ""},
                        ],
                        "default": DEFAULT_LIMIT,
                    },
                },
                "offset": {
                    "name": "offset",
                    "in": "query",
                    "required": False,
                    "description": "Records to skip (empty: none). Beyond the last record, the page is empty.",
                    "schema": {
                        "anyOf": [
                            {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
                            {"type": "string", "const": ""},
                        ],
                        "default": 0,
                    },
                },
                "IfNoneMatch": {
                    "name": "If-None-Match",
                    "in": "header",
                    "required": False,
                    "description": "The ETag of a copy you have: 304 if it is still current.",
                    "schema": {"type": "string"},
                },
            },
            "headers": {
                "ETag": {"description": "A weak validator of the body.", "schema": {"type": "string"}},
                "Cache-Control": {"description": f"public, max-age={MAX_AGE}", "schema": {"type": "string"}},
                "Access-Control-Allow-Origin": {"description": "Always `*`.", "schema": {"type": "string"}},
                "Retry-After": {
                    "description": "Seconds to wait before asking again.",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 1},
                },
            },
            "responses": {
                "NotModified": {
                    "description": "Unchanged since the copy named in If-None-Match.",
                    "headers": _headers(),
                },
                "BadRequest": _problem_response("A parameter is outside its schema; `parameter` names it."),
                "NotFound": _problem_response("Nothing published here."),
                "ServiceUnavailable": _problem_response(
                    "The data cannot be read for a moment (the database is unreachable).",
                    {"Retry-After": {"$ref": "#/components/headers/Retry-After"}},
                ),
            },
        },
    }


urlpatterns = [
    path("", openapi_view, name="index"),
    path("openapi.json", openapi_view, name="openapi"),
    path("<slug:resource>.csv", csv_view, name="csv"),
    path("<slug:resource>/", list_view, name="list"),
    path("<slug:resource>/<str:key>/", detail_view, name="detail"),
    path("<slug:resource>/<str:key>/<slug:field>/web/", image_view, name="image"),
    re_path(r"^[\s\S]*$", not_found, name="nowhere"),  # [\s\S]: an address with a newline too
]
