"""The command line as a user runs it: real subprocesses, a real temporary store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent / "data" / "seed_000_a86c6af2031e5399.txt"


def run(*args: str, db: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    if db is not None:
        env["REPORT_ATLAS_DB"] = str(db)
    return subprocess.run(
        [sys.executable, "-m", "dashboard.cli", *args], input=stdin, capture_output=True, env=env, timeout=120
    )


def test_help_explains_every_command() -> None:
    out = run("--help").stdout.decode()
    for command in ("extract", "ingest", "geocode", "stats", "serve", "evaluate", "bench"):
        assert command in out
    assert "REPORT_ATLAS_DB" in out
    assert "standard input" in run("extract", "--help").stdout.decode()


def test_extract_prints_the_contract(tmp_path: Path) -> None:
    result = run("extract", str(SEED), "--published", "2025-03-14", "--source", "Seed", db=tmp_path / "x.db")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert set(data) >= {"report", "mentions", "figures", "events"}
    assert data["report"]["published"] == "2025-03-14" and "text" not in data["report"]
    latakia = [m for m in data["mentions"] if m["surface"] == "Latakia"]
    assert latakia and latakia[0]["place"]["id"] == "geonames:173576"
    assert not (tmp_path / "x.db").exists()  # extract stores nothing


def test_extract_reads_standard_input() -> None:
    result = run(
        "extract", "-", "--published", "2025-03-07", stdin=b"Gunmen killed 13 people in Baniyas on Friday."
    )
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert [m["place"]["id"] for m in data["mentions"] if m["place"]] == ["geonames:171830"]


def test_bad_input_exits_2_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for args in (["extract", str(empty)], ["extract", str(tmp_path / "missing.txt")]):
        result = run(*args)
        assert result.returncode == 2
        lines = result.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("report-atlas:")
    bad_date = run("extract", str(SEED), "--published", "14/03/2025")
    assert bad_date.returncode == 2 and b"YYYY-MM-DD" in bad_date.stderr


def test_ingest_is_idempotent_and_keeps_good_files(tmp_path: Path) -> None:
    db = tmp_path / "atlas.db"
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x00\x00binary")
    (folder / "tartus.txt").write_text(
        "Clashes in Tartus on 8 March 2025 left at least 4 gunmen dead, the governor said.", encoding="utf-8"
    )
    first = run("ingest", str(folder), "--published", "2025-03-14", db=db)
    assert first.returncode == 0, first.stderr.decode()
    assert b"broken.txt" in first.stderr and b"binary" in first.stderr
    assert b"2 report(s) added" in first.stdout
    second = run("ingest", str(folder), db=db)
    assert b"0 report(s) added, 2 already stored" in second.stdout
    stats = json.loads(run("stats", "--json", db=db).stdout)
    assert stats["reports"] == 2 and stats["events"] >= 2 and stats["figures"] >= 4


def test_geocode_json_ranks_candidates() -> None:
    result = run("geocode", "Jableh", "--country", "SY", "--json")
    assert result.returncode == 0, result.stderr.decode()
    candidates = json.loads(result.stdout)
    assert candidates[0]["id"] == "geonames:169304"
    assert 0 < candidates[0]["score"] <= 1
    assert json.loads(run("geocode", "Qwxzplk", "--json").stdout) == []
