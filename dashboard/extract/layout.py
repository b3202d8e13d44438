"""Text laid out for print: lines broken at a margin, not where sentences end.

Reports copied out of PDFs and e-papers break every line at the page's margin ("…at least 20
children were among those killed in\\nZamzam, and women …"). The readers of this package treat
a line break as a boundary (headlines, datelines, list items and table rows carry no full
stop), so such text would be read in fragments. ``unwrap_margin_breaks`` gives a copy of the
text in which the breaks that only mark the margin are spaces. It has the same length and
every other character in place, so offsets found in the copy hold in the original. A
transcript's speaker labels are another layout the readers share (``SPEAKER_LABEL``).
"""

from __future__ import annotations

import re

# A transcript's speaker label at a line's start ("HAGARI: ", "TANVIR RAHMAN (DHAKA): ",
# "TÜRK (recording): "): capitals, up to four words, maybe a role or place in brackets. The
# figure reader takes the speaker from it, the place finder leaves it alone.
# (A role after commas only before a bracket: "ROSELINE ODEDE, CHAIRPERSON, KNCHR (clip): ",
# "AHMED SHARIF CHAUDHRY, Pakistan army spokesman (recorded): ";
# "PESHAWAR, PAKISTAN: ..." is a dateline.)
_LABEL_WORDS = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+){0,3}"
SPEAKER_LABEL = rf"{_LABEL_WORDS}(?:(?:,[ \t]+[A-Za-zÀ-ÿ'’. -]{{2,50}}){{1,2}}(?=[ \t]*\())?"
SPEAKER_LABEL_END = r"(?:[ \t]*\([^()\n]{1,60}\))?:[ \t]"

_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", ".)")
# A list item's opening: "• ", "- ", "3. ".
_ITEM_RE = re.compile(r"^\s*(?:[•●▪◦*–—-]|\d{1,2}[.)])\s")
# Lines that are structure, not running text: footnote rules, "Label: value" lines, table rows
# and columns laid out with bars, runs of spaces or tabs (page headers and footers are such).
_STRUCTURE_RE = re.compile(r"^_{3,}|^[A-Z][\w /&'-]{0,40}:\s*\S{1,20}\s*$|\|| {3,}|\t")
# The fewest margin lines before a text counts as laid out for print, and the widest margin
# such layouts use (news copy keeps a paragraph on one line: its lines run to hundreds).
_MIN_WRAPPED_LINES = 4
_SINGLE_BREAK_RE = re.compile(r"[^\n]\n(?=[^\n])")
_MAX_MARGIN = 110
# A line this near the margin was filled to it (ragged right: the next word may have fit).
_FULL_LINE = 0.7


def _is_heading(line: str) -> bool:
    """ "KEY DEVELOPMENTS", "ATTACK ON THE OKHMATDYT CHILDREN'S HOSPITAL": capitals only."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def unwrap_margin_breaks(text: str) -> str:
    """``text`` with line breaks that only mark a print margin turned into spaces.

    A break is the margin's when the line before runs to the margin (the next line's first
    word would not have fit on it, or it fills most of the width) and neither line is
    structure: a list item, a table row, a heading in capitals, a "Label: value" line, a line
    that ends in a colon or ends a sentence before a new one. A line that leaves room but whose
    sentence plainly goes on on the next is joined too. The first line (the title) is never
    joined. Text whose lines run past ``_MAX_MARGIN`` characters is not laid out for print and
    comes back unchanged.
    """
    # Joins happen only between two non-blank lines: news copy, a paragraph a line with blank
    # lines between, has too few such breaks to look at (one C-level count, ~2 us).
    if len(_SINGLE_BREAK_RE.findall(text)) < _MIN_WRAPPED_LINES:
        return text
    lines = text.split("\n")
    running = sorted(len(line) for line in lines[1:] if line.strip() and not _STRUCTURE_RE.search(line))
    if len(running) < _MIN_WRAPPED_LINES:
        return text
    # The margin: what nearly all running lines stay within (a stray long line is ignored).
    margin = running[min(len(running) - 1, int(len(running) * 0.95))]
    if margin > _MAX_MARGIN:
        return text
    joins: list[int] = []  # offsets of the breaks to turn into spaces
    offset = len(lines[0]) + 1
    for line, following in zip(lines[1:], lines[2:], strict=False):
        at = offset + len(line)
        offset = at + 1
        stripped = line.rstrip()
        if not stripped or not following.strip() or following[:1].isspace():
            continue
        if stripped.endswith(":") or _STRUCTURE_RE.search(line) or _STRUCTURE_RE.search(following):
            continue
        if _ITEM_RE.match(following):
            continue  # the next item of a list (the item before may run over several lines)
        next_word = following.split(None, 1)[0]
        full = len(stripped) >= _FULL_LINE * margin or len(stripped) + 1 + len(next_word) > margin
        if not full and not (
            following[:1].islower()
            and (stripped[-1:].isalnum() or stripped[-2:-1].isalpha() and stripped[-1] == "-")
        ):
            # Room was left on the line: the break is the writer's, unless the sentence
            # plainly goes on ("towards Mellit and Kutum\nremain insecure").
            continue
        if _is_heading(stripped) or _is_heading(following):
            continue
        if stripped.endswith(_SENTENCE_ENDS) and not following[:1].islower():
            # A sentence ends with the line: a paragraph, a live page's entry or a speaker's
            # turn may too, and a break between two sentences costs the readers nothing.
            continue
        joins.append(at)
    if len(joins) < _MIN_WRAPPED_LINES:
        return text
    chars = list(text)
    for at in joins:
        chars[at] = " "
        if chars[at - 1] == "-" and at >= 2 and chars[at - 2].isalpha() and text[at + 1 : at + 2].isalpha():
            _mend_hyphenated_word(text, chars, at)
    return "".join(chars)


# Words a hyphen is written after even mid-line ("twenty-five", "al-Fashir", "self-defence"):
# a break after one of them keeps the hyphen.
_HYPHEN_KEEPERS = frozenset(
    """twenty thirty forty fifty sixty seventy eighty ninety so well anti pro non self ex al el
    pre post co cross ill long short full half low high mid north south east west""".split()
)


def _mend_hyphenated_word(text: str, chars: list[str], at: int) -> None:
    """Join a word broken at the margin ("neutral-" / "ised"): its second part moves up against
    its first and the characters saved become spaces after the word, so nothing past the word
    moves. A break after a capitalised part or before one ("Saint-" / "Marc") or after a word
    written with a hyphen anyway keeps the hyphen."""
    first = at - 1
    while first > 0 and text[first - 1].isalpha():
        first -= 1
    end = at + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    left, right = text[first : at - 1], text[at + 1 : end]
    keep = right[:1].isupper() or left.lower() in _HYPHEN_KEEPERS
    word = f"{left}-{right}" if keep else left + right
    chars[first:end] = list(word.ljust(end - first))
