"""Publication dates from metadata, normalised to ISO ``YYYY-MM-DD`` (or None)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

# Dates outside this range in metadata are placeholders ("0001-01-01") or typos.
MIN_YEAR = 1900
MAX_YEAR = 2100
# Epoch numbers above this are milliseconds (1e11 seconds is the year 5138).
_EPOCH_MS_THRESHOLD = 100_000_000_000
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_ISO_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_WRITTEN_FORMATS = (
    "%d %B %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%Y/%m/%d",
)


def normalise_date(value: object) -> str | None:
    """``value`` (an ISO string, an HTTP/RFC 2822 date, "30 December 2023", an epoch
    number) as ``YYYY-MM-DD``; None when it cannot be read as a plausible date.

    The calendar date is taken as written, in the time zone the source wrote it in.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    parsed = _from_iso(value) or _from_rfc2822(value) or _from_written(value)
    return parsed.isoformat() if parsed and MIN_YEAR <= parsed.year <= MAX_YEAR else None


def _from_iso(value: str) -> date | None:
    match = _ISO_DATE.match(value) or _ISO_COMPACT.match(value)
    if not match:
        return None
    return _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _from_rfc2822(value: str) -> date | None:
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _from_written(value: str) -> date | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.strip().replace(".", ""))
    for fmt in _WRITTEN_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def _from_epoch(seconds: float) -> str | None:
    if seconds > _EPOCH_MS_THRESHOLD:
        seconds /= 1000
    try:
        day = datetime.fromtimestamp(seconds, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day.isoformat() if MIN_YEAR <= day.year <= MAX_YEAR else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
