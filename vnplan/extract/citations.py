"""Legal bases: the instruments a plan cites in its preamble.

``Căn cứ Nghị quyết 152/NQ-HĐND ngày 16/12/2020 của Hội đồng nhân dân quận
Long Biên ...`` -> type ``Nghị quyết``, number ``152/NQ-HĐND``, symbol
``NQ-HĐND``, date 2020-12-16, issuer ``Hội đồng nhân dân quận Long Biên``.

Every instrument the preamble mentions is reported, including one that a
cited instrument implements (``Kế hoạch số 136-KH/QU ... về thực hiện Nghị
quyết số 20-NQ/TW``), each once (first mention). The issuer is the ``của
...`` phrase right after the number and date; failing that, the body implied
by the symbol's suffix (``QĐ-BYT`` -> Bộ Y tế, ``patterns/issuers.yaml``).
Vocabulary: ``patterns/legal.yaml``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional

import regex

from vnplan import patterns
from vnplan.model import DateParts, Document, LegalBasis, Span
from vnplan.structure.issuer import normalise_issuer, symbol_issuer
from vnplan.text.normalise import key

_NONSPACE = regex.compile(r"\S+")
_NUMBER_SYMBOL = regex.compile(r"^\d+(?:/(?:19|20)\d{2})?[/\-](.+)$")
_LETTER = regex.compile(r"\p{L}")
_SPACES = regex.compile(r"\s+")
_LEADING_ZEROS = regex.compile(r"^0+")

_SYM = r"[\p{L}][\p{L}\d&]{0,12}"
_NUMBER = (rf"(?P<num>\d{{1,6}}(?:/(?:19|20)\d{{2}})?(?:\s?[/\-]\s?{_SYM}(?:\s?[\-/]\s?{_SYM}){{0,3}})"
           rf"|(?<=số\s{{0,3}})\d{{1,6}}(?![\d/\-]))")
_DATE = regex.compile(
    r"[\s,]{0,3}ngày\s{0,3}(?:(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s{1,3}tháng\s{1,3}(?P<m2>\d{1,2})\s{1,3}năm\s{1,3}(?P<y2>\d{4}))", regex.V1)
_OF = regex.compile(r"[\s,]{0,3}của\s+", regex.V1)
_STOP_PUNCT = regex.compile(r"[,;:.(\"“”)]")


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return patterns.load("legal")


@lru_cache(maxsize=1)
def _mention_re() -> "regex.Pattern[str]":
    types = sorted(_cfg()["types"], key=len, reverse=True)
    alts = "|".join(key(t) for t in types)
    return regex.compile(rf"(?<!\p{{L}})(?P<type>{alts})\s{{1,3}}(?:số\s{{0,3}}:?\s{{0,3}})?{_NUMBER}", regex.V1)


@lru_cache(maxsize=1)
def _named_re() -> "regex.Pattern[str]":
    named = [key(t) for t in _cfg()["named_types"]]
    alts = "|".join(sorted(named, key=len, reverse=True))
    return regex.compile(rf"(?<!\p{{L}})(?P<type>{alts})\s(?P<name>[^,;:.()\d]{{2,120}}?)(?=\s(?:ngày|số|năm|của)|[,;.(]|$)",
                         regex.V1)


@lru_cache(maxsize=1)
def _issuer_stop_re() -> "regex.Pattern[str]":
    stops = sorted((key(s) for s in _cfg()["issuer_stop"]), key=len, reverse=True)
    return regex.compile(r"(?:" + "|".join(regex.escape(s) for s in stops) + r")(?!\p{L})", regex.V1)


def _issuer_after(doc: Document, pos: int, limit: int) -> tuple[Optional[str], int]:
    """``của X`` starting at ``pos``: the issuer and the offset after it."""
    m = _OF.match(doc.key, pos, limit)
    if not m:
        return None, pos
    stop_re = _issuer_stop_re()
    words, i = [], m.end()
    limit = _line_end(doc, i, limit)
    end = i
    for w in _NONSPACE.finditer(doc.text[i:limit]):
        token = w.group()
        if stop_re.match(doc.key, i + w.start(), limit) or len(words) >= _cfg()["issuer_max_words"]:
            break
        cut = _STOP_PUNCT.search(token)
        if cut and cut.start() == 0:
            break
        words.append(token[:cut.start()] if cut else token)
        end = i + w.start() + (cut.start() if cut else len(token))
        if cut:
            break
    name = normalise_issuer(" ".join(words)) if words else None
    return name, end if words else pos


def _line_end(doc: Document, pos: int, limit: int) -> int:
    """End of the sentence line at ``pos``, or of the lines that go on with it
    (a hard-wrapped ``... Ban Chấp hành`` / ``Trung ương Đảng khóa XII``); the
    issuer never runs into the next ``Căn cứ ...`` line."""
    from vnplan.structure.lines import sentence_goes_on, wrapped_on

    line_start = doc.text.rfind("\n", 0, pos) + 1
    while True:
        eol = doc.text.find("\n", pos, limit)
        if eol < 0:
            return limit
        nxt = doc.text.find("\n", eol + 1, limit)
        nxt = limit if nxt < 0 else nxt
        last, first = doc.text[line_start:eol], doc.text[eol + 1:nxt]
        if not (sentence_goes_on(last, first) or wrapped_on(doc, last, first)):
            return eol
        line_start, pos = eol + 1, eol + 1


def _date_after(doc: Document, pos: int, limit: int) -> tuple[Optional[DateParts], int]:
    m = _DATE.match(doc.key, pos, limit)
    if not m:
        return None, pos
    d, mo, y = (m.group("d") or m.group("d2"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2"))
    return DateParts(int(y), int(mo) if 1 <= int(mo) <= 12 else None, int(d) if 1 <= int(d) <= 31 else None), m.end()


def _symbol(number: str) -> Optional[str]:
    m = _NUMBER_SYMBOL.match(number)
    return m.group(1) if m and _LETTER.search(m.group(1)) else None


def _type_name(k: str) -> str:
    return {key(t): v for t, v in _cfg()["types"].items()}[" ".join(k.split())]


def mentions(doc: Document, start: int, end: int) -> Iterable[LegalBasis]:
    """Every instrument mention in ``doc.text[start:end]``, in order."""
    found: list[LegalBasis] = []
    for m in _mention_re().finditer(doc.key, start, end):
        number = _SPACES.sub("", doc.text[m.start("num"):m.end("num")])
        symbol = _symbol(number)
        date, pos = _date_after(doc, m.end(), end)
        issuer, pos2 = _issuer_after(doc, pos, end)
        stop = pos2 if issuer else pos
        found.append(LegalBasis(
            type=_type_name(m.group("type")), number=number, symbol=symbol, date=date,
            issuer=issuer or symbol_issuer(symbol),
            text=doc.text[m.start():stop], span=Span(m.start(), stop)))
    for m in _named_re().finditer(doc.key, start, end):
        if not doc.text[m.start("name")].isupper():
            continue
        if any(b.span.start <= m.start() < b.span.end for b in found):
            continue
        date, pos = _date_after(doc, m.end(), end)
        issuer, pos2 = _issuer_after(doc, pos, end)
        stop = pos2 if issuer else pos
        found.append(LegalBasis(
            type=_type_name(m.group("type")), number=None, symbol=None, date=date, issuer=issuer,
            text=doc.text[m.start():stop], span=Span(m.start(), stop)))
    return sorted(found, key=lambda b: b.span.start)


def get_legal_bases(doc: Document, preamble: Optional[Span]) -> list[LegalBasis]:
    """Instruments cited in the preamble, each once (first mention kept)."""
    if preamble is None:
        return []
    out, seen = [], set()
    for basis in mentions(doc, preamble.start, preamble.end):
        ident = _LEADING_ZEROS.sub("", basis.number) if basis.number else key(basis.text)
        if ident in seen:
            continue
        seen.add(ident)
        basis.page = doc.page_at(basis.span.start)
        out.append(basis)
    return out
