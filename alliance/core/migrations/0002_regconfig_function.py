from django.db import migrations

from alliance.core.migration_ops import RunSQLOnPostgres
from alliance.core.search import REGCONFIG_FUNCTION_SQL


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        RunSQLOnPostgres(
            REGCONFIG_FUNCTION_SQL, reverse_sql="DROP FUNCTION IF EXISTS alliance_regconfig(text);"
        ),
        RunSQLOnPostgres(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm;", reverse_sql=migrations.RunSQL.noop
        ),
    ]
