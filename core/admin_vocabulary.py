"""Words of the admin that Django and the sign-in and task apps do not say (well) in Vietnamese.

The project's catalogue (locale/) comes before every app's own, so a translation of one of these msgids there is
what the admin shows. They are listed here, marked and never used, so that `make messages` (which keeps only the
msgids it finds in the project's code) keeps them in the catalogue. Groups:

- Django's admin: strings its Vietnamese catalogue lacks ("Show counts", "2 entries" in the history, the labels of
  the navigation for screen readers…), and its word for "action", which it translates "hoạt động": our word for a
  session (docs/glossary.md). The admin's actions become "thao tác", so "Hoạt động" names only the sessions.
- Django's own time spans ("3 days", the age of a request on the desk), whose Vietnamese catalogue is out of date.
- django-axes (sign-in attempts) and django-tasks-db (the e-mail queue), which have no Vietnamese at all.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

DJANGO_ADMIN = (
    # Actions: "thao tác", not "hoạt động" (a session).
    gettext_noop("Action:"),
    gettext_noop("Action"),
    gettext_noop("action time"),
    gettext_noop("action flag"),
    gettext_noop("No action selected."),
    gettext_noop("Run the selected action"),
    gettext_noop("Recent actions"),
    gettext_noop("My actions"),
    gettext_noop("log entry"),
    gettext_noop("log entries"),
    gettext_noop("users"),  # "người sử dụng" beside "người dùng" elsewhere
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("Select all objects on this page for an action"),
    # "Thêm vào" (add into) where the admin means "add a new …".
    gettext_noop("Add"),
    gettext_noop("Add %(name)s"),
    # Missing from Django's Vietnamese catalogue.
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("Error:"),
    gettext_noop("Set password"),
    gettext_noop("Skip to main content"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Sidebar"),
    gettext_noop("Filter navigation items"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("This action will <strong>enable</strong> password-based authentication for this user."),
    ngettext_lazy("entry", "entries", "count"),
)

TIME_SPANS = (  # django.utils.timesince
    ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
)

AXES = (
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Access Attempt"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("Locked Out"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
)

TASKS = (
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("enqueued at"),
    gettext_noop("started at"),
    gettext_noop("finished at"),
    gettext_noop("args kwargs"),
    gettext_noop("priority"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
)
