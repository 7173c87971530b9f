"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI-Windows and Windows-1258.

The tables are data in ``patterns/encodings/*.yaml``. Which encoding a file
uses is decided by its own text: every candidate decoding is scored by the
share of its words that are well-formed Vietnamese syllables, and the best
one wins. The share of syllables with a Vietnamese vowel nucleus and their
tone on the right vowel ranks first: on a few words the wrong table often
still gives loose syllables (VNI ``Kế hoạch`` read as TCVN3: ``Keỏ hoaùch``).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns

CANDIDATES = ("windows-1258", "tcvn3", "vni")
MIN_SCORE = 0.5  # below this share of valid syllables no candidate is trusted


@lru_cache(maxsize=1)
def _tcvn3() -> dict[int, str]:
    data = patterns.load("encodings/tcvn3")
    table = {int(b): ch for b, ch in data["bytes"].items()}
    return table


@lru_cache(maxsize=1)
def _vni() -> tuple[dict[str, str], "regex.Pattern[str]"]:
    """VNI sequence (as cp1252 text) -> letter, and a longest-first pattern."""
    data = patterns.load("encodings/vni")
    seq_to_char = {seq: ch for ch, seq in data["letters"].items()}
    alts = sorted(seq_to_char, key=len, reverse=True)
    return seq_to_char, regex.compile("|".join(map(regex.escape, alts)))


def _base(byte: int, codepage: str) -> Optional[str]:
    try:
        return bytes([byte]).decode(codepage)
    except UnicodeDecodeError:
        return None


def decode_tcvn3(data: bytes) -> Optional[str]:
    """TCVN3 bytes -> Unicode (capitals restored), or None when a byte is undefined."""
    table, undefined = _tcvn3_translation()
    if any(bytes([b]) in data for b in undefined):
        return None
    out = data.decode("latin-1").translate(table)
    text = restore_capitals(out, set(_tcvn3().values()))
    return _always_capital().sub(lambda m: m.group()[0].upper() + m.group()[1:], text)


@lru_cache(maxsize=1)
def _always_capital() -> "regex.Pattern[str]":
    words = patterns.load("encodings/tcvn3").get("always_capital") or []
    alts = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return regex.compile(rf"(?<!\p{{L}})(?:{alts})(?!\p{{L}})", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _tcvn3_translation() -> tuple[dict[int, str], tuple[int, ...]]:
    """All 256 bytes as a str.translate table over latin-1, and the undefined bytes."""
    tcvn = _tcvn3()
    base = patterns.load("encodings/tcvn3")["base"]
    table: dict[int, str] = {}
    undefined = []
    for b in range(256):
        ch = tcvn.get(b) or _base(b, base)
        if ch is None:
            undefined.append(b)
        else:
            table[b] = ch
    return table, tuple(undefined)


def decode_vni(data: bytes) -> Optional[str]:
    """VNI-Windows bytes -> Unicode, or None when a byte is undefined."""
    base = patterns.load("encodings/vni")["base"]
    try:
        raw = data.decode(base)
    except UnicodeDecodeError:
        return None
    seq_to_char, pattern = _vni()
    return pattern.sub(lambda m: seq_to_char[m.group()], raw)


def decode_cp1258(data: bytes) -> Optional[str]:
    """Windows-1258 (combining tone marks) -> NFC Unicode."""
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


_DECODERS = {"windows-1258": decode_cp1258, "tcvn3": decode_tcvn3, "vni": decode_vni}


def encode(text: str, encoding: str) -> bytes:
    """Inverse of the tables (used by tests and fixture builders): NFC text -> bytes."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        inverse = {ch: bytes([b]) for b, ch in _tcvn3().items()}
        # no toned capitals in TCVN3: they are written with the lower-case codes
        return b"".join(inverse.get(ch) or inverse.get(ch.lower()) or ch.encode("cp1252") for ch in text)
    if encoding == "vni":
        letters = patterns.load("encodings/vni")["letters"]
        return "".join(letters.get(ch, ch) for ch in text).encode("cp1252")
    if encoding == "windows-1258":
        return "".join(_split_tone(ch) for ch in text).encode("cp1258")
    raise ValueError(f"unknown encoding {encoding!r}")


def _split_tone(ch: str) -> str:
    """Letter with its tone as a combining mark (the Windows-1258 way): ``ế`` -> ``ê`` + U+0301."""
    parts = unicodedata.normalize("NFD", ch)
    tones = "".join(c for c in parts if c in _TONES)
    if not tones:
        return ch
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones


# --------------------------------------------------------------------------
# TCVN3 capitals

_WORD = regex.compile(r"\p{L}+")
_IN_SYMBOL = regex.compile(r"[-/&.]")  # a word joined to others in a symbol (KH-SYT, GD&ĐT)
_SENTENCE_START = regex.compile(r"(?:^|[.!?]\s)[\s\d\W]{0,12}$")


def restore_capitals(text: str, ambiguous: set[str]) -> str:
    """Upper-case toned letters that TCVN3 wrote with lower-case codes.

    A word whose other letters are capitals is a capital word (``KÕ HO¹CH`` ->
    ``KẾ HOẠCH``); a word with no clue of its own follows the words of its line
    that have one; a word at the start of a line or sentence gets a capital
    first letter. Mid-sentence capitals (``Ủy ban``) cannot be recovered.
    """
    amb = {ch for ch in ambiguous if ch.islower() and ch.upper() not in ambiguous}
    lines = text.split("\n")
    # the cells of a two-column header line ("ỦY BAN NHÂN DÂN XÃ X\tĐộc lập - Tự do ...") vote apart
    return "\n".join("\t".join(_restore_line(cell, amb) for cell in line.split("\t")) for line in lines)


def _word_vote(word: str, amb: set[str]) -> Optional[bool]:
    """True/False when the other letters of a word with an ambiguous letter are
    all capitals / not; None when the word says nothing."""
    if not any(ch in amb for ch in word):
        return None
    others = [ch for ch in word[1:] if ch not in amb and ch.lower() != ch.upper()]
    if not others:
        return None
    return all(ch.isupper() for ch in others)


def _restore_line(line: str, amb: set[str]) -> str:
    if not any(ch in amb for ch in line):
        return line
    words = _WORD.findall(line)
    votes = [v for v in (_word_vote(w, amb) for w in words) if v is not None]
    line_upper = bool(votes) and sum(votes) > len(votes) / 2
    if not votes and len(words) >= 2:
        # no word says anything ("Sở Y Tế", "Uỷ BAN NHÂN DÂN": each toned letter stands next to
        # one capital only): the line is in capitals when all its other letters are, and one
        # word without a toned letter is a syllable in capitals (Y, BAN) — not only abbreviations
        # ("Số: /KH-UBND") or title-case names ("Bồ Đề")
        cased = [ch for ch in line if ch not in amb and ch.lower() != ch.upper()]
        line_upper = bool(cased) and all(ch.isupper() for ch in cased) and any(
            not any(ch in amb for ch in m.group()) and _is_syllable(m.group().lower())
            and not _IN_SYMBOL.match(line[m.end():m.end() + 1]) and not _IN_SYMBOL.match(line[max(0, m.start() - 1):m.start()])
            for m in _WORD.finditer(line))

    def fix(m: "regex.Match[str]") -> str:
        word = m.group()
        if not any(ch in amb for ch in word):
            return word
        vote = _word_vote(word, amb)
        upper = vote if vote is not None else line_upper and (word[0] in amb or word[0].isupper())
        if upper:
            return word.upper()
        if word[0] in amb and _SENTENCE_START.search(line[: m.start()]):
            return word[0].upper() + word[1:]
        return word

    return _WORD.sub(fix, line)


# --------------------------------------------------------------------------
# Detection

_VOWELS = "aăâeêioôơuưy"
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_NUCLEUS = rf"[{_VOWELS}]{{1,3}}"
_CODA = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = regex.compile(rf"{_ONSET}{_NUCLEUS}{_CODA}")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _is_syllable(word: str) -> bool:
    """Well-formed Vietnamese syllable: onset, 1-3 vowels, coda, at most one tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(ch in _TONES for ch in decomposed)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


# Vowel nuclei (tone marks removed) by what may follow them: a final
# consonant or not, or both.
_NUCLEI_ANY = frozenset("a ă â e ê i o ô ơ u ư y oa oe uê uy".split())
_NUCLEI_OPEN = frozenset("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu "
                         "oai oao oay oeo uôi uya uyu ươi ươu iêu yêu".split())
_NUCLEI_CLOSED = frozenset("iê yê uô ươ uâ oă uyê".split())
_STRICT_ONSET = regex.compile(r"(?:ngh|ng|nh|ch|gh|kh|ph|th|tr|qu|gi(?=[aăâeêoôơuưy])|[bcdđghklmnprstvx])?")
_STRICT_REST = regex.compile(rf"([{_VOWELS}]{{1,3}})((?:ch|ng|nh|[cmnpt])?)")
_STOP_TONES = frozenset({"\u0301", "\u0323"})  # after -c, -ch, -p, -t: sắc or nặng only


@lru_cache(maxsize=8192)
def is_strict_syllable(word: str) -> bool:
    """A well-formed syllable with its tone where Vietnamese writes it.

    Beyond :func:`_is_syllable`: the vowel nucleus is one Vietnamese has,
    with a final consonant it allows (``-ch``/``-nh`` after a, ê, i, y; no
    ``-ng`` after i, y), a stop final takes sắc or nặng only, and the tone
    sits on the vowel that carries it (old or new style: ``hóa``/``hoá``).
    Legacy bytes read with the wrong table give words that pass the loose
    check but not this one (VNI ``Keá`` read as TCVN3: ``Keỏ``).
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare, tone, tone_at = [], None, -1
    for ch in decomposed:
        if ch in _TONES:
            if tone is not None:
                return False
            tone, tone_at = ch, len(unicodedata.normalize("NFC", "".join(bare))) - 1
        else:
            bare.append(ch)
    w = unicodedata.normalize("NFC", "".join(bare))
    onset = _STRICT_ONSET.match(w).end()
    m = _STRICT_REST.fullmatch(w, onset)
    if not m:
        return False
    nucleus, coda = m.group(1), m.group(2)
    if nucleus not in (_NUCLEI_ANY | (_NUCLEI_CLOSED if coda else _NUCLEI_OPEN)):
        return False
    if (coda in ("ch", "nh") and nucleus[-1] not in "aêiy") or (coda == "ng" and nucleus[-1] in "iy"):
        return False
    if tone is None:
        return True
    if coda in ("c", "ch", "p", "t") and tone not in _STOP_TONES:
        return False
    at = tone_at - onset
    if not 0 <= at < len(nucleus):
        return False
    if len(nucleus) == 1:
        return True
    marked = [i for i, ch in enumerate(nucleus) if ch in "ăâêôơư"]
    if marked:  # the vowel with a hat, breve or horn ("ươ": the second)
        return at == marked[-1] or (nucleus in ("ưu", "ưa", "ưi") and at == 0)
    if len(nucleus) == 3:
        return at == 1  # "oái", "khuỷu"
    if coda:
        return at == 1  # "hoạch", "toán"
    return at in (0, 1) if nucleus in ("oa", "oe", "uy") else at == 0  # "hóa"/"hoá"; "mùa", "cái"


def score(text: str, strict: bool = False) -> float:
    """Share of the words of ``text`` (those with a non-ASCII letter weigh
    double) that are valid Vietnamese syllables (``strict``: see
    :func:`is_strict_syllable`)."""
    words = _WORD_ANY.findall(text[:200_000])
    if not words:
        return 0.0
    check = is_strict_syllable if strict else _is_syllable
    total = good = 0
    for w in words:
        weight = 1 if w.isascii() else 2
        total += weight
        if check(w):
            good += weight
    return good / total


def _rank(text: str) -> tuple[float, float]:
    """How Vietnamese a candidate decoding reads: strict share first, then the
    loose one. On a whole document both agree; on a few words the loose check
    cannot tell VNI read as TCVN3 (``Keỏ hoaùch``) from VNI (``Kế hoạch``)."""
    return score(text, strict=True), score(text)


_WORD_ANY = regex.compile(r"[^\s\d\p{P}\p{S}]+")


def detect_and_decode(data: bytes) -> Optional[tuple[str, str]]:
    """Best legacy decoding of ``data`` as ``(text, encoding)``, or None."""
    best: Optional[tuple[tuple[float, float], str, str]] = None
    for name in CANDIDATES:
        text = _DECODERS[name](data)
        if text is None:
            continue
        r = _rank(text)
        if best is None or r > best[0]:
            best = (r, text, name)
    if best is None or best[0][1] < MIN_SCORE:
        return None
    return best[1], best[2]


def fix_font_encoding(text: str) -> tuple[str, Optional[str]]:
    """Text typed with TCVN3 (.VnTime) or VNI fonts inside a Unicode container
    (PDF, DOCX, HTML) reads as Latin-1 letters (``KÕ HO¹CH``): re-decode it
    when that makes far more Vietnamese syllables. Returns (text, encoding or None)."""
    before = score(text)
    if before >= 0.8:
        return text, None
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        return text, None  # real Vietnamese letters present: not a font-encoded text
    best: Optional[tuple[tuple[float, float], str, str]] = None
    for name in ("tcvn3", "vni"):
        decoded = _DECODERS[name](raw)
        if decoded is not None:
            s = score(decoded)
            if s > before + 0.2 and s >= MIN_SCORE and (best is None or _rank(decoded) > best[0]):
                best = (_rank(decoded), decoded, name)
    return (best[1], best[2]) if best else (text, None)


def decode_font_text(text: str, encoding: str) -> str:
    """One piece of a font-encoded text (see :func:`fix_font_encoding`) in Unicode."""
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        return text
    decoded = _DECODERS[encoding](raw)
    return decoded if decoded is not None else text
