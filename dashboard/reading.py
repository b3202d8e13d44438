"""Turning files (.txt, .md, .html, .pdf) into report text, with clear errors for bad input.

Used by the CLI and the app's upload form, so both refuse the same files for the same
reasons. Nothing here guesses silently: a file we cannot read is named with the reason.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MAX_REPORT_BYTES = 2 * 1024 * 1024  # a news report is a few KB; 2 MB leaves room for HTML pages
# A PDF carries fonts and images around its text: a situation report of a few pages is often
# 1-5 MB. Its text still has to fit MAX_REPORT_BYTES.
MAX_PDF_BYTES = 25 * 1024 * 1024
READABLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")


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
    # No html.unescape here: convert_charrefs=True already decoded the entities once, and a
    # second pass would turn a page's visible "&lt;" into "<" (and "&amp;amp;" into "&").
    return ReportText(text=text, title=parser.title or None)


def _latin_inside_arabic(text: str) -> int:
    """Latin letters glued to Arabic ones: the trace of Arabic decoded with the wrong code page
    (ISO-8859-6 bytes read as Windows-1256 give "âتن" for "قتل")."""
    return len(re.findall(r"(?<=[\u0600-\u06ff])[\u00c0-\u00ff]|[\u00c0-\u00ff](?=[\u0600-\u06ff])", text))


def _mostly_arabic_words(text: str) -> bool:
    """At least a fifth of the words are written in Arabic letters. Counted per word, not per
    letter: Latin-1 German or Spanish read as Windows-1256 also yields Arabic letters ("Ñ" is
    "ر"), but scattered inside Latin words."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    arabic = [
        w for w in words if sum("\u0600" <= ch <= "\u06ff" for ch in w) >= 0.8 * sum(ch.isalpha() for ch in w)
    ]
    return bool(words) and len(arabic) >= 0.2 * len(words)


def _as_single_bytes(text: str) -> bytes | None:
    """The bytes ``text`` came from if it was decoded as Windows-1252 (bytes that code page
    leaves undefined passed through as U+0080..U+009F, as browsers do), else None."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))
    return bytes(out)


def _undo_mojibake(text: str) -> str:
    """UTF-8 text that was once decoded as Latin-1/Windows-1252 and saved again ("Ø¬Ø¨Ù„Ø©" for
    "جبلة") -- common in copied web pages. Re-encoding gives valid UTF-8 only when that is
    what happened (ordinary accented Latin text is not valid UTF-8 once encoded)."""
    if not re.search(r"[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122]", text):
        return text
    raw = _as_single_bytes(text)
    if raw is None:
        return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


def decode_report_bytes(data: bytes, name: str) -> str:
    """Decode a report file: UTF-8 (with or without BOM), else UTF-16 with BOM, else
    Windows-1256 or ISO-8859-6 (Arabic) when that yields Arabic words, else Windows-1252 or
    Latin-1 -- never binary. UTF-8 that was garbled once through Latin-1 is repaired."""
    if not data.strip():
        raise BadInput(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadInput(f"{name}: starts like UTF-16 text but is not valid UTF-16") from None
    if b"\x00" in data[:4096]:
        raise BadInput(f"{name}: looks like a binary file, not a text report")
    try:
        return _undo_mojibake(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    arabic = data.decode("cp1256", errors="replace")
    if _mostly_arabic_words(arabic):
        if _latin_inside_arabic(arabic):
            try:
                iso = data.decode("iso8859-6")  # strict: bytes it does not define fail
                if _latin_inside_arabic(iso) < _latin_inside_arabic(arabic):
                    return iso
            except UnicodeDecodeError:
                pass
        return arabic
    # Windows-1252 before Latin-1: it is what "Latin-1" files from Windows really are, and
    # Latin-1 would turn its curly quotes and dashes into invisible C1 control characters.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def text_of_pdf(data: bytes, name: str) -> ReportText:
    """The text layer of a PDF, page after page (lines as the PDF breaks them: the extractor
    reads lines broken at the print margin as running text, see extract/layout.py)."""
    # Imported here: only PDF uploads pay for the parser.
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadInput(f"{name}: the PDF is password-protected; save an unprotected copy first")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        metadata = reader.metadata
        title = (metadata.title or "").strip() if metadata is not None else ""
    except BadInput:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser of untrusted files fails many ways; each is the file's fault
        raise BadInput(f"{name}: not a readable PDF ({type(exc).__name__}: {exc})") from None
    text = "\n\n".join(page for page in pages if page)
    if not text:
        raise BadInput(f"{name}: the PDF has no text layer (a scanned document?); run OCR on it first")
    if len(text.encode("utf-8")) > MAX_REPORT_BYTES:
        raise BadInput(f"{name}: its text is over the {MAX_REPORT_BYTES:,}-byte limit for one report")
    return ReportText(text=text, title=title or None)


def report_text_from_bytes(data: bytes, name: str) -> ReportText:
    """A report's text from an uploaded or read file called ``name``."""
    if name.lower().endswith(".pdf") or data.startswith(b"%PDF-"):
        if len(data) > MAX_PDF_BYTES:
            raise BadInput(f"{name}: {len(data):,} bytes is over the {MAX_PDF_BYTES:,}-byte limit for one PDF")
        return text_of_pdf(data, name)
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
    control = len(_CONTROL.findall(result.text))  # one C-level scan, not a Python loop per character
    if control > 0.01 * len(result.text):
        raise BadInput(f"{name}: looks like a binary file, not a text report")
    return result


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # below U+0020, except tab, newline, CR


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
