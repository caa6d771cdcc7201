from django.db import migrations

from alliance.core.topics import topics_ensure


def seed(apps, schema_editor):
    topics_ensure(apps.get_model("core", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("core", "0002_regconfig_function")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
