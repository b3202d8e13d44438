"""Batch ingest with worker processes: the same store as reading every file in this
process, bad files named in file order, a progress bar, and no worker left behind when
the ingest is killed."""

from __future__ import annotations

import io
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from test_concurrency import wire_report

from dashboard.ingest import PARALLEL_FROM, ingest_paths
from dashboard.store import open_store

SEPARATE = 90  # wire reports: one incident each, none the same incident as another
# One ambush told by four outlets: one event holding four reports and four tolls.
AMBUSH = (
    "Gunmen ambushed a security patrol near Jableh on 6 March 2025, killing 13 personnel, Wire A said.",
    "Thirteen members of the security forces were killed near Jableh on 6 March 2025, Wire B said.",
    "An ambush near Jableh killed 14 security personnel on 6 March 2025, according to Wire C.",
    "Wire D said at least 12 security personnel died in the ambush near Jableh on 6 March 2025.",
)


def _inbox(root: Path) -> tuple[Path, list[Path]]:
    inbox = root / "inbox"
    inbox.mkdir()
    for k in range(SEPARATE):
        (inbox / f"wire-{k:03d}.txt").write_text(wire_report(k), encoding="utf-8")
    for i, text in enumerate(AMBUSH):
        (inbox / f"wire-{20 * i + 5:03d}-ambush.txt").write_text(text, encoding="utf-8")
    bad = [inbox / "wire-010-empty.txt", inbox / "wire-050-binary.txt"]
    bad[0].write_bytes(b"")
    bad[1].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(200))
    return inbox, bad


def _events(store) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return {(tuple(sorted(e.report_ids)), tuple(sorted(e.figure_ids))) for e in store.events()}


def _ingest_here(inbox: str, db: str, workers: int, progress: bool) -> dict[str, Any]:
    """ingest_paths into a new store, in whatever process runs this; what came of it."""
    bar = io.StringIO()
    shown, sys.stderr = sys.stderr, bar  # the progress bar writes to standard error
    try:
        store = open_store(db)
        summary = ingest_paths(store, [Path(inbox)], workers=workers, progress=progress)
        again = ingest_paths(store, [Path(inbox)], workers=workers)
    finally:
        sys.stderr = shown
    (ambush,) = [e for e in store.events() if len(e.report_ids) > 1]
    found = {
        "summary": (summary.workers, summary.added, summary.already, summary.failures),
        "again": (again.added, again.already),
        "stats": store.stats(),
        "ambush": (len(ambush.report_ids), len(ambush.figure_ids)),
        "events": _events(store),
        "bar": bar.getvalue(),
    }
    store.close()
    return found


def _ingest_in_a_new_process(inbox: Path, db: Path, workers: int, progress: bool = False) -> dict[str, Any]:
    """The pool only forks from a process with no other thread; a test run may have some
    left by other tests (database pools, app sessions), so the ingest runs in a new one."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_ingest_here, str(inbox), str(db), workers, progress).result(600)


def test_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    inbox, bad = _inbox(tmp_path)
    assert SEPARATE + len(AMBUSH) + len(bad) >= PARALLEL_FROM  # the pool really runs
    runs = {}
    for workers in (1, 2):
        run = _ingest_in_a_new_process(inbox, tmp_path / f"w{workers}.db", workers)
        used, added, already, failures = run["summary"]
        assert used == workers
        assert (added, already) == (SEPARATE + len(AMBUSH), 0)
        # each bad file named once, in file order, with its reason
        assert [f.split(":")[0] for f in failures] == [str(p) for p in bad]
        assert "empty" in failures[0] and "binary" in failures[1]
        # 90 separate incidents + the ambush once; every toll kept
        assert run["stats"]["reports"] == SEPARATE + len(AMBUSH)
        assert run["stats"]["events"] == SEPARATE + 1
        assert run["stats"]["figures"] == SEPARATE + len(AMBUSH)
        assert run["ambush"] == (len(AMBUSH), len(AMBUSH))
        assert run["again"] == (0, SEPARATE + len(AMBUSH))
        runs[workers] = run["events"]
    assert runs[1] == runs[2]


def test_progress_bar_counts_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inbox = tmp_path / "few"
    inbox.mkdir()
    for k in range(3):
        (inbox / f"r{k}.txt").write_text(wire_report(k), encoding="utf-8")
    store = open_store(str(tmp_path / "bar.db"))
    summary = ingest_paths(store, [inbox], progress=True)
    assert summary.added == 3 and summary.workers == 1  # three files: no pool
    err = capsys.readouterr().err
    assert "ingest" in err and "3/3" in err
    store.close()


def test_the_progress_bar_does_not_keep_the_workers_away(tmp_path: Path) -> None:
    """A bar that started a thread of its own would make forking unsafe: it has none."""
    inbox, bad = _inbox(tmp_path)
    run = _ingest_in_a_new_process(inbox, tmp_path / "bar.db", 2, progress=True)
    assert run["summary"][0] == 2
    total = SEPARATE + len(AMBUSH) + len(bad)
    assert f"{total}/{total}" in run["bar"]


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[1]) == pid:  # field 4 of /proc/PID/stat: the parent's pid
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_killed_ingest_leaves_no_worker_behind(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for k in range(1500):
        (inbox / f"wire-{k:04d}.txt").write_text(wire_report(k), encoding="utf-8")
    db = tmp_path / "atlas.db"
    env = {**os.environ, "REPORT_ATLAS_DB": str(db)}
    run = subprocess.Popen(
        [sys.executable, "-m", "dashboard.cli", "ingest", "--quiet", str(inbox)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    while run.poll() is None and not workers:  # wait for the pool (polling, no timing assumption)
        workers = _children(run.pid)
        time.sleep(0.02)
    assert workers, "the ingest ended before it started its workers"
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 60
    while any(Path(f"/proc/{w}").exists() and _state(w) != "Z" for w in workers):
        assert time.monotonic() < deadline, f"workers {workers} outlived the killed ingest"
        time.sleep(0.05)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def test_files_of_stored_reports_are_not_extracted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder ingested again after two files were added: only those two are read through
    the pipeline (the real one, counted), the others are counted as already stored."""
    import dashboard.pipeline

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for k in range(6):
        (inbox / f"r{k}.txt").write_text(wire_report(k), encoding="utf-8")
    store = open_store(str(tmp_path / "again.db"))
    assert ingest_paths(store, [inbox], workers=1).added == 6
    for k in (6, 7):
        (inbox / f"r{k}.txt").write_text(wire_report(k), encoding="utf-8")
    real = dashboard.pipeline.extract_report
    read: list[str] = []

    def counted(text: str, **options):  # type: ignore[no-untyped-def]
        read.append(text)
        return real(text, **options)

    monkeypatch.setattr(dashboard.pipeline, "extract_report", counted)
    summary = ingest_paths(store, [inbox], workers=1)
    assert (summary.added, summary.already, summary.failures) == (2, 6, [])
    assert sorted(read) == sorted([wire_report(6), wire_report(7)])
    assert store.stats()["reports"] == 8
    store.close()


def test_cli_summary_says_what_the_reports_became(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, text in enumerate(AMBUSH):
        (inbox / f"ambush-{i}.txt").write_text(text, encoding="utf-8")
    for k in (0, 1):
        (inbox / f"wire-{k}.txt").write_text(wire_report(k), encoding="utf-8")
    env = {**os.environ, "REPORT_ATLAS_DB": str(tmp_path / "cli.db")}
    command = [sys.executable, "-m", "dashboard.cli", "ingest", "--quiet", str(inbox)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "6 report(s) added, 0 already stored, 0 failed" in first.stdout
    assert "1 extraction process)" in first.stdout  # six files are read in the one process
    # four outlets' ambush is one event; the two wire reports one each; every toll kept
    assert "the store now holds 6 reports (+6), 3 events (+3), 6 figures (+6)" in first.stdout
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert "the store now holds 6 reports (+0), 3 events (+0), 6 figures (+0)" in again.stdout


def test_an_ingest_started_beside_other_threads_reads_in_its_own_process(tmp_path: Path) -> None:
    """Forking while other threads run is unsafe (a Streamlit server): read here instead."""
    import threading

    inbox, bad = _inbox(tmp_path)
    store = open_store(str(tmp_path / "threads.db"))
    done: dict[str, object] = {}
    release = threading.Event()
    idle = threading.Thread(target=release.wait)  # another thread alive meanwhile
    idle.start()
    try:
        worker = threading.Thread(target=lambda: done.update(summary=ingest_paths(store, [inbox], workers=2)))
        worker.start()
        worker.join(600)
    finally:
        release.set()
        idle.join()
    summary = done["summary"]
    assert summary.workers == 1  # type: ignore[attr-defined]
    assert (summary.added, len(summary.failures)) == (SEPARATE + len(AMBUSH), len(bad))  # type: ignore[attr-defined]
    assert store.stats()["events"] == SEPARATE + 1
    store.close()
