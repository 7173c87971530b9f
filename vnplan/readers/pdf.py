"""PDF with a text layer: lines in reading order re-joined into paragraphs.

Running headers, footers and page numbers (lines in the page margins that
repeat on most pages, or are only a page number) are removed; a sentence
broken across lines or pages becomes one paragraph; a heading stays on its own
line; tables found by pdfplumber become tab-separated rows. ``page_starts``
holds the offset of each page's first character in the returned text.
"""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from vnplan.errors import (CorruptDocumentError, EmptyPdfError, EncryptedDocumentError, NoTextLayerError,
                           TruncatedFileError)
from vnplan.readers.txt import clean_text
from vnplan.text.legacy import decode_font_text, fix_font_encoding

# A line that starts a new paragraph whatever its position: a heading number or
# list mark (I. / 1. / 1.2. / a) / - / + / •), or a document part word.
_STARTS_ITEM = re.compile(r"^(?:[IVXLC]{1,6}[.)]|\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[a-zđ][)]|[-+•–*]\s|\(\d{1,2}\)|"
                          r"(?:PHẦN|Phần|Phụ lục|PHỤ LỤC|Biểu|BIỂU|Điều|ĐIỀU|Chương|CHƯƠNG)\s)")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:trang|page)?\s*\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?\s*(?:[-–])?\s*$",
                          re.I)
_DIGITS = re.compile(r"\d+")
MARGIN = 0.1          # share of the page height at top and bottom searched for running lines
SHORT_LINE = 0.82     # a line ending before this share of the text width ends its paragraph
GAP_FACTOR = 1.45     # a vertical gap over this many typical line pitches starts a paragraph
INDENT = 12.0         # points of first-line indent that start a paragraph
LINE_TOLERANCE = 0.4  # words whose tops differ by less than this share of their height share a line
COLUMN_GAP = 2.5      # a gap wider than this many font sizes separates two columns (a tab)
SCAN_CHARS_PER_PAGE = 200  # fewer text characters per page than this, with images: a scan
CENTRED = 4.0         # points: a line whose middle is this close to the text's middle is centred


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    row: bool = False  # a table row (tab-separated cells)


def decode(data: bytes, name: str) -> tuple[str, Optional[str], list[int]]:
    """Text, no encoding (PDF text is Unicode), and the page starts."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as err:  # pdfplumber wraps pdfminer's errors in PdfminerException
        inner = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or "encrypt" in type(inner).__name__.lower():
            raise EncryptedDocumentError(name, f"PDF is encrypted with a password ({type(inner).__name__})") from None
        if b"%%EOF" not in data[-2048:]:  # cut off before its end-of-file marker
            raise TruncatedFileError(name, f"PDF is truncated ({len(data):,} bytes, no %%EOF marker at the end; "
                                           f"{type(inner).__name__}: {inner})") from None
        if isinstance(inner, PDFSyntaxError):
            raise CorruptDocumentError(name, f"PDF is corrupt ({inner})") from None
        raise CorruptDocumentError(name, f"PDF cannot be opened ({type(inner).__name__}: {inner})") from None
    with pdf:
        try:
            pages = list(pdf.pages)
        except Exception as err:
            raise CorruptDocumentError(name, f"PDF page tree is corrupt ({type(err).__name__})") from None
        if not pages:
            raise EmptyPdfError(name, "PDF has no pages (its page tree is empty)")
        try:
            per_page = [_page_lines(p, i) for i, p in enumerate(pages)]
            has_images = any(p.images for p in pages)
        except Exception as err:
            raise CorruptDocumentError(name, f"PDF content cannot be read ({type(err).__name__}: {err})") from None
    if not any(per_page):
        raise NoTextLayerError(name, f"PDF has no text layer ({len(pages)} page(s), a scan?); OCR is needed "
                                     "(e.g. ocrmypdf) before vnplan can read it")
    chars = sum(len(ln.text) for lines in per_page for ln in lines)
    if has_images and chars < SCAN_CHARS_PER_PAGE * len(pages):
        # a scan that carries only a stamp or a digital-signature box ("Ký bởi: ...") as text
        raise NoTextLayerError(name, f"PDF is a scan: only {chars} characters of text on {len(pages)} page(s) "
                                     "besides images; OCR is needed (e.g. ocrmypdf) before vnplan can read it")
    per_page = drop_running_lines(per_page, [(p.height) for p in pages])
    text, page_starts = join_lines(per_page)
    _, font_encoding = fix_font_encoding(text)  # typed in .VnTime (TCVN3) or VNI fonts
    if font_encoding:  # convert line by line, then join again: offsets and page starts stay right
        for lines in per_page:
            for ln in lines:
                ln.text = decode_font_text(ln.text, font_encoding)
        text, page_starts = join_lines(per_page)
    return clean_text(text), font_encoding, page_starts


def _page_lines(page, index: int) -> list[Line]:
    """Text lines and table rows of one page, top to bottom."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    body = page.filter(outside) if boxes else page
    lines = words_to_lines(body.extract_words(keep_blank_chars=False, use_text_flow=False), index)
    for table in tables:
        x0, top, x1, bottom = table.bbox
        rows = table.extract()
        height = (bottom - top) / max(len(rows), 1)
        for k, row in enumerate(rows):
            cells = [" ".join((c or "").split()) for c in row]
            if any(cells):
                lines.append(Line("\t".join(cells), x0, x1, top + k * height, top + (k + 1) * height, index, row=True))
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return lines


def words_to_lines(words: list[dict], page: int) -> list[Line]:
    """Group words into lines by their vertical position; a wide horizontal gap
    (two-column header: issuer | motto, number | place and date) becomes a tab."""
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and abs(w["top"] - rows[-1][0]["top"]) <= LINE_TOLERANCE * max(w["bottom"] - w["top"], 1.0):
            rows[-1].append(w)
        else:
            rows.append([w])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        parts = [row[0]["text"]]
        for a, b in zip(row, row[1:]):
            size = max(a["bottom"] - a["top"], 1.0)
            parts.append("\t" if b["x0"] - a["x1"] > COLUMN_GAP * size else " ")
            parts.append(b["text"])
        text = "".join(parts).strip()
        if text:
            lines.append(Line(text, row[0]["x0"], row[-1]["x1"], min(w["top"] for w in row),
                              max(w["bottom"] for w in row), page))
    return lines


def drop_running_lines(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove running headers/footers (margin lines repeating on most pages,
    digits ignored) and bare page numbers."""
    n = len(pages)
    counts: Counter[str] = Counter()
    for lines, h in zip(pages, heights):
        seen = {_DIGITS.sub("#", ln.text) for ln in lines if not ln.row and _in_margin(ln, h)}
        counts.update(seen)
    repeated = {t for t, c in counts.items() if n >= 2 and c >= max(2, 0.5 * n)}
    out = []
    for lines, h in zip(pages, heights):
        keep = []
        for ln in lines:
            if not ln.row and _in_margin(ln, h) and (_DIGITS.sub("#", ln.text) in repeated or _PAGE_NUMBER.match(ln.text)):
                continue
            keep.append(ln)
        out.append(keep)
    return out


def _in_margin(ln: Line, height: float) -> bool:
    return ln.bottom <= MARGIN * height or ln.top >= (1 - MARGIN) * height


def join_lines(pages: list[list[Line]]) -> tuple[str, list[int]]:
    """Paragraphs (blank line between them), consecutive table rows on
    consecutive lines, and the offset where each page starts."""
    text_lines = [ln for lines in pages for ln in lines if not ln.row]
    left = min((ln.x0 for ln in text_lines), default=0.0)
    right = max((ln.x1 for ln in text_lines), default=1.0)
    width = max(right - left, 1.0)
    pitch = _typical_pitch(pages, left + SHORT_LINE * width)
    out: list[str] = []
    size = 0
    page_starts: list[int] = []
    prev: Optional[Line] = None
    for lines in pages:
        page_start: Optional[int] = None
        for ln in lines:
            if prev is None:
                sep = ""
            elif ln.row and prev.row:
                sep = "\n"
            elif ln.row or prev.row or _new_paragraph(prev, ln, left, width, pitch):
                sep = "\n\n"
            else:
                sep = " "
            out.append(sep)
            size += len(sep)
            if page_start is None:
                page_start = size
            out.append(ln.text)
            size += len(ln.text)
            prev = ln
        page_starts.append(page_start if page_start is not None else size)
    return "".join(out) + "\n", page_starts


def _typical_pitch(pages: list[list[Line]], full: float = float("inf")) -> float:
    """Line pitch inside a paragraph: the gap after lines that run to the right margin
    (they wrapped), else after any line. A plan of many one-line paragraphs would
    otherwise take the paragraph spacing for the pitch and run them together."""
    gaps = [b.top - a.top for lines in pages for a, b in zip(lines, lines[1:])
            if not a.row and not b.row and 0 < b.top - a.top < 40]
    wrapped = [b.top - a.top for lines in pages for a, b in zip(lines, lines[1:])
               if not a.row and not b.row and a.x1 >= full and 0 < b.top - a.top < 40]
    if len(wrapped) >= 3:
        return statistics.median(wrapped)
    return statistics.median(gaps) if gaps else 14.0


_BULLET = re.compile(r"^[-+–]\s")
_ENDS_CLAUSE = re.compile(r"[.;:!?…)\]”\"]$")


def _new_paragraph(prev: Line, ln: Line, left: float, width: float, pitch: float) -> bool:
    if "\t" in prev.text or "\t" in ln.text:
        return True                                    # two-column header lines stay lines
    if _STARTS_ITEM.match(ln.text):
        # a dash after a full line that ends mid-clause is a hyphen of running text
        # ('kinh tế\n- xã hội'), not a bullet
        if not (_BULLET.match(ln.text) and not _ENDS_CLAUSE.search(prev.text)):
            return True
    middle = left + width / 2
    if (abs((prev.x0 + prev.x1) / 2 - middle) < CENTRED and abs((ln.x0 + ln.x1) / 2 - middle) < CENTRED
            and prev.x1 - prev.x0 > 0.6 * width and ln.page == prev.page and ln.top - prev.top <= GAP_FACTOR * pitch
            and _is_caps(prev.text) == _is_caps(ln.text)):
        return False                                   # a centred title wrapped over two lines
    if prev.x1 < left + SHORT_LINE * width:          # previous line stopped short: its paragraph ended
        return True
    if ln.x0 > left + INDENT and ln.x0 - prev.x0 > INDENT / 2 and not _STARTS_ITEM.match(prev.text):
        return True  # first-line indent (after an item mark it is the item's hanging indent)
    if ln.page == prev.page and ln.top - prev.top > GAP_FACTOR * pitch:
        return True
    if _is_caps(prev.text) != _is_caps(ln.text):
        return True                                    # a capitals heading never runs into its body
    return False


def _is_caps(text: str) -> bool:
    """A line in capitals of at least two words (a heading, not an acronym)."""
    return text.isupper() and sum(any(c.isalpha() for c in w) for w in text.split()) >= 2
