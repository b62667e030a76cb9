"""The directory of creative units: its filter form, facet counts and ordering.

Every filter value comes from the URL, so a filtered view can be shared, reloaded and used without JavaScript.
A value the form does not understand is dropped (and reported by the template); the other filters still apply.
Facet counts answer "how many units would I see if I chose this value, keeping my other choices?", so each count
matches the result of following it.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core import search

from .models import CreativeUnit, Sector, UnitKind

# Boolean filters, in the order they are shown: (field name, label).
FLAGS: tuple[tuple[str, str], ...] = (
    ("in_network", _("Member of the Hanoi Creative Spaces Network")),
    ("commerce_ready", _("Commerce-ready products")),
    ("wholesale", _("Sells wholesale")),
    ("export", _("Exports")),
    ("custom_orders", _("Takes custom orders")),
)
FLAG_NAMES = tuple(name for name, _label in FLAGS)
YES = {"1", "on", "true", "yes"}
NO = {"", "0", "off", "false", "no"}


def _is_yes(value) -> bool:
    return value is not None and str(value).strip().lower() in YES


class FlagInput(forms.CheckboxInput):
    """A checkbox that hands its raw value to the field, so that "?export=maybe" can be reported, not guessed."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=_is_yes)

    def format_value(self, value):
        return "1"

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class FlagField(forms.Field):
    widget = FlagInput
    default_error_messages = {"invalid": _("Choose yes or leave the box empty.")}

    def to_python(self, value) -> bool:
        text = "" if value is None else str(value).strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, widget=forms.SearchInput)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    kind = forms.ChoiceField(label=_("Kind of unit"), required=False)

    def __init__(self, *args, sectors: list[Sector], **kwargs):
        super().__init__(*args, **kwargs)
        self.sectors = {sector.slug: sector for sector in sectors}
        self.fields["q"].widget.attrs.update({"maxlength": search.MAX_QUERY_LENGTH, "aria-describedby": "q-help"})
        self.fields["sector"].choices = [("", _("All sectors")), *((s.slug, s.name) for s in sectors)]
        self.fields["kind"].choices = [("", _("All kinds")), *UnitKind.choices]
        for name, label in FLAGS:
            self.fields[name] = FlagField(label=label, required=False)

    def value(self, name: str):
        """The cleaned value of a field, or None when it was not understood."""
        if name in self.errors:
            return None
        return self.cleaned_data.get(name)

    @property
    def typed_query(self) -> str:
        return self.value("q") or ""

    @property
    def query(self) -> str:
        """What is searched: the typed text cut to the search limit; empty when it has no letters or digits."""
        query = search.clean_query(self.typed_query)
        return query if search.search_key(query, folded=True) else ""

    def conditions(self) -> dict[str, Q]:
        """One condition per active, understood filter, keyed by field name (the search is not one of them)."""
        conditions = {}
        slug = self.value("sector")
        if slug:
            conditions["sector"] = in_sector(self.sectors[slug])
        kind = self.value("kind")
        if kind:
            conditions["kind"] = Q(kind=kind)
        for name in FLAG_NAMES:
            if self.value(name):
                conditions[name] = Q(**{name: True})
        return conditions

    def url_query(self) -> dict[str, str]:
        """The understood filters and the search as URL parameters (for pagination links)."""
        params = {}
        if self.typed_query.strip():
            params["q"] = search.clean_query(self.typed_query)
        for name in ("sector", "kind"):
            if self.value(name):
                params[name] = self.value(name)
        for name in FLAG_NAMES:
            if self.value(name):
                params[name] = "1"
        return params


def in_sector(sector: Sector) -> Q:
    """A unit belongs to a sector when it is its main sector or one of its other sectors (no join, no duplicates)."""
    through = CreativeUnit.sectors.through.objects.filter(sector_id=sector.pk).values("creativeunit_id")
    return Q(primary_sector_id=sector.pk) | Q(pk__in=through)


def sector_counts(units: QuerySet, sectors: list[Sector]) -> dict:
    """The one rule for a sector's count of units, on every page (home, directory, sector): the units of `units`
    whose main sector or one of whose other sectors it is, each once. Keyed by sector pk, and None for all the units
    of `units`. One query."""
    counts = units.aggregate(
        all=Count("pk", distinct=True),
        **{
            f"s{sector.pk}": Count(
                "pk", distinct=True, filter=Q(primary_sector_id=sector.pk) | Q(sectors__id=sector.pk)
            )
            for sector in sectors
        },
    )
    return {None: counts.pop("all"), **{int(key[1:]): value for key, value in counts.items()}}


def by_name(queryset: QuerySet) -> QuerySet:
    """Alphabetical in the page's language: Vietnamese names by their folded form (so "Đ" sorts with "D")."""
    if get_language() == "vi":
        # The folded names column starts with the Vietnamese name.
        return queryset.order_by("search_names_folded", "pk")
    return queryset.order_by(Lower(Coalesce(NullIf(F("name_en"), Value("")), F("name_vi"))), "pk")


@dataclass
class Facets:
    total: int
    sectors: dict[int, int]  # sector id → units
    sectors_total: int  # units whatever the sector
    kinds: dict[str, int]
    flags: dict[str, int]


class Directory:
    """The units matching a valid form, and the facet counts around them (a fixed number of queries)."""

    def __init__(self, form: DirectoryFilterForm, sectors: list[Sector]):
        self.form = form
        self.sectors = sectors
        self.conditions = form.conditions()
        published = by_name(CreativeUnit.objects.published())
        self.searched = search.search(published, form.query) if form.query else published

    def matching(self, *, ignoring: str | None = None) -> QuerySet:
        """The units matching every active filter except `ignoring`."""
        units = self.searched
        for name, condition in self.conditions.items():
            if name != ignoring:
                units = units.filter(condition)
        return units

    @property
    def results(self) -> QuerySet:
        return self.matching().select_related("primary_sector")

    def facets(self) -> Facets:
        current = CreativeUnit.objects.filter(pk__in=self.matching().values("pk"))
        # A flag's count keeps the other filters; when the flag is already on, that is the current result.
        counts = current.aggregate(
            total=Count("pk"), **{name: Count("pk", filter=Q(**{name: True})) for name in FLAG_NAMES}
        )
        total = counts.pop("total")

        any_sector = CreativeUnit.objects.filter(pk__in=self.matching(ignoring="sector").values("pk"))
        per_sector = sector_counts(any_sector, self.sectors)

        any_kind = CreativeUnit.objects.filter(pk__in=self.matching(ignoring="kind").values("pk"))
        kinds = dict(any_kind.order_by().values_list("kind").annotate(n=Count("pk")))
        return Facets(
            total=total,
            sectors={sector.pk: per_sector[sector.pk] for sector in self.sectors},
            sectors_total=per_sector[None],
            kinds=kinds,
            flags=counts,
        )


def label_choices(form: DirectoryFilterForm, facets: Facets) -> None:
    """Put each value's count beside it, in the labels the select boxes show."""
    form.fields["sector"].choices = [
        ("", f"{_('All sectors')} ({facets.sectors_total})"),
        *((s.slug, f"{s.name} ({facets.sectors.get(s.pk, 0)})") for s in form.sectors.values()),
    ]
    form.fields["kind"].choices = [
        ("", f"{_('All kinds')} ({sum(facets.kinds.values())})"),
        *((value, f"{label} ({facets.kinds.get(value, 0)})") for value, label in UnitKind.choices),
    ]
