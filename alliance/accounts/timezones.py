import functools
import zoneinfo


@functools.cache
def known_timezones() -> frozenset[str]:
    """Every zone the system knows. zoneinfo.available_timezones() walks the time zone files on
    each call (tens of milliseconds), so validators ask this instead."""
    return frozenset(zoneinfo.available_timezones())


# IANA zones people pick from, grouped by name; the legacy aliases are left out.
TIMEZONE_CHOICES = (
    [("", "—")]
    + [
        (name, name.replace("_", " "))
        for name in sorted(known_timezones())
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    ]
    + [("UTC", "UTC")]
)
