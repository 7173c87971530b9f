"""Readers: bytes of any supported format -> :class:`~vnplan.model.Document`.

The format is chosen from the content (magic bytes), not the extension.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable, Optional

from vnplan.errors import (ConverterMissingError, EmptyDocumentError, FileTooLargeError, UnsupportedFormatError,
                           VnplanError)
from vnplan.model import Document, Source

DEFAULT_MAX_BYTES = int(os.environ.get("VNPLAN_MAX_BYTES", 50 * 1024 * 1024))


def sniff(data: bytes) -> str:
    """Format name from the leading bytes: pdf, docx, doc, html or txt."""
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    low = head.lower()
    for bom in (b"\xef\xbb\xbf",):
        if low.startswith(bom):
            low = low[len(bom):].lstrip()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or (b"<html" in low[:512] and b"<body" in data[:65536].lower()):
        return "html"
    return "txt"


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


def read_bytes(data: bytes, name: Optional[str] = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode ``data`` into a Document; ``name`` is used in errors and ``source.path``."""
    label = name or "<bytes>"
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


def read_path(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a file from disk (size checked before it is loaded)."""
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
