"""sitrep: raw news reports about wars, disasters and crises -> a situation database."""

__version__ = "0.1.0"
