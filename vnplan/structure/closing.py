"""The closing block: recipients (*Nơi nhận*) and the signer (TM./KT. block).

Flattened two-column closings put a recipient and a signature line on one
line (``- Như trên;<TAB>KT. CHỦ TỊCH``): the first cell is the recipient,
the others belong to the signature.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from vnplan import patterns
from vnplan.model import Document, Recipient, Signer, Span
from vnplan.structure.issuer import normalise_issuer
from vnplan.structure.lines import Cell, LineInfo, cells
from vnplan.text.normalise import key

_NOI_NHAN_LEAD = regex.compile(r"^nơi nhận[\s*_]*:?[\s*_]*")

_BULLET = regex.compile(r"^[\s*_]*[-+•·–—]\s*")
# Trailing debris after an item: punctuation, markdown, OCR crumbs like "*κ*".
_ITEM_TAIL = regex.compile(r"(?:[\s;,.*_]|\*[^*\s]{1,3}\*?)+$")
_NAME_WORD = regex.compile(r"^\p{Lu}[\p{Ll}\p{Lu}]{0,10}\.?$", regex.V1)


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return patterns.load("layout")


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    return {" ".join(key(k).split()): v for k, v in _cfg()["signer_titles"].items()}


@lru_cache(maxsize=1)
def _noise_re() -> "regex.Pattern[str]":
    return regex.compile(r"^(?:" + "|".join(_cfg()["signature_noise"]) + r")$", regex.V1)


def _prefix(k: str, kind: str) -> Optional[int]:
    """Length of an ``on_behalf``/``authority`` prefix at the start of ``k``."""
    for p in _cfg()["signature_prefixes"][kind]:
        p = key(p)
        if k.startswith(p) and (len(k) == len(p) or not k[len(p)].isalpha() or p.endswith((".", " "))):
            return len(p)
    return None


def _is_signature_text(text: str) -> bool:
    k = " ".join(key(text).split())
    return bool(_prefix(k, "on_behalf") is not None or _prefix(k, "authority") is not None
                or (text.isupper() and k in _titles()))


def _recipient(doc: Document, frag: Cell) -> Optional[Recipient]:
    """A Nơi nhận item without its bullet, column debris and final punctuation."""
    bullet = _BULLET.match(frag.text)
    start = frag.span.start + (bullet.end() if bullet else 0)
    end = frag.span.end
    tail = _ITEM_TAIL.search(doc.text, start, end)
    if tail:
        end = tail.start()
    if end <= start:
        return None
    return Recipient(doc.text[start:end], Span(start, end), doc.page_at(start))


# Items run together on one line: "Nơi nhận: - Sở Y tế; - UBND các xã; - Lưu VT."
# Right after "Nơi nhận:" the bullets may be left out: "Nơi nhận: Sở Y tế; UBND các xã; Lưu VT."
_INLINE_ITEM = regex.compile(r"(?<=;)\s*(?=[-+•·–—]\s*\S)", regex.V1)
_INLINE_PLAIN_ITEM = regex.compile(r"(?<=;)\s*(?=\S)", regex.V1)


def _recipients(doc: Document, frag: Cell, bare: bool = False) -> list[Recipient]:
    """The Nơi nhận items of one cell: one, or several run together after ``;``
    (``bare``: the items need no bullet, as on the ``Nơi nhận:`` line itself)."""
    out, start = [], frag.span.start
    rx = _INLINE_PLAIN_ITEM if bare else _INLINE_ITEM
    cuts = [frag.span.start + m.end() for m in rx.finditer(frag.text)] + [frag.span.end]
    for end in cuts:
        piece = Cell(doc.text[start:end], Span(start, end))
        if r := _recipient(doc, piece):
            out.append(r)
        start = end
    return out


def get_closing(doc: Document, infos: list[LineInfo], lo: int, hi: int) -> tuple[list[Recipient], Signer]:
    """Recipients and signer of the closing block, lines ``[lo, hi)``.

    Works cell by cell so that two-column layouts flattened onto one line
    (tabs, ``|`` table rows, ``<br>``) are split into recipient items and
    signature lines.
    """
    recipients: list[Recipient] = []
    signature: list[Cell] = []
    in_list = False
    for info in infos[lo:hi]:
        if info.kind == "blank":  # DOCX/PDF/HTML put each recipient in its own paragraph:
            continue              # the list ends at the first line that is no item
        for frag in cells(doc, info.line):
            k = key(frag.text)
            if k.startswith("nơi nhận"):
                in_list = True
                rest = _NOI_NHAN_LEAD.match(k).end()
                if rest < len(frag.text):
                    item = Cell(frag.text[rest:], Span(frag.span.start + rest, frag.span.end))
                    recipients.extend(_recipients(doc, item, bare=True))
                continue
            if in_list and not _is_signature_text(frag.text) and (_BULLET.match(frag.text) or not recipients):
                recipients.extend(_recipients(doc, frag))
                continue
            signature.append(frag)
    signer = parse_signer(signature)
    if signer.span is not None:
        signer.page = doc.page_at(signer.span.start)
    return recipients, signer


def _title_case(text: str) -> str:
    k = " ".join(key(text).split())
    if k in _titles():
        return _titles()[k]
    words = text.lower().split()
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


def _person(text: str) -> Optional[str]:
    words = text.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in text):
        return None
    if not all(_NAME_WORD.match(w) for w in words):
        return None
    if text.isupper():
        return " ".join(w[:1] + w[1:].lower() for w in words)
    return text


def parse_signer(frags: list[Cell]) -> Signer:
    """``TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Lê Khắc Nam``."""
    s = Signer()
    first: Optional[int] = None
    last: Optional[int] = None
    for f in frags:
        text = " ".join(f.text.split())
        k = key(text)
        if _noise_re().match(k):
            continue
        used = True
        if (n := _prefix(k, "on_behalf")) is not None and s.on_behalf is None:
            s.on_behalf = normalise_issuer(text[n:])
        elif (n := _prefix(k, "authority")) is not None and s.authority is None:
            s.authority = _title_case(text[n:].strip())
        elif text.isupper() and " ".join(k.split()) in _titles() and s.title is None:
            s.title = _title_case(text)
        elif s.name is None and (name := _person(text)) and (s.title or s.on_behalf or s.authority):
            s.name = name
        elif text.isupper() and s.title is None and (s.on_behalf or s.authority) and len(text) <= 60:
            s.title = _title_case(text)
        else:
            used = False
        if used:
            first = f.span.start if first is None else first
            last = f.span.end
    if first is not None:
        s.span = Span(first, last)
    return s
