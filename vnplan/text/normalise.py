"""Text normalisation: NFC for the document text, and a matching key.

The *key* of a text is lower-case, has one tone-mark placement and one form
of dashes and quotes, and is exactly as long as the text, so a match found in
the key is a span of the text. Patterns are keyed the same way before they
are compiled.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from vnplan import patterns


def nfc(text: str) -> str:
    """Unicode NFC, the form all offsets refer to."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], "regex.Pattern[str]", dict[str, str]]:
    data = patterns.load("normalise")
    tones = {}
    for old, new in data["tone_placement"].items():
        assert len(old) == len(new), (old, new)
        tones[old] = new
    chars = {k: v for k, v in data["characters"].items() if len(k) == len(v) == 1}
    # Only open syllables differ between the two styles (hoà/hòa but never
    # hoàn/hòan), so a rewrite applies where no letter follows.
    alts = "|".join(map(regex.escape, sorted(tones, key=len, reverse=True)))
    tone_re = regex.compile(rf"(?:{alts})(?!\p{{L}})")
    return tones, tone_re, chars


def _lower_char(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


@lru_cache(maxsize=1)
def _chars_re() -> "regex.Pattern[str] | None":
    """One class of the ``characters`` table, or None when a key is not lower-case
    (then lower-casing first would not commute with the table: slow path)."""
    chars = _tables()[2]
    if not chars or any(k.lower() != k for k in chars):
        return None
    return regex.compile("[" + "".join(regex.escape(k) for k in chars) + "]")


def key(text: str) -> str:
    """Length-preserving matching key of an NFC ``text``."""
    return _key_short(text) if len(text) <= 48 else _key(text)


@lru_cache(maxsize=1 << 15)  # words and short phrases recur thousands of times per plan
def _key_short(text: str) -> str:
    return _key(text)


def _key(text: str) -> str:
    tones, tone_re, chars = _tables()
    low, chars_re = text.lower(), _chars_re()
    if chars_re is not None and len(low) == len(text):  # fast path: every char lowered 1:1
        out = chars_re.sub(lambda m: chars[m.group()], low)
    else:  # a char lowers to several (İ), or an upper-case key: char by char
        out = "".join(chars.get(ch) or _lower_char(ch) for ch in text)
    out = tone_re.sub(lambda m: tones[m.group()], out)
    assert len(out) == len(text)
    return out


def squash(text: str) -> str:
    """Key with runs of white space folded to one space and ends stripped."""
    return " ".join(key(text).split())
