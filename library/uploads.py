"""Uploads are judged by their content, not their name: libmagic sniffs the type, an allow-list
decides, a size limit applies, and the stored name is generated."""

import uuid
from dataclasses import dataclass

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Sniffed MIME type -> the extension files of that type are stored and served with.
ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/epub+zip": "epub",
    "text/plain": "txt",
    "text/markdown": "md",
    "text/csv": "csv",
    "application/json": "json",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "audio/mpeg": "mp3",
    "audio/ogg": "ogg",
    "audio/x-wav": "wav",
    "audio/wav": "wav",
    "video/mp4": "mp4",
    "video/webm": "webm",
    "application/zip": "zip",
}
# Types libmagic reports for text it cannot tell apart, mapped by the name's extension.
TEXT_BY_EXTENSION = {
    "csv": "text/csv",
    "md": "text/markdown",
    "ipynb": "application/json",
    "json": "application/json",
}
SNIFF_BYTES = 8192


@dataclass
class CheckedUpload:
    mime_type: str
    extension: str
    size: int
    stored_name: str


def upload_check(upload) -> CheckedUpload:
    """Validate an uploaded file; raise ValidationError with a message a person can act on."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the largest file accepted is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    mime = magic.from_buffer(head, mime=True)
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if mime in ("text/plain", "application/csv") and extension in TEXT_BY_EXTENSION:
        mime = TEXT_BY_EXTENSION[extension]
    if mime not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "Files of type %(type)s are not accepted. Upload a PDF, an office document, "
                "text, CSV, JSON, an image, audio, video or a zip archive."
            )
            % {"type": mime},
            code="type_not_allowed",
        )
    stored_extension = ALLOWED_TYPES[mime]
    if mime == "application/json" and extension == "ipynb":
        stored_extension = "ipynb"
    return CheckedUpload(
        mime_type=mime,
        extension=stored_extension,
        size=upload.size,
        stored_name=f"{uuid.uuid4().hex}.{stored_extension}",
    )
