"""Helpers for the browser tests: a locked-down context, the map frame, markers, the URL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[2]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MAP_FRAME = "/component/streamlit_folium.st_folium/"
# Places of the seed report (their real positions), for "is there a marker here".
LATAKIA = (35.5312, 35.7909)
HMEIMIM_AIR_BASE = (35.4011, 35.9486)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_atlas(db: Path, log: Path) -> Iterator[str]:
    """``streamlit run dashboard/app.py`` on a free localhost port with the store ``db``,
    offline; yields the app's URL and stops the server (by its own process) afterwards.
    dashboard/static/ must exist before the start (mapview.ensure_static_assets)."""
    env = {
        **os.environ,
        "REPORT_ATLAS_DB": str(db),
        "REPORT_ATLAS_OFFLINE": "1",
        "REPORT_ATLAS_NOMINATIM": "0",
    }
    port = _free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
                "--server.port", str(port), "--server.headless", "true",
                "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
            ],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise RuntimeError(f"streamlit did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def new_context(browser: Any, blocked: list[str], **options: Any) -> Any:
    """A browser context that can reach 127.0.0.1 only."""
    context = browser.new_context(**{"viewport": {"width": 1400, "height": 1500}, **options})

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return context


# --- helpers the tests share ------------------------------------------------------------------


def _settle(page: Any, quiet_ms: int = 1200, timeout_s: float = 15) -> None:
    """Wait until the app has stopped rewriting the URL (the map reports its view, the app
    records it, reruns) and the map's opening animation is over."""
    deadline = time.time() + timeout_s
    last, since = page.url, time.time()
    while time.time() < deadline:
        page.wait_for_timeout(200)
        if page.url != last:
            last, since = page.url, time.time()
        elif (time.time() - since) * 1000 >= quiet_ms:
            return


def _ready_map_frame(page: Any) -> Any:
    for frame in page.frames:
        if MAP_FRAME not in frame.url or frame.is_detached():
            continue
        try:
            if frame.evaluate(
                "() => !!(window.map && document.querySelector('.leaflet-container')"
                " && document.querySelector('.leaflet-container').offsetHeight > 0"
                " && (document.querySelector('path.ra-event') || document.querySelector('.marker-cluster')))"
            ):
                return frame
        except Exception:  # noqa: BLE001 - the frame went away while we asked
            continue
    return None


def map_frame(page: Any, timeout_s: float = 30) -> Any:
    """The st_folium frame once its Leaflet map has drawn its events and the app is quiet."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if _ready_map_frame(page) is not None:
            _settle(page)
            frame = _ready_map_frame(page)  # the settled page's frame (a re-render replaces it)
            if frame is not None:
                return frame
        page.wait_for_timeout(250)
    raise AssertionError("the map did not draw inside the st_folium frame")


# Every event the map holds: point markers with their position, whether they are drawn (on
# their own or inside a cluster), whether on their own, and where what stands for them is drawn.
MARKERS_JS = """
() => {
  const out = [];
  window.map.eachLayer(layer => {
    if (!(layer instanceof L.MarkerClusterGroup)) { return; }
    layer.getLayers().forEach(m => {
      if (!m.getLatLng) { return; }
      const parent = layer.getVisibleParent(m);
      const at = parent ? parent.getLatLng() : null;
      out.push({lat: m.getLatLng().lat, lng: m.getLatLng().lng, drawn: !!parent, alone: parent === m,
                event: m._raEvent, shownLat: at ? at.lat : null, shownLng: at ? at.lng : null});
    });
  });
  return out;
}
"""


def markers(frame: Any) -> list[dict[str, Any]]:
    return list(frame.evaluate(MARKERS_JS))


def near(marker: dict[str, Any], lat: float, lon: float, tolerance: float = 0.05) -> bool:
    return abs(marker["lat"] - lat) < tolerance and abs(marker["lng"] - lon) < tolerance


def query(page: Any) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def wait_for_query(page: Any, predicate: Any, timeout_s: float = 20) -> dict[str, str]:
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        q = query(page)
        if predicate(q):
            return q
        page.wait_for_timeout(200)
    raise AssertionError(f"the URL never matched; it is {page.url}")


def open_app(page: Any, url: str) -> Any:
    page.goto(url)
    return map_frame(page)
