"""Typed errors. Every message names the file and the problem."""
from __future__ import annotations


class VnplanError(Exception):
    """Base class of every error vnplan raises on bad input."""

    problem = "cannot be parsed"

    def __init__(self, name: str | None = None, problem: str | None = None):
        self.name = name or "<text>"
        self.problem = problem or self.problem
        super().__init__(f"{self.name}: {self.problem}")


class EmptyDocumentError(VnplanError):
    problem = "file is empty"


class NoBodyTextError(EmptyDocumentError):
    problem = "HTML page has no document text (only page chrome)"


class DecodeError(VnplanError):
    problem = "bytes cannot be decoded as Vietnamese text"


class FileTooLargeError(VnplanError):
    problem = "file is larger than the size limit"


class UnsupportedFormatError(VnplanError):
    problem = "file format is not supported"


class NoTextLayerError(VnplanError):
    problem = "PDF has no text layer (a scan?); OCR is needed"


class EncryptedDocumentError(VnplanError):
    problem = "document is encrypted"


class CorruptDocumentError(VnplanError):
    problem = "document is corrupt or truncated"


class TruncatedFileError(CorruptDocumentError):
    """The file ends early: a DOCX whose zip directory is missing (a cut-off
    download), a PDF that stops before its ``%%EOF``."""

    problem = "file is truncated"


class EmptyPdfError(CorruptDocumentError, EmptyDocumentError):
    """A well-formed PDF with zero pages (an ``EmptyDocumentError`` too)."""

    problem = "PDF has no pages"


class ConverterMissingError(VnplanError):
    problem = "a converter needed for this format is not installed"


class NotAPlanError(VnplanError):
    problem = "text has no plan structure"
