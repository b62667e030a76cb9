"""Shared abstract bases: timestamps, the publishing workflow and server-made slugs."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import clock
from .text import slugify_vi


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def published_q(prefix: str = "") -> Q:
    """The one rule for what the public may see: published, and its publication time (`publish_at`) has come.

    With `prefix`, the same condition through a relation (`published_q("sessions")`), for filtered counts and
    prefetches; `PublishableQuerySet.published()` and `Publishable.is_public` say the same.
    """
    path = f"{prefix}__" if prefix else ""
    return Q(**{f"{path}status": Status.PUBLISHED}) & (
        Q(**{f"{path}publish_at__isnull": True}) | Q(**{f"{path}publish_at__lte": clock.now()})
    )


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The one way to ask for what the public may see (`published_q`)."""
        return self.filter(published_q())


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Publishable(TimeStamped):
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish at once; set a time to keep the item hidden until then (embargo)."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and (self.publish_at is None or self.publish_at <= clock.now())


class Slugged(models.Model):
    """A slug made on the server from the Vietnamese name on first save, unique, and kept when the name changes.

    Subclasses name the field it comes from in `slug_source`.
    """

    slug_source = "name"
    # Fixed pages beside the object's own address (`programme/now/` beside `programme/<slug>/`): a slug never
    # takes one of them, or the object's page could not be reached.
    reserved_slugs: frozenset[str] = frozenset()

    slug = models.SlugField(
        _("slug"),
        max_length=90,
        unique=True,
        blank=True,
        help_text=_("Part of the page address. Made from the Vietnamese name when left empty; kept afterwards."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.slug in self.reserved_slugs:
            raise ValidationError({"slug": _("This address belongs to another page of the site; choose another.")})

    def _unique_slug(self) -> str:
        source = getattr(self, f"{self.slug_source}_vi", None) or getattr(self, self.slug_source, "") or ""
        base = slugify_vi(source) or self._meta.model_name
        taken = self.reserved_slugs | set(
            type(self)._base_manager.filter(slug__startswith=base).exclude(pk=self.pk).values_list("slug", flat=True)
        )
        slug, n = base, 2
        while slug in taken:
            slug = f"{base}-{n}"
            n += 1
        return slug


class StaffPreference(models.Model):
    """What one organiser chose for the admin: its language (Vietnamese when none is chosen, whatever the browser
    says; core/admin_language.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_preference",
        verbose_name=_("user"),
    )
    admin_language = models.CharField(
        _("language of the admin"), max_length=5, choices=settings.LANGUAGES, blank=True, default=""
    )

    class Meta:
        verbose_name = _("staff preference")
        verbose_name_plural = _("staff preferences")

    def __str__(self):
        return str(self.user)
