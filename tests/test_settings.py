"""Settings are declared once; the README must document every one of them."""

from __future__ import annotations

from pathlib import Path

from dashboard import settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in settings.SETTINGS if f"`{s.name}`" not in readme]
    assert missing == []


def test_environment_overrides_default(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("REPORT_ATLAS_DEMO", "0")
    assert settings.flag("REPORT_ATLAS_DEMO") is False
    monkeypatch.delenv("REPORT_ATLAS_DEMO")
    assert settings.flag("REPORT_ATLAS_DEMO") is True
