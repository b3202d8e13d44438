"""Load: the app under N concurrent browser-like sessions on localhost (bounded loop).

A session does what a browser tab does, minus drawing: it fetches the page (``/``), the
health check and the offline map asset, then opens Streamlit's websocket
(``/_stcore/stream``) and asks for script runs -- each run is one page view with a share
link in its query string (a few of them mangled). A run is *answered* when the server sends
``script_finished`` (success) with no exception element in between, within the timeout.

Prints answered/failed and the run latency (p50/p95/max), and the ratio of the concurrent
p50 to a single session's p50 measured first in the same run (the baseline)::

    python bench/load_test.py                    # 20 sessions x 5 runs, app started here
    python bench/load_test.py --sessions 5 --rounds 2 --json
    python bench/load_test.py --url http://127.0.0.1:8501   # an app already running

Without ``--url`` the app is started with ``streamlit run dashboard/app.py`` on a free port,
on a temporary store that the demo reports fill (REPORT_ATLAS_DEMO=1) unless ``--db`` names
one. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Share links a session cycles through: a plain view, filters, a mangled link, a map view.
QUERIES = (
    "",
    "from=2025-03-06&to=2025-03-10",
    "types=killings,ambush&cat=civilians",
    "from=2025-13-45&lat=999&z=1e9&types=%3Cscript%3E",
    "lat=35.36&lon=35.93&z=9&q=Jableh",
)


@dataclass
class LoadResult:
    sessions: int
    rounds: int
    runs: int = 0
    answered: int = 0
    failed: int = 0
    http_ok: int = 0
    http_failed: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        lat = sorted(self.latencies_ms)

        def pct(p: float) -> float | None:
            return round(lat[min(len(lat) - 1, int(p * len(lat)))], 1) if lat else None

        data = asdict(self)
        data.pop("latencies_ms")
        data["errors"] = self.errors[:10]
        data["p50_ms"] = round(statistics.median(lat), 1) if lat else None
        data["p95_ms"] = pct(0.95)
        data["max_ms"] = round(lat[-1], 1) if lat else None
        return data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, timeout: float) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - localhost only
            response.read()
            return 200 <= response.status < 300
    except OSError:
        return False


def wait_until_healthy(base_url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _get(base_url + "/_stcore/health", timeout=2):
            return
        time.sleep(0.25)
    raise RuntimeError(f"{base_url} did not answer /_stcore/health within {timeout:.0f} s")


@contextmanager
def running_app(db: Path | None = None, port: int | None = None) -> Iterator[str]:
    """``streamlit run dashboard/app.py`` on 127.0.0.1; yields its base URL."""
    port = port or free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "REPORT_ATLAS_DB": str(db or Path(tmp) / "atlas.db"),
            "REPORT_ATLAS_OFFLINE": "1",
            "REPORT_ATLAS_NOMINATIM": "0",
        }
        command = [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
            "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
            "--server.enableStaticServing", "true", "--browser.gatherUsageStats", "false",
            # As deployed: no module reloading when source files change (while developing,
            # an edit unloads modules under running sessions and they fail to import).
            "--server.fileWatcherType", "none", "--server.runOnSave", "false",
        ]  # fmt: skip
        log = open(Path(tmp) / "streamlit.log", "wb")  # noqa: SIM115 - closed below
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_until_healthy(base_url)
            yield base_url
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()


async def _one_run(ws, query: str, timeout: float) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_script_hash = ""
    await ws.send(msg.SerializeToString())
    deadline = time.monotonic() + timeout
    error = ""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False, f"no answer within {timeout:.0f} s for ?{query}"
        raw = await asyncio.wait_for(ws.recv(), timeout=left)
        forward = ForwardMsg()
        forward.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            if element.WhichOneof("type") == "exception":
                error = f"exception on ?{query}: {element.exception.type}: {element.exception.message[:200]}"
        elif kind == "script_finished":
            status = forward.script_finished
            if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue  # superseded by a rerun the app asked for (st.rerun); keep waiting
            if status != ForwardMsg.FINISHED_SUCCESSFULLY:
                return False, f"script finished with status {status} on ?{query}"
            return (not error), error


async def _session(base_url: str, index: int, rounds: int, timeout: float, result: LoadResult) -> None:
    from websockets.asyncio.client import connect
    from websockets.typing import Origin, Subprotocol

    loop = asyncio.get_running_loop()
    # What a tab loads over HTTP before the websocket: the page, the health check, a map asset.
    for path in ("/", "/_stcore/health", "/app/static/leaflet/leaflet.js"):
        ok = await loop.run_in_executor(None, _get, base_url + path, timeout)
        result.http_ok += ok
        result.http_failed += not ok
        if not ok:
            result.errors.append(f"session {index}: GET {path} failed")
    ws_url = base_url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with connect(
            ws_url,
            subprotocols=[Subprotocol("streamlit")],
            origin=Origin(base_url),
            max_size=None,
            open_timeout=timeout,
        ) as ws:
            for r in range(rounds):
                query = QUERIES[(index + r) % len(QUERIES)]
                started = time.perf_counter()
                result.runs += 1
                try:
                    ok, error = await _one_run(ws, query, timeout)
                except TimeoutError:
                    ok, error = False, f"timed out on ?{query}"
                if ok:
                    result.answered += 1
                    result.latencies_ms.append((time.perf_counter() - started) * 1000)
                else:
                    result.failed += 1
                    result.errors.append(f"session {index}: {error}")
    except Exception as exc:  # noqa: BLE001 - a refused or dropped connection is a failure
        missing = rounds - sum(1 for e in result.errors if e.startswith(f"session {index}:"))
        result.failed += max(0, missing)
        result.runs += 0
        result.errors.append(f"session {index}: websocket {type(exc).__name__}: {exc}")


def run_load(base_url: str, sessions: int, rounds: int, timeout: float = 60.0) -> LoadResult:
    """``sessions`` concurrent sessions of ``rounds`` page views each against ``base_url``."""
    result = LoadResult(sessions=sessions, rounds=rounds)

    async def main() -> None:
        await asyncio.gather(*(_session(base_url, i, rounds, timeout, result) for i in range(sessions)))

    # A loop of our own in a thread of our own: the caller's thread may already run one
    # (Playwright's sync API keeps a loop running on the main thread of a test session).
    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(main())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            failure.append(exc)

    thread = threading.Thread(target=run, name="load-test")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result


def measure(base_url: str, sessions: int, rounds: int, timeout: float) -> dict[str, object]:
    """Baseline (one session alone) then the concurrent load, against the same app."""
    run_load(base_url, 1, 2, timeout)  # warm-up: first run loads the store and the caches
    baseline = run_load(base_url, 1, rounds, timeout).summary()
    loaded = run_load(base_url, sessions, rounds, timeout).summary()
    ratio = None
    if baseline["p50_ms"] and loaded["p50_ms"]:
        ratio = round(float(loaded["p50_ms"]) / float(baseline["p50_ms"]), 2)  # type: ignore[arg-type]
    return {**loaded, "baseline_p50_ms": baseline["p50_ms"], "p50_vs_single_session": ratio}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5, help="page views per session")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per page view")
    parser.add_argument("--url", help="an app already running (default: start one here)")
    parser.add_argument("--db", type=Path, help="store for the app started here (default: demo)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    if args.url:
        figures = measure(args.url.rstrip("/"), args.sessions, args.rounds, args.timeout)
    else:
        with running_app(args.db) as base_url:
            figures = measure(base_url, args.sessions, args.rounds, args.timeout)
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"{figures['sessions']} sessions x {figures['rounds']} page views: "
            f"{figures['answered']} answered, {figures['failed']} failed; "
            f"HTTP {figures['http_ok']} ok, {figures['http_failed']} failed"
        )
        print(
            f"latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms; "
            f"single session p50 {figures['baseline_p50_ms']} ms (x{figures['p50_vs_single_session']})"
        )
        for error in figures["errors"]:  # type: ignore[attr-defined]
            print("  " + str(error))
    return 0 if figures["failed"] == 0 and figures["http_failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
