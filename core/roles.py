"""The organisers' roles: four groups, each with the least permissions its work needs, defined here in code.

`ROLES` maps a group's name (the Vietnamese word the team uses) to its permissions, each "app_label.codename" or
"app_label.*" (every permission of the app, so that a model added later joins the role without an edit here). The
kernel names other apps' permissions only as strings: it imports none of them.

`sync_roles()` creates the groups and sets their permissions to exactly these (a permission added by hand to one of
these groups is taken away again: the roles are read from code, like the rest of the site). The data migration
core/0002 runs it once, and `post_migrate` runs it after every `migrate` (core/apps.py), so that the permissions of
models added later, and the groups emptied by a test database flush, are put back.
"""

import logging
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

CRUD = ("add", "change", "delete", "view")


def crud(app_label: str, *models: str, actions: tuple[str, ...] = CRUD) -> list[str]:
    """ "app.add_model", "app.change_model"… for each model, in that order."""
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


@dataclass(frozen=True)
class Role:
    name: str  # the group's name, as the team says it
    label: object  # the role in the reader's language (lazy)
    purpose: object  # what the role is for and what it cannot do (lazy; Vietnamese in the admin by default)
    permissions: tuple[str, ...]


EDITORS = Role(
    name="Biên tập",
    label=_("Editors"),
    purpose=_(
        "Edit the public content: the programme (sessions, speakers, venues), the creative units and their "
        "products, the exhibition and the partners. No access to registrations, meeting requests or the press room."
    ),
    permissions=(
        *crud("exhibitors", "sector", "creativeunit", "product", "partner"),
        "exhibitors.view_importrun",  # the record of their spreadsheet imports, to undo one
        *crud("events", "venue", "speaker", "session"),
        "events.view_sessionchange",
        *crud("exhibitions", "exhibition", "artist", "artwork"),
    ),
)

PRESS_DESK = Role(
    name="Báo chí",
    label=_("Press desk"),
    purpose=_(
        "Run the press room: releases, the press kit, press contacts, coverage, and accreditation requests "
        "(approve or refuse them and read the press cards). No access to registrations or to the rest of the content."
    ),
    permissions=(
        *crud("press", "pressrelease", "mediaasset", "presscontact", "coveragelink"),
        *crud("press", "accreditationrequest", actions=("change", "view")),
    ),
)

REGISTRATION_DESK = Role(
    name="Bàn đăng ký",
    label=_("Registration desk"),
    purpose=_(
        "Welcome participants: see, add and change seat registrations and check people in at the door. Sessions "
        "can be read (to find a registration), not changed; no other content."
    ),
    permissions=(
        *crud("events", "registration", actions=("add", "change", "view")),
        "events.check_in",
        # Read-only: the registration form picks its session from a searchable list, which needs this.
        "events.view_session",
    ),
)

CHIEF_ORGANISER = Role(
    name="Trưởng ban tổ chức",
    label=_("Chief organiser"),
    purpose=_(
        "Everything about the event: content, programme, registrations, requests, the press room, and the queue of "
        "e-mails. Not the user accounts, the groups or the security records (only administrators manage those)."
    ),
    permissions=(
        "exhibitors.*",
        "exhibitions.*",
        "events.*",
        "press.*",
        "tudoi.*",
        "django_tasks_database.view_dbtaskresult",
    ),
)

ROLES: dict[str, Role] = {role.name: role for role in (EDITORS, PRESS_DESK, REGISTRATION_DESK, CHIEF_ORGANISER)}


def role_permissions(role: Role, permissions) -> list:
    """The Permission rows of a role, taken from the queryset `permissions` (all of them, on some database)."""
    exact, whole_apps = [], []
    for entry in role.permissions:
        app_label, codename = entry.split(".", 1)
        (whole_apps if codename == "*" else exact).append((app_label, codename))
    found = {}
    for permission in permissions.filter(content_type__app_label__in=[app for app, _codename in whole_apps]):
        found[permission.pk] = permission
    wanted = set(exact)
    codenames = [codename for _app, codename in exact]
    for permission in permissions.filter(codename__in=codenames).select_related("content_type"):
        key = (permission.content_type.app_label, permission.codename)
        if key in wanted:
            found[permission.pk] = permission
            wanted.discard(key)
    for app_label, codename in sorted(wanted):
        logger.warning("Role %s: no permission %s.%s (yet)", role.name, app_label, codename)
    return list(found.values())


def sync_roles(*, verbosity: int = 0, using: str = "default") -> None:
    """Create every app's permissions, then the role groups with exactly their permissions."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=verbosity, using=using)
    for role in ROLES.values():
        group, _created = Group.objects.using(using).get_or_create(name=role.name)
        group.permissions.set(role_permissions(role, Permission.objects.using(using)))


def roles_of(user) -> list[Role]:
    """The roles of a user's groups, in the order of `ROLES`."""
    names = set(user.groups.values_list("name", flat=True))
    return [role for name, role in ROLES.items() if name in names]
