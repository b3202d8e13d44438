"""Cold start: from a fresh server to the first event markers drawn, next to Streamlit's floor.

    python bench/bench_cold_start.py                 # demo store and a 10k synthetic store
    python bench/bench_cold_start.py --events 0      # demo store only
    python bench/bench_cold_start.py --json          # one JSON object
    python bench/bench_cold_start.py --reruns 10000 100000   # AppTest reruns and cache hits instead

For each store a new server is started the way users start it (``report-atlas serve --port P
--headless``, offline, ``REPORT_ATLAS_DB`` = the prepared store, no demo load) and the clock
starts only once it answers ``/_stcore/health`` ("after the server is up"). Debian Chromium
(Playwright, every request that does not go to 127.0.0.1 aborted) then opens the page and we
time ``page.goto`` -> the first event marker drawn inside the st_folium frame (a cluster, a
circle or an area shape of our event layer). The first session pays for everything the
server does once (imports, opening the store, building the views, the first map); a second
session, in a new browser context, shows what is left per visitor.

Two floors, measured in the same run and the same way: a one-line app (``st.write``) served
by ``streamlit run``, timed from ``page.goto`` to its text on screen -- what Streamlit itself
costs before any of our code; and a one-circle folium map in ``st_folium`` with the same
offline Leaflet files, timed to its circle -- what Streamlit + st_folium cost before our code.
Ratios = ours / floor.

The browser is started before the servers, so its own start-up is not counted. Each figure
is the median of ``--repeat`` fresh servers (the machine is shared; one run is noisy).

``--component-floors`` adds two more floors, measured the same way in the same run with the
same offline Leaflet files, to see what a lighter map component would save over st_folium:
the same one-circle folium map as a static iframe (``components.v1.html`` of the rendered
page: no return value), and ``ra_map_probe`` (bench/probe_component/index.html), a minimal
two-way component in plain JavaScript that draws the circle from its arguments and sends a
value back on a click. For each floor a third, untimed visit counts the bytes the page
loads (HTTP bodies of the page and of its map frame, websocket messages received), and on
the probe a click on the circle must come back to Python (the page writes what it got).
The probe imports no folium: it shows what the component costs, not what folium costs.
With ``--warm-floors`` each floor is also measured warmed (``<floor>_warm``): its script run
once in the server before the clock starts, as ``serve`` warms our app -- the floors our
app's figures (timed from serve's ready line) compare with.

``--before DIR`` measures another checkout too, in the same run, interleaved with this one
(e.g. ``git worktree add /tmp/before <commit>``): its ``dashboard`` package is put first on
``PYTHONPATH`` and served with ``python -m dashboard.cli serve``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
READY_LINE = "Report Atlas is ready"  # dashboard.warmup.READY_LINE, printed by serve
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MAP_FRAME = 'iframe[src*="/component/streamlit_folium.st_folium/"]'
# What our event layer draws (mapview.EventLayer): clusters, single circles/stacks, area shapes.
FIRST_MARKER = ".marker-cluster, .leaflet-marker-icon, path.ra-event, path.leaflet-interactive"
FLOOR_TEXT = "streamlit floor: hello"
FLOOR_APP = f'import streamlit as st\n\nst.write("{FLOOR_TEXT}")\n'
# The second floor: Streamlit + st_folium drawing one circle with the same offline Leaflet
# files (served from static/ next to the script) -- what the stack costs before our code.
FOLIUM_FLOOR_APP = """
import folium
import streamlit as st
from streamlit_folium import st_folium

m = folium.Map(location=[35.5, 35.8], zoom_start=8, tiles=None)
m.options["maxZoom"] = 18
m.default_js = [("leaflet", "/app/static/leaflet/leaflet.js"), ("jquery", "/app/static/jquery/jquery.min.js")]
m.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
folium.CircleMarker([35.5312, 35.7909], radius=8, tooltip="Latakia").add_to(m)
st_folium(m, height=520, use_container_width=True, returned_objects=[])
"""
# --component-floors: the same map as a static iframe (the rendered folium page; no way back).
HTML_FLOOR_APP = FOLIUM_FLOOR_APP.replace(
    "from streamlit_folium import st_folium", "import streamlit.components.v1 as components"
).replace(
    "st_folium(m, height=520, use_container_width=True, returned_objects=[])",
    "components.html(m.get_root().render(), height=520)",
)
HTML_FRAME = "iframe[srcdoc]"
# --component-floors: the minimal two-way component (no folium at all: the circle comes as
# arguments). The component is named after the module that declares it: floor_app.py.
PROBE_DIR = ROOT / "bench" / "probe_component"
PROBE_FRAME = 'iframe[src*="/component/floor_app.ra_map_probe/"]'
PROBE_CLICKED = "probe clicked: "
PROBE_FLOOR_APP = f"""
import streamlit as st
import streamlit.components.v1 as components

probe = components.declare_component("ra_map_probe", path={str(PROBE_DIR)!r})
value = probe(
    lat=35.5312, lon=35.7909, radius=8, tooltip="Latakia", center=[35.5, 35.8], zoom=8,
    height=520, default=None,
)
if value:
    st.text("{PROBE_CLICKED}" + value["tooltip"])
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as answer:  # noqa: S310 - localhost
            return answer.status == 200
    except OSError:
        return False


@contextmanager
def _server(
    command: list[str], env: dict[str, str], port: int, log: Path, cwd: Path = ROOT
) -> Iterator[tuple[str, float]]:
    """Starts ``command``; yields (base URL, seconds from launch to a healthy server)."""
    started = time.perf_counter()
    with log.open("w") as out:
        # A session of its own: `report-atlas serve` runs Streamlit as its child, and a SIGTERM
        # to serve alone would leave that child serving; the whole group is stopped below.
        server = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.05)
        yield url, time.perf_counter() - started
    finally:
        _stop_group(server)


def _stop_group(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group this script started (``server.pid`` leads it), then
    SIGKILL if it is still there after 15 s."""
    for sig, wait_s in ((signal.SIGTERM, 15.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            server.poll()
            try:
                os.killpg(server.pid, 0)  # anyone left in the group?
            except ProcessLookupError:
                return
            time.sleep(0.1)


def _env(db: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "REPORT_ATLAS_OFFLINE": "1", "REPORT_ATLAS_NOMINATIM": "0", "REPORT_ATLAS_DEMO": "0"}
    if db is not None:
        env["REPORT_ATLAS_DB"] = str(db)
    return env


def _open(browser: Any, url: str, ready: Any, timeout_s: float = 60) -> float:
    """Seconds from ``page.goto(url)`` until ``ready(page)`` returns, in a fresh context."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    try:
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        ready(page, timeout_s * 1000)
        return time.perf_counter() - started
    finally:
        context.close()


def _first_marker(page: Any, timeout_ms: float, frame: str = MAP_FRAME) -> None:
    page.frame_locator(frame).locator(FIRST_MARKER).first.wait_for(state="visible", timeout=timeout_ms)


def _html_marker(page: Any, timeout_ms: float) -> None:
    _first_marker(page, timeout_ms, HTML_FRAME)


def _probe_marker(page: Any, timeout_ms: float) -> None:
    _first_marker(page, timeout_ms, PROBE_FRAME)


def _floor_text(page: Any, timeout_ms: float) -> None:
    page.get_by_text(FLOOR_TEXT).wait_for(state="visible", timeout=timeout_ms)


# name -> (app source, when it is drawn, its map frame or None); the first two are the
# default floors, the others come with --component-floors.
FLOORS: dict[str, tuple[str, Any, str | None]] = {
    "floor": (FLOOR_APP, _floor_text, None),
    "floor_st_folium": (FOLIUM_FLOOR_APP, _first_marker, MAP_FRAME),
    "floor_components_html": (HTML_FLOOR_APP, _html_marker, HTML_FRAME),
    "floor_probe": (PROBE_FLOOR_APP, _probe_marker, PROBE_FRAME),
}


def _inspect(browser: Any, url: str, ready: Any, frame: str | None, timeout_s: float = 60) -> dict[str, Any]:
    """An untimed visit (listeners on every request would cost time): the bytes the page
    loads once drawn, and on the probe a click on the circle and its way back to Python."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route(
        "**/*", lambda r: r.continue_() if urlsplit(r.request.url).hostname == "127.0.0.1" else r.abort()
    )
    page = context.new_page()
    finished: list[Any] = []
    ws_frames: list[int] = []  # sizes of the websocket messages received (Streamlit's deltas)

    def on_websocket(ws: Any) -> None:
        ws.on("framereceived", lambda data: ws_frames.append(len(data)))

    page.on("requestfinished", lambda request: finished.append(request))
    page.on("websocket", on_websocket)
    out: dict[str, Any] = {}
    try:
        page.goto(url, wait_until="commit")
        ready(page, timeout_s * 1000)
        page.wait_for_timeout(1500)  # late requests (tooltips, images) are counted too
        main_bytes = frame_bytes = 0
        for request in finished:
            size = request.sizes()["responseBodySize"]
            if request.frame == page.main_frame:
                main_bytes += size
            else:
                frame_bytes += size
        out.update(page_kb=round(main_bytes / 1024, 1), frame_kb=round(frame_bytes / 1024, 1))
        out["ws_received_kb"] = round(sum(ws_frames) / 1024, 1)
        if frame == PROBE_FRAME:
            started = time.perf_counter()
            page.frame_locator(frame).locator("path.leaflet-interactive").first.click()
            page.get_by_text(PROBE_CLICKED + "Latakia").wait_for(state="visible", timeout=timeout_s * 1000)
            out["click_round_trip_s"] = round(time.perf_counter() - started, 3)
    finally:
        context.close()
    return out


def measure_floor(
    browser: Any,
    tmp: Path,
    *,
    with_map: bool = False,
    kind: str | None = None,
    inspect: bool = False,
    warm: bool = False,
) -> dict[str, Any]:
    """A floor app served by ``streamlit run``: ``kind`` is a key of ``FLOORS`` (default:
    the one-line page, or the st_folium page ``with_map``). ``warm``: the script is run
    once in the server before the clock starts, the way ``serve`` warms our app
    (``dashboard.warmup``), so the first visitor no longer pays the imports."""
    kind = kind or ("floor_st_folium" if with_map else "floor")
    source, ready, frame = FLOORS[kind]
    folder = tmp / (kind + ("_warm" if warm else ""))
    folder.mkdir(exist_ok=True)
    app = folder / "floor_app.py"
    app.write_text(source, encoding="utf-8")
    if frame is not None and not (folder / "static").exists():
        (folder / "static").symlink_to(ROOT / "dashboard" / "static")
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        "--server.enableStaticServing", "true",
    ]  # fmt: skip
    if warm:
        command += ["--server.scriptHealthCheckEnabled", "true"]
    started = time.perf_counter()
    with _server(command, _env(), port, folder / "floor.log") as (url, up_s):
        if warm:
            from dashboard.warmup import warm_up

            ok, _, message = warm_up(url)
            if not ok:
                raise RuntimeError(f"{kind}: the warm-up run failed: {message[:300]}")
        ready_s = time.perf_counter() - started
        first = _open(browser, url, ready)
        second = _open(browser, url, ready)
        extra = _inspect(browser, url, ready, frame) if inspect else {}
    return {
        "server_up_s": round(up_s, 3),
        "ready_s": round(ready_s if warm else up_s, 3),
        "first_s": round(first, 3),
        "second_s": round(second, 3),
        "launch_to_first_map_s": round((ready_s if warm else up_s) + first, 3),
        **extra,
    }


def _wait_for_line(log: Path, line: str, timeout_s: float = 120) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if line in log.read_text(errors="replace"):
            return True
        time.sleep(0.05)
    return False


def measure_atlas(
    browser: Any, db: Path, tmp: Path, root: Path = ROOT, *, warm_up: bool = True
) -> dict[str, float]:
    """``report-atlas serve`` on ``db``. With the warm-up (serve's default) the clock starts
    when serve prints that the app is ready (``ready_s`` after launch); without it, or for
    a checkout whose serve has none, as soon as the server answers its health check."""
    port = _free_port()
    env = _env(db)
    command = [str(ROOT / ".venv" / "bin" / "report-atlas"), "serve", "--port", str(port), "--headless"]
    if root != ROOT or not Path(command[0]).exists():
        command = [sys.executable, "-m", "dashboard.cli", "serve", "--port", str(port), "--headless"]
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    has_warm_up = (root / "dashboard" / "warmup.py").exists()  # an older checkout may not
    if not warm_up and has_warm_up:
        command.append("--no-warm-up")
    warm_up = warm_up and has_warm_up
    log = tmp / f"atlas_{db.stem}.log"
    started = time.perf_counter()
    with _server(command, env, port, log, cwd=root) as (url, up_s):
        if warm_up and not _wait_for_line(log, READY_LINE):
            raise RuntimeError(f"serve never said it was ready:\n{log.read_text()[-3000:]}")
        ready_s = time.perf_counter() - started
        first = _open(browser, url, _first_marker)
        second = _open(browser, url, _first_marker)
    return {
        "server_up_s": round(up_s, 3),
        "ready_s": round(ready_s, 3),
        "first_s": round(first, 3),
        "second_s": round(second, 3),
        "launch_to_first_map_s": round(ready_s + first, 3),
    }


# --- the stores ---------------------------------------------------------------------------------


def demo_store(path: Path) -> Path:
    """The demo reports read into a new SQLite store (what a first start fills)."""
    from dashboard.demo import ensure_demo_data
    from dashboard.store import open_store

    store = open_store(str(path))
    try:
        ensure_demo_data(store)
    finally:
        store.close()
    return path


def synthetic_store(path: Path, count: int, seed: int = 7) -> Path:
    """``count`` synthetic events (``dashboard.benchmarks.synthetic_events``: real towns, one
    year) saved through the store's own ``save_many``, one short report per event. The store
    may link a few of them as one incident, as it would real reports."""
    from dashboard.benchmarks import synthetic_events
    from dashboard.model import Event, Extraction, Figure, Place, Report, stable_id
    from dashboard.store import open_store

    rng = random.Random(seed)
    batch = []
    for view in synthetic_events(count, seed=seed):
        outlet = view.outlets[0] if view.outlets else None
        report = Report.from_text(
            f"{view.summary} ({view.id})",
            source=outlet,
            published=view.date_end,
            ingested_at=datetime(2026, 1, 1, tzinfo=UTC),
        )
        place = Place(
            id=view.place_id or stable_id("pl-", view.place_name),
            name=view.place_name or "?",
            kind="area" if view.geometry else "city",
            lat=view.lat,
            lon=view.lon,
            precision=view.precision,
            geometry=view.geometry,
        )
        figures = tuple(
            Figure(
                id=stable_id("fig-", report.id, i),
                report_id=report.id,
                low=f.low,
                high=f.high,
                qualifier=rng.choice(("exact", "at_least", "about")) if f.high is None else "exact",
                category=f.category,
                outcome=f.outcome,
                attributed_to=f.source,
                verified=f.verified,
                start=0,
                end=len(view.summary),
                surface=f.text,
            )
            for i, f in enumerate(view.figures)
        )
        event = Event(
            id=view.id,
            report_ids=(report.id,),
            date_start=view.date_start,
            date_end=view.date_end,
            date_precision=view.date_precision,
            place_ids=(place.id,),
            type=view.type,
            summary=view.summary,
            summary_start=0,
            summary_end=len(view.summary),
            figure_ids=tuple(f.id for f in figures),
        )
        batch.append(
            Extraction(report=report, mentions=(), places=(place,), figures=figures, events=(event,))
        )
    store = open_store(str(path))
    try:
        store.save_many(batch)
    finally:
        store.close()
    return path


def _cached_store(kind: str, count: int, cache: Path) -> Path:
    """Prepared stores are kept in ``cache`` between runs (making 10k events takes a while)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / (f"{kind}.db" if kind == "demo" else f"{kind}_{count}.db")
    ready = path.with_suffix(".ready")
    if not ready.exists():
        path.unlink(missing_ok=True)
        demo_store(path) if kind == "demo" else synthetic_store(path, count)
        ready.touch()
    return path


# --- what the caches save on reruns (no browser) ------------------------------------------------


def _timed(action: Any) -> float:
    started = time.perf_counter()
    action()
    return round(time.perf_counter() - started, 4)


def rerun_costs(db: Path, repeats: int = 5) -> dict[str, Any]:
    """The app on ``db`` in streamlit.testing's AppTest (this process): the first run, a rerun
    with no change, a type filter change, and the way back to a state seen before; then each
    cached piece of the default view built from scratch next to a cache hit (``cache_data``
    hands out an unpickled copy, so a hit is not free: this shows what it costs)."""
    os.environ.update(_env(db))
    import pandas as pd
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from dashboard.mapview import build_map
    from dashboard.ui import data
    from dashboard.views import ViewState, event_rows

    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=600)
    out: dict[str, Any] = {"first_run_s": _timed(at.run)}
    out["rerun_no_change_s"] = min(_timed(at.run) for _ in range(repeats))
    loaded = data.load_data()
    out["events"] = len(loaded.views)
    kind = loaded.types[0]
    at.multiselect(key="f_types").set_value([kind])
    out["rerun_type_filter_s"] = _timed(at.run)
    at.multiselect(key="f_types").set_value([])
    out["rerun_back_to_seen_state_s"] = _timed(at.run)
    if at.exception:
        raise RuntimeError(str(at.exception))

    target, rev, view = loaded.target, loaded.rev, ViewState()
    events = data.shown(loaded, view)
    offline = True
    costs = {
        "map": (
            lambda: build_map(events, view, offline=offline),
            lambda: data._map(target, rev, view, offline),
        ),
        "table": (
            lambda: pd.DataFrame(event_rows(events), columns=data.TABLE_COLUMNS),
            lambda: data._table(target, rev, view),
        ),
    }
    for name, (build, hit) in costs.items():
        out[f"{name}_build_s"] = min(_timed(build) for _ in range(3))
        out[f"{name}_cache_hit_s"] = min(_timed(hit) for _ in range(repeats))
    return out


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(r[key] for r in runs), 3) for key in runs[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000, help="synthetic store size (0: skip)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh servers per figure (median)")
    parser.add_argument("--before", type=Path, help="another checkout to measure in the same run")
    parser.add_argument(
        "--no-warm-up-too", action="store_true", help="also measure serve --no-warm-up (first visitor pays)"
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "report-atlas-bench")
    parser.add_argument(
        "--reruns", type=int, nargs="*", metavar="EVENTS",
        help="instead: rerun and cache-hit costs in AppTest (no browser) on the demo store and"
        " synthetic stores of these sizes",
    )  # fmt: skip
    parser.add_argument(
        "--component-floors", action="store_true",
        help="also the one-circle map as components.html and as a minimal two-way component"
        " (bench/probe_component), with bytes loaded and the probe's click round trip",
    )  # fmt: skip
    parser.add_argument(
        "--warm-floors", action="store_true",
        help="with --component-floors: each floor also warmed like serve warms our app (script run"
        " once in the server before the clock), as <floor>_warm",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    if args.reruns is not None:
        rerun_stores = {"demo": _cached_store("demo", 0, args.cache)}
        for n in args.reruns:
            rerun_stores[f"synthetic_{n}"] = _cached_store("synthetic", n, args.cache)
        table = {name: rerun_costs(db) for name, db in rerun_stores.items()}
        print(json.dumps(table) if args.json else "\n".join(f"{k}: {v}" for k, v in table.items()))
        return 0

    from playwright.sync_api import sync_playwright

    from dashboard.mapview import ensure_static_assets

    ensure_static_assets()  # as `make data` does: Streamlit serves static/ only if it exists at start
    stores = {"demo": _cached_store("demo", 0, args.cache)}
    if args.events:
        stores[f"synthetic_{args.events}"] = _cached_store("synthetic", args.events, args.cache)
    roots = {"": ROOT}
    if args.before is not None:
        roots["before_"] = args.before.resolve()

    runs: dict[str, list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            floors = list(FLOORS) if args.component_floors else ["floor", "floor_st_folium"]
            warm_too = [False, True] if args.component_floors and args.warm_floors else [False]
            for _ in range(args.repeat):
                for warm in warm_too:
                    for kind in floors:
                        runs.setdefault(kind + ("_warm" if warm else ""), []).append(
                            measure_floor(
                                browser, Path(tmp), kind=kind, inspect=args.component_floors, warm=warm
                            )
                        )
                for name, db in stores.items():
                    for prefix, root in roots.items():
                        runs.setdefault(prefix + name, []).append(measure_atlas(browser, db, Path(tmp), root))
                    if args.no_warm_up_too:
                        cold = measure_atlas(browser, db, Path(tmp), warm_up=False)
                        runs.setdefault(name + "_no_warm_up", []).append(cold)
        finally:
            browser.close()
    results: dict[str, Any] = {name: _median(r) for name, r in runs.items()}
    floor = results["floor"]
    map_floor = results["floor_st_folium"]
    for name, r in results.items():
        if name != "floor":
            r["ratio_first_vs_floor"] = round(r["first_s"] / floor["first_s"], 1)
            r["ratio_second_vs_floor"] = round(r["second_s"] / floor["second_s"], 1)
        if not name.startswith("floor"):
            r["ratio_first_vs_st_folium_floor"] = round(r["first_s"] / map_floor["first_s"], 1)
        elif name.removesuffix("_warm") not in ("floor", "floor_st_folium"):
            # against the st_folium and one-line floors measured the same way (cold or warm)
            suffix = "_warm" if name.endswith("_warm") else ""
            base, maps = results["floor" + suffix], results["floor_st_folium" + suffix]
            r["saved_vs_st_folium_floor_s"] = round(maps["first_s"] - r["first_s"], 3)
            r["share_of_st_folium_overhead_saved"] = round(
                r["saved_vs_st_folium_floor_s"] / (maps["first_s"] - base["first_s"]), 2
            )
    results["repeat"] = args.repeat
    results["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        if args.component_floors:
            results["runs"] = runs  # every repeat, to see the spread
        print(json.dumps(results))
        return 0
    print(f"median of {args.repeat} fresh servers each")
    print(
        f"{'':>30} {'server up':>10} {'ready':>7} {'1st session':>12} {'2nd session':>12}"
        f" {'launch->map':>12} {'1st x floor':>12} {'x st_folium floor':>18}"
    )
    for name, r in results.items():
        if not isinstance(r, dict):
            continue
        ratio = "" if name == "floor" else f"{r['ratio_first_vs_floor']:.1f}x"
        map_ratio = f"{r['ratio_first_vs_st_folium_floor']:.1f}x" if not name.startswith("floor") else ""
        print(
            f"{name:>30} {r['server_up_s']:>9.2f}s {r['ready_s']:>6.2f}s {r['first_s']:>11.2f}s"
            f" {r['second_s']:>11.2f}s {r['launch_to_first_map_s']:>11.2f}s {ratio:>12} {map_ratio:>18}"
        )
    if args.component_floors:
        print("component floors (1st session; bytes from an untimed third visit, median):")
        for name in (n for n in results if n.startswith("floor") and isinstance(results[n], dict)):
            r = results[name]
            saved = (
                f" saves {r['saved_vs_st_folium_floor_s']:.2f}s vs st_folium floor"
                f" ({r['share_of_st_folium_overhead_saved']:.0%} of its cost over the one-line page)"
                if "saved_vs_st_folium_floor_s" in r
                else ""
            )
            trip = f", click->Python {r['click_round_trip_s']:.2f}s" if "click_round_trip_s" in r else ""
            print(
                f"{name:>30} {r['first_s']:.2f}s; page {r['page_kb']:.0f} KB, map frame {r['frame_kb']:.0f} KB,"
                f" websocket {r['ws_received_kb']:.0f} KB{trip}{saved}"
            )
    print(f"load average at the end: {results['load_average']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
