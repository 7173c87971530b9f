"""Word 97-2003 ``.doc``: converted to DOCX by LibreOffice, then read as DOCX.

LibreOffice is optional. Without ``soffice`` (or ``libreoffice``) on the PATH
the reader raises :class:`ConverterMissingError` saying how to install it.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

from vnplan.errors import ConverterMissingError, CorruptDocumentError, EncryptedDocumentError

CONVERTERS = ("soffice", "libreoffice")
TIMEOUT = 120  # seconds for one conversion
INSTALL_HINT = ("install LibreOffice so that 'soffice' is on the PATH "
                "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; "
                "Windows: libreoffice.org), or save the file as .docx")


def find_converter() -> Optional[str]:
    """Path of the LibreOffice binary, or None."""
    for name in CONVERTERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def decode(data: bytes, name: str) -> tuple[str, Optional[str], list[int]]:
    """Text of a .doc through LibreOffice and the DOCX reader."""
    if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data[:65536]:
        raise EncryptedDocumentError(name, "Office document is encrypted with a password")
    soffice = find_converter()
    if soffice is None:
        raise ConverterMissingError(name, f"Word 97-2003 .doc needs LibreOffice to convert it: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="vnplan-doc-") as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
               "--convert-to", "docx", "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, check=True, timeout=TIMEOUT, capture_output=True)
        except subprocess.TimeoutExpired:
            raise CorruptDocumentError(name, f"LibreOffice did not convert the file within {TIMEOUT} s") from None
        except (subprocess.CalledProcessError, OSError) as err:
            raise CorruptDocumentError(name, f"LibreOffice could not convert the file ({err})") from None
        out = Path(tmp) / "input.docx"
        if not out.is_file():
            raise CorruptDocumentError(name, "LibreOffice could not convert the file (no output)")
        from vnplan.readers.docx import decode as decode_docx

        return decode_docx(out.read_bytes(), name)
