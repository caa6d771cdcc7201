from django.db import migrations

from alliance.core.migration_ops import RunSQLOnPostgres

TRIGGER = """
CREATE OR REPLACE FUNCTION library_material_search_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  config regconfig := alliance_regconfig(NEW.language);
  contributor text := (SELECT name FROM contributors_organisation WHERE id = NEW.organisation_id);
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector(config, coalesce(NEW.authors, '')), 'A') ||
    setweight(to_tsvector(config, coalesce(NEW.description, '')), 'B') ||
    setweight(to_tsvector(config, coalesce(contributor, '')), 'C');
  RETURN NEW;
END
$$;
CREATE TRIGGER library_material_search BEFORE INSERT OR UPDATE OF
  title, authors, description, language, organisation_id
  ON library_material FOR EACH ROW EXECUTE FUNCTION library_material_search_update();

-- A renamed contributor is found under its new name.
CREATE OR REPLACE FUNCTION library_organisation_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE library_material SET title = title WHERE organisation_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER library_organisation_renamed AFTER UPDATE OF name ON contributors_organisation
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION library_organisation_renamed();

CREATE INDEX library_material_search_gin ON library_material USING gin (search_vector);
CREATE INDEX library_material_title_trgm ON library_material USING gin (UPPER(title) gin_trgm_ops);
CREATE INDEX library_material_authors_trgm ON library_material
  USING gin (UPPER(authors) gin_trgm_ops);
"""

REVERSE = """
DROP INDEX IF EXISTS library_material_authors_trgm;
DROP INDEX IF EXISTS library_material_title_trgm;
DROP INDEX IF EXISTS library_material_search_gin;
DROP TRIGGER IF EXISTS library_organisation_renamed ON contributors_organisation;
DROP FUNCTION IF EXISTS library_organisation_renamed();
DROP TRIGGER IF EXISTS library_material_search ON library_material;
DROP FUNCTION IF EXISTS library_material_search_update();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("core", "0002_regconfig_function"),
        ("contributors", "0001_initial"),
    ]

    operations = [RunSQLOnPostgres(TRIGGER, reverse_sql=REVERSE)]
