"""Indexes for searches of one or two Chinese characters, which trigram indexes cannot serve."""

from django.db import migrations

from alliance.core.migration_ops import RunSQLOnPostgres
from alliance.core.search import CJK_CHARS_FUNCTION_SQL

INDEXES = """
CREATE INDEX library_material_title_cjk ON library_material
  USING gin (alliance_cjk_chars(title));
CREATE INDEX library_material_authors_cjk ON library_material
  USING gin (alliance_cjk_chars(authors));
"""

REVERSE = """
DROP INDEX IF EXISTS library_material_authors_cjk;
DROP INDEX IF EXISTS library_material_title_cjk;
DROP FUNCTION IF EXISTS alliance_cjk_chars(text);
"""


class Migration(migrations.Migration):
    dependencies = [("library", "0005_material_review_comment_material_review_state_and_more")]

    operations = [RunSQLOnPostgres(CJK_CHARS_FUNCTION_SQL + INDEXES, reverse_sql=REVERSE)]
