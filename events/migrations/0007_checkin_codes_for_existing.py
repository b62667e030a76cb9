"""Every registration made before the check-in desk existed gets its check-in code."""

import secrets

from django.db import migrations

# As events.models.new_checkin_code, copied so that this migration keeps working whatever the model becomes.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_checkin_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _position in range(8))


def give_codes(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    taken = set(Registration.objects.exclude(checkin_code=None).values_list("checkin_code", flat=True))
    for registration in Registration.objects.filter(checkin_code=None).only("pk").iterator():
        code = new_checkin_code()
        while code in taken:
            code = new_checkin_code()
        taken.add(code)
        Registration.objects.filter(pk=registration.pk).update(checkin_code=code)


class Migration(migrations.Migration):
    dependencies = [("events", "0006_checkin_desk_and_messages")]

    operations = [migrations.RunPython(give_codes, migrations.RunPython.noop, elidable=True)]
