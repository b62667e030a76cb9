"""PDF uploads: parsed with pypdf, and refused when they would do more than show pages.

A first look at the bytes (`%PDF-`) or at the name (`.pdf`) proves nothing: an HTML page or a program may start with
`%PDF-`, and a real PDF may run JavaScript, launch a program or carry other files when it is opened. So every PDF
that a visitor or an organiser uploads is read by pypdf, and every object reachable from its trailer is looked at;
it is refused, with the reason, when it does not parse (truncated, or not a PDF at all), is locked by a password, or
holds JavaScript (a /JavaScript action or name tree, any /JS), a /Launch action, or embedded files (/EmbeddedFiles,
/EmbeddedFile streams, /FileAttachment annotations). Whatever triggers them (/OpenAction, /AA on a page, a form
field or the document, a link) makes no difference: the actions themselves are found.

Images are not checked here: core/images.py decodes and re-encodes them with Pillow.
"""

import io
import logging
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

PDF_MAGIC = b"%PDF-"
# A PDF with more objects than this is not a press card or a media-kit document; looking further would only let one
# upload keep a worker busy.
MAX_OBJECTS = 200_000

UNREADABLE = _(
    "This PDF cannot be read: it is damaged, incomplete or not a real PDF. Please export it again and upload the "
    "new file."
)
ENCRYPTED = _("This PDF is protected by a password. Please upload a copy without protection.")
JAVASCRIPT = _(
    "This PDF contains JavaScript, which we do not accept. Please save it again without scripts (for example with "
    "“Print to PDF”) and upload the new file."
)
LAUNCH = _(
    "This PDF contains an action that opens another file or program, which we do not accept. Please upload a "
    "version without it."
)
EMBEDDED_FILES = _(
    "This PDF carries attached or embedded files, which we do not accept. Please upload it without them."
)

# Names whose presence, as a key or as the value of /S, /Subtype or /Type, makes the file refused.
_JAVASCRIPT_KEYS = {"/JS", "/JavaScript"}
_EMBEDDED_KEYS = {"/EmbeddedFiles", "/EF"}
_EMBEDDED_NAMES = {"/FileAttachment", "/EmbeddedFile"}

# pypdf reports each repair it makes to a broken file on its logger; a refused upload is not worth a log line.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _findings(reader: PdfReader) -> list:
    """Walk every object reachable from the trailer (without decoding page content) and name what is refused."""
    found = []
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    visited = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            raise ValueError("too many objects")
        if isinstance(obj, DictionaryObject):
            keys = set(obj.keys())
            values = (obj.get(name) for name in ("/S", "/Subtype", "/Type"))
            names = {str(value.get_object()) for value in values if value is not None}
            if keys & _JAVASCRIPT_KEYS or "/JavaScript" in names:
                found.append(JAVASCRIPT)
            if "/Launch" in names:
                found.append(LAUNCH)
            if keys & _EMBEDDED_KEYS or names & _EMBEDDED_NAMES:
                found.append(EMBEDDED_FILES)
            stack.extend(value for name, value in obj.items() if name not in ("/Parent", "/P"))
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return list(dict.fromkeys(found))  # each reason once, in the order found


def check_pdf(source: bytes | BinaryIO) -> None:
    """Raise ValidationError, with every reason in the active language, unless `source` (the bytes, or a binary file
    open at any position, read from its start) is a PDF that only shows pages."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        stream.seek(0)
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(ENCRYPTED, code="pdf_encrypted")
        if len(reader.pages) < 1:
            raise ValueError("no page")
        found = _findings(reader)
    except ValidationError:
        raise
    except Exception:
        # pypdf fails on a broken file in many ways (PdfReadError, PdfStreamError, but also KeyError, ValueError,
        # RecursionError…); whichever it is, the answer is a message to the person, never a 500.
        raise ValidationError(UNREADABLE, code="pdf_unreadable") from None
    if found:
        raise ValidationError([ValidationError(message, code="pdf_unsafe") for message in found])


def validate_pdf_upload(value) -> None:
    """Model field validator: a newly uploaded file that is a PDF (by its name or its first bytes) must pass
    `check_pdf`. Files already stored were checked when they came in and are not read again; files that are not PDFs
    are left to the field's other checks (its extensions, the images' Pillow checks)."""
    if getattr(value, "_committed", False):
        return
    upload = getattr(value, "file", value)  # the uploaded file itself (in memory or a temporary file on disk)
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    if head == PDF_MAGIC or str(getattr(value, "name", "")).lower().endswith(".pdf"):
        try:
            check_pdf(upload)
        finally:
            upload.seek(0)
    else:
        upload.seek(0)
