import django.db.models
from django.db import migrations

import events.models


class Migration(migrations.Migration):
    dependencies = [("events", "0007_checkin_codes_for_existing")]

    operations = [
        migrations.AlterField(
            model_name="registration",
            name="checkin_code",
            field=django.db.models.CharField(
                blank=True,
                default=events.models.new_checkin_code,
                editable=False,
                max_length=8,
                null=True,
                unique=True,
                verbose_name="check-in code",
            ),
        ),
    ]
