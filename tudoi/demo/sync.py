"""Idempotent writes for the demo loader: look a row up by a stable key, change only what differs.

A second run over unchanged data performs no UPDATE and writes no file, so `updated_at` stays put and the media
folder does not grow.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from django.core.files.base import ContentFile
from django.db import models

ImageSpec = tuple[str, Callable[[], bytes]]


def _raw(model: type[models.Model], name: str, value: Any) -> tuple[str, Any]:
    """The attribute name and the plain value to compare: foreign keys by id."""
    field = model._meta.get_field(name)
    if field.is_relation and field.many_to_one:
        return field.attname, value.pk if isinstance(value, models.Model) else value
    return name, value


class Sync:
    """Counts what it did; keeps one index per model so lookups cost no query."""

    def __init__(self) -> None:
        self.created: Counter[str] = Counter()
        self.updated: Counter[str] = Counter()
        self.files_written = 0
        self._indexes: dict[tuple[type[models.Model], tuple[str, ...]], dict[tuple, models.Model]] = {}

    def _index(self, model: type[models.Model], key_names: tuple[str, ...]) -> dict[tuple, models.Model]:
        marker = (model, key_names)
        if marker not in self._indexes:
            attnames = [_raw(model, name, None)[0] for name in key_names]
            self._indexes[marker] = {
                tuple(getattr(obj, a) for a in attnames): obj for obj in model._default_manager.all()
            }
        return self._indexes[marker]

    def upsert(
        self,
        model: type[models.Model],
        key: dict[str, Any],
        values: dict[str, Any],
        *,
        m2m: dict[str, Iterable[models.Model]] | None = None,
        images: dict[str, ImageSpec] | None = None,
    ) -> models.Model:
        """Create or update the row identified by `key` so that it holds `values`, its relations and its images.

        Images are made only when the field is empty, names another file or its file is missing; a file already
        at the target path (left by an earlier load into another database) is reused rather than written again.
        """
        key_names = tuple(key)
        index = self._index(model, key_names)
        lookup = tuple(_raw(model, n, v)[1] for n, v in key.items())
        obj = index.get(lookup)
        label = model._meta.label
        created = obj is None
        changed: list[str] = []
        if created:
            obj = model(**key, **values)
        else:
            for name, value in values.items():
                attname, raw = _raw(model, name, value)
                if getattr(obj, attname) != raw:
                    setattr(obj, name, value)
                    changed.append(name)
        for name, (filename, make) in (images or {}).items():
            if self._ensure_image(obj, name, filename, make):
                changed.append(name)
        if created:
            obj.save()
            index[lookup] = obj
            self.created[label] += 1
        elif changed:
            obj.save()
            self.updated[label] += 1
        for name, targets in (m2m or {}).items():
            wanted = {t.pk for t in targets}
            manager = getattr(obj, name)
            if created or set(manager.values_list("pk", flat=True)) != wanted:
                manager.set(wanted)
                if not created:
                    self.updated[f"{label}.{name}"] += 1
        return obj

    def _ensure_image(self, obj: models.Model, name: str, filename: str, make: Callable[[], bytes]) -> bool:
        """Make sure the image field points to an existing file; True when the field's value changed."""
        file = getattr(obj, name)
        storage = file.storage
        target = file.field.generate_filename(obj, filename)
        # A picture under another name is an older drawing of the demo: it is replaced by the current one.
        if file.name == target and storage.exists(file.name):
            return False
        before = file.name
        if storage.exists(target):
            file.name = target
        else:
            file.save(filename, ContentFile(make()), save=False)
            self.files_written += 1
        return file.name != before
