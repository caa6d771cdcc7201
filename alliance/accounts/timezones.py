import zoneinfo

# IANA zones people pick from, grouped by name; the legacy aliases are left out.
TIMEZONE_CHOICES = (
    [("", "—")]
    + [
        (name, name.replace("_", " "))
        for name in sorted(zoneinfo.available_timezones())
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    ]
    + [("UTC", "UTC")]
)
