"""Names of issuing bodies: expand abbreviations and restore sentence case.

``UBND quận Long Biên``        -> ``Ủy ban nhân dân quận Long Biên``
``ỦY BAN NHÂN DÂN`` + ``THÀNH PHỐ CẦN THƠ`` -> ``Ủy ban nhân dân thành phố Cần Thơ``
``UBND TỈNH LÀO CAI`` + ``SỞ Y TẾ``         -> ``Sở Y tế tỉnh Lào Cai``

Vocabulary: ``patterns/issuers.yaml``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.text.normalise import key

_ABBREVIATED_BODY = regex.compile(r"(?<![\p{L}])(?:UBND|HĐND|MTTQ|BCĐ|TP)(?![\p{L}])")
_DASH_OR_SLASH = regex.compile(r"[-/]")


@lru_cache(maxsize=1)
def _data() -> dict:
    return patterns.load("issuers")


@lru_cache(maxsize=1)
def _abbrev_re() -> "regex.Pattern[str]":
    abbrevs = sorted(_data()["abbreviations"], key=len, reverse=True)
    alts = "|".join(regex.escape(a) for a in abbrevs)
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{alts})(?![\p{{L}}\d])", regex.V1)


@lru_cache(maxsize=1)
def _bodies() -> list[tuple[list[str], str]]:
    """(folded words, canonical casing) of body names, longest first."""
    out = [(key(k).split(), v) for k, v in _data()["bodies"].items()]
    return sorted(out, key=lambda kv: len(kv[0]), reverse=True)


@lru_cache(maxsize=1)
def _proper_words() -> list[tuple[list[str], str]]:
    """(folded words, casing) of proper nouns inside a body's name ("Tổ quốc"), longest first."""
    out = [(key(k).split(), v) for k, v in _data().get("proper_words", {}).items()]
    return sorted(out, key=lambda kv: len(kv[0]), reverse=True)


@lru_cache(maxsize=1)
def _admin_units() -> list[list[str]]:
    return sorted((key(u).split() for u in _data()["admin_units"]), key=len, reverse=True)


def expand(text: str) -> str:
    """Expand abbreviations (UBND -> Ủy ban nhân dân)."""
    table = _data()["abbreviations"]
    return _abbrev_re().sub(lambda m: table[m.group()], text)


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


_word_key = lru_cache(maxsize=4096)(key)  # words repeat: key each spelling once


def _match_words(words: list[str], i: int, options: list[list[str]]) -> Optional[list[str]]:
    keys = [_word_key(w) for w in words[i:i + max(map(len, options), default=0)]]  # once, not per option
    for opt in options:
        if keys[:len(opt)] == opt:
            return opt
    return None


def recase(text: str) -> str:
    """Sentence case of an upper-case body name.

    Body words take their usual casing (``Ủy ban nhân dân``, ``Sở``); the
    field after a sector body has its first syllable (and the one after
    ``và``) capitalised (``Sở Giáo dục và Đào tạo``); admin-unit words are
    lower case and the place name after them is capitalised syllable by
    syllable (``thành phố Cần Thơ``).
    """
    words = text.lower().split()
    sector = {key(s) for s in _data()["sector_bodies"]}
    place_bodies = {key(s) for s in _data().get("place_bodies", [])}
    not_units = [key(u).split() for u in _data().get("not_admin_units", [])]
    out: list[str] = []
    i, mode = 0, "start"
    while i < len(words):
        body = _match_words(words, i, [b for b, _ in _bodies()])
        if body is not None and mode != "place":
            canonical = dict((" ".join(b), v) for b, v in _bodies())[" ".join(body)]
            out.extend(canonical.split())
            i += len(body)
            joined = " ".join(body)
            mode = "field" if joined in sector else "place" if joined in place_bodies else "after_body"
            if mode == "field" and i < len(words):
                out.append(_cap(words[i]))
                i += 1
            continue
        unit = _match_words(words, i, _admin_units())
        if unit is not None and _match_words(words, i, not_units):
            unit = None
        if unit is not None and mode != "place":
            out.extend(words[i:i + len(unit)])
            i += len(unit)
            mode = "place"
            continue
        proper = _match_words(words, i, [w for w, _ in _proper_words()]) if mode != "place" else None
        if proper is not None:  # "... bảo vệ an ninh Tổ quốc"
            out.extend(dict((" ".join(w), v) for w, v in _proper_words())[" ".join(proper)].split())
            i += len(proper)
            continue
        w = words[i]
        if mode == "place":
            out.append(_cap(w))
        elif mode == "field" and out and (key(out[-1]) in ("và", "-") or out[-1].endswith(",")):
            out.append(_cap(w))
        else:
            out.append(w)
        i += 1
    result = " ".join(out)
    return _cap(result)


def normalise_issuer(text: str) -> Optional[str]:
    """Expanded, sentence-case name of a body as printed anywhere."""
    text = " ".join(text.replace("*", " ").split()).strip(" ,;:.-")
    if not text:
        return None
    upper = _mostly_upper(_ABBREVIATED_BODY.sub("", text) or text)
    expanded = expand(text)
    if upper:
        return recase(expanded)
    return _cap(expanded)


def ends_with_admin_unit(name: str) -> bool:
    """``Ủy ban nhân dân thành phố`` (no place name after the unit)."""
    words = key(name).split()
    return any(words[-len(u):] == u for u in _admin_units() if len(words) >= len(u))


@lru_cache(maxsize=1)
def _not_units() -> list[list[str]]:
    return [key(u).split() for u in _data().get("not_admin_units", [])]


def _unit_at(words: list[str], i: int) -> Optional[list[str]]:
    """The admin unit starting at word ``i``, unless a look-alike (``Xã hội``) starts there."""
    unit = _match_words(words, i, _admin_units())
    return None if unit is None or _match_words(words, i, _not_units()) else unit


def has_admin_unit(name: str) -> bool:
    """``UBND TỈNH LÀO CAI`` has one; ``SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI`` has none."""
    words = key(name).split()
    return any(_unit_at(words, i) for i in range(len(words)))


def starts_with_body(name: str) -> bool:
    words = expand(name).split()
    return _match_words(words, 0, [b for b, _ in _bodies()]) is not None


def join_header_parts(parts: list[str]) -> Optional[str]:
    """Issuer from the upper-case header lines, in order.

    A parent body with its place (``UBND TỈNH LÀO CAI``, maybe itself over
    two lines) followed by a line opening another body names the superior of
    the issuing body, which is the lower one (its name maybe over two lines
    too: ``UBND THỊ TRẤN`` / ``MƯỜNG KHƯƠNG``). A lower body without a place
    (``SỞ Y TẾ``) takes the parent's (``Sở Y tế tỉnh Lào Cai``). Otherwise
    the lines are one name split over several lines.
    """
    parts = [p for p in (" ".join(x.split()) for x in parts) if p]
    if not parts:
        return None
    split = _parent_split(parts)
    if split is not None:
        parent, lower = " ".join(parts[:split]), " ".join(parts[split:])
        if has_admin_unit(lower):  # "UBND HUYỆN X" / "UBND THỊ TRẤN Y": the lower body issues
            return normalise_issuer(lower)
        words = expand(parent).split()
        place = next(i for i in range(len(words)) if _unit_at(words, i))
        return normalise_issuer(lower + " " + " ".join(words[place:]))
    return normalise_issuer(" ".join(parts))


def _parent_split(parts: list[str]) -> Optional[int]:
    """Index of the first line of the lower body, after a parent body with its place."""
    seen_unit = False  # an admin unit on one of parts[:k] (one pass: headers of garbage can be long)
    for k in range(1, len(parts)):
        seen_unit = seen_unit or has_admin_unit(parts[k - 1])
        if seen_unit and not ends_with_admin_unit(parts[k - 1]) and starts_with_body(parts[k]):
            return k
    return None


def symbol_issuer(symbol: Optional[str]) -> Optional[str]:
    """Issuer implied by an instrument symbol's suffix (``QĐ-BYT`` -> Bộ Y tế)."""
    if not symbol:
        return None
    table = _data()["symbol_issuers"]
    suffix = _DASH_OR_SLASH.split(symbol)[-1].strip()
    return table.get(suffix)
