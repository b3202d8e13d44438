"""Take the README's screenshot of the real app with the demo reports (docs/screenshot.png).

    .venv/bin/python tests/browser/readme_screenshot.py [OUT.png]

Starts ``streamlit run`` on a fresh store of the demo reports, opens it in Debian Chromium
with every outside request blocked (what the picture shows works offline), selects the
seed report's killings in Latakia so the card shows, and saves the window.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from atlas_browser import CHROMIUM_ARGS, ROOT, new_context, open_app, running_atlas


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    from dashboard.demo import ensure_demo_data
    from dashboard.mapview import ensure_static_assets
    from dashboard.store import open_store

    ensure_static_assets()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "atlas.db"
        os.environ["REPORT_ATLAS_DEMO"] = "1"
        store = open_store(str(db))
        ensure_demo_data(store)
        # The seed's "over 1,400 civilian deaths ... in Latakia": the event a reader looks for.
        latakia = next(
            e.id for e in store.events() if e.type == "killings" and e.place_ids[:1] == ("geonames:173576",)
        )
        store.close()
        with running_atlas(db, Path(tmp) / "streamlit.log") as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            blocked: list[str] = []
            context = new_context(browser, blocked, viewport={"width": 1440, "height": 1500})
            page = context.new_page()
            open_app(page, f"{url}?event={latakia}&lat=35.45&lon=35.95&z=9")
            page.wait_for_timeout(1500)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            browser.close()
    print(f"saved {out} (outside requests blocked: {len(blocked)})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png")
