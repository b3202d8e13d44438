"""Turning files (.txt, .md, .html) into report text, with clear errors for bad input.

Used by the CLI and the app's upload form, so both refuse the same files for the same
reasons. Nothing here guesses silently: a file we cannot read is named with the reason.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MAX_REPORT_BYTES = 2 * 1024 * 1024  # a news report is a few KB; 2 MB leaves room for HTML pages
READABLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


class BadInput(ValueError):
    """Input that cannot become a report; the message names the file and the reason."""


@dataclass(frozen=True)
class ReportText:
    text: str
    title: str | None = None


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML page: scripts/styles dropped, block elements as line breaks."""

    _SKIP = {"script", "style", "noscript", "template", "head", "svg"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        elif not self._skip_depth:
            self.parts.append(data)


def text_of_html(markup: str) -> ReportText:
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = re.sub(r"[ \t]+", " ", "".join(parser.parts))
    text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
    return ReportText(text=html.unescape(text), title=parser.title or None)


def decode_report_bytes(data: bytes, name: str) -> str:
    """Decode a report file: UTF-8 (with or without BOM), else UTF-16 with BOM, else
    Windows-1256 (Arabic) when that yields Arabic letters, else Latin-1 -- never binary."""
    if not data.strip():
        raise BadInput(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise BadInput(f"{name}: looks like a binary file, not a text report")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    arabic = data.decode("cp1256", errors="replace")
    if sum("\u0600" <= ch <= "\u06ff" for ch in arabic) >= 0.2 * len(arabic.split()):
        return arabic
    return data.decode("latin-1")


def report_text_from_bytes(data: bytes, name: str) -> ReportText:
    """A report's text from an uploaded or read file called ``name``."""
    if len(data) > MAX_REPORT_BYTES:
        raise BadInput(
            f"{name}: {len(data):,} bytes is over the {MAX_REPORT_BYTES:,}-byte limit for one report"
        )
    text = decode_report_bytes(data, name)
    if name.lower().endswith((".html", ".htm")) or re.match(r"\s*(<!doctype html|<html)", text, re.I):
        result = text_of_html(text)
    else:
        result = ReportText(text=text)
    if not result.text.strip():
        raise BadInput(f"{name}: no readable text in the file")
    control = sum(1 for ch in result.text if ord(ch) < 32 and ch not in "\n\r\t")
    if control > 0.01 * len(result.text):
        raise BadInput(f"{name}: looks like a binary file, not a text report")
    return result


def read_report_file(path: Path) -> ReportText:
    if path.is_dir():
        raise BadInput(f"{path}: is a directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return report_text_from_bytes(data, str(path))


def report_files(paths: list[Path]) -> list[Path]:
    """Expand folders into the report files they hold (sorted), keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
            )
        else:
            found.append(path)
    return found
