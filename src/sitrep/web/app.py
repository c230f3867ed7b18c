"""The analyst's desk: a REST API over the store and the page that uses it.

``create_app(db_path, token=None)`` builds the FastAPI application. Requests share one
read-only instance of the DuckDB file, let go between bursts so an ingest can write
(``readers.py``); timelines, event pages and histograms are answered from the events in
memory once they are read (``index.py``), else in SQL. Without a token the API is
read-only; with one, corrections need ``Authorization: Bearer <token>``. Errors are
JSON ``{"error": ...}``. The page at ``/`` is static HTML, CSS and JavaScript from
``static/``: no CDN, no tile server unless ``tile_url`` is set.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.errors import SitrepError, StoreError
from sitrep.records import to_dict
from sitrep.store import Store, corrections
from sitrep.store.rows import Timeline
from sitrep.web import basemap, queries
from sitrep.web.index import Unsupported
from sitrep.web.models import (
    ConfigOut,
    CorrectionIn,
    CorrectionOut,
    DocumentItem,
    DocumentOut,
    ErrorOut,
    EventItem,
    FigureItem,
    GazetteerEntry,
    Histogram,
    MapData,
    Page,
    PersonItem,
    PlaceItem,
    QuoteItem,
    SearchOut,
)
from sitrep.web.readers import SharedReader, SharedStore

T = TypeVar("T")
STATIC = Path(__file__).parent / "static"
MAX_PAGE = 1000
# The page draws every event it is given; past this the map asks for a narrower range.
MAX_MAP_EVENTS = 200_000
# Search hits counted for ``total`` (a query matching more says "at least this many").
MAX_SEARCH_HITS = 1000
DATE = r"^\d{4}-\d{2}-\d{2}$"

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="rows per page")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut},
    404: {"model": ErrorOut}, 422: {"model": ErrorOut},
}  # fmt: skip


def create_app(
    db_path: str | Path, token: str | None = None, *, tile_url: str | None = None
) -> FastAPI:
    """The API and page over the store at ``db_path`` (which must exist)."""
    path = Path(db_path)
    # One read-only instance shared by the requests, let go between bursts so an ingest
    # in another process gets the file (web/readers.py); refuses a non-store file now.
    store = SharedStore(SharedReader(path))
    app = FastAPI(
        title="sitrep",
        summary="Situation database: reports, places, people, events, quotes, corrections.",
        version="1",
        docs_url=None,  # Swagger UI loads from a CDN; the page works offline
        redoc_url=None,
        responses=ERRORS,
        lifespan=_lifespan(store),
    )
    app.state.store = store
    app.state.token = token
    _add_error_handlers(app)
    _add_security_headers(app, tile_url)
    _add_routes(app, store, token, tile_url)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


# ---------------------------------------------------------------------- cross-cutting


def _lifespan(store: SharedStore) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store.event_index()  # starts reading the events into memory, in the background
        yield
        store.close()  # the file is free for an ingest as soon as the server stops

    return lifespan


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"no such resource: {request.url.path}"
        return JSONResponse({"error": message}, exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        summary = "; ".join(f"{d['where']}: {d['problem']}" for d in details)
        return JSONResponse({"error": f"invalid request: {summary}", "details": details}, 422)

    @app.exception_handler(corrections.CorrectionError)
    async def bad_correction(request: Request, exc: corrections.CorrectionError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, 400)

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, 503)

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, 400)


def content_security_policy(tile_url: str | None) -> str:
    """Scripts and styles only from this server; images also from the tile server."""
    images = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{", "").replace("}", ""))
        images += f" {parts.scheme}://{parts.netloc}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; connect-src 'self'; font-src 'self'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def _add_security_headers(app: FastAPI, tile_url: str | None) -> None:
    app.add_middleware(SecurityHeaders, policy=content_security_policy(tile_url))


class SecurityHeaders:
    """Adds the security headers to every response. Plain ASGI: Starlette's
    ``BaseHTTPMiddleware`` (``@app.middleware``) cost ~1 ms of CPU per request
    (bench/web_api.py)."""

    def __init__(self, app: ASGIApp, policy: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", policy.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in self.headers}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(items), "limit": limit, "offset": offset,
            "items": items[offset : offset + limit]}  # fmt: skip


def _not_found(what: str) -> HTTPException:
    return HTTPException(404, what)


# ---------------------------------------------------------------------- dependencies


def event_filter(
    place: Annotated[str | None, Query(max_length=200, description="name or gazetteer id")] = None,
    radius_km: Annotated[float | None, Query(ge=0, le=20000)] = None,
    date_from: Annotated[str | None, Query(pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(pattern=DATE)] = None,
    type: Annotated[list[str] | None, Query(max_length=50)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    doc_id: Annotated[str | None, Query(max_length=64)] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
) -> queries.EventFilter:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"date_from {date_from} is after date_to {date_to}")
    if radius_km is not None and not place:
        raise HTTPException(422, "radius_km needs a place")
    return queries.EventFilter(
        place=place, radius_km=radius_km, date_from=date_from, date_to=date_to,
        types=tuple(type or ()), actor=actor, doc_id=doc_id, bbox=_bbox(bbox),
    )  # fmt: skip


Filter = Annotated[queries.EventFilter, Depends(event_filter)]


def require_token(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> None:
    token: str | None = request.app.state.token
    if token is None:
        raise HTTPException(
            403, "this server is read-only: start `sitrep serve --token T` to accept "
            "corrections")  # fmt: skip
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(
        given.strip().encode(), token.encode()
    ):
        raise HTTPException(401, "corrections need the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip


Writer = Annotated[None, Depends(require_token)]


# ---------------------------------------------------------------------- routes


def _add_routes(app: FastAPI, store: SharedStore, token: str | None, tile_url: str | None) -> None:
    _add_page_routes(app, token, tile_url)
    _add_document_routes(app, store)
    _add_record_routes(app, store)
    _add_event_routes(app, store)
    _add_correction_routes(app, store)


def _add_page_routes(app: FastAPI, token: str | None, tile_url: str | None) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/api/config", response_model=ConfigOut, tags=["page"])
    def config() -> dict[str, Any]:
        return {"writable": token is not None, "tile_url": tile_url,
                "correction_kinds": list(corrections.KINDS)}  # fmt: skip

    @app.get("/api/basemap", tags=["page"], response_class=Response,
             responses={200: {"content": {"application/geo+json": {}}}})  # fmt: skip
    def countries() -> Response:
        """Country outlines (Natural Earth 1:10m, simplified) as GeoJSON."""
        return Response(basemap.countries_geojson(), media_type="application/geo+json",
                        headers={"Cache-Control": "public, max-age=86400"})  # fmt: skip


def _add_document_routes(app: FastAPI, store: SharedStore) -> None:
    @app.get("/api/documents", response_model=Page[DocumentItem], tags=["documents"])
    def documents(
        limit: Limit = 50,
        offset: Offset = 0,
        q: Annotated[str | None, Query(max_length=200, description="in the title")] = None,
    ) -> dict[str, Any]:
        rows = [r.to_dict() for r in store.documents()]
        if q:
            rows = [r for r in rows if q.lower() in (r["title"] or "").lower()]
        return _page(rows, limit, offset)

    @app.get("/api/documents/{doc_id}", response_model=DocumentOut, tags=["documents"])
    def document(doc_id: str) -> dict[str, Any]:
        """A report as corrected: cleaned text, removed boilerplate, every extraction."""
        report = store.report(doc_id)
        if report is None:
            raise _not_found(f"no report {doc_id!r}")
        with store.connection() as con:
            others = queries.other_sources(con, report.id)
            fixes = corrections.list_corrections(con, doc_id=report.id)
        story = store.story(report.id)
        return {
            "report": to_dict(report),
            "records": queries.record_index(report),
            "other_sources": others,
            "story": story.to_dict() if story else None,
            "corrections": [c.to_dict() for c in fixes],
        }

    @app.get("/api/search", response_model=SearchOut, tags=["search"])
    def search(
        q: Annotated[str, Query(min_length=1, max_length=200)],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Occurrences in the texts, and people and places whose names contain ``q``."""
        hits = [h.to_dict() for h in store.search(q, limit=MAX_SEARCH_HITS)]
        people = [p.to_dict() for p in store.people(name=q)][:MAX_PAGE]
        places = [p.to_dict() for p in store.places() if q.lower() in p.name.lower()]
        return {"query": q, "text": _page(hits, limit, offset), "people": people,
                "places": places[:MAX_PAGE]}  # fmt: skip

    @app.get("/api/stories", tags=["documents"])
    def stories(
        min_size: Annotated[int, Query(ge=1)] = 1, limit: Limit = 50, offset: Offset = 0
    ) -> dict[str, Any]:
        """Reports and their copies: largest stories first."""
        return _page([s.to_dict() for s in store.stories(min_size=min_size)], limit, offset)


def _add_record_routes(app: FastAPI, store: SharedStore) -> None:
    @app.get("/api/places", response_model=Page[PlaceItem], tags=["records"])
    def places(
        limit: Limit = 50,
        offset: Offset = 0,
        q: Annotated[str | None, Query(max_length=200, description="in the name")] = None,
        kind: Annotated[str | None, Query(max_length=20)] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Z]{2}$")] = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
    ) -> dict[str, Any]:
        """Places across reports, most mentioned first."""
        box = _bbox(bbox)
        rows = [p.to_dict() for p in store.places()]
        rows = [r for r in rows if _place_matches(r, q, kind, country, box)]
        return _page(rows, limit, offset)

    @app.get("/api/people", response_model=Page[PersonItem], tags=["records"])
    def people(
        limit: Limit = 50,
        offset: Offset = 0,
        name: Annotated[str | None, Query(max_length=200)] = None,
        doc_id: Annotated[str | None, Query(max_length=64)] = None,
    ) -> dict[str, Any]:
        rows = [p.to_dict() for p in store.people(name=name)]
        return _page([r for r in rows if doc_id in (None, r["doc_id"])], limit, offset)

    @app.get("/api/persons", tags=["records"])
    def persons(name: Annotated[str, Query(min_length=1, max_length=200)]) -> list[dict[str, Any]]:
        """People across reports (merged records, and the namesakes kept apart)."""
        return [p.to_dict() for p in store.person(name)]

    @app.get("/api/quotes", response_model=Page[QuoteItem], tags=["records"])
    def quotes(
        limit: Limit = 50,
        offset: Offset = 0,
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        doc_id: Annotated[str | None, Query(max_length=64)] = None,
    ) -> dict[str, Any]:
        rows = [q.to_dict() for q in store.quotes(speaker=speaker)]
        return _page([r for r in rows if doc_id in (None, r["doc_id"])], limit, offset)

    @app.get("/api/figures", response_model=Page[FigureItem], tags=["records"])
    def figures(
        limit: Limit = 50,
        offset: Offset = 0,
        quantity: Annotated[str | None, Query(max_length=40)] = None,
        doc_id: Annotated[str | None, Query(max_length=64)] = None,
    ) -> dict[str, Any]:
        rows = [
            f.to_dict()
            for f in store.figures()
            if quantity in (None, f.quantity) and doc_id in (None, f.doc_id)
        ]
        return _page(rows, limit, offset)

    @app.get("/api/gazetteer", response_model=list[GazetteerEntry], tags=["records"])
    def gazetteer(q: Annotated[str, Query(min_length=1, max_length=200)]) -> list[dict[str, Any]]:
        """What a name may refer to (for the "wrong place" correction), most populous first."""
        return [_candidate(c) for c in _gazetteer().lookup(q)[:20]]


def _add_event_routes(app: FastAPI, store: SharedStore) -> None:

    @app.get("/api/events", response_model=Page[EventItem], tags=["events"])
    def events(f: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Events by start day (undated last), filtered by place and radius, dates, type,
        actor, report or map area."""
        total, items = store.memo(
            ("events", f, limit, offset), lambda: _events_page(store, f, limit, offset)
        )
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/events/histogram", response_model=Histogram, tags=["events"])
    def histogram(f: Filter, bucket: Literal["day", "week", "month"] = "day") -> dict[str, Any]:
        """How many events start in each day, week or month (the page's timeline)."""
        buckets, undated = store.memo(
            ("histogram", f, bucket), lambda: _histogram(store, f, bucket)
        )
        return {"bucket": bucket, "undated": undated,
                "buckets": [{"start": b, "count": n} for b, n in buckets]}  # fmt: skip

    @app.get("/api/map", tags=["events"], response_class=Response,
             responses={200: {"model": MapData}})  # fmt: skip
    def map_data(f: Filter) -> Response:
        """Located events as columns, and the places: what the page's map draws."""
        body = store.memo(("map", f), lambda: _map_body(store, f))
        return Response(body, media_type="application/json")

    @app.get("/api/timeline", tags=["events"], response_model=dict[str, Any])
    def timeline(
        place: Annotated[str, Query(min_length=1, max_length=200)],
        radius_km: Annotated[float | None, Query(ge=0, le=20000)] = None,
        date_from: Annotated[str | None, Query(pattern=DATE)] = None,
        date_to: Annotated[str | None, Query(pattern=DATE)] = None,
        type: Annotated[list[str] | None, Query(max_length=50)] = None,
    ) -> Response:
        """Events and figures at a place (and around it) in date order, with sources."""
        # Kept while the store is unchanged (readers.SharedStore.memo), as the JSON text:
        # the query reads every cross-report event of the store (~25 ms CPU at 100k
        # events, docs/WEB.md), an answer kept is ~1 ms.
        key = ("timeline", place, radius_km, date_from, date_to, tuple(type or ()))
        body = store.memo(key, lambda: _timeline_body(store, place, radius_km, date_from,
                                                      date_to, type or []))  # fmt: skip
        if body is None:
            raise _not_found(f"no stored report names a place {place!r}")
        return Response(body, media_type="application/json")


def _add_correction_routes(app: FastAPI, store: SharedStore) -> None:

    @app.get("/api/corrections", response_model=list[CorrectionOut], tags=["corrections"])
    def list_all(
        doc_id: Annotated[str | None, Query(max_length=64)] = None,
        include_undone: bool = True,
    ) -> list[dict[str, Any]]:
        with store.connection() as con:
            found = corrections.list_corrections(con, doc_id=doc_id, include_undone=include_undone)
        return [c.to_dict() for c in found]

    @app.post("/api/corrections", response_model=CorrectionOut, status_code=201,
              tags=["corrections"])  # fmt: skip
    def add(body: CorrectionIn, _: Writer) -> dict[str, Any]:
        """Store a correction; every query and export applies it from now on."""
        new = corrections.NewCorrection(
            kind=body.kind, doc_id=body.doc_id, start=body.start, end=body.end,
            target=body.target, value=body.value,
        )  # fmt: skip
        with store.writing():
            return corrections.add(store.path, new, body.who).to_dict()

    @app.post("/api/corrections/{correction_id}/undo", response_model=CorrectionOut,
              tags=["corrections"])  # fmt: skip
    def undo(
        correction_id: int,
        _: Writer,
        who: Annotated[str, Query(min_length=1, max_length=80)] = "analyst",
    ) -> dict[str, Any]:
        try:
            with store.writing():
                return corrections.undo(store.path, correction_id, who).to_dict()
        except corrections.CorrectionError as exc:
            status = 404 if "no correction" in str(exc) else 409
            raise HTTPException(status, str(exc)) from None

    @app.get("/api/corrections/export", tags=["corrections"], response_class=PlainTextResponse,
             responses={200: {"content": {"application/x-ndjson": {}}}})  # fmt: skip
    def export(include_undone: bool = False) -> PlainTextResponse:
        """The corrections as JSON Lines, each with the text around it (for retraining)."""
        return PlainTextResponse(
            export_jsonl(store, include_undone=include_undone),
            media_type="application/x-ndjson",
        )


def export_jsonl(store: Store, *, include_undone: bool = False) -> str:
    """Every correction as one JSON line with its context; what ``sitrep corrections
    export`` prints too."""
    with _read(store) as con:
        found = corrections.list_corrections(con, include_undone=include_undone)
    reports = {}
    for doc_id in sorted({c.doc_id for c in found}):
        report = store.report(doc_id)
        if report is not None:
            reports[doc_id] = report
    return "".join(line + "\n" for line in corrections.export_lines(found, reports))


# ---------------------------------------------------------------------- helpers


def _read(store: Store) -> AbstractContextManager[Any]:
    """A read connection: the app's shared one, or its own for a plain store (the CLI)."""
    if isinstance(store, SharedStore):
        return store.connection()
    return queries.reader(store.path, timeout_s=store.lock_timeout_s)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, f"bbox {value!r} is not west,south,east,north") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, f"bbox {value!r} is not west,south,east,north in degrees")
    return west, south, east, north


def _place_matches(
    row: dict[str, Any], q: str | None, kind: str | None, country: str | None,
    box: tuple[float, float, float, float] | None,
) -> bool:  # fmt: skip
    if q and q.lower() not in row["name"].lower():
        return False
    if kind not in (None, row["kind"]) or country not in (None, row["country"]):
        return False
    if box is None:
        return True
    if row["lat"] is None or row["lon"] is None:
        return False
    west, south, east, north = box
    return bool(west <= row["lon"] <= east and south <= row["lat"] <= north)


def _read_with(store: SharedStore, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``query(con, *args, **kwargs)`` on one of the shared reader's cursors."""
    with store.connection() as con:
        return query(con, *args, **kwargs)


# A first question is answered from the events in memory (web/index.py: ~3 ms CPU for a
# timeline at 100k events instead of ~40 ms in SQL, docs/WEB.md); SQL answers while they
# are being read, and what memory cannot answer exactly (``Unsupported``).


def _timeline(store: SharedStore, place: str, radius_km: float | None) -> Timeline | None:
    index = store.event_index()
    if index is not None:
        try:
            return index.timeline(place, radius_km)
        except Unsupported:
            pass
    return store.timeline(place, radius_km=radius_km)


def _events_page(
    store: SharedStore, f: queries.EventFilter, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    index = store.event_index()
    if index is not None:
        try:
            return index.events(f, limit=limit, offset=offset)
        except Unsupported:
            pass
    return _read_with(store, queries.events, f, limit=limit, offset=offset)


def _histogram(
    store: SharedStore, f: queries.EventFilter, bucket: str
) -> tuple[list[tuple[str, int]], int]:
    index = store.event_index()
    if index is not None:
        try:
            return index.histogram(f, bucket)
        except Unsupported:
            pass
    return _read_with(store, queries.histogram, f, bucket)


def _map_body(store: SharedStore, f: queries.EventFilter) -> str:
    columns = _read_with(store, queries.map_columns, f, MAX_MAP_EVENTS)
    located = [p.to_dict() for p in store.places() if p.lat is not None]
    # Serialised directly: validating 100k values against the model costs more than the
    # query (bench/web_render.py); the model (MapData) documents the shape.
    return json.dumps({"events": columns, "places": located}, separators=(",", ":"))


def _timeline_body(
    store: SharedStore, place: str, radius_km: float | None, date_from: str | None,
    date_to: str | None, types: list[str],
) -> bytes | None:  # fmt: skip
    found = _timeline(store, place, radius_km)
    if found is None:
        return None
    data = queries.plain(found)
    data["entries"] = [e for e in data["entries"] if _entry_matches(e, date_from, date_to, types)]
    # Plain JSON values already: FastAPI's generic encoding of them took longer than the
    # query (~20 ms for 200 entries, bench/web_api.py). Encoded as JSONResponse does.
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


def _entry_matches(
    entry: dict[str, Any], date_from: str | None, date_to: str | None, types: list[str]
) -> bool:
    if types and entry["what"] not in types:
        return False
    if (date_from or date_to) and entry["date"] is None:
        return False
    if date_from and (entry["date_end"] or entry["date"]) < date_from:
        return False
    return not (date_to and entry["date"] > date_to)


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from sitrep.gazetteer import load_gazetteer

    return load_gazetteer()


def _candidate(c: Any) -> dict[str, Any]:
    return {"gazetteer_id": c.gazetteer_id, "name": c.name, "lat": c.lat, "lon": c.lon,
            "country": c.country, "admin1": c.admin1, "kind": c.kind,
            "population": c.population}  # fmt: skip


__all__ = ["create_app", "export_jsonl"]
