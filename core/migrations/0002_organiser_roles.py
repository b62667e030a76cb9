"""The four organisers' groups and their permissions (core/roles.py).

The roles name permissions of every app, so they are read from the live models (`create_permissions` first): this
migration only needs the tables of auth and contenttypes. `post_migrate` runs the same function after every
`migrate`, so that models added later join the roles.
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from core.roles import sync_roles

    sync_roles(using=schema_editor.connection.alias)


def remove_roles(apps, schema_editor):
    from core.roles import ROLES

    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_staff_preference"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
