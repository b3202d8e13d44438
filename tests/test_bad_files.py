"""Bad files: every refusal names the file and the reason; good text in any common encoding
is read exactly; a folder with bad files among good ones keeps the good ones.

Cases are generated (names x contents) so that each kind of bad input is tried in each
place a report can come from: .txt/.md/.html names, bytes in memory (the app's upload),
files on disk (the CLI). Expected texts are the texts written here, never the decoder's output.
"""

from __future__ import annotations

import gzip
import io
import random
import tomllib
import zipfile
from pathlib import Path

import pytest

from dashboard.reading import MAX_REPORT_BYTES, BadInput, read_report_file, report_text_from_bytes

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("report.txt", "notes.md", "page.html", "OLD PAGE.HTM")

# --- empty -----------------------------------------------------------------------------------

EMPTY_CONTENTS = (
    b"",
    b" ",
    b"\n",
    b"\r\n\r\n",
    b"\t \t",
    b"\n\n\n   \n",
    "\u00a0\u2003".encode(),  # no-break and em spaces: still nothing to read
    b"\xef\xbb\xbf",  # a UTF-8 byte-order mark and nothing else
    b"\xef\xbb\xbf  \n",
)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("data", EMPTY_CONTENTS, ids=range(len(EMPTY_CONTENTS)))
def test_empty_files_are_refused(name: str, data: bytes) -> None:
    with pytest.raises(BadInput, match=rf"^{name}: (the file is empty|no readable text)"):
        report_text_from_bytes(data, name)


# --- binary ----------------------------------------------------------------------------------


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:  # what a .docx is
        archive.writestr("word/document.xml", "<w:t>Latakia</w:t>" * 50)
    return buffer.getvalue()


BINARY_CONTENTS = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(255, -1, -1)) * 4,
    "gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04",
    "docx-zip": _zip_bytes(),
    "gzip": gzip.compress(b"Jableh " * 500),
    "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Length 64>>stream\n"
    + random.Random(7).randbytes(600)
    + b"\nendstream",
    "elf": b"\x7fELF\x02\x01\x01\x00" + bytes(64),
    "sqlite": b"SQLite format 3\x00" + bytes(range(256)) * 2,
    "exe": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(100),
    "control-chars": ("Latakia " + "\x01\x02\x03\x04\x05\x06" * 40).encode(),
    **{f"random-{seed}": random.Random(seed).randbytes(3000) for seed in range(20)},
}


@pytest.mark.parametrize("name", ("upload.txt", "upload.html"))
@pytest.mark.parametrize("kind", sorted(BINARY_CONTENTS))
def test_binary_files_are_refused(name: str, kind: str) -> None:
    data = BINARY_CONTENTS[kind]
    # (a file that starts like a PDF is read as one, whatever its name, and refused as one)
    with pytest.raises(BadInput, match=rf"^{name}: .*(binary|not valid UTF-16|not a readable PDF)"):
        report_text_from_bytes(data, name)


@pytest.mark.parametrize("tail", [b"A", b"\x00\xd8A\x00", b"\x00\xdc\x00\xdc", b"\x41\x00\x00"])
@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_broken_utf16_is_refused_not_a_crash(bom: bytes, tail: bytes) -> None:
    # Found by this suite: a UTF-16 byte-order mark followed by invalid UTF-16 raised a raw
    # UnicodeDecodeError, which the CLI and the batch ingest do not catch.
    data = bom + tail
    try:
        text = report_text_from_bytes(data, "odd.txt").text
    except BadInput as exc:
        assert str(exc).startswith("odd.txt: ")
    else:  # some of these are valid UTF-16 after all; then they must decode exactly
        assert text == data.decode("utf-16")


# --- encodings: read exactly -------------------------------------------------------------------

ARABIC_TEXTS = (
    "قتل 13 من عناصر الأمن في كمين قرب جبلة في ريف اللاذقية.",
    "وقالت الأمم المتحدة إنها وثقت مقتل 111 مدنياً على الأقل في بانياس وطرطوس.",
    "لجأت عائلات إلى قاعدة حميميم الجوية هرباً من العنف في القرداحة.",
)
LATIN_TEXTS = (
    "Les forces de sécurité ont été attaquées près de Jablé ; 13 agents ont été tués.",
    "Die Vereinten Nationen bestätigten mindestens 111 getötete Zivilisten in Baniyas.",
    "Según el Observatorio, más de 1.400 civiles murieron en la región costera.",
    "Ataque em Tartus: famílias fugiram para a base aérea de Hmeimim, disse a ONU.",
)
# Windows-1252 only: curly quotes and dashes that Latin-1 cannot hold.
WINDOWS_TEXTS = ("“We counted 745 dead,” the monitor said – a figure others dispute…",)


def _mojibake(text: str, codec: str) -> bytes:
    """What a page looks like after one wrong trip through ``codec`` (read as it, saved as UTF-8)."""
    # byte by byte: Windows-1252 leaves five bytes undefined and browsers pass them through
    decoded = []
    for byte in text.encode("utf-8"):
        try:
            decoded.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:
            decoded.append(chr(byte))
    return "".join(decoded).encode("utf-8")


ENCODED = (
    [(t, enc) for t in ARABIC_TEXTS for enc in ("utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "cp1256", "iso8859-6", "mojibake-latin-1")]
    + [(t, enc) for t in LATIN_TEXTS for enc in ("utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "mojibake-cp1252", "mojibake-latin-1")]
    + [(t, enc) for t in WINDOWS_TEXTS for enc in ("utf-8", "utf-16", "cp1252", "mojibake-cp1252")]
)  # fmt: skip


def _encode(text: str, encoding: str) -> bytes:
    if encoding.startswith("mojibake-"):
        return _mojibake(text, encoding.removeprefix("mojibake-"))
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


@pytest.mark.parametrize("name", ("report.txt", "notes.md"))
@pytest.mark.parametrize(("text", "encoding"), ENCODED, ids=[f"{e}-{i}" for i, (_, e) in enumerate(ENCODED)])
def test_text_in_any_common_encoding_is_read_exactly(name: str, text: str, encoding: str) -> None:
    assert report_text_from_bytes(_encode(text, encoding), name).text == text


# --- huge ------------------------------------------------------------------------------------


def _upload_limit_bytes() -> int:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return int(config["server"]["maxUploadSize"]) * 1024 * 1024


def test_cli_limit_is_below_the_upload_limit() -> None:
    # Then an upload the browser lets through still gets our message naming the file,
    # instead of being cut off by Streamlit.
    assert MAX_REPORT_BYTES <= _upload_limit_bytes()


HUGE_SIZES = {
    "one-over": MAX_REPORT_BYTES + 1,
    "10k-over": MAX_REPORT_BYTES + 10_000,
    "three-times": 3 * MAX_REPORT_BYTES,
    "over-upload-limit": None,  # filled in from config.toml
}


@pytest.mark.parametrize("name", ("big.txt", "big.html"))
@pytest.mark.parametrize("size", sorted(HUGE_SIZES))
def test_huge_files_are_refused_with_the_limit(name: str, size: str) -> None:
    length = HUGE_SIZES[size] or _upload_limit_bytes() + 1
    data = (b"Shelling reported near Latakia. " * (length // 32 + 1))[:length]
    with pytest.raises(
        BadInput, match=rf"^{name}: {length:,} bytes is over the {MAX_REPORT_BYTES:,}-byte limit"
    ):
        report_text_from_bytes(data, name)


def test_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    line = "Shelling reported near Latakia.\n"
    text = (line * (MAX_REPORT_BYTES // len(line) + 1))[:MAX_REPORT_BYTES]
    path = tmp_path / "at-limit.txt"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size == MAX_REPORT_BYTES
    assert read_report_file(path).text == text


def test_huge_file_on_disk_is_named(tmp_path: Path) -> None:
    path = tmp_path / "dump of everything.txt"
    path.write_bytes(b"x" * (MAX_REPORT_BYTES + 1))
    with pytest.raises(BadInput, match=r"dump of everything\.txt: .* limit"):
        read_report_file(path)


# --- HTML with scripts ---------------------------------------------------------------------------

HOSTILE_PAGES = {
    "script-only": ("<html><body><script>alert('PWNED')</script></body></html>", None),
    "script-and-text": ("<html><body><p>Clashes in Latakia.</p><script>alert('PWNED')</script></body></html>", "Clashes in Latakia."),
    "upper-case": ("<HTML><BODY><SCRIPT>alert('PWNED')</SCRIPT><P>Clashes in Latakia.</P></BODY></HTML>", "Clashes in Latakia."),
    "onerror": ('<html><p>Clashes in Latakia.<img src=x onerror="alert(\'PWNED\')"></p></html>', "Clashes in Latakia."),
    "javascript-link": ('<html><p><a href="javascript:alert(\'PWNED\')">Clashes in Latakia.</a></p></html>', "Clashes in Latakia."),
    "style": ("<html><style>body{background:url('PWNED')}</style><p>Clashes in Latakia.</p></html>", "Clashes in Latakia."),
    "noscript": ("<html><noscript>PWNED</noscript><p>Clashes in Latakia.</p></html>", "Clashes in Latakia."),
    "template": ("<html><template><p>PWNED</p></template><p>Clashes in Latakia.</p></html>", "Clashes in Latakia."),
    "svg-script": ("<html><svg><script>alert('PWNED')</script></svg><p>Clashes in Latakia.</p></html>", "Clashes in Latakia."),
    "iframe": ('<html><p>Clashes in Latakia.</p><iframe srcdoc="<script>alert(\'PWNED\')</script>"></iframe></html>', "Clashes in Latakia."),
    "comment": ("<html><!-- <script>alert('PWNED')</script> --><p>Clashes in Latakia.</p></html>", "Clashes in Latakia."),
    "unclosed-script": ("<html><p>Clashes in Latakia.</p><script>alert('PWNED')", "Clashes in Latakia."),
    "script-in-head": ("<html><head><script>alert('PWNED')</script></head><body><p>Clashes in Latakia.</p></body></html>", "Clashes in Latakia."),
    "fake-markup-in-script": ("<html><script>document.write('<p>PWNED</p>')</script><p>Clashes in Latakia.</p></html>", "Clashes in Latakia."),
    # What the page shows as text stays text, decoded once: "&lt;script&gt;" is visible
    # "<script>" on the page (escaping it again is the display's job); "&amp;lt;" is "&lt;".
    "escaped-markup": ("<html><p>They wrote &lt;b&gt;Latakia&lt;/b&gt; &amp;amp; more.</p></html>", "They wrote <b>Latakia</b> &amp; more."),
}  # fmt: skip


@pytest.mark.parametrize("name", ("page.html", "page.htm", "saved-page.txt"))
@pytest.mark.parametrize("kind", sorted(HOSTILE_PAGES))
def test_html_scripts_are_dropped(name: str, kind: str) -> None:
    markup, visible = HOSTILE_PAGES[kind]
    data = ("<!DOCTYPE html>\n" + markup).encode("utf-8")
    if visible is None:
        with pytest.raises(BadInput, match=rf"^{name}: no readable text"):
            report_text_from_bytes(data, name)
        return
    found = report_text_from_bytes(data, name)
    assert found.text == visible
    assert "PWNED" not in found.text and "alert" not in found.text


def test_html_title_is_read() -> None:
    found = report_text_from_bytes(
        b"<html><head><title>Ambush near Jableh</title></head><p>13 killed.</p></html>", "a.html"
    )
    assert found.title == "Ambush near Jableh" and found.text == "13 killed."


def test_plain_text_that_mentions_script_tags_is_kept_as_text() -> None:
    # A .txt report quoting markup is text; it is escaped when shown, not rewritten here.
    text = "Analysts saw <script>alert(1)</script> pasted into the forum near Latakia."
    assert report_text_from_bytes(text.encode(), "quote.txt").text == text


# --- paths ---------------------------------------------------------------------------------------


def test_directory_given_as_a_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=rf"{tmp_path.name}: is a directory"):
        read_report_file(tmp_path)


def test_missing_and_dangling_files(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"gone\.txt: cannot be read"):
        read_report_file(tmp_path / "gone.txt")
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(BadInput, match=r"dangling\.txt: cannot be read"):
        read_report_file(link)
