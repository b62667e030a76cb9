"""Open data: press releases (registered with core.api in PressConfig.ready).

A release appears only once it is published and its publication time (the embargo) has come: `.published()`.
"""

from django.db.models.functions import Coalesce

from core import api
from core.api import Resource

from .models import PressContact, PressRelease


def releases():
    return (
        PressRelease.objects.published()
        .select_related("contact")
        .order_by(Coalesce("publish_at", "created_at").desc(), "-pk")
    )


def _contact(contact: PressContact | None) -> dict | None:
    if contact is None or not contact.is_public:
        return None
    return {
        "name": contact.name,
        "role": api.text(contact, "role"),
        "organisation": api.text(contact, "organisation"),
        "email": contact.email,
        "phone": contact.phone or None,
    }


def release_record(release: PressRelease) -> dict:
    return {
        "id": release.pk,
        "slug": release.slug,
        "title": api.text(release, "title"),
        "summary": api.text(release, "summary"),
        "body": api.text(release, "body"),
        "published_at": api.moment(release.publish_at or release.created_at),
        "image": api.file_url(release.image),
        "image_credit": release.image_credit or None,
        "contact": _contact(release.contact),
        "page_url": api.page_urls(release),
        "updated_at": api.moment(max(release.updated_at, release.publish_at or release.updated_at)),
    }


RELEASE = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "title": api.TEXT,
    "summary": api.TEXT,
    "body": {**api.TEXT, "description": "Plain text; paragraphs are separated by an empty line."},
    "published_at": api.DATE_TIME,
    "image": api.OPTIONAL_URI,
    "image_credit": api.OPTIONAL_STRING,
    "contact": {
        "anyOf": [
            {
                "type": "object",
                "properties": {
                    "name": api.STRING,
                    "role": api.TEXT,
                    "organisation": api.TEXT,
                    "email": {"type": "string", "format": "email"},
                    "phone": api.OPTIONAL_STRING,
                },
                "required": ["name", "role", "organisation", "email", "phone"],
                "additionalProperties": False,
            },
            {"type": "null"},
        ],
        "description": "The press contact for this release.",
    },
    "page_url": api.PAGE,
    "updated_at": api.DATE_TIME,
}


def register() -> None:
    api.register(
        Resource(
            name="releases",
            schema_name="PressRelease",
            title="Press releases",
            description="Press releases, newest first. An embargoed release appears at its publication time.",
            queryset=releases,
            serialize=release_record,
            properties=RELEASE,
            order=11,
            images=("image",),
        )
    )
