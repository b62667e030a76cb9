"""The groups in the admin, with what each role is for (core/roles.py): the groups have no field of their own for it."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from core.roles import ROLES

admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(GroupAdmin):
    list_display = ("name", "purpose")
    readonly_fields = ("purpose",)
    fields = ("name", "purpose", "permissions")

    @admin.display(description=_("purpose"))
    def purpose(self, obj):
        role = ROLES.get(obj.name) if obj else None
        if role is None:
            return _("A group of its own: its permissions are those chosen below.")
        return _("%(role)s. %(purpose)s Its permissions are set by the site's code after each update.") % {
            "role": role.label,
            "purpose": role.purpose,
        }
