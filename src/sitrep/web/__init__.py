"""The analyst's desk: REST API and offline web page (``sitrep serve``, docs/WEB.md)."""

from __future__ import annotations

from sitrep.web.app import create_app

__all__ = ["create_app"]
