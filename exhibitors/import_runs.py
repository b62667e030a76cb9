"""What a spreadsheet import changed, kept so that it can be undone (the model is `exhibitors.models.ImportRun`).

Every import (units, products, works, and any other on the same machinery) records, row by row, the records it
created and the values it replaced. Undoing a run deletes what it created and puts the replaced values back, in one
transaction, and refuses, saying which entry, when anything it wrote has been changed since (or when a record it
created has gained related entries, which deleting it would take along).

Values are kept per model field (`attname`), as JSON: the editable concrete fields and the many-to-many ones (as
lists of keys). Fields that modeltranslation adds are kept per language; the untranslated original (`name`, which
mirrors a language) is left out, since assigning it writes the active language's field.
"""

import contextlib

from django.apps import apps
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext
from modeltranslation.translator import NotRegistered, translator

from core import renditions

from .models import ImportRun

CREATE, UPDATE = "create", "update"


class UndoRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _untranslated(model) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def snapshot_fields(model) -> list[models.Field]:
    skip = _untranslated(model)
    return [f for f in model._meta.concrete_fields if f.editable and not f.primary_key and f.name not in skip]


def _encode(value):
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, FieldFile):
        return value.name or ""
    return str(value)


def snapshot(obj) -> dict:
    """The values of `obj` that an import may write, JSON-friendly, comparable between two snapshots."""
    data = {field.attname: _encode(field.value_from_object(obj)) for field in snapshot_fields(type(obj))}
    for field in obj._meta.many_to_many:
        if field.editable:
            data[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return data


def fresh(model, pk):
    return model._base_manager.filter(pk=pk).first()


def label(model) -> str:
    return model._meta.label_lower


class Recorder:
    """Collects the rows of one import while it is written; `save()` stores them as an ImportRun."""

    def __init__(self):
        self.rows: list[dict] = []

    def before(self, obj) -> dict | None:
        """The stored values of an existing record, read before the import writes it."""
        stored = fresh(type(obj), obj.pk) if obj.pk else None
        return snapshot(stored) if stored else None

    def add(self, obj, *, before: dict | None, line=None, key="") -> None:
        after = snapshot(fresh(type(obj), obj.pk))
        if before is not None and before == after:
            return
        self.rows.append(
            {
                "model": label(type(obj)),
                "pk": obj.pk,
                "action": UPDATE if before is not None else CREATE,
                "line": line,
                "key": str(key or ""),
                "repr": str(obj)[:200],
                "before": before,
                "after": after,
            }
        )

    def save(self, *, kind: str, user=None, file_name: str = "") -> ImportRun | None:
        if not self.rows:
            return None
        return ImportRun.objects.create(
            kind=kind,
            user=user if getattr(user, "pk", None) else None,
            file_name=(file_name or "")[:255],
            rows=self.rows,
            created_count=sum(1 for row in self.rows if row["action"] == CREATE),
            updated_count=sum(1 for row in self.rows if row["action"] == UPDATE),
        )


def _restore(obj, values: dict) -> None:
    fields = {field.attname: field for field in snapshot_fields(type(obj))}
    many = {}
    for name, value in values.items():
        field = fields.get(name)
        if field is None:
            if name in {f.name for f in obj._meta.many_to_many}:
                many[name] = value
            continue
        if value is not None and not isinstance(field, models.FileField | models.JSONField):
            value = field.to_python(value)
        setattr(obj, field.attname, value)
    obj.save()
    for name, pks in many.items():
        getattr(obj, name).set(pks)


def _blocking_relation(obj, created: set[tuple[str, int]]) -> str | None:
    """The name of a kind of entry related to `obj` that was not created by the run (deleting obj would take it)."""
    for relation in obj._meta.related_objects:
        accessor = relation.get_accessor_name()
        if not accessor or relation.hidden:
            continue
        if relation.one_to_one:
            related = getattr(obj, accessor, None)
            pks = [related.pk] if related is not None else []
        else:
            pks = list(getattr(obj, accessor).values_list("pk", flat=True))
        other = label(relation.related_model)
        if any((other, pk) not in created for pk in pks):
            return str(relation.related_model._meta.verbose_name_plural)
    return None


def undo(run: ImportRun, user=None) -> dict[str, int]:
    """Delete what `run` created and restore what it replaced, all or nothing. Raises UndoRefused."""
    files: list[tuple] = []
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.undone_at:
            raise UndoRefused(gettext("This import has already been undone."))
        created = {(row["model"], row["pk"]) for row in run.rows if row["action"] == CREATE}
        counts = {"deleted": 0, "restored": 0}
        for row in reversed(run.rows):
            try:
                model = apps.get_model(row["model"])
            except (LookupError, ValueError):
                raise UndoRefused(gettext("This import cannot be undone any more.")) from None
            obj = fresh(model, row["pk"])
            name = row.get("repr") or row.get("key") or row["pk"]
            where = {"item": model._meta.verbose_name, "name": name}
            if obj is None:
                if row["action"] == CREATE:
                    continue  # already deleted by hand: nothing to undo
                raise UndoRefused(
                    gettext("Nothing was undone: the %(item)s “%(name)s” has been deleted since this import.") % where
                )
            current = snapshot(obj)
            if any(current.get(key) != value for key, value in row["after"].items()):
                raise UndoRefused(
                    gettext(
                        "Nothing was undone: the %(item)s “%(name)s” was changed after this import. "
                        "Undo would overwrite that change; edit it by hand instead."
                    )
                    % where
                )
            files += [(model, field, row["after"].get(field.attname)) for field in _file_fields(model)]
            if row["action"] == CREATE:
                blocking = _blocking_relation(obj, created)
                if blocking:
                    raise UndoRefused(
                        gettext(
                            "Nothing was undone: the %(item)s “%(name)s”, added by this import, now has "
                            "%(related)s added since. Remove them first, or edit by hand."
                        )
                        % {**where, "related": blocking}
                    )
                obj.delete()
                counts["deleted"] += 1
            else:
                _restore(obj, row["before"] or {})
                counts["restored"] += 1
        run.undone_at = timezone.now()
        run.undone_by = user if getattr(user, "pk", None) else None
        run.save(update_fields=["undone_at", "undone_by"])
        transaction.on_commit(lambda: _delete_orphans(files))
    return counts


def _file_fields(model) -> list[models.FileField]:
    return [field for field in snapshot_fields(model) if isinstance(field, models.FileField)]


def _delete_orphans(files) -> None:
    """Delete the files that the import wrote and that no record uses any more."""
    for model, field, name in files:
        if not name or model._base_manager.filter(**{field.attname: name}).exists():
            continue
        with contextlib.suppress(Exception):
            field.storage.delete(name)
            renditions.delete_made_from(field.storage, name)
