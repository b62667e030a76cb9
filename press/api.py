"""Open data: press releases (registered with core.api in PressConfig.ready).

A release appears only once it is published and its publication time (the embargo) has come: `.published()`.
One schema: its fields are the answer and its description in the OpenAPI document (core.api.Record)."""

from datetime import datetime

from django.db.models.functions import Coalesce
from pydantic import BaseModel, Field

from core import api
from core.api import FORBID, Email, Id, PageUrls, Record, Resource, Slug, Text, Uri

from .models import PressRelease


class Contact(BaseModel):
    model_config = FORBID
    name: str
    role: Text
    organisation: Text
    email: Email
    phone: str | None


class ReleaseRecord(Record):
    id: Id
    slug: Slug
    title: Text
    summary: Text
    body: Text = Field(description="Plain text; paragraphs are separated by an empty line.")
    published_at: datetime
    image: Uri | None
    image_credit: str | None
    contact: Contact | None = Field(description="The press contact for this release.")
    page_url: PageUrls
    updated_at: datetime

    @staticmethod
    def resolve_published_at(release: PressRelease) -> datetime:
        return api.moment(release.publish_at or release.created_at)

    @staticmethod
    def resolve_contact(release: PressRelease) -> dict | None:
        contact = release.contact
        return api.values(Contact, contact) if contact is not None and contact.is_public else None

    @staticmethod
    def resolve_updated_at(release: PressRelease) -> datetime:
        return api.moment(max(release.updated_at, release.publish_at or release.updated_at))


def register() -> None:
    api.register(
        Resource(
            name="releases",
            schema=ReleaseRecord,
            schema_name="PressRelease",
            title="Press releases",
            description="Press releases, newest first. An embargoed release appears at its publication time.",
            queryset=lambda: (
                PressRelease.objects.published()
                .select_related("contact")
                .order_by(Coalesce("publish_at", "created_at").desc(), "-pk")
            ),
            order=11,
            images=("image",),
        )
    )
