"""The text of a PDF, page by page, for tests that read back what Moot printed.

PDFium (pypdfium2, a test extra) reads a 136-page pack about fifteen times faster than pypdf,
with the same words; the tests fold white space where line breaks matter.
"""

from __future__ import annotations

import pypdfium2 as pdfium


def pages(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            document[i].get_textpage().get_text_range().replace("\r\n", "\n")
            for i in range(len(document))
        ]
    finally:
        document.close()


def text(pdf: bytes, sep: str = "\n") -> str:
    return sep.join(pages(pdf))
