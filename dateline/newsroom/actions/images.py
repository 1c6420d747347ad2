"""Lead image uploads: checked by content, stored with responsive renditions."""

from __future__ import annotations

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from dateline.newsroom.actions.common import User, audit, require
from dateline.newsroom.models import LeadImage

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
RENDITION_WIDTHS = (480, 800, 1200, 1600)
# A larger image is a decompression bomb more likely than a photo; decoded whole it takes
# at most about 160 MB (four bytes a pixel) while its renditions are made.
MAX_PIXELS = 40_000_000


def check_image(upload) -> tuple[str, int, int]:
    """The image's format and size, read from its content; refuses anything else."""
    limit = settings.IMAGE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(_("The image is %(size)s MB; the limit is %(limit)s MB.") % {
            "size": round(upload.size / 2**20, 1), "limit": limit // 2**20})
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            kind, (width, height) = probe.format, probe.size
            if width * height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as whole:
            whole.load()  # every pixel decoded: a truncated file is refused here, not later
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as exc:
        raise ValidationError(_("This file is not an image we can use.")) from exc
    if kind not in FORMATS:
        raise ValidationError(_("Use a JPEG, PNG, WebP or GIF image."))
    upload.seek(0)
    return kind, width, height


@transaction.atomic
def upload_lead_image(upload, *, alt: str, caption: str = "", credit: str = "",
                      by: User | None) -> LeadImage:
    """Store an uploaded lead image and its renditions (WebP, several widths)."""
    require(by, "newsroom.add_leadimage")
    alt = (alt or "").strip()
    if not alt:
        raise ValidationError(_("Describe the image in its alt text."))
    kind, width, height = check_image(upload)
    key = uuid.uuid4().hex
    image = LeadImage(alt=alt, caption=caption.strip(), credit=credit.strip(), width=width,
                      height=height, uploaded_by=by if by is not None else None)
    written: list[str] = []
    try:
        image.original.save(f"{key}.{FORMATS[kind]}", ContentFile(upload.read()), save=False)
        written.append(image.original.name)
        image.renditions = _renditions(image, key, written)
        image.save()
    except Exception:
        for name in written:  # a failed upload leaves no file behind
            default_storage.delete(name)
        raise
    audit(by, "image", None, f"Uploaded image “{alt[:80]}”", image_id=image.pk)
    return image


def _renditions(image: LeadImage, key: str, written: list[str]) -> list[dict]:
    image.original.seek(0)
    with Image.open(image.original) as source:
        source = ImageOps.exif_transpose(source).convert("RGB")
        widths = [w for w in RENDITION_WIDTHS if w < source.width] + [
            min(source.width, RENDITION_WIDTHS[-1])]
        made = []
        for width in sorted(set(widths)):
            height = round(source.height * width / source.width)
            out = io.BytesIO()
            source.resize((width, height), Image.Resampling.LANCZOS).save(
                out, "WEBP", quality=80, method=4)
            name = default_storage.save(f"images/renditions/{key}/{width}.webp",
                                        ContentFile(out.getvalue()))
            written.append(name)
            made.append({"width": width, "height": height, "url": default_storage.url(name)})
    return made
