"""One time convention for all of infoint: every time is the user's time.

- The user's zone is the profile's `time_zone`, or this machine's zone while none is chosen
  (stored as ''): `$TZ` if it names a zone, else where /etc/localtime points, else UTC.
  `profile.zone(conn)` answers it; "now" is `profile.now(conn)`, aware, in that zone.
- `interactions.occurred_at` is naive wall time in that zone, and so is every TIMESTAMP that
  DuckDB fills with current_localtimestamp() (created_at …). An aware time is converted to the
  zone first; a naive one is taken as wall time there already.
- `meetings.starts_at` is TIMESTAMPTZ, a moment; a naive start is wall time in the zone.
- The database's DuckDB `TimeZone` is that zone (`use_profile_zone`, run by `db.connect` and
  whenever the zone changes), so SQL that turns starts_at into a TIMESTAMP or a DATE (the
  `contact_stages` view, the timeline, Home's week) reads the same wall clock as occurred_at.
  It is set GLOBAL: a plain SET reaches only the connection it runs on, not its cursors, which
  are what the pages use.
"""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import duckdb

_UTC = ZoneInfo("UTC")
_LOCALTIME = "/etc/localtime"


def _named_zone(name: str) -> ZoneInfo | None:
    # A path such as /usr/share/zoneinfo/Europe/Berlin names the zone after "zoneinfo/".
    name = name.partition("zoneinfo/")[2] or name
    if not name or name.startswith("/"):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def machine_zone() -> ZoneInfo:
    """This machine's zone: `$TZ` if it names one, else where /etc/localtime points, else UTC."""
    if zone := _named_zone(os.environ.get("TZ", "").removeprefix(":")):
        return zone
    try:
        target = os.readlink(_LOCALTIME)
    except OSError:
        return _UTC
    return _named_zone(target) or _UTC


def resolve_zone(name: str) -> ZoneInfo:
    """The zone a stored name means: '' is this machine's zone, an unknown name UTC."""
    if not name:
        return machine_zone()
    return _named_zone(name) or _UTC


def use_profile_zone(conn: duckdb.DuckDBPyConnection) -> ZoneInfo:
    """Make the database's DuckDB time zone the user's (for every connection and cursor)."""
    stored = conn.execute("SELECT time_zone FROM profile WHERE id = 1").fetchall()
    zone = resolve_zone(stored[0][0] if stored else "")
    # Zone names are letters, digits and / _ + -; SET takes no parameters.
    conn.execute(f"SET GLOBAL TimeZone = '{zone.key}'")
    return zone
