"""Renditions: the resized copies of every uploaded image, made when the image is saved, never during a request.

Each model with an image keeps, in its `renditions` JSON column, what was made from each image field:

    {"image": {"source": "artworks/hoa-sen.jpg", "size": [900, 1125],
               "files": {"280": ["renditions/artworks/hoa-sen-jpg-3f9a…-280x350.webp", 280, 350], …}}}

`files` is keyed by spec: "280" (280 pixels wide, never wider than the source), "1200x1200" (fits in the box),
"200x250c" (cut to that shape around the centre), with ".jpg" or ".png" for a JPEG or PNG copy instead of WebP. A
page reads this column with the row it already loaded: no query, no cache lookup and no image work per picture.

The copies are made by a `pre_save` handler (so the admin, the imports, the demo loader and the shell all make
them, and they are written in the same UPDATE as the row); `manage.py make_renditions` makes those still missing
(rows from before the column, or specs added later). Replacing an image makes new copies under new names (they
carry a digest of the source) and removes the old ones once the transaction commits.
"""

import contextlib
import hashlib
import io
import logging
import posixpath
import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

FOLDER = "renditions"
QUALITY = {"webp": 80, "jpeg": 85}
EXTENSIONS = {"webp": "webp", "jpeg": "jpg", "png": "png"}
PILLOW_FORMATS = {"webp": "WEBP", "jpeg": "JPEG", "png": "PNG"}
_KEY = re.compile(r"^(?P<width>\d+)(?:x(?P<height>\d+))?(?P<crop>c)?(?:\.(?P<fmt>jpg|png))?$")


@dataclass(frozen=True)
class Spec:
    """One rendition: a width, or a box (with `crop`: exactly that shape), in a format; `png_only` None means any
    source, True only PNG sources, False only the others."""

    width: int
    height: int | None = None
    crop: bool = False
    fmt: str = "webp"
    png_only: bool | None = None

    @property
    def key(self) -> str:
        geometry = f"{self.width}x{self.height}" if self.height else f"{self.width}"
        suffix = {"webp": "", "jpeg": ".jpg", "png": ".png"}[self.fmt]
        return f"{geometry}{'c' if self.crop else ''}{suffix}"

    @classmethod
    def parse(cls, key: str, png_only: bool | None = None) -> "Spec":
        found = _KEY.match(key)
        if not found or (found["crop"] and not found["height"]):
            raise ValueError(f"Not a rendition spec: {key!r}")
        fmt = {"jpg": "jpeg", "png": "png", None: "webp"}[found["fmt"]]
        height = int(found["height"]) if found["height"] else None
        return cls(int(found["width"]), height, bool(found["crop"]), fmt, png_only)

    def applies_to(self, source_name: str) -> bool:
        if self.png_only is None:
            return True
        return source_name.lower().endswith(".png") == self.png_only


def key_for(geometry: str, *, crop=None, fmt: str = "WEBP") -> str:
    """The spec key of a sorl-style request: ("1200x630", crop="center", fmt="JPEG") → "1200x630c.jpg"."""
    suffix = {"WEBP": "", "JPEG": ".jpg", "PNG": ".png"}[fmt.upper()]
    return f"{geometry}{'c' if crop else ''}{suffix}"


def ratio_key(width: int, ratio: tuple[int, int] | None) -> str:
    """The key the `picture` tag asks for: "280", or "200x250c" for width 200 at 4:5."""
    return f"{width}x{round(width * ratio[1] / ratio[0])}c" if ratio else f"{width}"


def _specs(*keys: str) -> tuple[Spec, ...]:
    return tuple(Spec.parse(key) for key in keys)


# What each image is shown as. The `{% picture %}` widths of the templates (tests/test_renditions.py checks that
# every one is here), the link previews (og:image) and JSON-LD of the views, the API's web-size copy and the admin's
# thumbnails.
API = _specs("1600x1600")  # core.api.WEB_IMAGE_GEOMETRY
# A template's width that is not listed gets the next wider one (the unit page's 96 and 192 pixel logo: 128 and
# 320), so that each image is not made in many nearly equal sizes. The admin's thumbnails use the smallest made.
REGISTRY: dict[str, dict[str, tuple[Spec, ...]]] = {
    "events.Speaker": {"photo": _specs("96", "160", "320", "600") + API},
    "events.Session": {"image": API},
    "exhibitors.CreativeUnit": {
        "logo": _specs("64", "128", "320", "600") + API,
        "cover": _specs("480x270c", "960x540c", "1440x810c", "1200x630c") + API,
    },
    "exhibitors.Product": {"image": _specs("320x240c", "640x480c") + API},
    "exhibitors.Partner": {"logo": _specs("120", "160", "240", "320") + API},
    "exhibitions.Exhibition": {"image": _specs("1200") + API},
    "exhibitions.Artist": {"photo": _specs("160", "320", "1200") + API},
    "exhibitions.Artwork": {
        # Cards 280 and 560; the work's page 480 (→ 560), 800 and 1200; the home page's 4:5 cut; og:image; the zoom
        # viewer's 2,400 pixels (exhibitions.views.ZOOM_GEOMETRY). Never enlarged: from a smaller original it is the
        # same file as the largest copy that fits, so a small picture costs nothing more.
        "image": _specs("280", "560", "800", "1200", "200x250c", "400x500c", "1200x1200", "2400x2400") + API
    },
    "press.PressRelease": {"image": _specs("480", "960", "1440", "1200.jpg") + API},
    "press.MediaAsset": {
        # The press room's cards (photos cut to 4:3, logos whole) and download: JPEG for photos, PNG for logos (their
        # transparency survives).
        "image": _specs("320x240c", "640x480c", "320", "640")
        + (Spec(1600, 1600, fmt="jpeg", png_only=False), Spec(1600, 1600, fmt="png", png_only=True))
        + API
    },
}


def registered_models() -> list[type[models.Model]]:
    return [apps.get_model(label) for label in REGISTRY]


def fields_of(model) -> dict[str, tuple[Spec, ...]]:
    return REGISTRY.get(model._meta.label, {})


# Reading (what the pages do)


@dataclass(frozen=True)
class Rendition:
    name: str
    url: str
    width: int
    height: int


def entry(image) -> dict | None:
    """What was made from `image` (a FieldFile), or None when nothing is stored for its current file."""
    instance = getattr(image, "instance", None)
    field = getattr(image, "field", None)
    if instance is None or field is None or not image:
        return None
    found = (getattr(instance, "renditions", None) or {}).get(field.name)
    if not found or found.get("source") != image.name:
        return None
    return found


def stored(image, key: str) -> Rendition | None:
    """The stored rendition `key` of `image`, or None. Reads only the row: no query, no file, no image work."""
    found = entry(image)
    if found is None:
        return None
    file = found.get("files", {}).get(key)
    if not file:
        return None
    name, width, height = file
    return Rendition(name, image.storage.url(name), width, height)


def stored_shape(image, ratio: tuple[int, int] | None) -> dict[int, Rendition]:
    """Every stored WebP rendition of `image` of one shape, by its width: uncut (a width or a box to fit in), or
    cut to `ratio`."""
    found = entry(image)
    if found is None:
        return {}
    result = {}
    for key, (name, width, height) in found.get("files", {}).items():
        match = _KEY.match(key)
        if not match or match["fmt"]:
            continue
        if ratio is None:
            if match["crop"]:
                continue
        elif not match["crop"] or round(int(match["width"]) * ratio[1] / ratio[0]) != int(match["height"]):
            continue
        result.setdefault(width, Rendition(name, image.storage.url(name), width, height))
    return result


def thumbnail(image, box: int) -> tuple[Rendition, int, int] | None:
    """For the admin: the smallest stored uncut WebP rendition that fills a `box`-pixel square (else the largest),
    with the width and height to show it at inside that square; None when nothing is stored."""
    found = list(stored_shape(image, None).values())
    if not found:
        return None
    filling = [r for r in found if max(r.width, r.height) >= box]
    chosen = min(filling, key=lambda r: r.width) if filling else max(found, key=lambda r: r.width)
    scale = min(1.0, box / max(chosen.width, chosen.height))
    return chosen, max(1, round(chosen.width * scale)), max(1, round(chosen.height * scale))


# Making (what saving does)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _plan(size: tuple[int, int], spec: Spec) -> tuple[tuple[int, int, int, int] | None, tuple[int, int]]:
    """The part of the source to keep (None: all of it) and the output size; never larger than the source."""
    src_w, src_h = size
    if spec.crop:
        want_w, want_h = spec.width, spec.height
        if src_w * want_h > src_h * want_w:  # wider than the shape: keep the middle columns
            region_w, region_h = max(1, round(src_h * want_w / want_h)), src_h
        else:
            region_w, region_h = src_w, max(1, round(src_w * want_h / want_w))
        left, top = (src_w - region_w) // 2, (src_h - region_h) // 2
        box = None if (region_w, region_h) == (src_w, src_h) else (left, top, left + region_w, top + region_h)
        if region_w <= want_w:
            return box, (region_w, region_h)
        return box, (want_w, want_h)
    factor = spec.width / src_w
    if spec.height:
        factor = min(factor, spec.height / src_h)
    factor = min(factor, 1.0)
    return None, (max(1, round(src_w * factor)), max(1, round(src_h * factor)))


def _encode(image: Image.Image, fmt: str, icc_profile) -> bytes:
    out = io.BytesIO()
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    if fmt == "jpeg":
        if has_alpha:
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
            image = flat
        elif image.mode != "RGB":
            extra = {}
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=QUALITY["jpeg"], optimize=True, progressive=True, **extra)
    elif fmt == "png":
        image.save(out, "PNG", optimize=True, **extra)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if has_alpha else "RGB")
        image.save(out, "WEBP", quality=QUALITY["webp"], method=settings.TUDOI_WEBP_EFFORT, **extra)
    return out.getvalue()


def _rendition_name(source: str, digest: str, size: tuple[int, int], cut: bool, fmt: str) -> str:
    folder, base = posixpath.split(source)
    stem = base.replace(".", "-")
    name = f"{stem}-{digest}-{size[0]}x{size[1]}{'c' if cut else ''}.{EXTENSIONS[fmt]}"
    return posixpath.join(FOLDER, folder, name)


_memo: dict | None = None  # while `remembering()`: encoded renditions by (source digest, cut, size, format)


@contextlib.contextmanager
def remembering(memo: dict):
    """Keep the encoded renditions in `memo` and reuse them: the demo loader draws the same pictures on every run,
    so a second load in the same process (the tests load it many times) only writes files."""
    global _memo
    previous, _memo = _memo, memo
    try:
        yield
    finally:
        _memo = previous


_ORIENTATION_SWAPS = {5, 6, 7, 8}  # EXIF orientations that turn the picture a quarter


class _Source:
    """The source picture, decoded only when a rendition has to be encoded."""

    def __init__(self, data: bytes):
        self.data = data
        self.header = Image.open(io.BytesIO(data))
        self.format = {"MPO": "JPEG"}.get(self.header.format, self.header.format)
        self.icc_profile = self.header.info.get("icc_profile")
        width, height = self.header.size
        with contextlib.suppress(Exception):
            if self.header.getexif().get(0x0112) in _ORIENTATION_SWAPS:
                width, height = height, width
        self.size = (width, height)
        self._picture = None
        self.smaller: list[Image.Image] = []  # uncut renditions already made, to resize the next ones from

    @property
    def picture(self) -> Image.Image:
        if self._picture is None:
            picture = self.header
            picture.load()
            with contextlib.suppress(Exception):  # a broken EXIF block is no reason to lose the picture
                picture = ImageOps.exif_transpose(picture)
            if picture.mode == "P":
                picture = picture.convert("RGBA" if "transparency" in picture.info else "RGB")
            elif picture.mode not in ("RGB", "RGBA", "L", "LA"):
                picture = picture.convert("RGB")
            self._picture = picture
        return self._picture

    def render(self, box, size: tuple[int, int]) -> Image.Image:
        if box is not None:
            region = self.picture.crop(box)
        else:
            # From the smallest uncut copy at least twice as wide (much faster, and as sharp), else the source.
            larger = [im for im in self.smaller if im.width >= 2 * size[0]]
            region = min(larger, key=lambda im: im.width) if larger else self.picture
        if region.size == size:
            return region
        resized = region.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        if box is None:
            self.smaller.append(resized)
        return resized


def make(image, specs, *, keep: dict | None = None) -> dict:
    """Make the renditions `specs` of `image` (a FieldFile whose file is stored) into its storage; return the entry.

    `keep` is the entry already stored for the same source: its files are kept and only missing specs are made.
    Outputs of the same size, cut and format are made once (a small logo yields one file for many widths); an
    output the size and format of the source is the source itself.
    """
    storage = image.storage
    source_name = image.name
    with storage.open(source_name, "rb") as handle:
        data = handle.read()
    digest = _digest(data)
    source = _Source(data)
    files = dict((keep or {}).get("files", {}))
    planned = []
    for spec in specs:
        if spec.applies_to(source_name) and spec.key not in files:
            box, out_size = _plan(source.size, spec)
            planned.append((spec.key, (box, out_size, spec.fmt)))
    made: dict[tuple, list] = {}
    # Largest first, so that the smaller uncut ones are resized from them.
    for signature in sorted({s for _, s in planned}, key=lambda s: -s[1][0] * s[1][1]):
        box, out_size, fmt = signature
        if box is None and out_size == source.size and PILLOW_FORMATS[fmt] == source.format:
            made[signature] = [source_name, *out_size]
            continue
        name = _rendition_name(source_name, digest, out_size, box is not None, fmt)
        if not storage.exists(name):  # the same bytes made the same copy before: reuse it
            remembered = (digest, *signature)
            encoded = _memo.get(remembered) if _memo is not None else None
            if encoded is None:
                encoded = _encode(source.render(box, out_size), fmt, source.icc_profile)
                if _memo is not None:
                    _memo[remembered] = encoded
            name = storage.save(name, ContentFile(encoded))
        made[signature] = [name, *out_size]
    for key, signature in planned:
        files[key] = made[signature]
    source.header.close()
    return {"source": source_name, "size": list(source.size), "files": files}


def delete_made_from(storage, source: str) -> None:
    """Remove every rendition made from the file `source` (for a transaction that failed after saving a new image:
    its renditions were written, the row that named them was not)."""
    folder, base = posixpath.split(source)
    stem = re.escape(base.replace(".", "-"))
    pattern = re.compile(rf"^{stem}-[0-9a-f]{{12}}-\d+x\d+c?\.(webp|jpg|png)$")
    directory = posixpath.join(FOLDER, folder)
    try:
        names = storage.listdir(directory)[1]
    except FileNotFoundError:
        return
    for name in names:
        if pattern.match(name):
            storage.delete(posixpath.join(directory, name))


def _files(found: dict | None) -> set[str]:
    if not found:
        return set()
    return {file[0] for file in found.get("files", {}).values()} - {found.get("source")}


def _forget(model, pk, old: dict | None, keep: set[str], storage) -> None:
    """Remove the files of an old entry (after the commit), unless another row still shows the same source."""
    names = _files(old) - keep
    if not names:
        return
    source = old.get("source")

    def remove():
        shared = [
            name for name in fields_of(model) if model._default_manager.filter(**{name: source}).exclude(pk=pk).exists()
        ]
        if shared:
            return
        for name in names:
            try:
                storage.delete(name)
            except Exception:
                logger.warning("Could not remove the old rendition %s", name, exc_info=True)

    transaction.on_commit(remove)


def ensure(instance, *, force: frozenset[str] | set[str] = frozenset(), verify: bool = False) -> bool:
    """Bring `instance.renditions` up to date with its image fields; True when it changed (not saved here).

    A field in `force` is made again even if its file name did not change (a new file under the same name);
    `verify` also makes again any rendition whose file is missing from the storage.
    """
    specs_by_field = fields_of(type(instance))
    if not specs_by_field:
        return False
    record = dict(instance.renditions or {})
    changed = False
    for field_name, specs in specs_by_field.items():
        image = getattr(instance, field_name)
        old = record.get(field_name)
        if not image:
            if old is not None:
                _forget(type(instance), instance.pk, old, set(), image.storage)
                del record[field_name]
                changed = True
            continue
        same = old is not None and old.get("source") == image.name and field_name not in force
        keep = old if same else None
        if keep and verify:
            files = {key: f for key, f in keep.get("files", {}).items() if image.storage.exists(f[0])}
            keep = {**keep, "files": files}
        wanted = [spec for spec in specs if spec.applies_to(image.name)]
        if keep is not None and all(spec.key in keep.get("files", {}) for spec in wanted):
            if keep != old:
                record[field_name] = keep
                changed = True
            continue
        try:
            new = make(image, wanted, keep=keep)
        except Exception:
            logger.exception("Could not make the renditions of %s (%s)", image.name, instance._meta.label)
            continue
        if old is not None and (old.get("source") != image.name or field_name in force):
            _forget(type(instance), instance.pk, old, _files(new), image.storage)
        record[field_name] = new
        changed = True
    if changed:
        instance.renditions = record
    return changed


def make_missing(*, verify: bool = False, model_labels=None) -> dict[str, int]:
    """Make what is missing for every row of every model with images; rows counted by model label."""
    counts = {}
    for label in model_labels or REGISTRY:
        model = apps.get_model(label)
        updated = 0
        for obj in model._default_manager.order_by("pk").iterator(chunk_size=200):
            if ensure(obj, verify=verify):
                model._default_manager.filter(pk=obj.pk).update(renditions=obj.renditions)
                updated += 1
        counts[label] = updated
    if any(counts.values()):
        from .pagecache import content_changed

        content_changed()  # an UPDATE sends no signal: the cached pages are told here
    return counts


# Signals


def _before_save(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures: stored as given
        return
    fresh = set()
    for field_name in fields_of(sender):
        field = sender._meta.get_field(field_name)
        image = getattr(instance, field_name)
        if image and not image._committed:
            fresh.add(field_name)
            field.pre_save(instance, instance._state.adding)  # stores the upload now, so that it can be read
    if ensure(instance, force=fresh):
        instance._renditions_changed = True


def _after_save(sender, instance, raw=False, update_fields=None, **kwargs):
    # A save limited to some fields that left this column out still gets the new renditions.
    if getattr(instance, "_renditions_changed", False):
        instance._renditions_changed = False
        if update_fields is not None and "renditions" not in update_fields:
            sender._default_manager.filter(pk=instance.pk).update(renditions=instance.renditions)


def _after_delete(sender, instance, **kwargs):
    for field_name in fields_of(sender):
        old = (instance.renditions or {}).get(field_name)
        if old:
            _forget(sender, instance.pk, old, set(), getattr(instance, field_name).storage)


def connect() -> None:
    for label in REGISTRY:
        uid = f"core.renditions:{label}"
        pre_save.connect(_before_save, sender=label, dispatch_uid=uid)
        post_save.connect(_after_save, sender=label, dispatch_uid=uid)
        post_delete.connect(_after_delete, sender=label, dispatch_uid=uid)


def url_or_original(image, key: str) -> str:
    """The address of a stored rendition, else of the original file (logged: `make_renditions` has not run)."""
    found = stored(image, key)
    if found:
        return found.url
    logger.warning("No stored rendition %s of %s: run manage.py make_renditions", key, image.name)
    return image.url


__all__ = [
    "REGISTRY",
    "Rendition",
    "Spec",
    "connect",
    "ensure",
    "entry",
    "key_for",
    "make",
    "make_missing",
    "ratio_key",
    "stored",
    "stored_shape",
]
