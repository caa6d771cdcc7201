from django.db import migrations

from alliance.core.migration_ops import RunSQLOnPostgres

TRIGGER = """
CREATE OR REPLACE FUNCTION courses_courseversion_search_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector(alliance_regconfig(NEW.language), coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector(alliance_regconfig(NEW.language), coalesce(NEW.summary, '')), 'B') ||
    setweight(to_tsvector(alliance_regconfig(NEW.language), coalesce(NEW.outcomes, '')), 'C');
  RETURN NEW;
END
$$;
CREATE TRIGGER courses_courseversion_search BEFORE INSERT OR UPDATE
  ON courses_courseversion FOR EACH ROW EXECUTE FUNCTION courses_courseversion_search_update();
CREATE INDEX courses_courseversion_search_gin ON courses_courseversion USING gin (search_vector);
CREATE INDEX courses_courseversion_title_trgm ON courses_courseversion
  USING gin (UPPER(title) gin_trgm_ops);
"""

REVERSE = """
DROP INDEX IF EXISTS courses_courseversion_title_trgm;
DROP INDEX IF EXISTS courses_courseversion_search_gin;
DROP TRIGGER IF EXISTS courses_courseversion_search ON courses_courseversion;
DROP FUNCTION IF EXISTS courses_courseversion_search_update();
"""


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial"), ("core", "0002_regconfig_function")]

    operations = [RunSQLOnPostgres(TRIGGER, reverse_sql=REVERSE)]
