"""Crash safety on real SQLite files: an ingest killed with SIGKILL part-way leaves a sound
file where every stored report is complete (one transaction per batch, never half a
report); running the same ingest again finishes the job without duplicates. A writer that
holds the lock for a while makes the others wait, not fail."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from test_concurrency import wire_report

from dashboard.pipeline import extract_report
from dashboard.store import open_store

REPORTS = 1500


def _counts(db: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("reports", "events", "figures")
        )
    except sqlite3.OperationalError:  # not created yet
        return (0, 0, 0)
    finally:
        conn.close()


def test_killed_ingest_leaves_only_whole_reports_and_resumes(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for k in range(REPORTS):
        (inbox / f"wire-{k:04d}.txt").write_text(wire_report(k), encoding="utf-8")
    db = tmp_path / "atlas.db"
    env = {**os.environ, "REPORT_ATLAS_DB": str(db)}
    command = [sys.executable, "-m", "dashboard.cli", "ingest", "--quiet", str(inbox)]

    run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Kill it once some batches are in and the rest are not (polling, no timing assumption).
    while run.poll() is None and _counts(db)[0] == 0:
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait()
    reports, events, figures = _counts(db)
    assert 0 < reports, "the ingest was killed before its first batch"
    print(f"killed with {reports} of {REPORTS} reports stored")

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored report is whole: each text has one incident and one figure
    assert events == reports and figures == reports
    orphans = conn.execute(
        "SELECT COUNT(*) FROM figures WHERE report_id NOT IN (SELECT id FROM reports)"
    ).fetchone()[0]
    assert orphans == 0
    conn.close()

    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{REPORTS - reports} report(s) added, {reports} already stored, 0 failed" in again.stdout
    assert _counts(db) == (REPORTS, REPORTS, REPORTS)


def test_a_writer_holding_the_lock_makes_others_wait_not_fail(tmp_path: Path) -> None:
    db = tmp_path / "atlas.db"
    store = open_store(str(db))
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    holder.execute("INSERT INTO schema_version (version, applied_at) VALUES (999, 'held')")
    released = threading.Event()

    def release_later() -> None:
        time.sleep(1.0)
        holder.execute("ROLLBACK")
        released.set()

    threading.Thread(target=release_later).start()
    assert store.save(extract_report(wire_report(7))) is True  # waited for the lock
    assert released.is_set()
    assert store.stats()["reports"] == 1
    holder.close()
    store.close()
