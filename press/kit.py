"""The media kit in one download: `kit.zip` with the published assets, the fact sheet in both languages and a manifest.

Building it reads every original, so it is built once per state of the data, not per request. The state is a
fingerprint of what goes in: the published assets (ids, files, change and publication times) and the fact sheet's
version. The ZIP is stored in the default storage under a name that contains the fingerprint; a request whose
fingerprint names a file that exists serves that file. A change to an asset, an asset reaching its publication
time, or a changed figure gives a new fingerprint, hence a new build; older kits are then removed.
"""

import csv
import hashlib
import io
import json
import logging
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core import clock

from .facts import FactSheet, fact_sheet
from .models import AssetKind, MediaAsset

logger = logging.getLogger(__name__)

KIT_FORMAT = 1  # raise when the layout of the ZIP or its fact-sheet template changes: every kit is rebuilt
KIT_FOLDER = "press/kit"
DOWNLOAD_NAME = "tu-hoi-sang-tao-2026-media-kit.zip"
FOLDERS = {AssetKind.LOGO: "logos", AssetKind.PHOTO: "photos", AssetKind.DOCUMENT: "documents"}
MANIFEST_COLUMNS = [
    "file",
    "kind",
    "title_vi",
    "title_en",
    "caption_vi",
    "caption_en",
    "credit",
    "licence",
    "licence_name",
]


@dataclass(frozen=True)
class Kit:
    name: str  # in the default storage
    fingerprint: str


def published_assets() -> list[MediaAsset]:
    # Ordered by fields that read the same in every language: the kit does not depend on who asked for it.
    return list(MediaAsset.objects.published().order_by("order", "pk"))


def kit_fingerprint(assets: list[MediaAsset], facts: FactSheet) -> str:
    data = {
        "format": KIT_FORMAT,
        "assets": [
            [a.pk, a.file.name, a.updated_at.isoformat(), a.publish_at.isoformat() if a.publish_at else None]
            for a in assets
        ],
        "facts": facts.version(),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def kit_name(fingerprint: str) -> str:
    return f"{KIT_FOLDER}/media-kit-{fingerprint[:24]}.zip"


def archive_path(asset: MediaAsset) -> str:
    """The asset's path inside the ZIP: by kind, named by its (unique, ASCII) slug."""
    extension = os.path.splitext(asset.file.name)[1].lower()
    return f"{FOLDERS.get(asset.kind, 'files')}/{asset.slug}{extension}"


def _manifest_row(asset: MediaAsset, path: str) -> dict[str, str]:
    with translation.override("en"):
        licence_name = asset.get_licence_display()
    return {
        "file": path,
        "kind": asset.kind,
        "title_vi": asset.title_vi or "",
        "title_en": asset.title_en or "",
        "caption_vi": asset.caption_vi or "",
        "caption_en": asset.caption_en or "",
        "credit": asset.credit,
        "licence": asset.licence,
        "licence_name": str(licence_name),
    }


def render_fact_sheet_file(facts: FactSheet, language: str, *, moment: datetime) -> str:
    """The fact sheet as a standalone HTML file in `language`, from the same figures as the page."""
    with translation.override(language):
        return render_to_string(
            "press/kit_fact_sheet.html",
            {"facts": facts, "charts": facts.charts(), "moment": moment, "LANGUAGE_CODE": language},
        )


def build_kit(destination, *, assets: list[MediaAsset], facts: FactSheet) -> None:
    """Write the media kit as a ZIP into the binary file object `destination`.

    An asset whose original is missing from storage is left out (and logged) rather than failing the download.
    """
    rows = []
    moment = clock.now()
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for asset in assets:
            path = archive_path(asset)
            try:
                # Images and PDFs are compressed already: a ZipInfo's default is to store them as they are.
                entry = zipfile.ZipInfo(path, date_time=_zip_time(asset.updated_at))
                with asset.file.open("rb") as source, archive.open(entry, "w") as target:
                    while chunk := source.read(1024 * 1024):
                        target.write(chunk)
            except OSError:
                logger.exception("Media kit: the file of asset %s is missing; left out", asset.pk)
                continue
            rows.append(_manifest_row(asset, path))
        for language, _name in settings.LANGUAGES:
            archive.writestr(f"fact-sheet-{language}.html", render_fact_sheet_file(facts, language, moment=moment))
        manifest = io.StringIO()
        writer = csv.DictWriter(manifest, fieldnames=MANIFEST_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        # With a byte-order mark, spreadsheet programs read the Vietnamese letters as UTF-8.
        archive.writestr("manifest.csv", "\ufeff" + manifest.getvalue())


def _zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    local = timezone.localtime(moment)  # ZIP times have no zone: write Hanoi time
    return (max(local.year, 1980), local.month, local.day, local.hour, local.minute, local.second)


def current_kit() -> Kit:
    """The kit for the data as it is now: the stored one when nothing changed, else a new build (stored)."""
    assets = published_assets()
    facts = fact_sheet()
    fingerprint = kit_fingerprint(assets, facts)
    name = kit_name(fingerprint)
    if not default_storage.exists(name):
        with tempfile.TemporaryFile() as scratch:
            build_kit(scratch, assets=assets, facts=facts)
            scratch.seek(0)
            if not default_storage.exists(name):  # another request may have finished the same build meanwhile
                name = default_storage.save(name, File(scratch, name=os.path.basename(name)))
        remove_old_kits(keep=name)
    return Kit(name=name, fingerprint=fingerprint)


def remove_old_kits(*, keep: str) -> None:
    try:
        _folders, files = default_storage.listdir(KIT_FOLDER)
    except (OSError, NotImplementedError):
        return
    for filename in files:
        path = f"{KIT_FOLDER}/{filename}"
        if path != keep and filename.startswith("media-kit-"):
            try:
                default_storage.delete(path)
            except OSError:
                logger.warning("Media kit: could not remove the old kit %s", path)
