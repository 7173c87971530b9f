"""Plain text: UTF-8 (BOM or not), UTF-16 (BOM), legacy Vietnamese code pages."""
from __future__ import annotations

from typing import Optional

from vnplan.errors import DecodeError
from vnplan.text.normalise import nfc


def decode(data: bytes, name: str) -> tuple[str, Optional[str], list[int]]:
    """Text, encoding name, and page starts (none for plain text)."""
    text, encoding = decode_text(data, name)
    return clean_text(text), encoding, []


def clean_text(text: str) -> str:
    """NFC, unified line breaks, form feeds kept as line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return nfc(text)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes of a text file; raise DecodeError when nothing fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data[:4096]:
        raise DecodeError(name, "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from vnplan.text import legacy  # TCVN3 / VNI / Windows-1258 detection

    guess = legacy.detect_and_decode(data)
    if guess is None:
        raise DecodeError(name, "bytes are not UTF-8, UTF-16 or a known Vietnamese encoding")
    return guess


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise DecodeError(name, f"invalid {encoding} at byte {err.start}") from None
