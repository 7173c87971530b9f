"""Readers: bytes of any supported format -> :class:`~vnplan.model.Document`.

The format is chosen from the content (magic bytes), not the extension.
"""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from vnplan.errors import (ConverterMissingError, EmptyDocumentError, FileTooLargeError, UnsupportedFormatError,
                           VnplanError)
from vnplan.model import Document, Source

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # built-in size limit; VNPLAN_MAX_BYTES overrides it
MAX_BYTES_VARIABLE = "VNPLAN_MAX_BYTES"


def max_bytes_limit() -> int:
    """The size limit: ``VNPLAN_MAX_BYTES`` when set (read at each call), else the default.

    An invalid value raises ``ValueError`` with a one-line message (the CLI
    turns it into a usage error)."""
    raw = os.environ.get(MAX_BYTES_VARIABLE)
    if raw is None or not raw.strip():
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw.strip())
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError(f"{MAX_BYTES_VARIABLE} must be a whole number of bytes, 1 or more (got {raw!r})")
    return value


def sniff(data: bytes) -> str:
    """Format name from the leading bytes: pdf, docx, doc, html or txt."""
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (BOM): sniff its first characters as UTF-8
        sample = data[: 8192 - 8192 % 2].decode("utf-16", errors="ignore").encode("utf-8")
        return "html" if _looks_html(sample.lstrip(), sample) else "txt"
    return "html" if _looks_html(head, data) else "txt"


_FRAGMENT_CLOSE = re.compile(rb"</([a-z][a-z0-9]{0,9})\s*>", re.I)


def _looks_html(head: bytes, data: bytes) -> bool:
    """A page (doctype, ``<html>``, XHTML), or a saved fragment: it starts with
    an HTML element (``<div id=...><p>``; names in ``patterns/html.yaml``) and
    closes one in its first kilobytes. A text that only mentions a tag is text."""
    low = head.lower()
    if low.startswith(b"\xef\xbb\xbf"):
        low = low[3:].lstrip()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or (b"<html" in low[:512] and b"<body" in data[:65536].lower()):
        return True
    if not low.startswith(b"<"):
        return False
    m = re.match(rb"<!--|<([a-z][a-z0-9]{0,9})(?=[\s>/])", low)
    if m is None:
        return False
    tags = _fragment_tags()
    if m.group(1) is not None and m.group(1).decode("ascii") not in tags:
        return False
    return any(t.group(1).lower().decode("ascii") in tags for t in _FRAGMENT_CLOSE.finditer(low[:4096]))


@lru_cache(maxsize=1)
def _fragment_tags() -> frozenset[str]:
    from vnplan import patterns

    return frozenset(patterns.load("html")["fragment_tags"])


def _reader(fmt: str) -> Callable[[bytes, str], tuple[str, Optional[str], list[int]]]:
    """The decode function of a format (imported lazily: heavy dependencies)."""
    if fmt == "txt":
        from vnplan.readers.txt import decode
        return decode
    if fmt == "pdf":
        from vnplan.readers.pdf import decode
        return decode
    if fmt == "docx":
        from vnplan.readers.docx import decode
        return decode
    if fmt == "html":
        from vnplan.readers.html import decode
        return decode
    if fmt == "doc":
        from vnplan.readers.doc import decode
        return decode
    raise UnsupportedFormatError(None, f"format {fmt!r} is not supported")


def read_bytes(data: bytes, name: Optional[str] = None, *, max_bytes: Optional[int] = None) -> Document:
    """Decode ``data`` into a Document; ``name`` is used in errors and ``source.path``.
    ``max_bytes`` defaults to :func:`max_bytes_limit`."""
    label = name or "<bytes>"
    max_bytes = max_bytes_limit() if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise FileTooLargeError(label, f"file is {len(data):,} bytes, over the limit of {max_bytes:,}")
    if not data.strip():
        raise EmptyDocumentError(label)
    fmt = sniff(data)
    try:
        decode = _reader(fmt)
        text, encoding, page_starts = decode(data, label)
    except ModuleNotFoundError as err:  # a reader or its converter is not installed: typed, not a traceback
        raise ConverterMissingError(label, f"no converter for {fmt} files ({err.name} is not installed)") from None
    except VnplanError as err:
        if err.name in (None, "<text>"):
            err.name = label
            err.args = (f"{label}: {err.problem}",)
        raise
    if not text.strip():
        raise EmptyDocumentError(label, "document contains no text")
    source = Source(path=name, sha256=hashlib.sha256(data).hexdigest(), format=fmt, encoding=encoding, size=len(data))
    return Document(text=text, source=source, page_starts=page_starts)


def read_path(path: str | os.PathLike, *, max_bytes: Optional[int] = None) -> Document:
    """Read a file from disk (size checked before it is loaded)."""
    max_bytes = max_bytes_limit() if max_bytes is None else max_bytes
    p = Path(path)
    label = str(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise VnplanError(label, "file not found") from None
    except OSError as err:
        raise VnplanError(label, f"cannot read file ({err.strerror})") from None
    if p.is_dir():
        raise VnplanError(label, "is a directory, not a file")
    if size > max_bytes:
        raise FileTooLargeError(label, f"file is {size:,} bytes, over the limit of {max_bytes:,}")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise VnplanError(label, f"cannot read file ({err.strerror})") from None
    return read_bytes(data, label, max_bytes=max_bytes)
