"""The impact report: ``pages`` holds the views (staff's report, its CSV files, the public page)
and ``tables`` the tables they draw. ``impact.urls`` routes to the views named here."""

from impact.views.pages import dashboard, dashboard_csv, public

__all__ = ["dashboard", "dashboard_csv", "public"]
