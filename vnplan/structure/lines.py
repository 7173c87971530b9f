"""Classify each line: heading marker, bullet, table row or plain text.

Heading markers (``LineInfo.marker``):

* ``part``    ``Phần I``, ``PHẦN THỨ NHẤT``, ``Phần 2:``
* ``upper``   ``A.``, ``B -`` (upper-case letter above the Roman level)
* ``roman``   ``I.``, ``II-``, ``III –``
* ``decimal`` ``1.1.``, ``2.3``, ``1.2.3)``
* ``arabic``  ``1.``, ``2-``, ``3 –``
* ``paren``   ``1)`` (below ``1.`` when a plan uses both)
* ``letter``  ``a)``, ``đ)``, ``b.``
* ``appendix`` ``PHỤ LỤC``, ``Biểu 1: ...``

Guards against false headings: tab-separated table rows, numbers such as
``2.000 người`` or a year starting a sentence, ``V/v ...``, and (except for
letter items) a title that starts in lower case (``1.5 triệu đồng``) unless the
heading lexicon knows it (``2. mục tiêu cụ thể``); a lower-case Roman ``i.`` is a
heading only with a known title.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import Document, Line, Span
from vnplan.text.normalise import key

_SPACES = regex.compile(r"\s+")

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_SEP = r"\s*[\.\-\u2013\u2014:)]\s*"
_DASH = r"[\-\u2013\u2014]"

# Markdown from Word (pandoc) escapes a number or a bullet at the start of a paragraph that is
# no list item: "3\. Sở Tư pháp: …", "a\) …", "\- …"; the backslash is allowed before the mark.
MARKERS = [
    # (marker type, regex on the undecorated line; groups: number, rest)
    ("part", regex.compile(
        rf"^(?:PHẦN|Phần)\s+((?:{_ROMAN})(?![\p{{L}}\d])|\d{{1,2}}(?!\d)|(?:THỨ|Thứ|thứ)\s+\p{{L}}+)"
        rf"(?:{_SEP}|\s+|$)(.*)$", regex.V1)),
    ("roman", regex.compile(rf"^((?=[IVX])(?:{_ROMAN}))(?:\s*\\?[\.:)]|\s*{_DASH})\s*(\S.*)$", regex.V1)),
    ("upper", regex.compile(rf"^([A-HK-PR-UYĐ])\s*(?:\\?\.|\\?\)|\s{_DASH})\s+(\S.*)$", regex.V1)),
    ("decimal", regex.compile(rf"^(\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})(?![\d,])\.?\s*(?:[\){_DASH}:]\s*)?(\S.*)$", regex.V1)),
    ("arabic", regex.compile(rf"^(\d{{1,2}})(?![\d,])\s*(?:\\?\.(?!\d)|{_DASH}(?!\s*\d))\s*(\S.*)$", regex.V1)),
    ("paren", regex.compile(r"^(\d{1,2})\s*\\?\)\s*(\S.*)$", regex.V1)),
    ("letter", regex.compile(r"^([a-zđ])\s*(?:\\?\)|\\?\.(?=\s))\s*(\S.*)$", regex.V1)),
]
# The markers a line can open with, by its first character (the patterns' first tokens).
_FIRST_CHARS = {
    "part": "P", "roman": "IVX", "upper": "ABCDEFGHKLMNOPRSTUYĐ",
    "decimal": "0123456789", "arabic": "0123456789", "paren": "0123456789",
    "letter": "abcdefghijklmnopqrstuvwxyzđ",
}
_MARKERS_BY_FIRST: dict[str, tuple] = {}
for _marker, _rx in MARKERS:
    for _ch in _FIRST_CHARS[_marker]:
        _MARKERS_BY_FIRST.setdefault(_ch, ())
        _MARKERS_BY_FIRST[_ch] += ((_marker, _rx),)

# Markers whose title must not start with a lower-case letter, unless it is
# a known heading (patterns/headings.yaml): "2. mục tiêu cụ thể".
_CAPITAL_TITLE = {"roman", "upper", "decimal", "arabic", "paren"}
# A lower-case Roman number ("i. mục đích và yêu cầu"): a heading only when
# its title is a known heading (else "i." is a letter item or running text).
_LOWER_ROMAN = regex.compile(rf"^((?=[ivx])(?:x{{0,3}})(?:ix|iv|v?i{{0,3}}))\s*(?:\.|{_DASH})\s*(\S.*)$", regex.V1)
_BULLET = regex.compile(r"^\s*\\?(?:[-+*•\u2013\u2014·●▪◦])\s*")
_DECOR_LEAD = regex.compile(r"^[\s#>*_]*")
_DECOR_TRAIL = regex.compile(r"[\s*_#]+$")
_DECOR_RUN = regex.compile(r"[\s*_]*")


@dataclass(frozen=True, slots=True)
class LineInfo:
    line: Line
    kind: str  # blank, heading, bullet, table, text
    marker: Optional[str] = None  # part, upper, roman, decimal, arabic, paren, letter, appendix
    number: Optional[str] = None
    title_start: int = 0  # offset in document text where the heading's words begin


@lru_cache(maxsize=1)
def _appendix_re() -> "regex.Pattern[str]":
    cues = patterns.load("layout")["appendix_start"]
    return regex.compile(r"(?:" + "|".join(key(c) for c in cues) + r")(?!\p{L})", regex.V1)  # used with match()


def undecorated(text: str) -> tuple[int, str]:
    """Offset of the first meaningful char and the line without markdown decoration."""
    start = _DECOR_LEAD.match(text).end()
    body = text[start:]
    if body and (body[-1] in "*_#" or body[-1].isspace()):
        body = _DECOR_TRAIL.sub("", body)
    return start, body


def _is_table_row(raw: str) -> bool:
    return "\t" in raw.strip(" ") or (raw.count("|") >= 2 and not is_menu(raw))


@lru_cache(maxsize=1)
def _menu_link_re() -> "regex.Pattern[str]":
    cfg = patterns.load("layout")
    alts = "|".join(key(c) for c in cfg.get("menu_links", []) + cfg.get("debris", []))
    return regex.compile(rf"^(?:{alts})", regex.V1)


def is_menu(raw: str) -> bool:
    """A site menu flattened onto one line: ``Trang chủ | Giới thiệu | Liên hệ``.

    Pipes between at least ``menu_min_links`` short cells without digits, no
    outer pipes (a markdown table row has them), and one cell a menu link or
    debris cue (patterns/layout.yaml); web debris, not a table row.
    """
    text = raw.strip(" *_")
    if text.count("|") < 2 or text.startswith("|") or text.endswith("|") or "\t" in text:
        return False
    cfg = patterns.load("layout")
    parts = [c.strip(" *_»›") for c in text.split("|")]
    if len(parts) < cfg.get("menu_min_links", 3):
        return False
    if any(not c or any(ch.isdigit() for ch in c) or len(c.split()) > cfg.get("menu_max_words", 4) for c in parts):
        return False
    return any(_menu_link_re().match(key(c)) for c in parts)


def _title_ok(marker: str, title: str) -> bool:
    """Reject a marker whose title reads like running text or a number."""
    first = title.lstrip("*_#\"“'‘(").strip()
    if not first:
        return marker == "part"
    if marker in _CAPITAL_TITLE and first[0].islower():
        return _known_heading(title)
    return True


def _known_heading(title: str) -> bool:
    """A title the heading lexicon names (``mục tiêu cụ thể``, ``tổ chức thực hiện``)."""
    from vnplan.structure.kinds import kind_of

    return kind_of(title) != "other"


def classify(doc: Document, line: Line) -> LineInfo:
    raw = doc.text[line.start:line.end]
    if not raw.strip():
        return LineInfo(line, "blank")
    if _is_table_row(raw):
        return LineInfo(line, "table")
    lead, body = undecorated(raw)
    if not body:
        return LineInfo(line, "blank")
    body_start = line.start + lead
    if _appendix_re().match(doc.key, body_start, body_start + len(body)):
        return LineInfo(line, "heading", "appendix", None, body_start)
    if body[0] in "ivx" and (m := _LOWER_ROMAN.match(body)) and _known_heading(m.group(2)):
        return _heading(doc, line, lead, "roman", m.group(1).upper(), m)
    for marker, rx in _MARKERS_BY_FIRST.get(body[0], ()):
        m = rx.match(body)
        if m and _title_ok(marker, m.group(2)):
            number = _SPACES.sub(" ", m.group(1))
            title_start = line.start + lead + (m.start(2) if m.group(2) else len(body))
            # Markdown between number and words: "**1.** **Mục tiêu**".
            title_start = _DECOR_RUN.match(doc.text, title_start, line.end).end()
            return LineInfo(line, "heading", marker, number, min(title_start, line.end))
    if _BULLET.match(body):
        return LineInfo(line, "bullet")
    return LineInfo(line, "text")


def _heading(doc: Document, line: Line, lead: int, marker: str, number: str, m: "regex.Match[str]") -> LineInfo:
    """Heading line whose title is group 2 of ``m`` (a match on the undecorated line)."""
    title_start = line.start + lead + m.start(2)
    # Markdown between number and words: "**1.** **Mục tiêu**".
    title_start = _DECOR_RUN.match(doc.text, title_start, line.end).end()
    return LineInfo(line, "heading", marker, number, min(title_start, line.end))


# Columns flattened onto one line: tabs, "|" (markdown tables), "<br>", or a
# run of 3+ spaces before a capital ("Số: 89/KH-UBND     Cần Thơ, ngày ...";
# not inside "Số:    /KH-UBND" or "ngày    tháng").
# three spaces before a capital split flattened columns, but not after a bullet opening the line
# ("-   Bộ Lao động - TB&XH (b/c);": pandoc's list indent)
_CELL_SPLIT = regex.compile(r"\t+|\s*\|\s*|\s*<br\s*/?>\s*|(?<!^[ *_]*[-+•·–—])\s{3,}(?=\p{Lu})", regex.V1)
_CELL_TRIM = " *_#"
_CELL_EMPTY = regex.compile(r"[\s:|\-]+")  # a cell of rules and colons only


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    span: Span


def cells(doc: Document, line: Line) -> list[Cell]:
    """Cells of a line (one unless columns were flattened), markdown trimmed."""
    text = doc.text[line.start:line.end]
    out, pos = [], 0
    for m in list(_CELL_SPLIT.finditer(text)) + [None]:
        stop = m.start() if m else len(text)
        piece = text[pos:stop]
        body = piece.strip(_CELL_TRIM)
        if body and not _CELL_EMPTY.fullmatch(body):
            lead = pos + len(piece) - len(piece.lstrip(_CELL_TRIM))
            out.append(Cell(body, Span(line.start + lead, line.start + lead + len(body))))
        pos = m.end() if m else len(text)
    return out


def classify_all(doc: Document) -> list[LineInfo]:
    """Every line classified; computed once per document and shared (do not mutate the list)."""
    infos = doc.__dict__.get("_line_infos")
    if infos is None:
        infos = doc.__dict__["_line_infos"] = [classify(doc, ln) for ln in doc.lines]
    return infos


_END_SENTENCE = regex.compile(r"[.;:!?…]\W*$|/\.$")
_MAX_GAP_LINES = 6  # a page break: a few blank lines and a page number, no more
_MAX_PAGE_NUMBER_CHARS = 40  # page-number lines are short: longer lines are not tried


@lru_cache(maxsize=1)
def _page_number_re() -> "regex.Pattern[str]":
    alts = "|".join(f"(?:{p})" for p in patterns.load("layout").get("page_number_lines", []))
    return regex.compile(rf"^\s*(?:{alts})\s*$", regex.V1) if alts else regex.compile(r"(?!)")


def is_page_number(text: str) -> bool:
    """A whole line that is a page number or running page header (``2``, ``Trang 2/5``)."""
    text = text.strip()
    return len(text) <= _MAX_PAGE_NUMBER_CHARS and bool(_page_number_re().match(key(text)))


def page_number_spans(k: str) -> list[tuple[int, int]]:
    """Spans of the page-number lines inside ``k`` (a matching key with newlines)."""
    rx = _page_number_re()
    return [m.span() for m in regex.finditer(r"[^\n]+", k) if rx.match(m.group())]


def blank_out(s: str, spans: list[tuple[int, int]]) -> str:
    """``s`` with each of the (sorted, disjoint) ``spans`` replaced by spaces: offsets kept."""
    if not spans:
        return s
    out, pos = [], 0
    for a, b in spans:
        out += [s[pos:a], " " * (b - a)]
        pos = b
    out.append(s[pos:])
    return "".join(out)


@lru_cache(maxsize=1)
def _open_end_re() -> "regex.Pattern[str]":
    """A line ending on a word that leaves its clause open (``... vắc xin đạt``)."""
    cues = patterns.load("cues")
    words = list(patterns.load("layout").get("open_clause_words", []))
    for group in cues["comparators"].values():
        words += group
    words += [w for w in cues["linkers"] if w[:1].isalpha()]
    for name in ("decrease_before_value", "increase_before_value", "maintain_before_value"):
        words += cues.get(name, [])
    alts = "|".join(sorted({regex.escape(key(w)) for w in words}, key=len, reverse=True))
    return regex.compile(rf"(?<!\p{{L}})(?:{alts})$", regex.V1)


@lru_cache(maxsize=1)
def _number_unit_re() -> "regex.Pattern[str]":
    """A line opening with a number and its unit (``95% vào năm 2025``, ``173/173 xã``)."""
    units = patterns.load("units")
    words = [w for w in units["nouns"] + units.get("measures", [])]
    symbols = "|".join(regex.escape(sym) for sym in units["symbols"])
    alts = "|".join(sorted({regex.escape(key(w)) for w in words}, key=len, reverse=True))
    return regex.compile(rf"^\d[\d.,]*(?:\s?/\s?\d[\d.,]*)?\s*(?:(?:{symbols})|(?:{alts})(?!\p{{L}}))", regex.V1)


def sentence_goes_on(last: str, first: str) -> bool:
    """Whether a line starting ``first`` goes on with the sentence of a line ending ``last``.

    It does when ``last`` has no final punctuation and ``first`` starts in
    lower case, or when ``last`` stops on a cue or function word that
    leaves the clause open (``đạt``, ``trên``, ``của``: patterns/layout.yaml
    ``open_clause_words`` and the cues of patterns/cues.yaml) and ``first``
    opens with a number and its unit (``95% vào năm 2025.``).
    """
    last, first = last.rstrip(), first.lstrip()
    if not first or not last or _END_SENTENCE.search(last):
        return False
    if first[0].islower():
        return True
    return bool(first[0].isdigit() and _number_unit_re().match(key(first[:40]))
                and _open_end_re().search(key(last[-40:])))


_WRAP_MIN_LINES = 12  # long lines, at least, before a text counts as hard-wrapped
_WRAP_MIN_CUT = 8  # ... of which this many, at least, cut at the width mid-sentence
_WRAP_MAX_WIDTH = 130  # wider lines are paragraphs, not a page's width
_WRAP_SLACK = 20  # a wrapped line ends within this many characters of the width
_NO_END = regex.compile(r"[\p{L}\d,)]$", regex.V1)


def hard_wrap_width(doc: Document) -> Optional[int]:
    """The width of a hard-wrapped text: a PDF converter's output saved as .txt, where
    every line of a paragraph is cut at the page's width (about 80 - 100 characters),
    whatever its punctuation. ``None`` for a text with a paragraph per line.

    The width is the 95th percentile of the line lengths; the text is hard-wrapped when
    no more than 2% of the lines are wider, and most lines near the width go on with the
    next line (no final punctuation, a non-blank line after)."""
    text = doc.text
    lengths = [len(text[ln.start:ln.end].rstrip()) for ln in doc.lines]
    long = sorted(n for n in lengths if n >= 40)
    if len(long) < _WRAP_MIN_LINES:
        return None
    width = long[int(0.95 * (len(long) - 1))]
    if width > _WRAP_MAX_WIDTH or sum(n > width + 5 for n in long) > 0.02 * len(long):
        return None
    near, cut = 0, 0
    for i, ln in enumerate(doc.lines[:-1]):
        if lengths[i] < width - _WRAP_SLACK:
            continue
        near += 1
        nxt = doc.lines[i + 1]
        if _NO_END.search(text[ln.start:ln.end].rstrip()) and text[nxt.start:nxt.end].strip():
            cut += 1
    return width if cut >= _WRAP_MIN_CUT and cut >= 0.5 * near else None


def wrapped_on(doc: Document, last: str, first: str) -> bool:
    """In a hard-wrapped text: whether the line ``last`` was cut at the width and the
    line ``first`` goes on with it — the next word did not fit on ``last``. After ``.``,
    ``;``, ``!`` or ``?`` only a lower-case line goes on (``hộ kinh doanh;`` / ``lập biên
    bản``); after a comma, a colon or a word, any line (``Tổ PCCC tại chỗ,`` / ``Tổ liên
    gia …``, ``trước ngày`` / ``25/11/2025.``)."""
    width = doc.wrap_width
    last, first = last.rstrip(), first.strip()
    if width is None or not last or not first:
        return False
    word = first.split(None, 1)[0]
    if len(last) + 1 + len(word) <= width - 3:
        return False  # the next word would have fitted: the line ended there
    if last[-1] in ".;!?…":
        return first[0].islower()
    return True


def continues(doc: Document, prev: LineInfo, nxt: LineInfo) -> bool:
    """True when ``nxt`` continues the sentence of ``prev`` across a page break.

    A page break in extracted text shows as a blank line; the sentence goes
    on when the previous line has no final punctuation and the next line is
    plain text starting in lower case, or with a number and unit after an
    open clause (see :func:`sentence_goes_on`; a heading's title does not
    take a number line).
    """
    if nxt.kind != "text" or prev.kind in ("blank", "table"):
        return False
    first = doc.text[nxt.line.start:nxt.line.end]
    last = doc.text[prev.line.start:prev.line.end]
    if nxt.line.index == prev.line.index + 1 and wrapped_on(doc, last, first):
        return True  # a hard-wrapped line (no blank or page-number line between)
    if prev.kind == "heading" and not first.lstrip()[:1].islower():
        return False
    return sentence_goes_on(last, first)


def continues_after(doc: Document, prev_end: int, start: int) -> bool:
    """Offset form of :func:`continues`: whether the line at ``start`` goes on with
    the sentence ending at ``prev_end``, with only blank and page-number lines
    (at most a few) between them."""
    gap = doc.text[prev_end:start]
    if gap.count("\n") > _MAX_GAP_LINES or not all(not ln.strip() or is_page_number(ln) for ln in gap.split("\n")):
        return False
    line_start = doc.text.rfind("\n", 0, prev_end) + 1
    line_end = doc.text.find("\n", start)
    return sentence_goes_on(doc.text[line_start:prev_end], doc.text[start:line_end if line_end >= 0 else len(doc.text)])


def get_paragraphs(doc: Document, infos: list[LineInfo], lo: int = 0, hi: Optional[int] = None) -> list[Span]:
    """Spans of the paragraphs of lines ``[lo, hi)``.

    A paragraph is a non-blank line; a line continuing a sentence across a
    page break (see :func:`continues`) joins the paragraph before it. Page
    numbers (``2``, ``Trang 2/5``) are no paragraph and, between the two
    halves of a sentence, do not stop the join.
    """
    hi = len(infos) if hi is None else hi
    out: list[Span] = []
    prev: Optional[LineInfo] = None
    for info in infos[lo:hi]:
        if info.kind == "blank":
            continue
        text = doc.text[info.line.start:info.line.end]
        if info.kind == "text" and is_page_number(text):
            continue
        start = info.line.start + (len(text) - len(text.lstrip()))
        end = info.line.start + len(text.rstrip())
        if prev is not None and out and continues(doc, prev, info):
            out[-1] = Span(out[-1].start, end)
        else:
            out.append(Span(start, end))
        prev = info
    return out
