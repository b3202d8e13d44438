"""Warm a freshly started app before its first visitor (``report-atlas serve``).

A new Streamlit server has imported nothing of ours: the first visitor's run would pay for
importing folium, pandas and streamlit-folium (~0.7 s here), opening the store, building
the event views and the default map. Streamlit's own script health check
(``server.scriptHealthCheckEnabled``, ``GET /_stcore/script-health-check``) runs the app
script once in the server process, so ``warm_up`` asks for it as soon as the server answers
``/_stcore/health``: the imports, ``st.cache_resource`` (store, views) and ``st.cache_data``
(the default view's map, table, counts) are then ready for everyone. Nothing is faked: it is
the real first run, done before anyone waits for it. ``serve`` prints a line when it is done
(``READY_LINE``), which is when the app is ready; bench/bench_cold_start.py times from there
and reports the time to get there too.

The check runs the script, so every request to it costs one (cached) run: the endpoint is
only enabled by ``serve``, for a server that answers on localhost or behind a proxy.
"""

from __future__ import annotations

import time
import urllib.request

READY_LINE = "Report Atlas is ready"


def _get(url: str, timeout: float) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 - our own server
            return answer.status, answer.read().decode("utf-8", "replace")
    except OSError as exc:  # refused while starting, or an HTTP error status
        return getattr(exc, "code", 0) or 0, str(exc)


def warm_up(base_url: str, timeout_s: float = 300.0) -> tuple[bool, float, str]:
    """Wait for the server at ``base_url`` to answer, then run the app script once in it.

    Returns (the script ran without error, seconds the run took, the server's message)."""
    deadline = time.monotonic() + timeout_s
    while _get(base_url + "/_stcore/health", timeout=2)[0] != 200:
        if time.monotonic() > deadline:
            return False, 0.0, "the server did not answer /_stcore/health"
        time.sleep(0.1)
    started = time.perf_counter()
    status, message = _get(base_url + "/_stcore/script-health-check", timeout=max(1.0, timeout_s))
    return status == 200, time.perf_counter() - started, message.strip()


def announce_when_warm(port: int) -> None:
    """``warm_up`` the app served on ``port`` and print whether it is ready (for a thread)."""
    ok, seconds, message = warm_up(f"http://127.0.0.1:{port}")
    if ok:
        print(f"  {READY_LINE} (first run done in {seconds:.1f} s, caches warm).", flush=True)
    else:
        print(
            f"  Report Atlas: the warm-up run failed ({message[:300]}); pages build on first visit.",
            flush=True,
        )
