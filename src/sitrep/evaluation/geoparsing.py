"""Geoparsing evaluation corpora: one reader per format, one gold model.

The corpora (shared/eval/geoparsing, README there) come from the Pragmatic Guide
to Geoparsing Evaluation (Gritta et al. 2019). Each reader returns ``GoldDoc``s
whose toponym offsets have been checked against the text: a span that does not
match is re-anchored on the nearest occurrence of its phrase, or dropped.

* GeoWebNews ``GWN.xml``: every annotated toponym type; resolution gold is the
  toponyms with a GeoNames id (the 2,401 of ``gwn_full.txt``), recognition gold
  the toponym types that name a place (not the context "expressions" or
  non-toponyms).
* ``gwn_full.txt``: one line per GWN article (same order as ``GWN.xml``, which
  must lie beside it for the texts), entries ``name,,mention,,lat,,lon,,start,,end``.
* LGL / TR-News: ``<toponym>`` with ``<gaztag geonameid>``; every toponym is gold
  for both tasks.
* GeoVirus: ``<location>`` with Wikipedia coordinates, offsets shifted by +1.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import ConfigError

# GWN toponym types that are annotations of context, not of place names.
GWN_NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})
# How far from its stated start a misplaced phrase is searched for.
REANCHOR_WINDOW = 200


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: str | None = None
    type: str = "Literal"
    # False for toponyms gold only for recognition (no coordinates to score against).
    resolvable: bool = True


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    # The article's web address (LGL/TR-News ``<url>``, GWN ``<link>``), "" if none.
    url: str = ""


def dataset_name(path: Path) -> str:
    """The corpus a file holds, from its name ("TR-News.xml" -> "TR-News")."""
    stem = path.name.lower()
    if stem.startswith("gwn"):
        return "GeoWebNews"
    if stem.startswith("lgl"):
        return "LGL"
    if stem.startswith("tr-news") or stem.startswith("trnews"):
        return "TR-News"
    if stem.startswith("geovirus"):
        return "GeoVirus"
    return path.stem


def load_corpus(path: Path) -> list[GoldDoc]:
    """Read any of the supported corpus files (raises ConfigError on anything else)."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"no evaluation file at {path}")
    if path.suffix == ".txt":
        return load_gwn_full(path, path.with_name("GWN.xml"))
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ConfigError(f"{path} is not XML: {exc}") from exc
    first = root.find("article")
    if first is None:
        raise ConfigError(f"{path} has no <article> elements")
    if first.find("locations") is not None:
        return list(_geovirus(root))
    if first.find("link") is not None or first.get("file") is not None:
        return list(_gwn(root))
    return list(_gaztagged(root))


def anchor(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """Offsets where ``phrase`` really is: as given, or its nearest occurrence."""
    if text[start:end] == phrase:
        return start, end
    best: int | None = None
    lo = max(0, start - REANCHOR_WINDOW)
    hi = min(len(text), end + REANCHOR_WINDOW)
    at = text.find(phrase, lo, hi)
    while at != -1:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(phrase, at + 1, hi)
    return (best, best + len(phrase)) if best is not None else None


def _float(node: ET.Element | None) -> float | None:
    if node is None or not (node.text or "").strip():
        return None
    return float(node.text or "")


def _text_of(node: ET.Element | None) -> str:
    return (node.text or "") if node is not None else ""


def _gwn(root: ET.Element) -> Iterator[GoldDoc]:
    for i, article in enumerate(root.iter("article")):
        text = _text_of(article.find("text"))
        toponyms: list[GoldToponym] = []
        for t in article.iter("toponym"):
            kind = _text_of(t.find("type"))
            if kind in GWN_NOT_TOPONYMS:
                continue
            name = _text_of(t.find("extractedName"))
            span = anchor(text, int(_text_of(t.find("start"))), int(_text_of(t.find("end"))), name)
            if span is None:
                continue
            gid = _text_of(t.find("geonamesID")).strip() or None
            toponyms.append(
                GoldToponym(
                    *span,
                    text=name,
                    lat=_float(t.find("latitude")),
                    lon=_float(t.find("longitude")),
                    geonameid=gid,
                    type=kind,
                    resolvable=gid is not None,
                )
            )
        yield GoldDoc(
            article.get("file", str(i)),
            text,
            tuple(sorted(toponyms, key=_order)),
            _text_of(article.find("link")).strip(),
        )


def load_gwn_full(path: Path, gwn_xml: Path) -> list[GoldDoc]:
    """``gwn_full.txt`` toponyms on the texts of ``GWN.xml`` (line i is article i)."""
    if not gwn_xml.is_file():
        raise ConfigError(f"{path.name} needs GWN.xml beside it for the article texts")
    articles = list(_gwn(ET.parse(gwn_xml).getroot()))
    texts = [d.text for d in articles]
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) != len(texts):
        raise ConfigError(f"{path} has {len(lines)} lines but {gwn_xml} {len(texts)} articles")
    docs = []
    for i, (line, text) in enumerate(zip(lines, texts, strict=True)):
        toponyms = [t for t in _gwn_full_entries(line, text) if t is not None]
        toponyms_in_order = tuple(sorted(toponyms, key=_order))
        docs.append(GoldDoc(str(i), text, toponyms_in_order, articles[i].url))
    return docs


def _gwn_full_entries(line: str, text: str) -> Iterator[GoldToponym | None]:
    for entry in line.split("||"):
        fields = entry.split(",,")
        if len(fields) != 6:
            continue
        _, mention, lat, lon, start, end = fields
        span = anchor(text, int(start), int(end), mention)
        yield GoldToponym(*span, text=mention, lat=float(lat), lon=float(lon)) if span else None


def _gaztagged(root: ET.Element) -> Iterator[GoldDoc]:
    for i, article in enumerate(root.iter("article")):
        text = _text_of(article.find("text"))
        toponyms: list[GoldToponym] = []
        for t in article.iter("toponym"):
            phrase = _text_of(t.find("phrase"))
            span = anchor(
                text, int(_text_of(t.find("start"))), int(_text_of(t.find("end"))), phrase
            )
            tag = t.find("gaztag")
            if span is None:
                continue
            lat = _float(tag.find("lat")) if tag is not None else None
            lon = _float(tag.find("lon")) if tag is not None else None
            toponyms.append(
                GoldToponym(
                    *span,
                    text=phrase,
                    lat=lat,
                    lon=lon,
                    geonameid=tag.get("geonameid") if tag is not None else None,
                    resolvable=lat is not None and lon is not None,
                )
            )
        doc_id = article.get("docid", str(i))
        url = _text_of(article.find("url")).strip()
        yield GoldDoc(doc_id, text, tuple(sorted(toponyms, key=_order)), url)


def _geovirus(root: ET.Element) -> Iterator[GoldDoc]:
    for i, article in enumerate(root.iter("article")):
        text = _text_of(article.find("text"))
        toponyms: list[GoldToponym] = []
        for loc in article.iter("location"):
            name = _text_of(loc.find("name"))
            # GeoVirus offsets are all one past the name (README); anchor() checks it.
            start = int(_text_of(loc.find("start"))) - 1
            span = anchor(text, start, start + len(name), name)
            if span is None:
                continue
            toponyms.append(
                GoldToponym(
                    *span, text=name, lat=_float(loc.find("lat")), lon=_float(loc.find("lon"))
                )
            )
        yield GoldDoc(
            _text_of(article.find("source")) or str(i), text, tuple(sorted(toponyms, key=_order))
        )


def _order(t: GoldToponym) -> tuple[int, int]:
    return t.start, t.end
