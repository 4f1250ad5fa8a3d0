"""Text measured and wrapped in terminal columns, where a Chinese character takes two.

textwrap counts characters and breaks only at spaces: Chinese prose has no spaces and is twice
as wide as it counts. These break between any two wide characters, and between words of Latin
text (a code name or a path is never split). Standard library only.
"""

import re
import unicodedata

# A run of wide characters is broken anywhere; other text only at its spaces.
TOKENS = re.compile(r"\s+|[^\s]")
NO_BREAK_BEFORE = set("，。：；、！？）」』》”’,.:;!?)")


def cells(text):
    """Columns `text` takes in a terminal: 2 for each wide (CJK, full-width) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def is_wide(character):
    return unicodedata.east_asian_width(character) in "WF"


def words(text):
    """The pieces a line may break between: each wide character, each run of other
    non-space characters, each run of spaces."""
    pieces = []
    for token in TOKENS.findall(text):
        previous = pieces[-1] if pieces else ""
        joins = (
            previous
            and not previous.isspace()
            and not token.isspace()
            and not (is_wide(token) or is_wide(previous[-1]))
        ) or (previous and not previous.isspace() and token in NO_BREAK_BEFORE)
        if joins:
            pieces[-1] += token
        else:
            pieces.append(token)
    return pieces


def wrap(text, width):
    """`text` as lines of at most `width` columns (a single piece wider than that stays whole)."""
    lines, line = [], ""
    for piece in words(text):
        if piece.isspace():
            if line:
                line += " "
            continue
        if line and cells(line) + cells(piece) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def rjust(text, width):
    """`text` right-aligned in `width` columns."""
    return " " * max(width - cells(text), 0) + text


def ljust(text, width):
    return text + " " * max(width - cells(text), 0)
