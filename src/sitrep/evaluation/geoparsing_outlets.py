"""``sitrep eval geoparsing --outlets``: resolve each article knowing its outlet's home.

A first pass resolves every article alone; the confidently resolved places of an
outlet's *other* articles then say where it reports from
(``stages.places_outlets.OutletHomes``), and the scored pass resolves each article
with that ``Home``. This reads the corpus as a news archive does (an outlet's back
issues), not one article at a time as Mordecai's published figures do: the harness
prints both modes, and ``--outlets`` is never on by default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from sitrep.evaluation.geoparsing import GoldDoc
from sitrep.stages.places_outlets import Located, OutletHomes
from sitrep.stages.places_resolve import Home


def outlet_homes(
    docs: Sequence[GoldDoc], first_pass: Callable[[GoldDoc], Iterable[Located]]
) -> list[Home]:
    """Per article (in order), its outlet's home from the other articles' places that
    ``first_pass`` resolved confidently."""
    homes = OutletHomes()
    resolved = []
    for doc in docs:
        places = list(first_pass(doc))
        resolved.append(places)
        homes.add(doc.url, places)
    return [homes.home(doc.url, places) for doc, places in zip(docs, resolved, strict=True)]
