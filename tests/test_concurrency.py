"""Concurrent writers on one SQLite file: 8 `report-atlas ingest` processes, 500 reports
each, overlapping sets -> every report stored exactly once, one event per report, nothing
locked surfacing to the user, and re-ingesting is a no-op.

The reports are short wire-style texts written here, one incident each (one sentence, one
place, one date, one figure), so the expected counts come from the texts: 2,000 distinct
reports -> 2,000 reports, 2,000 events, 2,000 figures. The same place comes back only every
15 days, and the 15 places are more than 25 km apart, so no two reports are the same
incident.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from dashboard.pipeline import extract_report
from dashboard.store import open_store

PROCESSES = 8
PER_PROCESS = 500
DISTINCT = 2000  # each report goes to exactly two processes: 8 x 500 = 2 x 2,000

PLACES = (
    "Aleppo", "Damascus", "Homs", "Latakia", "Tartus", "Idlib", "Raqqa", "Deir ez-Zor",
    "Al-Hasakah", "Daraa", "As-Suwayda", "Qamishli", "Manbij", "Hama", "Baniyas",
)  # fmt: skip
TEMPLATES = (
    "Shelling killed {n} civilians in {place} on {day}, a local monitor said.",
    "Gunmen shot dead {n} people in {place} on {day}, residents said.",
    "An air strike on {place} on {day} killed {n} civilians, according to a war monitor.",
    "At least {n} fighters were killed in clashes near {place} on {day}, a monitor reported.",
)
FIRST_DAY = date(2005, 1, 1)


def wire_report(k: int) -> str:
    day = FIRST_DAY + timedelta(days=3 * k)
    return TEMPLATES[k % len(TEMPLATES)].format(
        n=3 + k % 97, place=PLACES[k % len(PLACES)], day=f"{day.day} {day:%B} {day.year}"
    )


def assigned(process: int) -> list[int]:
    """Process i takes a window of 500 starting at 250*i (mod 2,000): every report twice."""
    return [(process * PER_PROCESS // 2 + j) % DISTINCT for j in range(PER_PROCESS)]


def _env(db: Path) -> dict[str, str]:
    return {
        **os.environ,
        "REPORT_ATLAS_DB": str(db),
        "REPORT_ATLAS_OFFLINE": "1",
        "REPORT_ATLAS_NOMINATIM": "0",
    }


def _cli() -> list[str]:
    return [sys.executable, "-m", "dashboard.cli"]


@pytest.fixture(scope="module")
def report_pool(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pool = tmp_path_factory.mktemp("pool")
    for k in range(DISTINCT):
        (pool / f"wire-{k:04d}.txt").write_text(wire_report(k) + "\n", encoding="utf-8")
    return pool


def test_the_texts_are_distinct_and_each_process_overlaps_two_others() -> None:
    texts = [wire_report(k) for k in range(DISTINCT)]
    assert len(set(texts)) == DISTINCT
    counts = [0] * DISTINCT
    for process in range(PROCESSES):
        for k in assigned(process):
            counts[k] += 1
    assert set(counts) == {2}


def test_eight_processes_ingesting_into_one_file(tmp_path: Path, report_pool: Path) -> None:
    db = tmp_path / "shared.db"
    folders = []
    for process in range(PROCESSES):
        folder = tmp_path / f"inbox-{process}"
        folder.mkdir()
        for k in assigned(process):
            shutil.copy(report_pool / f"wire-{k:04d}.txt", folder)
        folders.append(folder)

    # All start together on a file that does not exist yet (first open creates + migrates).
    runs = [
        subprocess.Popen(
            [*_cli(), "ingest", "--quiet", str(folder)],
            env=_env(db),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    results = []
    for run in runs:
        out, err = run.communicate(timeout=600)
        results.append((run.returncode, out, err))

    added = already = 0
    for code, out, err in results:
        assert code == 0, err
        assert "locked" not in (out + err).lower() and "traceback" not in err.lower(), err
        match = re.search(r"(\d+) report\(s\) added, (\d+) already stored, (\d+) failed", out)
        assert match, out
        added += int(match[1])
        already += int(match[2])
        assert int(match[3]) == 0
    assert (added, already) == (DISTINCT, PROCESSES * PER_PROCESS - DISTINCT)

    store = open_store(str(db))
    stats = store.stats()
    assert stats["reports"] == DISTINCT
    assert stats["events"] == DISTINCT
    assert stats["figures"] == DISTINCT
    events = store.events()
    # one event per report, no report in two events, no event without its report
    assert sorted(len(e.report_ids) for e in events) == [1] * DISTINCT
    assert len({e.report_ids[0] for e in events}) == DISTINCT
    assert {e.report_ids[0] for e in events} == {r.id for r in store.reports()}
    assert len({e.id for e in events}) == DISTINCT
    store.close()

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] >= 1
    duplicates = conn.execute(
        "SELECT COUNT(*) FROM (SELECT report_id, start, end_ FROM mentions GROUP BY 1, 2, 3 HAVING COUNT(*) > 1)"
    ).fetchone()[0]
    assert duplicates == 0
    conn.close()

    # Re-ingesting everything is a no-op.
    again = subprocess.run(
        [*_cli(), "ingest", "--quiet", str(report_pool)],
        env=_env(db),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    assert f"0 report(s) added, {DISTINCT} already stored, 0 failed" in again.stdout
    store = open_store(str(db))
    assert store.stats() == stats
    store.close()


def test_threads_sharing_one_store_object(tmp_path: Path) -> None:
    """How the app writes: Streamlit sessions are threads sharing one cached store."""
    store = open_store(str(tmp_path / "threads.db"))
    extractions = [extract_report(wire_report(k)) for k in range(240)]
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(60):  # 8 threads x 60 = 480 saves of 240 reports: each twice
                store.save(extractions[(offset * 30 + i) % 240])
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.stats()["reports"] == 240
    assert store.stats()["events"] == 240
    store.close()
