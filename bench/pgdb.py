"""The benchmarks' own PostgreSQL databases: created when missing, never dropped. Shared by the
scripts that bring a database of their own (run.py, bulk_issue.py, impact_snapshot.py)."""

from urllib.parse import urlsplit


def database_ensure(url: str) -> bool:
    """Create the database `url` names unless it exists; whether it was created."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as db:
        if db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        db.execute(f'CREATE DATABASE "{name}"')
        return True
