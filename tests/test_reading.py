"""Files into report text: encodings, HTML, and clear refusals that name the file."""

from __future__ import annotations

import pytest

from dashboard.reading import (
    MAX_REPORT_BYTES,
    BadInput,
    read_report_file,
    report_files,
    report_text_from_bytes,
)

ARABIC = "قتل 13 من عناصر الأمن في كمين قرب جبلة في ريف اللاذقية."


def test_utf8_with_bom_and_plain() -> None:
    assert report_text_from_bytes("\ufeffLatakia".encode(), "a.txt").text == "Latakia"
    assert report_text_from_bytes(ARABIC.encode(), "a.txt").text == ARABIC


def test_arabic_in_windows_1256_is_decoded() -> None:
    assert report_text_from_bytes(ARABIC.encode("cp1256"), "old.txt").text == ARABIC


def test_latin1_text_is_decoded() -> None:
    text = "Les forces de sécurité ont été attaquées près de Jablé."
    assert report_text_from_bytes(text.encode("latin-1"), "fr.txt").text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02PNG\x00\x00data", "binary"),
        (b"<html><script>alert(1)</script></html>", "no readable text"),
    ],
)
def test_refusals_name_the_file_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput, match=rf"upload\.bin: .*{reason}"):
        report_text_from_bytes(data, "upload.bin")


def test_over_the_size_limit_is_refused() -> None:
    with pytest.raises(BadInput, match="limit"):
        report_text_from_bytes(b"a" * (MAX_REPORT_BYTES + 1), "huge.txt")


def test_html_keeps_visible_text_and_drops_scripts() -> None:
    page = (
        "<html><head><title>Ambush near Jableh</title><script>alert('x')</script></head>"
        "<body><h1>Ambush near Jableh</h1><p>Gunmen killed 13 security personnel.</p>"
        "<style>p{}</style><p>Fish &amp; chips</p></body></html>"
    )
    found = report_text_from_bytes(page.encode(), "page.html")
    assert found.title == "Ambush near Jableh"
    assert "Gunmen killed 13 security personnel." in found.text
    assert "Fish & chips" in found.text
    assert "alert" not in found.text and "p{}" not in found.text


def test_folders_expand_to_report_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>two</p>")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [p.name for p in report_files([tmp_path])] == ["a.txt", "b.html"]
    with pytest.raises(BadInput, match="directory"):
        read_report_file(tmp_path)
