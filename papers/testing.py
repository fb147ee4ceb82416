"""Test files made on the fly: a small Word document and PDFs of chosen length."""

from __future__ import annotations

import io
import zipfile

import pikepdf
import weasyprint

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A .docx whose body is ``(style, text)`` paragraphs; style "Heading1" or "" for normal."""

    def para(style: str, text: str) -> str:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"

    body = "".join(para(style, text) for style, text in paragraphs)
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def pdf(pages: int, text: str = "Uploaded paper") -> bytes:
    """A PDF of exactly ``pages`` pages, each saying ``text`` and its page number."""
    body = "".join(
        f'<section style="break-after: page"><p>{text}, sheet {n}</p></section>'
        for n in range(1, pages + 1)
    )
    return weasyprint.HTML(string=f"<html lang='en'><body>{body}</body></html>").write_pdf()


def encrypted_pdf(password: str = "secret") -> bytes:
    src = pikepdf.open(io.BytesIO(pdf(1)))
    out = io.BytesIO()
    src.save(out, encryption=pikepdf.Encryption(owner=password, user=password, R=6))
    return out.getvalue()
