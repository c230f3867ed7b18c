// sitrep analyst's desk. Plain ES module, no build, no external requests.
// Article text is untrusted: the DOM is built with createElement and textContent only,
// never through an HTML parser with data (and the Content-Security-Policy forbids inline script).
"use strict";

performance.mark("sitrep-start");

const SVG = "http://www.w3.org/2000/svg";
const MAP_W = 960, MAP_H = 480, TL_W = 960, TL_H = 100;
const LIST_CAP = 500;          // rows drawn per list; the rest are counted, not drawn
const KIND_ORDER = ["place", "person", "organization", "time", "figure", "quote", "event"];
const PALETTE = ["#d62728", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b",
  "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939"];
const DAY_MS = 86400000;

const state = {
  config: { writable: false, tile_url: null, correction_kinds: [] },
  events: [],          // rows {id, doc_id, type, start, end, place, lat, lon}
  places: [],
  docs: [],
  docsById: new Map(),
  range: null,         // [from, to] ISO days, from the timeline brush or the date inputs
  area: null,          // [west, south, east, north]
  placeKey: null,
  view: null,          // map projection
  doc: null,           // the open report's API answer
  colours: new Map(),
};

// ------------------------------------------------------------------ DOM helpers

function $(id) { return document.getElementById(id); }

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  setAttrs(node, attrs);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function status(message) { $("status").textContent = message; }

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = response.headers.get("content-type")?.includes("json")
    ? await response.json() : await response.text();
  if (!response.ok) {
    const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return body;
}

function colour(type) {
  if (!state.colours.has(type)) {
    state.colours.set(type, PALETTE[state.colours.size % PALETTE.length]);
  }
  return state.colours.get(type);
}

// ------------------------------------------------------------------ loading

async function main() {
  wireControls();
  const docs = api("/api/documents?limit=1000");  // for the reports list, after the map
  const [config, map] = await Promise.all([api("/api/config"), api("/api/map")]);
  state.config = config;
  state.events = rowsOf(map.events);
  state.places = map.places;
  for (const type of [...new Set(state.events.map((e) => e.type))].sort()) colour(type);
  state.view = projection(state.events, state.places);
  drawAll();
  performance.mark("sitrep-first-render");
  performance.measure("sitrep-render", "sitrep-start", "sitrep-first-render");
  document.body.dataset.ready = "1";
  state.docs = (await docs).items;
  state.docsById = new Map(state.docs.map((d) => [d.id, d]));
  drawDocList();
  status(`${state.events.length} located events, ${state.places.length} places, ` +
    `${state.docs.length} reports`);
  loadBasemap();
  if (config.tile_url) drawTiles(config.tile_url);
  openFromHash();
}

function rowsOf(columns) {
  const rows = [];
  const n = columns.id.length;
  for (let i = 0; i < n; i++) {
    rows.push({
      id: columns.id[i], doc_id: columns.doc_id[i], type: columns.type[i],
      start: columns.date_start[i], end: columns.date_end[i] || columns.date_start[i],
      place: columns.place[i], lat: columns.lat[i], lon: columns.lon[i], title: columns.title[i],
    });
  }
  return rows;
}

async function loadBasemap() {
  try {
    const geo = await api("/api/basemap");
    drawCountries(geo);
    performance.mark("sitrep-basemap");
    performance.measure("sitrep-with-basemap", "sitrep-start", "sitrep-basemap");
    document.body.dataset.basemap = "1";
  } catch (err) {
    status(`basemap unavailable: ${err.message}`);
  }
}

// ------------------------------------------------------------------ filters

function inRange(e) {
  if (!state.range) return true;
  if (!e.start) return false;
  return e.end >= state.range[0] && e.start <= state.range[1];
}

function inArea(item) {
  if (!state.area) return true;
  const [w, s, ea, n] = state.area;
  return item.lon >= w && item.lon <= ea && item.lat >= s && item.lat <= n;
}

function atPlace(e) {
  if (!state.placeKey) return true;
  const place = state.places.find((p) => p.key === state.placeKey);
  return place && e.lat === place.lat && e.lon === place.lon;
}

function drawAll() {
  const forMap = state.events.filter((e) => inRange(e) && atPlace(e));
  const forTimeline = state.events.filter((e) => inArea(e) && atPlace(e));
  const listed = forMap.filter(inArea);
  drawEvents(forMap);
  drawPlaces();
  drawTimeline(forTimeline);
  drawLegend(listed);
  drawEventList(listed);
  drawPlaceList();
  drawDocList();
  summariseFilters(listed.length);
}

function summariseFilters(count) {
  const parts = [];
  if (state.range) parts.push(`${state.range[0]} to ${state.range[1]}`);
  if (state.area) parts.push(`area ${state.area.map((v) => v.toFixed(1)).join(", ")}`);
  if (state.placeKey) {
    const place = state.places.find((p) => p.key === state.placeKey);
    parts.push(`at ${place ? place.name : state.placeKey}`);
  }
  $("filter-summary").textContent = parts.length
    ? `Showing ${count} events: ${parts.join("; ")}` : `Showing all ${count} events`;
}

function setRange(range) {
  state.range = range;
  $("date-from").value = range ? range[0] : "";
  $("date-to").value = range ? range[1] : "";
  drawAll();
}

function wireControls() {
  $("clear-filters").addEventListener("click", () => {
    state.area = null;
    state.placeKey = null;
    drawSelection(null);
    setRange(null);
  });
  for (const id of ["date-from", "date-to"]) {
    $(id).addEventListener("change", () => {
      const from = $("date-from").value || "0000-01-01";
      const to = $("date-to").value || "9999-12-31";
      state.range = $("date-from").value || $("date-to").value ? [from, to] : null;
      drawAll();
    });
  }
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search($("search-input").value.trim());
  });
  wireMapSelection();
  wireBrush();
  wireCorrections();
  window.addEventListener("hashchange", openFromHash);
}

// ------------------------------------------------------------------ map

function projection(events, places) {
  const points = [...events, ...places].filter((p) => p.lat !== null && p.lon !== null);
  let w = -30, e = 60, s = 0, n = 65;  // Europe, Africa and the Middle East when empty
  if (points.length) {
    w = Math.min(...points.map((p) => p.lon)); e = Math.max(...points.map((p) => p.lon));
    s = Math.min(...points.map((p) => p.lat)); n = Math.max(...points.map((p) => p.lat));
  }
  const padLon = Math.max(4, (e - w) * 0.15), padLat = Math.max(3, (n - s) * 0.15);
  w -= padLon; e += padLon; s -= padLat; n += padLat;
  const midLat = Math.max(-70, Math.min(70, (s + n) / 2));
  const cos = Math.cos(midLat * Math.PI / 180);
  // One scale for both axes (equirectangular at the middle latitude), centred.
  const k = Math.min(MAP_W / ((e - w) * cos), MAP_H / (n - s));
  const cx = (w + e) / 2, cy = (s + n) / 2;
  return {
    x: (lon) => MAP_W / 2 + (lon - cx) * cos * k,
    y: (lat) => MAP_H / 2 - (lat - cy) * k,
    lon: (x) => cx + (x - MAP_W / 2) / (cos * k),
    lat: (y) => cy - (y - MAP_H / 2) / k,
  };
}

function drawCountries(geo) {
  const group = $("map-countries");
  clear(group);
  const v = state.view;
  const west = v.lon(0), east = v.lon(MAP_W), north = v.lat(0), south = v.lat(MAP_H);
  for (const feature of geo.features) {
    const polygons = feature.geometry.type === "Polygon"
      ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    let d = "";
    for (const polygon of polygons) {
      if (!ringNear(polygon[0], west, east, south, north)) continue;
      for (const ring of polygon) {
        d += "M" + ring.map(([lon, lat]) => `${v.x(lon).toFixed(1)},${v.y(lat).toFixed(1)}`)
          .join("L") + "Z";
      }
    }
    if (!d) continue;
    const path = svg("path", { d, class: "country" });
    path.append(svg("title", { text: feature.properties.name || "" }));
    group.append(path);
  }
}

function ringNear(ring, west, east, south, north) {
  for (const [lon, lat] of ring) {
    if (lon >= west - 20 && lon <= east + 20 && lat >= south - 20 && lat <= north + 20) return true;
  }
  return false;
}

function drawTiles(template) {
  // Online users may ask for a tile layer (sitrep serve --tile-url); off by default.
  const group = $("map-tiles");
  clear(group);
  const v = state.view;
  const zoom = Math.max(1, Math.min(8, Math.round(Math.log2(360 / (v.lon(MAP_W) - v.lon(0)) * 4))));
  const tiles = 2 ** zoom;
  const tx = (lon) => Math.floor((lon + 180) / 360 * tiles);
  const ty = (lat) => {
    const r = lat * Math.PI / 180;
    return Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * tiles);
  };
  const lonOf = (x) => x / tiles * 360 - 180;
  const latOf = (y) => Math.atan(Math.sinh(Math.PI * (1 - 2 * y / tiles))) * 180 / Math.PI;
  for (let x = tx(v.lon(0)); x <= tx(v.lon(MAP_W)); x++) {
    for (let y = ty(v.lat(0)); y <= ty(v.lat(MAP_H)); y++) {
      const url = template.replace("{z}", zoom).replace("{x}", x).replace("{y}", y);
      const x0 = v.x(lonOf(x)), x1 = v.x(lonOf(x + 1));
      const y0 = v.y(latOf(y)), y1 = v.y(latOf(y + 1));
      group.append(svg("image", { href: url, x: x0, y: y0, width: x1 - x0, height: y1 - y0,
        preserveAspectRatio: "none" }));
    }
  }
}

function drawPlaces() {
  const group = $("map-places");
  clear(group);
  const v = state.view;
  for (const place of state.places) {
    const r = 2 + Math.sqrt(place.mentions) * 1.5;
    const circle = svg("circle", { cx: v.x(place.lon), cy: v.y(place.lat), r, class: "place",
      "data-key": place.key });
    circle.append(svg("title", { text: `${place.name} (${place.kind || "place"}): ` +
      `${place.mentions} mentions in ${place.documents} reports` }));
    group.append(circle);
  }
}

function drawEvents(events) {
  const group = $("map-events");
  clear(group);
  const v = state.view;
  // One circle per place and type, sized by how many events it stands for.
  const groups = new Map();
  for (const e of events) {
    const key = `${e.lat},${e.lon},${e.type}`;
    const g = groups.get(key) || { lat: e.lat, lon: e.lon, type: e.type, place: e.place, n: 0 };
    g.n += 1;
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const circle = svg("circle", { cx: v.x(g.lon), cy: v.y(g.lat), r: 3 + Math.sqrt(g.n) * 2.5,
      fill: colour(g.type), class: "event", "data-type": g.type });
    circle.append(svg("title", { text: `${g.n} × ${g.type} at ${g.place}` }));
    group.append(circle);
  }
}

function drawLegend(events) {
  const counts = new Map();
  for (const e of events) counts.set(e.type, (counts.get(e.type) || 0) + 1);
  const legend = $("legend");
  clear(legend);
  for (const [type, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.backgroundColor = colour(type);  // CSSOM, allowed by the CSP
    legend.append(el("li", {}, swatch, `${type} (${n})`));
  }
}

function svgPoint(node, event) {
  const box = node.getBoundingClientRect();
  const vb = node.viewBox.baseVal;
  return [(event.clientX - box.left) / box.width * vb.width,
    (event.clientY - box.top) / box.height * vb.height];
}

function wireMapSelection() {
  const map = $("map");
  let start = null;
  map.addEventListener("mousedown", (event) => {
    start = svgPoint(map, event);
    event.preventDefault();
  });
  map.addEventListener("mousemove", (event) => {
    if (!start) return;
    drawSelection([start, svgPoint(map, event)]);
  });
  window.addEventListener("mouseup", (event) => {
    if (!start) return;
    const [x, y] = svgPoint(map, event);
    const end = [clamp(x, 0, MAP_W), clamp(y, 0, MAP_H)];
    const from = start;
    start = null;
    const moved = Math.abs(end[0] - from[0]) + Math.abs(end[1] - from[1]) > 6;
    if (moved) applyArea([from, end]); else clearArea();
  });
  wireMapKeyboard(map);
}

// Keyboard selection: a box the arrow keys move (Shift: finer), + and - size, Enter
// applies and Escape clears; each step is announced in #map-status (aria-live).
const KEY_STEP = 0.05, FINE_STEP = 0.01, GROW = 1.25, MIN_BOX = 8;

function wireMapKeyboard(map) {
  let box = null;  // {x, y, w, h} in the map's SVG units, centre x/y
  const corners = () => [[box.x - box.w / 2, box.y - box.h / 2],
    [box.x + box.w / 2, box.y + box.h / 2]];
  const show = (verb) => {
    drawSelection(corners(), true);
    announce(`${verb}: ${describeArea(areaOf(corners()))}. Enter selects this area, ` +
      "Escape clears.");
  };
  map.addEventListener("focus", () => {
    if (!box) box = { x: MAP_W / 2, y: MAP_H / 2, w: MAP_W / 4, h: MAP_H / 4 };
    if (!state.area) show("Selection box");
  });
  map.addEventListener("keydown", (event) => {
    if (!box) return;
    const step = event.shiftKey ? FINE_STEP : KEY_STEP;
    const moves = { ArrowLeft: [-step * MAP_W, 0], ArrowRight: [step * MAP_W, 0],
      ArrowUp: [0, -step * MAP_H], ArrowDown: [0, step * MAP_H] };
    if (moves[event.key]) {
      box.x = clamp(box.x + moves[event.key][0], 0, MAP_W);
      box.y = clamp(box.y + moves[event.key][1], 0, MAP_H);
      show("Moved");
    } else if (["+", "=", "-", "_"].includes(event.key)) {
      const k = event.key === "+" || event.key === "=" ? GROW : 1 / GROW;
      box.w = clamp(box.w * k, MIN_BOX, MAP_W);
      box.h = clamp(box.h * k, MIN_BOX, MAP_H);
      show(k > 1 ? "Larger" : "Smaller");
    } else if (event.key === "Enter") {
      applyArea(corners());
    } else if (event.key === "Escape") {
      clearArea();
    } else {
      return;
    }
    event.preventDefault();  // the arrows must not scroll the page
  });
}

function clamp(value, low, high) { return Math.max(low, Math.min(high, value)); }

function areaOf([start, end]) {
  const v = state.view;
  const lons = [v.lon(start[0]), v.lon(end[0])].sort((a, b) => a - b);
  const lats = [v.lat(start[1]), v.lat(end[1])].sort((a, b) => a - b);
  return [lons[0], lats[0], lons[1], lats[1]];
}

function describeArea([w, s, e, n]) {
  const lon = (x) => `${Math.abs(x).toFixed(1)}°${x < 0 ? "W" : "E"}`;
  const lat = (y) => `${Math.abs(y).toFixed(1)}°${y < 0 ? "S" : "N"}`;
  const places = state.places.filter((p) => p.lon >= w && p.lon <= e && p.lat >= s &&
    p.lat <= n).map((p) => p.name);
  const named = places.length ? `${places.length} places (${places.slice(0, 3).join(", ")}` +
    `${places.length > 3 ? "…" : ""})` : "no places";
  return `${lon(w)} to ${lon(e)}, ${lat(s)} to ${lat(n)}, ${named}`;
}

function announce(message) { $("map-status").textContent = message; }

function applyArea(corners) {
  state.area = areaOf(corners);
  drawSelection(corners);
  drawAll();
  const events = state.events.filter((e) => inRange(e) && inArea(e) && atPlace(e)).length;
  announce(`Area selected: ${describeArea(state.area)}; ${events} events listed.`);
}

function clearArea() {
  state.area = null;
  drawSelection(null);
  drawAll();
  announce("Area cleared: every event is listed.");
}

function drawSelection(corners, pending = false) {
  const rect = $("map-selection");
  rect.classList.toggle("pending", pending);  // a keyboard box not applied yet
  if (!corners) { setAttrs(rect, { width: 0, height: 0 }); return; }
  const [[x0, y0], [x1, y1]] = corners;
  setAttrs(rect, { x: Math.min(x0, x1), y: Math.min(y0, y1),
    width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) });
}

// ------------------------------------------------------------------ timeline

function dayNumber(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
function isoDay(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }

function timelineScale() {
  const dated = state.events.filter((e) => e.start);
  if (!dated.length) return null;
  let first = Infinity, last = -Infinity;
  for (const e of dated) {
    first = Math.min(first, dayNumber(e.start));
    last = Math.max(last, dayNumber(e.end));
  }
  const span = Math.max(1, last - first + 1);
  // Bars of a day for short ranges, a week up to about a year, else a month (30 days).
  const width = span <= 120 ? 1 : span <= 730 ? 7 : 30;
  return { first, last, width, x: (day) => (day - first) / span * TL_W,
    day: (x) => first + Math.round(x / TL_W * span) };
}

function drawTimeline(events) {
  const bars = $("timeline-bars"), axis = $("timeline-axis");
  clear(bars); clear(axis);
  const scale = timelineScale();
  state.timeline = scale;
  if (!scale) return;
  const counts = new Map();
  for (const e of events) {
    if (!e.start) continue;
    const bucket = scale.first + Math.floor((dayNumber(e.start) - scale.first) / scale.width) * scale.width;
    counts.set(bucket, (counts.get(bucket) || 0) + 1);
  }
  const most = Math.max(1, ...counts.values());
  const barWidth = Math.max(1.5, scale.x(scale.first + scale.width) - scale.x(scale.first) - 1);
  for (const [bucket, n] of counts) {
    const h = n / most * (TL_H - 10);
    const inside = !state.range ||
      (isoDay(bucket + scale.width - 1) >= state.range[0] && isoDay(bucket) <= state.range[1]);
    const bar = svg("rect", { x: scale.x(bucket), y: TL_H - h, width: barWidth, height: h,
      class: inside ? "bar" : "bar outside" });
    bar.append(svg("title", { text: `${isoDay(bucket)}: ${n} events` }));
    bars.append(bar);
  }
  for (const day of [scale.first, scale.last]) {
    axis.append(svg("text", { x: Math.min(TL_W - 80, scale.x(day)), y: TL_H + 14,
      class: "axis", text: isoDay(day) }));
  }
}

function wireBrush() {
  const timeline = $("timeline");
  let start = null;
  const brush = $("timeline-brush");
  timeline.addEventListener("mousedown", (event) => {
    start = svgPoint(timeline, event)[0];
    event.preventDefault();
  });
  timeline.addEventListener("mousemove", (event) => {
    if (start === null) return;
    const x = svgPoint(timeline, event)[0];
    setAttrs(brush, { x: Math.min(start, x), width: Math.abs(x - start), height: TL_H });
  });
  // On the window: a drag that ends past the timeline's edge still selects (up to it).
  window.addEventListener("mouseup", (event) => {
    if (start === null || !state.timeline) return;
    const x = clamp(svgPoint(timeline, event)[0], 0, TL_W);
    const scale = state.timeline;
    if (Math.abs(x - start) < 4) {
      setAttrs(brush, { width: 0 });
      setRange(null);
    } else {
      const days = [scale.day(Math.min(start, x)), scale.day(Math.max(start, x))];
      setRange([isoDay(days[0]), isoDay(days[1])]);
    }
    start = null;
  });
}

// ------------------------------------------------------------------ text lists

function openButton(label, onOpen, extra = {}) {
  // A button: reachable with Tab, opened with Enter or Space, announced by screen readers.
  return el("button", { type: "button", class: "open", onclick: onOpen, ...extra }, label);
}

function drawEventList(events) {
  const list = $("event-list");
  clear(list);
  $("event-count").textContent = `(${events.length})`;
  const sorted = [...events].sort((a, b) => (a.start || "9999").localeCompare(b.start || "9999"));
  for (const e of sorted.slice(0, LIST_CAP)) {
    const label = `${e.start || "undated"} · ${e.type} · ${e.place || "unknown place"} — ` +
      e.title;
    list.append(el("li", { "data-event": e.id },
      openButton(label, () => openDocument(e.doc_id), { "aria-label": `Open report: ${label}` })));
  }
  if (sorted.length > LIST_CAP) {
    list.append(el("li", { class: "more" },
      `${sorted.length - LIST_CAP} more events: narrow the date range or area`));
  }
}

function drawPlaceList() {
  const list = $("place-list");
  clear(list);
  const shown = state.places.filter(inArea);
  $("place-count").textContent = `(${shown.length})`;
  for (const p of shown.slice(0, LIST_CAP)) {
    const label = `${p.name} · ${p.kind || "place"}, ${p.country || "?"} · ` +
      `${p.mentions} mentions in ${p.documents} reports`;
    list.append(el("li", {}, openButton(label, () => {
      state.placeKey = state.placeKey === p.key ? null : p.key;
      drawAll();
    }, { "aria-pressed": String(state.placeKey === p.key) })));
  }
}

function drawDocList() {
  const list = $("doc-list");
  // Reports do not change with the filters: drawn once, when they arrive.
  if (list.childElementCount || !state.docs.length) return;
  $("doc-count").textContent = `(${state.docs.length})`;
  for (const d of state.docs) {
    const label = `${d.published || "undated"} · ${d.title || d.path || d.id}`;
    list.append(el("li", {}, openButton(label, () => openDocument(d.id))));
  }
}

// ------------------------------------------------------------------ search

async function search(q) {
  const section = $("search-results"), body = $("search-body");
  clear(body);
  if (!q) { section.hidden = true; return; }
  section.hidden = false;
  try {
    const found = await api(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
    const texts = el("ol", { class: "items" });
    for (const hit of found.text.items) {
      texts.append(el("li", {}, openButton(`${hit.title || hit.doc_id}: ${hit.snippet}`,
        () => openDocument(hit.doc_id, hit.start, hit.end))));
    }
    const people = el("ol", { class: "items" });
    for (const p of found.people) {
      people.append(el("li", {}, openButton(`${p.name}${p.role ? ", " + p.role : ""}`,
        () => openDocument(p.doc_id))));
    }
    const places = el("ol", { class: "items" });
    for (const p of found.places) {
      places.append(el("li", {}, openButton(`${p.name} (${p.mentions} mentions)`, () => {
        state.placeKey = p.key;
        drawAll();
      })));
    }
    body.append(el("h3", {}, `In the texts (${found.text.total})`), texts,
      el("h3", {}, `People (${found.people.length})`), people,
      el("h3", {}, `Places (${found.places.length})`), places);
  } catch (err) {
    body.append(el("p", { role: "alert" }, err.message));
  }
}

// ------------------------------------------------------------------ reader

function openFromHash() {
  const match = /^#doc=([0-9a-f]+)$/.exec(location.hash);
  if (match && (!state.doc || state.doc.report.id !== match[1])) openDocument(match[1]);
}

async function openDocument(docId, markStart = null, markEnd = null) {
  try {
    state.doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  } catch (err) {
    status(`cannot open report ${docId}: ${err.message}`);
    return;
  }
  if (location.hash !== `#doc=${state.doc.report.id}`) {
    history.replaceState(null, "", `#doc=${state.doc.report.id}`);
  }
  renderReader(markStart, markEnd);
}

function renderReader(markStart, markEnd) {
  const { report, records } = state.doc;
  const reader = $("reader");
  reader.hidden = false;
  $("reader-title").textContent = report.source.title || report.source.path || report.id;
  const published = report.published.date || (report.published.window || []).join(" to ") ||
    "unknown date";
  $("reader-meta").textContent = `${report.source.outlet || report.source.url || ""} · ` +
    `published ${published}${report.published.estimated ? " (estimated)" : ""} · id ${report.id}`;
  renderText(report.text, records, markStart, markEnd);
  renderRemoved(report.removed);
  renderCorrections();
  $("reader-title").focus();
}

function renderText(text, records, markStart, markEnd) {
  // Cut the text at every span boundary; each piece knows which records cover it.
  const cuts = new Set([0, text.length]);
  for (const record of Object.values(records)) {
    for (const s of record.spans) { cuts.add(s.start); cuts.add(s.end); }
  }
  if (markStart !== null) { cuts.add(markStart); cuts.add(markEnd); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const covering = Object.entries(records);
  const box = $("reader-text");
  clear(box);
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i], end = points[i + 1];
    const ids = covering.filter(([, r]) => r.spans.some((s) => s.start <= start && s.end >= end))
      .map(([id]) => id);
    const piece = el("span", { "data-start": start }, text.slice(start, end));
    if (ids.length) decorate(piece, ids, records);
    if (markStart !== null && start >= markStart && end <= markEnd) piece.classList.add("match");
    box.append(piece);
  }
  box.querySelector(".match")?.scrollIntoView({ block: "center" });
}

function decorate(piece, ids, records) {
  const kinds = new Set(ids.map((id) => records[id].kind));
  piece.classList.add("hl");
  for (const kind of KIND_ORDER) if (kinds.has(kind)) piece.classList.add(`hl-${kind}`);
  piece.dataset.records = ids.join(" ");
  piece.setAttribute("title", ids.map((id) => describe(id, records[id])).join("\n"));
  piece.setAttribute("tabindex", "0");
  piece.setAttribute("role", "button");
  piece.addEventListener("click", () => showRecords(ids));
  piece.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) showRecords(ids);
  });
}

function describe(id, record) {
  const values = Object.entries(record.values)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`).join("; ");
  return `${record.kind} ${id} — ${values}`;
}

function showRecords(ids) {
  const panel = $("record-panel");
  panel.hidden = false;
  clear(panel);
  panel.append(el("h2", {}, "Selected record" + (ids.length > 1 ? "s" : "")));
  const { records, other_sources: others } = state.doc;
  for (const id of ids) {
    const record = records[id];
    const rows = el("dl");
    for (const [key, value] of Object.entries(record.values)) {
      rows.append(el("dt", {}, key), el("dd", {}, Array.isArray(value) ? value.join(", ") : String(value)));
    }
    const sources = el("ul", { class: "sources" });
    for (const docId of others[id] || []) {
      const doc = state.docsById.get(docId);
      sources.append(el("li", {}, openButton(doc ? doc.title || doc.path || docId : docId,
        () => openDocument(docId))));
    }
    panel.append(el("section", { class: "record" },
      el("h3", {}, `${record.kind} ${id}`), rows,
      el("p", {}, (others[id] || []).length ? "Also in:" : "No other report names it."), sources));
  }
  panel.append(openButton("Close", () => { panel.hidden = true; }));
}

function renderRemoved(removed) {
  const list = $("removed-list");
  clear(list);
  $("reader-removed").querySelector("summary").textContent =
    `Removed boilerplate (${removed.length})`;
  for (const cut of removed) list.append(el("li", {}, el("b", {}, `${cut.reason}: `), cut.text));
}

function renderCorrections() {
  const list = $("correction-list");
  clear(list);
  for (const c of state.doc.corrections) {
    const label = `#${c.id} ${c.kind}${c.target ? " " + c.target.split(":").pop() : ""}` +
      `${c.text ? ` “${c.text}”` : ""} by ${c.who} at ${c.made_at}` + (c.undone ? " (undone)" : "");
    const item = el("li", { class: c.undone ? "undone" : "" }, label);
    if (!c.undone && state.config.writable) {
      item.append(" ", openButton("Undo", () => undoCorrection(c.id)));
    }
    list.append(item);
  }
  if (!state.doc.corrections.length) list.append(el("li", {}, "None yet."));
}

// ------------------------------------------------------------------ corrections

const KIND_LABELS = {
  "not-a-place": "Not a place", "wrong-place": "Wrong place (pick the gazetteer entry)",
  "add-place": "Add a place", "quote-speaker": "These words are the quote's speaker",
  "wrong-date": "Wrong date", "not-an-event": "Not an event",
  "not-a-person": "Not a person", "wrong-role-age": "Wrong role or age",
  "not-an-organization": "Not an organization",
};
const KIND_TARGET = { "not-a-place": "P", "wrong-place": "P", "quote-speaker": "Q",
  "wrong-date": "ET", "not-an-event": "E", "not-a-person": "H", "wrong-role-age": "H",
  "not-an-organization": "O" };

function selectionOffsets() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  const box = $("reader-text");
  if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
  // The text before a boundary, measured by the browser: exact whatever node it falls in.
  const offset = (node, within) => {
    const before = document.createRange();
    before.setStart(box, 0);
    before.setEnd(node, within);
    return before.toString().length;
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  if (end <= start) return null;
  return { start, end };
}

function wireCorrections() {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || !state.doc) return;
    const picked = selectionOffsets();
    if (!picked) return;
    event.preventDefault();
    openCorrectionForm(picked);
  });
  $("correction-kind").addEventListener("change", updateCorrectionForm);
  $("correction-target").addEventListener("change", () => {
    if ($("correction-kind").value === "wrong-role-age") fillPersonFields();
  });
  $("correction-cancel").addEventListener("click", () => $("correction-dialog").close());
  $("gazetteer-search").addEventListener("click", lookUpGazetteer);
  $("correction-form").addEventListener("submit", submitCorrection);
  $("correction-token").value = sessionStorage.getItem("sitrep-token") || "";
}

function openCorrectionForm(picked) {
  state.picked = picked;
  const text = state.doc.report.text.slice(picked.start, picked.end);
  $("correction-selected").textContent = text;
  const kinds = $("correction-kind");
  clear(kinds);
  for (const kind of state.config.correction_kinds) {
    kinds.append(el("option", { value: kind }, KIND_LABELS[kind] || kind));
  }
  kinds.value = guessKind(picked);
  $("gazetteer-query").value = text;
  clear($("gazetteer-results"));
  $("correction-error").textContent = state.config.writable ? ""
    : "This server is read-only: start it with --token to accept corrections.";
  updateCorrectionForm();
  $("correction-dialog").showModal();
}

function recordsUnder(picked) {
  return Object.entries(state.doc.records).filter(([, r]) =>
    r.spans.some((s) => s.start < picked.end && picked.start < s.end)).map(([id]) => id);
}

function guessKind(picked) {
  const under = recordsUnder(picked);
  if (under.some((id) => id.startsWith("P"))) return "not-a-place";
  if (under.some((id) => id.startsWith("T"))) return "wrong-date";
  if (under.some((id) => id.startsWith("H"))) return "quote-speaker";
  if (under.some((id) => id.startsWith("O"))) return "not-an-organization";
  return "add-place";
}

function updateCorrectionForm() {
  const kind = $("correction-kind").value;
  const prefixes = KIND_TARGET[kind] || "";
  const target = $("correction-target");
  clear(target);
  if (prefixes) {
    const under = new Set(recordsUnder(state.picked));
    const ids = Object.keys(state.doc.records).filter((id) => prefixes.includes(id[0]));
    // Records under the selection first: usually the one meant.
    ids.sort((a, b) => Number(under.has(b)) - Number(under.has(a)));
    for (const id of ids) {
      target.append(el("option", { value: id }, describe(id, state.doc.records[id]).slice(0, 120)));
    }
  }
  $("correction-target-label").hidden = !prefixes;
  $("correction-date-label").hidden = kind !== "wrong-date";
  $("correction-place").hidden = !["wrong-place", "add-place"].includes(kind);
  $("correction-person").hidden = kind !== "wrong-role-age";
  if (kind === "wrong-role-age") fillPersonFields();
  $("correction-token-label").hidden = !state.config.writable;
}

function fillPersonFields() {
  // The extracted role and age to edit: what is left as it was stays as it was.
  const record = state.doc.records[$("correction-target").value];
  const values = record ? record.values : {};
  $("correction-role").value = values.role ?? "";
  $("correction-age").value = values.age ?? "";
}

async function lookUpGazetteer() {
  const results = $("gazetteer-results");
  clear(results);
  try {
    const found = await api(`/api/gazetteer?q=${encodeURIComponent($("gazetteer-query").value)}`);
    if (!found.length) results.append(el("p", {}, "No entry with this name."));
    found.forEach((entry, i) => {
      const radio = el("input", { type: "radio", name: "gazetteer", value: String(i),
        checked: i === 0 });
      radio.entry = entry;
      results.append(el("label", { class: "entry" }, radio,
        ` ${entry.name}, ${entry.admin1 || ""} ${entry.country || ""} (${entry.kind}, ` +
        `pop. ${entry.population}) ${entry.gazetteer_id}`));
    });
  } catch (err) {
    results.append(el("p", { role: "alert" }, err.message));
  }
}

async function submitCorrection(event) {
  event.preventDefault();
  const kind = $("correction-kind").value;
  const body = { kind, doc_id: state.doc.report.id, start: state.picked.start,
    end: state.picked.end, who: $("correction-who").value || "analyst", value: {} };
  if (KIND_TARGET[kind]) body.target = $("correction-target").value || null;
  if (kind === "wrong-date") body.value = { date: $("correction-date").value };
  if (kind === "wrong-role-age") {
    const age = $("correction-age").value;
    body.value = { role: $("correction-role").value.trim() || null,
      age: age === "" ? null : Number(age) };
  }
  if (kind === "wrong-place" || kind === "add-place") {
    const chosen = $("gazetteer-results").querySelector("input:checked");
    if (!chosen) { $("correction-error").textContent = "Look up and pick a gazetteer entry."; return; }
    body.value = chosen.entry;
  }
  if (kind === "not-a-place" || kind === "not-an-event") {
    // The selection says which mention; with a target, only that record's mentions go.
    if (!recordsUnder(state.picked).includes(body.target)) { delete body.start; delete body.end; }
  }
  const token = $("correction-token").value;
  sessionStorage.setItem("sitrep-token", token);
  try {
    const saved = await api("/api/corrections", { method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body) });
    $("correction-dialog").close();
    status(`Correction #${saved.id} saved (${saved.kind}).`);
    await refresh();
  } catch (err) {
    $("correction-error").textContent = err.message;
  }
}

async function undoCorrection(id) {
  const token = $("correction-token").value || sessionStorage.getItem("sitrep-token") || "";
  try {
    await api(`/api/corrections/${id}/undo`, { method: "POST",
      headers: { Authorization: `Bearer ${token}` } });
    status(`Correction #${id} undone.`);
    await refresh();
  } catch (err) {
    status(`undo failed: ${err.message}`);
  }
}

async function refresh() {
  const map = await api("/api/map");
  state.events = rowsOf(map.events);
  state.places = map.places;
  drawAll();
  if (state.doc) await openDocument(state.doc.report.id);
}

main().catch((err) => status(`failed to load: ${err.message}`));
