"""Place-name normalisation: one spelling per name, so that lookups meet in the middle.

Two forms are used:

* ``normalise_name`` — the lookup key. Case, diacritics (Ţarţūs = Tartus), apostrophes,
  hyphens and Arabic articles (al-/el-/ash-/ال) are folded away, so "al-Ladhiqiyah",
  "El Ladhiqiya" and "Ladhiqiya" land near each other, and اللاذقية = لاذقية.
* ``scan_fold`` — the same folding character by character (articles kept), used to run the
  name automaton over a report while keeping exact character offsets into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic letters written several ways in news copy and in GeoNames: hamza-carrying alefs,
# alef maqsura, ta marbuta (often transliterated as -a or -ah, and typed as ه or ة).
_ARABIC_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ی": "ي",  # Persian/Urdu yeh
    "ک": "ك",  # Persian keheh
}
# Characters that carry no letter: tatweel, zero-width (non-)joiners, soft hyphen, marks.
_DROPPED = {"\u0640", "\u200c", "\u200d", "\u00ad", "\u200e", "\u200f"}
# Characters that are part of a word but not letters or digits.
_APOSTROPHES = "'’‘ʼʻ`´ʾʿ"

# Arabic definite article as transliterated: al-/el- before any letter; the assimilated
# forms (ad-Dana, ash-Sham, an-Nusayriyah, ez-Zor) only before the matching consonant,
# so that "as", "an", "at", "en" in other languages are left alone.
_SUN_ARTICLES = (
    "ad",
    "adh",
    "ar",
    "as",
    "ash",
    "at",
    "ath",
    "az",
    "an",
    "ed",
    "er",
    "es",
    "esh",
    "et",
    "ez",
    "en",
)
_ARABIC_ARTICLE = "ال"


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: lower case, no diacritics, Arabic letter variants unified.

    May return "" (a mark or joiner to drop) or several characters (ß -> ss).
    Non-word characters become a space.
    """
    if char in _DROPPED:
        return ""
    if char in _ARABIC_FOLD:
        return _ARABIC_FOLD[char]
    if char in _APOSTROPHES:
        return " "
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    out = []
    for c in decomposed:
        if unicodedata.combining(c) or c in _DROPPED:
            continue
        c = _ARABIC_FOLD.get(c, c)
        out.append(c if c.isalnum() else " ")
    folded = "".join(out)
    # Punctuation that decomposes to several characters ("…" -> "...") is one word break.
    return " " if folded and not folded.strip() else folded


class _FoldTable(dict[int, str]):
    """str.translate table that folds every character to exactly one character.

    Characters whose fold is not one character map to NUL; the caller then takes the
    slower path that keeps an offset map.
    """

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        value = folded if len(folded) == 1 else "\x00"
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


# _FOLD_TABLE for the ASCII characters, as a bytes.translate table.
_ASCII_FOLD = bytes(ord(_FOLD_TABLE[c]) for c in range(128)) + bytes(128)
_NON_ASCII = re.compile(r"[^\x00-\x7f][^\x00-\x7f]*")  # not "+": lets the engine skip ahead


def _translate_mixed(text: str) -> str:
    """``text.translate(_FOLD_TABLE)`` for a text with some non-ASCII characters (curly quotes,
    dashes, a name with diacritics): str.translate looks every character of such a text up
    in the table one by one (~20x slower than for pure ASCII). Here the ASCII characters go
    through bytes.translate and only the non-ASCII runs through the table."""
    # encode(..., "replace") writes one "?" per non-ASCII character: offsets are kept.
    ascii_folded = text.encode("ascii", "replace").translate(_ASCII_FOLD).decode("ascii")
    parts: list[str] = []
    at = 0
    for run in _NON_ASCII.finditer(text):
        start, end = run.span()
        parts.append(ascii_folded[at:start])
        parts.append(run.group(0).translate(_FOLD_TABLE))
        at = end
    parts.append(ascii_folded[at:])
    return "".join(parts)


def scan_fold(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` for the name automaton, keeping offsets.

    Returns ``(folded, offsets)``. When every character folds to one character (nearly
    all English news copy), ``offsets`` is None and folded[i] corresponds to text[i].
    Otherwise ``offsets[i]`` is the index in ``text`` of the character that produced
    folded[i], and ``offsets[len(folded)] == len(text)``.
    """
    folded = text.translate(_FOLD_TABLE) if text.isascii() else _translate_mixed(text)
    if "\x00" not in folded:
        return folded, None
    parts: list[str] = []
    offsets: list[int] = []
    for i, char in enumerate(text):
        f = fold_char(char)
        parts.append(f)
        offsets.extend([i] * len(f))
    offsets.append(len(text))
    return "".join(parts), offsets


_SPACES = re.compile(r"\s+")
# What the lookup key (and the scan's second spelling) leaves out: apostrophes join the word.
NO_APOSTROPHES = {ord(c): None for c in _APOSTROPHES}


def fold_words(name: str) -> str:
    """A name folded as the automaton sees it: words separated by single spaces."""
    return _SPACES.sub(" ", "".join(fold_char(c) for c in name)).strip()


def _drop_articles(words: list[str]) -> list[str]:
    out: list[str] = []
    n = len(words)
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < n else ""
        if nxt and (word in ("al", "el") or (word in _SUN_ARTICLES and nxt.startswith(word[1:]))):
            continue
        if word.startswith(_ARABIC_ARTICLE) and len(word) > 3:
            word = word[2:]
        out.append(word)
    return out


@lru_cache(maxsize=65536)  # reports repeat a small vocabulary of names
def normalise_name(name: str) -> str:
    """The lookup key of a place name.

    >>> normalise_name("Ţarţūs") == normalise_name("tartus")
    True
    >>> normalise_name("al-Ladhiqiyah") == normalise_name("Ladhiqiyah")
    True
    """
    # Apostrophes join (Dar'a = Dara, Ma'arrat = Maarrat); elsewhere they split words.
    words = fold_words(name.translate(NO_APOSTROPHES)).split(" ")
    if words == [""]:
        return ""
    return " ".join(_drop_articles(words))


def _is_article(word: str, nxt: str) -> bool:
    return bool(nxt) and (word in ("al", "el") or (word in _SUN_ARTICLES and nxt.startswith(word[1:])))


def article_variants(folded: str, limit: int = 12) -> list[str]:
    """Spellings a report may use for a folded name's Arabic articles.

    "al haffah" -> "al haffah", "el haffah", "haffah"; "deir el balah" -> "deir al balah", ...;
    "deir ez zor" -> "deir az zor", "deir al zor", ... A leading article may also be left out.
    """
    words = folded.split(" ")
    options: list[list[str]] = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if _is_article(word, nxt):
            forms = [word, "al", "el"]
            if word in _SUN_ARTICLES:
                forms += ["a" + word[1:], "e" + word[1:]]
            if i == 0:
                forms.append("")
            options.append(list(dict.fromkeys(forms)))
        elif i == 0 and len(words) == 1 and word.startswith(_ARABIC_ARTICLE) and len(word) > 3:
            options.append([word, word[2:]])
        else:
            options.append([word])
    variants = [""]
    for forms in options:
        variants = [f"{v} {f}".strip() if f else v for v in variants for f in forms][: limit * 4]
    return list(dict.fromkeys([folded, *variants]))[:limit]
