"""Helpers for the browser tests: a locked-down context, the map frame, markers, the URL."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

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
