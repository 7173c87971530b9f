"""Legacy Vietnamese encodings (Windows-1258; TCVN3 and VNI to come)."""
from __future__ import annotations

from typing import Optional


def detect_and_decode(data: bytes) -> Optional[tuple[str, str]]:
    """Best legacy decoding of ``data`` as ``(text, encoding)``, or None."""
    try:
        return data.decode("cp1258"), "windows-1258"
    except UnicodeDecodeError:
        return None
