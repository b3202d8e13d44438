"""Smoke test of bench/load_test.py: the real app (``streamlit run``) answers a few
concurrent browser-like sessions -- every page view finishes without an exception element,
including a mangled share link. The full figure (20 sessions) is printed by the bench
script, not asserted here (no timing assertions in tests)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_test_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("load_test", ROOT / "bench" / "load_test.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_test"] = module
    spec.loader.exec_module(module)
    return module


def test_concurrent_sessions_are_all_answered(tmp_path: Path) -> None:
    load_test = _load_test_module()
    with load_test.running_app(tmp_path / "atlas.db") as base_url:
        result = load_test.run_load(base_url, sessions=4, rounds=len(load_test.QUERIES), timeout=120)
    summary = result.summary()
    assert summary["runs"] == 4 * len(load_test.QUERIES)
    assert summary["failed"] == 0 and summary["http_failed"] == 0, summary["errors"]
    assert summary["answered"] == summary["runs"]
    assert summary["http_ok"] == 4 * 3


def test_sessions_keep_answering_while_a_batch_ingest_writes(tmp_path: Path) -> None:
    """Readers (app sessions) and a writer (`report-atlas ingest`) on one SQLite file at once:
    no page view fails and nothing locked reaches either side."""
    import os
    import subprocess

    load_test = _load_test_module()
    sys.path.insert(0, str(ROOT / "tests"))
    from test_concurrency import wire_report

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for k in range(600):
        (inbox / f"wire-{k:04d}.txt").write_text(wire_report(k), encoding="utf-8")
    db = tmp_path / "atlas.db"
    with load_test.running_app(db) as base_url:
        load_test.run_load(base_url, sessions=1, rounds=1, timeout=120)  # demo loaded, caches warm
        ingest = subprocess.Popen(
            [sys.executable, "-m", "dashboard.cli", "ingest", "--quiet", str(inbox)],
            env={**os.environ, "REPORT_ATLAS_DB": str(db)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        result = load_test.run_load(base_url, sessions=4, rounds=4, timeout=120)
        out, err = ingest.communicate(timeout=600)
    summary = result.summary()
    assert summary["failed"] == 0 and summary["answered"] == 16, summary["errors"]
    assert ingest.returncode == 0 and "locked" not in (out + err).lower(), err
    assert "600 report(s) added" in out
