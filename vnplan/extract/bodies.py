"""Recognise the names of public bodies in running text or table cells.

A body is ``[group prefix] TYPE [NAME] [LEVEL]`` (``patterns/agencies.yaml``):
``Phòng | Tài chính - Kế hoạch``, ``Ủy ban nhân dân | | các quận, huyện``,
``Các thành viên | Ban Chỉ đạo công tác ... | quận``. Abbreviations
(``patterns/abbreviations.yaml`` plus the plan's own glossary) are expanded
word by word first, so ``TTYT quận`` and ``Trung tâm Y tế quận`` parse alike.
Each :class:`Body` keeps the span of its words in ``Document.text``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

import regex

from vnplan import patterns
from vnplan.model import Document, Span
from vnplan.text.normalise import key

_TOKEN = regex.compile(r"[\p{L}\p{M}\d]+(?:[&\-–/][\p{L}\p{M}\d]+)*|[^\s\p{L}\p{M}\d]", regex.V1)
_DASHES = {"-", "–", "—"}
_STOP = {";", ":", ".", "(", ")", "[", "]", "?", "!", "\"", "“", "”", "/", "+", "*"}
_MAX_DESCRIPTIVE = 24  # words searched for the level closing a descriptive name


class Word:
    """One word: its display text (the expansion for an abbreviation), matching
    key and the span of its source token in ``Document.text`` (immutable)."""

    __slots__ = ("text", "k", "start", "end", "abbr", "brk", "first", "cap", "word")

    def __init__(self, text: str, k: str, start: int, end: int, abbr: bool = False, brk: bool = False,
                 first: bool = True):
        self.text = text
        self.k = k  # matching key
        self.start = start
        self.end = end
        self.abbr = abbr
        self.brk = brk  # a line break (names never cross one)
        self.first = first  # first word of its token (of an abbreviation's expansion)
        self.cap = bool(text) and text[0].isupper()
        self.word = not brk and text[0].isalnum()

    def _fields(self) -> tuple:
        return (self.text, self.k, self.start, self.end, self.abbr, self.brk, self.first)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Word) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Word({self.text!r}, {self.start}, {self.end})"


@dataclass(frozen=True)
class Body:
    """One mention of a body: its words, span and normalised name."""

    words: tuple[Word, ...]
    span: Span
    name: str  # abbreviations expanded, spacing and tone marks normalised
    surface: str  # as printed
    group: bool = False

    @property
    def abbreviated(self) -> bool:
        return any(w.abbr for w in self.words)


# --------------------------------------------------------------------------
# Vocabulary


def _phrase_keys(phrases: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    out = {tuple(key(t.group()) for t in _TOKEN.finditer(p)) for p in phrases}
    return tuple(sorted(out, key=len, reverse=True))


@dataclass(frozen=True)
class _Vocab:
    types: tuple[tuple[tuple[str, ...], str], ...]  # (phrase, "complete"/"descriptive"/"named")
    sectors: tuple[tuple[str, ...], ...]
    levels: tuple[tuple[str, ...], ...]
    suffixes: tuple[tuple[str, ...], ...]
    prefixes: tuple[tuple[str, ...], ...]
    connectors: frozenset[str]
    abbreviations: dict[str, str]
    in_name: tuple[tuple[str, ...], ...] = ()  # types that may open another body's name
    number_words: frozenset[str] = frozenset()  # "số" of a numbered unit ("Đội ... số 5")
    parents: tuple[tuple[str, ...], ...] = ()  # bodies whose units name them ("Đội … Công an huyện")


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    data = patterns.load("agencies")
    types = []
    for entry in data["types"]:
        kind = ("descriptive" if entry.get("descriptive") else "complete" if entry.get("complete")
                else "levelled" if entry.get("levelled") else "named")
        for phrase in _phrase_keys([entry["phrase"]]):
            types.append((phrase, kind))
    types.sort(key=lambda t: len(t[0]), reverse=True)
    abbr = {str(k): str(v) for k, v in (patterns.load("abbreviations") or {}).items()}
    return _Vocab(tuple(types), _phrase_keys(data["sectors"]), _phrase_keys(data["levels"]),
                  _phrase_keys(data["level_suffixes"]), _phrase_keys(data["group_prefixes"]),
                  frozenset(key(c) for c in data["connectors"]), abbr,
                  _phrase_keys([e["phrase"] for e in data["types"] if e.get("in_name")]),
                  frozenset(key(w) for w in data.get("name_number_words", [])),
                  _phrase_keys(data.get("parent_bodies", [])))


# --------------------------------------------------------------------------
# Words


_JOINERS = regex.compile(r"([&\-–/])")


def _expand(tok: str, abbreviations: dict[str, str]) -> Optional[str]:
    if tok in abbreviations:
        return abbreviations[tok]
    if len(tok) < 3 or not tok[0].isupper() or not ("&" in tok or "-" in tok or "–" in tok or "/" in tok):
        return None
    parts = _JOINERS.split(tok)
    if len(parts) > 1 and all(p in abbreviations for p in parts[::2]):
        seps = {"&": " và ", "/": " / "}
        return "".join(abbreviations[p] if i % 2 == 0 else seps.get(p, " - ") for i, p in enumerate(parts))
    return None


def _token_words(doc: Document, s: int, e: int, abbreviations: dict[str, str]) -> tuple[Word, ...]:
    tok = doc.text[s:e]
    expansion = _expand(tok, abbreviations)
    if expansion:
        return tuple(Word(sub.group(), key(sub.group()), s, e, abbr=True, first=n == 0)
                     for n, sub in enumerate(_TOKEN.finditer(expansion)))
    return (Word(tok, doc.key[s:e], s, e),)


_PIECE = regex.compile(r"[^\n\t]+")  # tokens never hold a line break or tab: text is read piece by piece


def _abbreviations(glossary: Optional[dict[str, str]]) -> dict[str, str]:
    base = vocab().abbreviations
    return {**base, **glossary} if glossary else base


def _join_wrapped(doc: Document, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces of a hard-wrapped text: a line cut at the page's width and the plain line
    going on with it are one piece, so a name cut by the wrap is read whole (``Công chức
    Tài chính - Kế`` / ``toán:``, ``Đoàn Thanh niên`` / ``phường``)."""
    from vnplan.structure.lines import classify, wrapped_on

    text, out = doc.text, []
    line_starts = [ln.start for ln in doc.lines]
    for a, b in spans:
        if out and text[out[-1][1]:a] == "\n":
            prev_start = text.rfind("\n", 0, out[-1][1]) + 1
            nxt_end = text.find("\n", a)
            nxt_end = len(text) if nxt_end < 0 else nxt_end
            if wrapped_on(doc, text[prev_start:out[-1][1]], text[a:nxt_end]) \
                    and classify(doc, doc.lines[bisect.bisect_right(line_starts, a) - 1]).kind == "text":
                out[-1] = (out[-1][0], b)
                continue
        out.append((a, b))
    return out


class _Pieces:
    """The document's line pieces (runs without a line break or tab), their words
    per glossary and their bodies, each computed once (cached on the Document)."""

    def __init__(self, doc: Document):
        self.doc = doc
        spans = [m.span() for m in _PIECE.finditer(doc.text)]
        if doc.wrap_width:
            spans = _join_wrapped(doc, spans)
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.memo: dict = {}

    @staticmethod
    def of(doc: Document) -> "_Pieces":
        pieces = doc.__dict__.get("_pieces")
        if pieces is None:
            pieces = doc.__dict__["_pieces"] = _Pieces(doc)
        return pieces

    def overlapping(self, start: int, end: int) -> range:
        """Indexes of the pieces overlapping ``[start, end)``."""
        return range(bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end))

    def words(self, i: int, glossary: Optional[dict[str, str]]) -> tuple[Word, ...]:
        k = ("w", i, id(glossary) if glossary else 0)
        words = self.memo.get(k)
        if words is None:
            doc, abbreviations = self.doc, _abbreviations(glossary)
            text, dkey, out = doc.text, doc.key, []
            for m in _TOKEN.finditer(text, self.starts[i], self.ends[i]):
                s, e = m.span()
                tok = text[s:e]
                if tok in abbreviations or (len(tok) >= 3 and tok[0].isupper()):
                    out.extend(_token_words(doc, s, e, abbreviations))
                else:  # no abbreviation: the common case, inlined
                    out.append(Word(tok, dkey[s:e], s, e))
            words = self.memo[k] = tuple(out)
        return words

    def bodies(self, i: int, glossary: Optional[dict[str, str]], names: tuple[tuple[str, ...], ...]) -> list[Body]:
        k = ("b", i, id(glossary) if glossary else 0, names)
        found = self.memo.get(k)
        if found is None:
            a, b = self.starts[i], self.ends[i]
            found = []
            if _trigger(glossary, names).fires(self.doc.text[a:b], self.doc.key[a:b]):
                found = find_bodies(self.doc, list(self.words(i, glossary)), names)
            self.memo[k] = found
        return found


def _words_within(doc: Document, words: tuple[Word, ...], start: int, end: int,
                  abbreviations: dict[str, str]) -> list[Word]:
    """Words of one piece's ``words`` as a fresh scan of ``doc.text[start:end]`` reads
    them: tokens cut by either end are scanned again from the part inside."""
    out: list[Word] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        j = i + 1
        while j < n and words[j].start == w.start:  # the words of one token (an expansion)
            j += 1
        if start <= w.start and w.end <= end:
            out.extend(words[i:j])
        elif w.start < end and w.end > start:  # a token cut by the span
            for m in _TOKEN.finditer(doc.text, max(w.start, start), min(w.end, end)):
                out.extend(_token_words(doc, m.start(), m.end(), abbreviations))
        i = j
    return out


def words_of(doc: Document, spans: list[Span], glossary: Optional[dict[str, str]] = None) -> list[Word]:
    """The words of ``spans`` (fragments of one text), abbreviations expanded.

    A line break or tab between two words becomes a ``brk`` word (names never
    cross one); the words of each line piece are computed once per document.
    """
    glossary = glossary or None
    pieces = _Pieces.of(doc)
    out: list[Word] = []
    for span in spans:
        prev_end = span.start
        for i in pieces.overlapping(span.start, span.end):
            words = pieces.words(i, glossary)
            if span.start > pieces.starts[i] or span.end < pieces.ends[i]:
                words = _words_within(doc, words, span.start, span.end, _abbreviations(glossary))
            if not words:
                continue
            if out:
                gap = doc.text[prev_end:words[0].start]
                if "\n" in gap or "\t" in gap:
                    out.append(Word("\n", "\n", prev_end, words[0].start, brk=True))
            out.extend(words)
            prev_end = words[-1].end
    return out


_BY_FIRST: dict[int, tuple] = {}  # id(phrases) -> (phrases, {first word: phrases in order})


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """The phrases grouped by first word, order kept (built once per vocabulary tuple)."""
    entry = _BY_FIRST.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if phrase:
                index.setdefault(phrase[0], []).append(phrase)
        entry = _BY_FIRST[id(phrases)] = (phrases, index)
    return entry[1]


def _match(words: list[Word], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase starting at word ``i`` (0 if none)."""
    if i >= len(words):
        return 0
    for phrase in _by_first(phrases).get(words[i].k, ()):  # only phrases that can match
        n = len(phrase)
        if i + n <= len(words) and all(words[i + j].k == phrase[j] for j in range(n)):
            return n
    return 0


@lru_cache(maxsize=1)
def _types_by_first() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    out: dict[str, list] = {}
    for phrase, kind in vocab().types:
        out.setdefault(phrase[0], []).append((phrase, kind))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Keys of the words a body can start with."""
    v = vocab()
    return frozenset(set(_types_by_first()) | {p[0] for p in v.prefixes} | {"các", "những"})


def _type_at(words: list[Word], i: int) -> tuple[int, str]:
    for phrase, kind in _types_by_first().get(words[i].k, ()):
        n = len(phrase)
        if i + n <= len(words) and all(words[i + j].k == phrase[j] for j in range(n)):
            return n, kind
    return 0, ""


def _is_type_start(words: list[Word], i: int) -> bool:
    n, _ = _type_at(words, i)
    return n > 0 and words[i].first and (words[i].cap or words[i].abbr)


def _level_at(words: list[Word], i: int) -> int:
    """Length of a level phrase at ``i``: [ở|của] [các|N] LEVEL (, LEVEL)* [Proper Name]."""
    v, n = vocab(), len(words)
    j = i
    if j < n and words[j].k in ("ở", "của"):
        j += 1
    plural = False
    if j < n and (words[j].k in ("các", "những") or words[j].text.isdigit()):
        j += 1
        plural = True
    m = _match(words, j, v.levels) if j < n else 0
    if not m:
        s = _match(words, i, v.suffixes) if i < n else 0
        return s + (_level_at(words, i + s) if s and i + s < n else 0)
    j += m
    while j + 1 < n and words[j].k == "," and (m := _match(words, j + 1, v.levels)) \
            and not _is_type_start(words, j + 1):
        j += 1 + m
    # proper name: "quận Long Biên", "các phường GGD, VH"
    while j < n and words[j].word and words[j].cap and not _is_type_start(words, j) \
            and not _match(words, j, v.levels):
        j += 1
        if plural and j + 1 < n and words[j].k == "," and words[j + 1].word and words[j + 1].cap \
                and not _is_type_start(words, j + 1):
            j += 1
    s = _match(words, j, v.suffixes) if j < n else 0
    if s:
        j += s
        j += _level_at(words, j) if j < n and not words[j].k == "," else 0
    return j - i


def _name_word_at(words: list[Word], i: int) -> int:
    """Length of a name word or sector phrase at ``i`` (0 if none)."""
    w = words[i]
    if not w.word:
        return 0
    m = _match(words, i, vocab().sectors)
    if m:
        return m
    if _level_at(words, i) and not w.abbr:
        return 0
    if (w.cap or w.abbr) and not _is_type_start(words, i):
        return 1
    return 0


def _name_at(words: list[Word], i: int) -> int:
    n, j = len(words), i
    stop = _not_name_words()
    if j < n and (words[j].cap or words[j].abbr):
        j += _match(words, j, vocab().in_name)  # "Công ty | Điện lực Hà Tĩnh"
    while j < n:
        m = _name_word_at(words, j)
        if m and j > i and not (words[j].cap or words[j].abbr) and words[j].k in stop \
                and words[j - 1].k not in vocab().connectors:
            break  # "Sở Tài chính xây dựng dự toán": a lower-case task verb ends the name
        if m:
            j += m
            continue
        if words[j].k in vocab().connectors and j > i and j + 1 < n and _name_word_at(words, j + 1):
            j += 1
            continue
        break
    return j - i


def _descriptive_at(words: list[Word], i: int) -> int:
    """A descriptive name runs to the first level within reach (commas allowed)."""
    n = len(words)
    for j in range(i, min(n, i + _MAX_DESCRIPTIVE)):
        w = words[j]
        if w.brk or w.text in _STOP:
            break
        if j > i and _level_at(words, j) and words[j].k not in ("của",):
            return j - i
        if _is_type_start(words, j) and j > i and words[j - 1].k in ("và", ","):
            break
    return -1


def body_at(words: list[Word], i: int) -> int:
    """Number of words of the body starting at word ``i`` (0 if none)."""
    v, n = vocab(), len(words)
    if not words[i].word or not words[i].first:
        return 0
    j = i
    group = _match(words, j, v.prefixes)
    j += group
    plural = False
    if not group and j < n and words[j].k in ("các", "những"):
        plural = True
        j += 1
    if j >= n:
        return 0
    t, kind = _type_at(words, j)
    if not t:
        return 0
    if not (words[j].cap or plural or group or kind == "levelled"):
        # a lower-case type word is a body only with a capitalised name: "phòng Y tế"; so is
        # a sector abbreviation's lower-case expansion ("công tác PCCC" -> "phòng cháy chữa
        # cháy"), while a body's abbreviation expands capitalised ("PYT" -> "Phòng Y tế")
        if kind == "descriptive" or not (j + t < n and (words[j + t].cap or (words[j + t].abbr and words[j + t].first))):
            return 0
    if kind == "levelled":  # "Trưởng các thôn, bản": the level is the whole name
        level = _level_at(words, j + t) if j + t < n else 0
        return j + t + level - i if level else 0
    j += t
    name = 0
    if kind == "descriptive":
        d = _descriptive_at(words, j)
        name = d if d >= 0 else _name_at(words, j)
    else:
        name = _name_at(words, j)
    j += name
    if name and j + 1 < n and words[j].k in v.number_words and words[j + 1].text.isdigit():
        j += 2  # a numbered unit: "Đội Quản lý thị trường số 5"
    if name and j + 2 < n and words[j].text == "(":
        k = j + 1  # "Trung tâm Kiểm soát bệnh tật (CDC) tỉnh": skip the acronym
        while k < n and words[k].start == words[j + 1].start and (words[k].abbr or words[k].text.isupper()):
            k += 1
        if k > j + 1 and k < n and words[k].text == ")":
            j = k + 1
    level = _level_at(words, j) if j < n else 0
    if kind == "named" and not name:
        return 0
    if kind == "descriptive" and not name and not level:
        return 0
    j += level
    if name and not level and j < n and words[j].cap and _match(words, j, v.parents):
        # a unit followed by its parent, no separator between: one body ("Đội Cảnh sát PCCC
        # và CNCH Công an thị xã Quảng Yên", "Phòng Cảnh sát hình sự Công an tỉnh")
        j += body_at(words, j)
    return j - i


def _render(words: tuple[Word, ...]) -> str:
    out, skip = "", False
    for w in words:
        if w.text == "(" or skip:
            skip = w.text != ")"
            continue
        if w.text in (",", ";"):
            out += w.text
        elif w.text in _DASHES:
            out += " -"
        elif w.text == "&":
            out += " và"
        else:
            out += (" " if out else "") + w.text
    return recase(" ".join(out.split()))


def recase(text: str) -> str:
    """``text`` with the key's tone placement and dashes, keeping its capitals."""
    k = key(text)
    return "".join(kc.upper() if tc.isupper() else kc for tc, kc in zip(text, k))


def surface_of(doc: Document, words: tuple[Word, ...]) -> str:
    raw: list[Word] = []
    for w in words:
        if not raw or raw[-1].start != w.start:
            raw.append(w)
    text = doc.text[raw[0].start:raw[-1].end]
    if "\t" in text or "\n" in text:  # fragments of a merged cell
        return " ".join(doc.text[w.start:w.end] for w in raw).replace(" ,", ",")
    return text


def _learned_at(words: list[Word], i: int, names: tuple[tuple[str, ...], ...]) -> int:
    m = _match(words, i, names) if names else 0
    if not m:
        return 0
    return m + (_level_at(words, i + m) if i + m < len(words) else 0)


def learn_name(doc: Document, words: list[Word], max_tail: int = 6) -> Optional[tuple[str, ...]]:
    """The full name of a body heading an item when the grammar stops short.

    ``2. Trung tâm Kiểm soát bệnh tật tỉnh`` capitalises only the first word
    of the name; the grammar reads ``Trung tâm Kiểm``. When the heading is a
    single body followed only by a few lower-case words that are no task verbs
    (``patterns/agencies.yaml`` ``not_name_words``), those words complete the
    name; the plan's later mentions then match the full name.
    """
    bodies = find_bodies(doc, words)
    if len(bodies) != 1 or bodies[0].words[0] is not words[0]:
        return None
    n_body = len(bodies[0].words)
    tail = words[n_body:]
    stop = _not_name_words()
    if not tail or len(tail) > max_tail or any(not w.word or w.cap or w.abbr or w.k in stop for w in tail):
        return None
    if _level_at(words, n_body - 1) or any(_level_at(words, j) for j in range(1, n_body)):
        return None  # the name already ended at a level
    ext = []
    for j in range(n_body, len(words)):
        if _level_at(words, j):
            if j + _level_at(words, j) != len(words):
                return None
            break
        ext.append(words[j].k)
    if not ext:
        return None
    return tuple(w.k for w in bodies[0].words) + tuple(ext)


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    return frozenset(key(w) for w in patterns.load("agencies").get("not_name_words", []))


def find_bodies(doc: Document, words: list[Word], names: tuple[tuple[str, ...], ...] = ()) -> list[Body]:
    """Every body mentioned in ``words``, left to right, without overlaps.

    ``names``: full names learned from the plan's own headings (keys, longest first).
    """
    out, i, n = [], 0, len(words)
    starters = _starters()
    while i < n:
        m = body_at(words, i) if words[i].k in starters else 0
        if names and words[i].first:
            m = max(m, _learned_at(words, i, names))
        if m:
            ws = tuple(words[i:i + m])
            while ws and (ws[-1].k in vocab().connectors):
                ws = ws[:-1]
            group = bool(_match(words, i, vocab().prefixes))
            out.append(Body(ws, Span(ws[0].start, ws[-1].end), _render(ws), surface_of(doc, ws), group))
            i += m
        else:
            i += 1
    return out


class _Trigger:
    """A cheap test that a line piece may name a body (no false negatives).

    Every body holds a type phrase (``patterns/agencies.yaml`` ``types``) or an
    abbreviation, and :func:`body_at` takes a type phrase only when it is
    capitalised, follows ``các``/``những`` or a group prefix, is ``levelled``,
    or is followed by a capitalised word; a learned full name may be in any
    case. A piece with none of these names no body and is not read.
    """

    # Literal alternations run on the standard library's ``re``, several times faster
    # than ``regex`` on them; the looser word boundaries (no combining marks) only
    # let more pieces through, never fewer.
    def __init__(self, glossary: Optional[dict[str, str]], names: tuple[tuple[str, ...], ...]):
        v = vocab()

        def alts(phrases) -> str:
            return "|".join(r"\s*".join(re.escape(w) for w in p)
                            for p in sorted(set(phrases), key=lambda p: (-len(" ".join(p)), p)))
        # every start of a type phrase, overlapping ("trung tâm y tế" and "y tế thôn")
        self.types = re.compile(rf"(?<![^\W_])(?=({alts(p for p, _ in v.types)})(?![^\W_]))")
        self.levelled = frozenset(" ".join(p) for p, kind in v.types if kind == "levelled")
        self.abbreviations = _abbreviations(glossary)
        # an abbreviation, or the first part of a compound one ("GD&ĐT")
        self.abbreviated = re.compile(rf"(?<![^\W_])(?:{alts((a,) for a in self.abbreviations)})")
        self.names = re.compile(rf"(?<![^\W_])(?:{alts(n for n in names if n)})(?![^\W_])") if any(names) else None
        before = {"các", "những"} | {p[-1] for p in v.prefixes if p}
        self.before_reach = max(map(len, before))
        self.plural_before = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}\d])(?:{'|'.join(map(regex.escape, sorted(before)))})\s*$", regex.V1)
        self.next_word = regex.compile(r"\s*([\p{L}\p{M}\d]+(?:[&\-–/][\p{L}\p{M}\d]+)*)", regex.V1)

    def fires(self, text: str, k: str) -> bool:
        """Whether the piece ``text`` (its key ``k``) may name a body."""
        if self.abbreviated.search(text) or (self.names is not None and self.names.search(k)):
            return True
        for m in self.types.finditer(k):
            a, b = m.span(1)
            j = a  # the plural or prefix word before the type, across any white space
            while j > 0 and k[j - 1].isspace():
                j -= 1
            if text[a].isupper() or " ".join(m.group(1).split()) in self.levelled \
                    or self.plural_before.search(k, max(0, j - self.before_reach - 1), a):
                return True
            nxt = self.next_word.match(text, b)
            if nxt and (nxt.group(1)[0].isupper() or nxt.group(1) in self.abbreviations):
                return True
        return False


@lru_cache(maxsize=64)
def _trigger_for(glossary_items: tuple, names: tuple[tuple[str, ...], ...]) -> _Trigger:
    return _Trigger(dict(glossary_items) or None, names)


def _trigger(glossary: Optional[dict[str, str]], names: tuple[tuple[str, ...], ...]) -> _Trigger:
    return _trigger_for(tuple(sorted(glossary.items())) if glossary else (), names)


def bodies_in(doc: Document, spans: list[Span], glossary: Optional[dict[str, str]] = None,
              names: tuple[tuple[str, ...], ...] = ()) -> list[Body]:
    """The bodies named within ``spans``: those of the line pieces the spans cover
    (found once per document, see :class:`_Pieces`) that lie inside them.

    A name never crosses a line break or tab, so a piece is the unit of reading;
    a piece with no trigger word (see :class:`_Trigger`) is not read at all.
    Several spans (fragments of a merged cell) are read together, as one text,
    since a name may run across them.
    """
    glossary = glossary or None
    if len(spans) != 1:
        words = words_of(doc, spans, glossary)
        out: list[Body] = []
        lo, n = 0, len(words)
        while lo < n:
            hi = lo
            while hi < n and not words[hi].brk:
                hi += 1
            if hi > lo:
                out.extend(find_bodies(doc, words[lo:hi], names))
            lo = hi + 1
        return out
    s, e = spans[0].start, spans[0].end
    pieces = _Pieces.of(doc)
    return [b for i in pieces.overlapping(s, e) for b in pieces.bodies(i, glossary, names)
            if s <= b.span.start and b.span.end <= e]
