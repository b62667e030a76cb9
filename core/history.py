"""The history of the content: every change kept with who, when, and the values before and after, and restorable.

Kept by django-reversion: each change is a *version*, the object's whole row serialised when it was saved (all its
concrete fields, both languages of a translated one, the ids of its many-to-many links), in a *revision* that
names who made it and when. django-modeltranslation's columns (`title_vi`, `title_en`) are ordinary concrete fields
by the time anything is saved, so they are kept like every other.

Where the versions come from:
- the admin's forms (`HistoryAdmin`, a base of `core.admin.PublishableAdmin`): the add and change forms, the list's
  editable columns, each in one revision with the signed-in user;
- the publish/unpublish actions (`core.admin`), one revision per object (`record`), since one UPDATE sends no signal;
- `revision(request, comment)` around any other admin write (the spreadsheet imports);
- restoring (`restore`), itself a new version, so that a restore can be undone the same way.
An object created or last changed before the history began (the demo, a shell) has no version: before its first
recorded change its current state is kept first (`ensure_baselines`), so that the old values are never lost.
Saves made in code outside these (the demo loader, management commands) are not recorded.

The history page lists the versions newest first, each with the fields it changed (old → new, under the fields'
own translated labels) and a button to restore it; restoring asks for confirmation, showing what will change, and
goes through the model's own validation and save() (slugs, search columns, image renditions, the programme-change
notices, the page cache), never a raw write.
"""

import json
from contextlib import contextmanager
from dataclasses import dataclass

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.signals import pre_save
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext
from modeltranslation.fields import TranslationField
from reversion.models import Revision, Version

EMPTY = "—"
LONG_VALUE = 300  # characters of a long text shown in the history; the whole value is kept and restored
MAX_VERSIONS = 100  # shown on one history page, newest first
# Comments stored as markers, shown translated in the reader's language (`describe`).
BASELINE_COMMENT = "tudoi:baseline"
PUBLISHED_IN_BULK = "tudoi:published-in-bulk"
UNPUBLISHED_IN_BULK = "tudoi:unpublished-in-bulk"
IMPORTED = "tudoi:imported"


# Recording


def register(model) -> None:
    """Keep the history of `model` (idempotent). No related objects are followed: each object has its own history,
    and restoring one never deletes or rewrites another (a session's registrations, an exhibition's works)."""
    if not reversion.is_registered(model):
        reversion.register(model)
        pre_save.connect(_baseline_before_save, sender=model, dispatch_uid=f"core.history.baseline:{model._meta.label}")


def _baseline_before_save(sender, instance, raw=False, **kwargs):
    """A save inside a revision (the admin, an import) of an object with no history yet: its row as it still is in
    the database is kept first, so that the change shows old → new."""
    if not raw and instance.pk is not None and reversion.is_active():
        ensure_baselines(sender, [instance.pk])


def _serialised(obj) -> str:
    return serializers.serialize("json", [obj])


def record(obj, *, user=None, comment: str = "") -> None:
    """Keep the current state of `obj` as a version of its own revision, whatever revision may be open around it.

    For the writes that send no signal (a bulk UPDATE) and the baselines; `obj` as it is in the database now."""
    if not reversion.is_registered(type(obj)):
        return
    revision = Revision.objects.create(
        date_created=timezone.now(),
        user=user if user is not None and user.is_authenticated else None,
        comment=comment,
    )
    Version.objects.create(
        revision=revision,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        db="default",
        format="json",
        serialized_data=_serialised(obj),
        object_repr=Truncator(str(obj)).chars(190),
    )


def ensure_baselines(model, pks) -> None:
    """Before the first recorded change of an object, keep its current state, so that its history starts from
    what it was and the change shows old → new."""
    if not reversion.is_registered(model):
        return
    wanted = {str(pk) for pk in pks if pk is not None}
    if not wanted:
        return
    known = set(Version.objects.get_for_model(model).filter(object_id__in=wanted).values_list("object_id", flat=True))
    for obj in model._base_manager.filter(pk__in=wanted - known).order_by("pk"):
        record(obj, comment=BASELINE_COMMENT)


@contextmanager
def revision(request, comment: str = "", *, manual: bool = False):
    """Everything saved inside (of the models with a history) becomes one revision by the signed-in user; with
    `manual`, only what is passed to `reversion.add_to_revision` (an import that may roll back part of its work)."""
    with reversion.create_revision(manage_manually=manual):
        reversion.set_user(request.user if request.user.is_authenticated else None)
        if comment:
            reversion.set_comment(comment)
        yield


def add_import_result(model, result) -> None:
    """Inside `revision(..., manual=True)`: the rows a django-import-export import created or updated, once it kept
    them (nothing when it rolled back for errors)."""
    if result.has_errors() or result.has_validation_errors():
        return
    pks = [row.object_id for row in result.rows if row.import_type in ("new", "update") and row.object_id]
    for obj in model._base_manager.filter(pk__in=pks):
        reversion.add_to_revision(obj)


# Reading


def _fields_of(version) -> dict:
    try:
        return json.loads(version.serialized_data)[0]["fields"]
    except (ValueError, LookupError, TypeError):
        return {}


def _tracked_fields(model) -> list:
    """The fields a history shows and a restore sets: the editable ones, each language of a translated field on
    its own (the untranslated original column is left out: it follows the languages)."""
    originals = {field.translated_field.name for field in model._meta.fields if isinstance(field, TranslationField)}
    tracked = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.auto_created or not field.editable:
            continue
        if field.name in originals or field.primary_key:
            continue
        tracked.append(field)
    return tracked


def _normal(field, raw):
    """A stored value in a form that compares by meaning: "" and None alike, one moment in any time zone."""
    if raw in (None, "", []):
        return None
    if field.many_to_many:
        return sorted(raw)
    try:
        return field.to_python(raw)
    except ValidationError:
        return raw


def _same(field, old, new) -> bool:
    return _normal(field, old) == _normal(field, new)


def shown(field, raw) -> str:
    """A stored value as the admin shows it: names for links, labels for choices, Hanoi time for moments."""
    if raw in (None, "", []):
        return EMPTY
    if field.many_to_many:
        names = sorted(str(obj) for obj in field.related_model._base_manager.filter(pk__in=raw))
        missing = len(set(raw)) - len(names)
        if missing:
            names.append(gettext("%(count)d deleted") % {"count": missing})
        return ", ".join(names) or EMPTY
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=raw).first()
        return str(related) if related is not None else gettext("deleted (#%(id)s)") % {"id": raw}
    if field.choices:
        return str(dict(field.flatchoices).get(raw, raw))
    if isinstance(field, models.BooleanField):
        return gettext("Yes") if raw else gettext("No")
    if isinstance(field, models.FileField):
        return str(raw).rsplit("/", 1)[-1]
    try:
        value = field.to_python(raw)
    except ValidationError:
        value = raw
    if isinstance(field, models.DateTimeField) and value is not None:
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(field, models.DateField) and value is not None:
        return value.strftime("%d/%m/%Y")
    return Truncator(str(value)).chars(LONG_VALUE)


@dataclass
class Change:
    label: str
    old: str
    new: str


def changes_between(model, before: dict | None, after: dict) -> list[Change]:
    """The fields that differ from `before` to `after` (stored field values), labelled in the reader's language."""
    if before is None:
        return []
    return [
        Change(
            capfirst(str(field.verbose_name)), shown(field, before.get(field.name)), shown(field, after.get(field.name))
        )
        for field in _tracked_fields(model)
        if field.name in after and not _same(field, before.get(field.name), after.get(field.name))
    ]


def current_fields(obj) -> dict:
    return json.loads(_serialised(obj))[0]["fields"]


def versions_of(model, object_id):
    return (
        Version.objects.get_for_object_reference(model, object_id)
        .select_related("revision", "revision__user")
        .order_by("-pk")  # the order written (a revision is dated when it opened, its baseline inside it later)
    )


def describe(revision) -> str:
    """What a revision was, in the reader's language; "" for a plain form save (its changed fields say it all)."""
    comment = revision.comment
    if comment == BASELINE_COMMENT:
        return gettext("State before the first recorded change")
    if comment == PUBLISHED_IN_BULK:
        return gettext("Published with the list's action")
    if comment == UNPUBLISHED_IN_BULK:
        return gettext("Unpublished (back to draft) with the list's action")
    if comment == IMPORTED:
        return gettext("Imported from a spreadsheet")
    try:
        logged = json.loads(comment) if comment.startswith("[") else None
    except ValueError:
        logged = None
    if isinstance(logged, list):  # the admin log's own message, made from the form's labels
        return gettext("Created") if any("added" in part and not part["added"] for part in logged) else ""
    return comment


def entries(model, object_id) -> list[dict]:
    """The history of one object, newest first: each version with who, when, what and the changed fields."""
    versions = list(versions_of(model, object_id)[: MAX_VERSIONS + 1])
    listed = []
    for index, version in enumerate(versions[:MAX_VERSIONS]):
        after = _fields_of(version)
        before = _fields_of(versions[index + 1]) if index + 1 < len(versions) else None
        listed.append(
            {
                "version": version,
                "date": version.revision.date_created,
                "user": version.revision.user,
                "comment": describe(version.revision),
                "changes": changes_between(model, before, after),
                "first": before is None,
                "baseline": version.revision.comment == BASELINE_COMMENT,
                "latest": index == 0,
            }
        )
    return listed


# Restoring


def restore(obj, version, user) -> None:
    """Give `obj` the field values kept in `version`, through full_clean() and save(), as a new version by `user`.

    Raises ValidationError (nothing saved) when the old values no longer fit: a deleted venue, a slug taken since,
    a rule for publishing."""
    kept = _fields_of(version)
    links = {}
    for field in _tracked_fields(type(obj)):
        if field.name not in kept:
            continue
        raw = kept[field.name]
        if field.many_to_many:
            links[field.name] = raw or []
        elif field.is_relation:
            setattr(obj, field.attname, raw)
        else:
            setattr(obj, field.attname, field.to_python(raw))
    obj.full_clean()
    when = timezone.localtime(version.revision.date_created).strftime("%d/%m/%Y %H:%M")
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(gettext("Restored the version of %(date)s.") % {"date": when})
        obj.save()
        for name, pks in links.items():
            field = type(obj)._meta.get_field(name)
            getattr(obj, name).set(field.related_model._base_manager.filter(pk__in=pks))


# The admin


class HistoryAdmin(admin.ModelAdmin):
    """Records the admin's changes of the model and shows its history with old → new values and restore."""

    object_history_template = "admin/history/object_history.html"
    restore_template = "admin/history/restore_confirmation.html"

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        register(model)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        if object_id is not None:
            ensure_baselines(self.model, [unquote(object_id)])
        with revision(request):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "_save" in request.POST:  # the list's editable columns
            pks = [request.POST.get(key) for key in request.POST if key.startswith("form-") and key.endswith("-id")]
            ensure_baselines(self.model, pks)
            with revision(request):
                return super().changelist_view(request, extra_context)
        return super().changelist_view(request, extra_context)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message or "")
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message or "")
        return entry

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        listed = entries(self.model, unquote(object_id)) if obj is not None else []
        can_restore = obj is not None and self.has_change_permission(request, obj)
        for entry in listed:
            if can_restore and not entry["latest"]:
                entry["restore_url"] = reverse(
                    f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_restore",
                    args=(quote(obj.pk), entry["version"].pk),
                )
        context = {"versions": listed, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def restore_view(self, request, object_id, version_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(versions_of(self.model, str(obj.pk)), pk=version_id)
        history_url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_history", args=(quote(obj.pk),)
        )
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            try:
                restore(obj, version, request.user)
            except ValidationError as error:
                messages.error(
                    request,
                    gettext("This version cannot be restored: %(reasons)s") % {"reasons": " ".join(error.messages)},
                )
                return HttpResponseRedirect(history_url)
            self.log_change(request, obj, gettext("Restored an earlier version."))
            messages.success(request, gettext("The earlier version of “%(name)s” is restored.") % {"name": obj})
            return HttpResponseRedirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Restore an earlier version?"),
            "subtitle": str(obj),
            "object": obj,
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "version": version,
            "changes": changes_between(self.model, current_fields(obj), _fields_of(version)),
            "history_url": history_url,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.restore_template, context)
