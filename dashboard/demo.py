"""Demo reports shipped with the package, loaded into an empty store on first start."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from dashboard import settings
from dashboard.pipeline import extract_report


@dataclass(frozen=True)
class DemoReport:
    path: Path
    title: str | None
    source: str | None
    url: str | None
    published: date | None


def demo_reports() -> list[DemoReport]:
    """The demo reports listed in dashboard/demo_reports/manifest.csv."""
    folder = Path(str(resources.files("dashboard") / "demo_reports"))
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        DemoReport(
            path=folder / row["file"],
            title=row.get("title") or None,
            source=row.get("source") or None,
            url=row.get("url") or None,
            published=date.fromisoformat(row["published"]) if row.get("published") else None,
        )
        for row in rows
    ]


def ensure_demo_data(store) -> int:  # type: ignore[no-untyped-def]
    """Load the demo reports into ``store`` if it holds no report yet. Returns how many were added."""
    if not settings.flag("REPORT_ATLAS_DEMO") or store.stats()["reports"] > 0:
        return 0
    added = 0
    for demo in demo_reports():
        extraction = extract_report(
            demo.path.read_text(encoding="utf-8"),
            published=demo.published,
            source=demo.source,
            title=demo.title,
            url=demo.url,
        )
        added += int(store.save(extraction))
    return added
