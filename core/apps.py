"""The kernel's app: its checks, the signals that keep the page cache and the image renditions current, and the
organisers' roles kept in step with the code after each `migrate`."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
        from .pagecache import connect_signals
        from .renditions import connect as connect_renditions

        connect_signals()
        connect_renditions()  # images get their renditions when they are saved
        # Once per `migrate` (the signal is sent for each app: this one's), after the data migration that made them.
        post_migrate.connect(sync_roles_after_migrate, sender=self, dispatch_uid="core.roles")


def sync_roles_after_migrate(sender, using="default", verbosity=0, plan=None, **kwargs):
    """The role groups (core/roles.py) with their permissions, including those of models added since."""
    from .roles import sync_roles

    sync_roles(verbosity=max(verbosity - 1, 0), using=using)
