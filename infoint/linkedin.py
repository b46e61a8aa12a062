"""A LinkedIn Connections.csv or archive .zip -> a normalised DataFrame, or our error."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_SLUG = re.compile(r"^/in/([^/]+)/?$")


def normalise_profile_url(url: str) -> str:
    """`https://www.linkedin.com/in/<slug>` with the slug percent-decoded and lower-cased.

    Returns '' for anything that is not a LinkedIn profile address.
    """
    text = (url or "").strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return ""
    match = _SLUG.match(parts.path)
    if not match:
        return ""
    slug = unquote(match[1]).strip().lower()
    return f"https://www.linkedin.com/in/{slug}" if slug else ""
