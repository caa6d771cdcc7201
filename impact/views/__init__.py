"""The impact report's pages; ``impact.urls`` routes to the views named here."""

from impact.views.pages import dashboard, dashboard_csv, public

__all__ = ["dashboard", "dashboard_csv", "public"]
